import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { api, unwrap } from "@/api/client";
import type { Role, User } from "@/auth/AuthProvider";
import { Button } from "@/components/Button";
import { ErrorMessage, QueryError } from "@/components/ErrorMessage";
import { TextField } from "@/components/Field";

import { RoleCheckboxes } from "./RoleCheckboxes";

export function UserProfileForm({ user, onSaved }: { user: User; onSaved(): void }) {
  const client = useQueryClient();
  const [fullName, setFullName] = useState(user.full_name);
  const [email, setEmail] = useState(user.email ?? "");
  const [title, setTitle] = useState(user.title);
  const [experience, setExperience] = useState(user.experience);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [problem, setProblem] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH("/api/v1/users/{user_id}", {
          params: { path: { user_id: user.id } },
          body: { full_name: fullName, email: email.trim() || null, title, experience, roles },
        }),
      ),
    onSuccess: (updated) => {
      client.setQueryData(["users", "one", user.id], updated);
      client.invalidateQueries({ queryKey: ["users", "list"] });
      onSaved();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (roles.length === 0) {
      setProblem("Keep at least one role.");
      return;
    }
    setProblem(null);
    save.mutate();
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Profile and roles">
      <h2 className="font-medium">Profile and roles</h2>
      <TextField label="Full name" value={fullName} onChange={setFullName} />
      <TextField label="E-mail" type="email" value={email} onChange={setEmail} />
      <TextField label="Title" value={title} onChange={setTitle} />
      <TextField label="Experience" value={experience} onChange={setExperience} placeholder="e.g. 8 years cardiac MR" />
      <RoleCheckboxes value={roles} onChange={setRoles} />
      {problem && <ErrorMessage>{problem}</ErrorMessage>}
      {save.isError && <QueryError error={save.error} />}
      <Button type="submit" variant="primary" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
