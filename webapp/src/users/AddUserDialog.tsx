import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { api, unwrap } from "@/api/client";
import type { Role, User } from "@/auth/AuthProvider";
import { Button } from "@/components/Button";
import { Dialog } from "@/components/Dialog";
import { ErrorMessage, QueryError } from "@/components/ErrorMessage";
import { TextField } from "@/components/Field";

import { RoleCheckboxes } from "./RoleCheckboxes";

export function AddUserDialog({ open, onClose, onAdded }: { open: boolean; onClose(): void; onAdded(user: User): void }) {
  const client = useQueryClient();
  const [username, setUsername] = useState("");
  const [fullName, setFullName] = useState("");
  const [email, setEmail] = useState("");
  const [title, setTitle] = useState("");
  const [password, setPassword] = useState("");
  const [roles, setRoles] = useState<Role[]>(["annotator"]);
  const [problem, setProblem] = useState<string | null>(null);

  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/users", {
          body: { username: username.trim(), full_name: fullName, email: email.trim() || null, title, password, roles },
        }),
      ),
    onSuccess: (user) => {
      client.invalidateQueries({ queryKey: ["users"] });
      reset();
      onAdded(user);
    },
  });

  function reset() {
    setUsername("");
    setFullName("");
    setEmail("");
    setTitle("");
    setPassword("");
    setRoles(["annotator"]);
    setProblem(null);
    add.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (roles.length === 0) {
      setProblem("Give the user at least one role.");
      return;
    }
    setProblem(null);
    add.mutate();
  }

  return (
    <Dialog open={open} title="Add a user" onClose={() => { reset(); onClose(); }}>
      <form onSubmit={submit} className="space-y-3">
        <TextField label="Username" required autoFocus value={username} onChange={setUsername} hint="Letters, digits, dot, dash or underscore." />
        <TextField label="Full name" value={fullName} onChange={setFullName} />
        <TextField label="E-mail" type="email" value={email} onChange={setEmail} />
        <TextField label="Title" value={title} onChange={setTitle} placeholder="e.g. Radiology resident" />
        <TextField label="Initial password" type="password" autoComplete="new-password" required value={password} onChange={setPassword} />
        <RoleCheckboxes value={roles} onChange={setRoles} />
        {problem && <ErrorMessage>{problem}</ErrorMessage>}
        {add.isError && <QueryError error={add.error} />}
        <div className="flex justify-end gap-2 pt-2">
          <Button onClick={() => { reset(); onClose(); }}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={add.isPending}>
            {add.isPending ? "Adding…" : "Add user"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
