import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { api, unwrap } from "@/api/client";
import { Button } from "@/components/Button";
import { QueryError, ErrorMessage } from "@/components/ErrorMessage";
import { TextField } from "@/components/Field";
import { PageHeader } from "@/components/PageHeader";

import { useAuth } from "./AuthProvider";

export function ChangePasswordPage() {
  const { forget } = useAuth();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);

  const change = useMutation({
    mutationFn: () =>
      unwrap(api.POST("/api/v1/users/me/password", { body: { current_password: current, new_password: next } })),
    onSuccess: () => {
      // The server ends every session of the user, this one included.
      forget("Your password was changed. Log in with the new one.");
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const differs = next !== repeat;
    setMismatch(differs);
    if (!differs) change.mutate();
  }

  return (
    <section className="max-w-md">
      <PageHeader title="Change your password" />
      <form onSubmit={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
        <TextField label="Current password" type="password" autoComplete="current-password" required value={current} onChange={setCurrent} />
        <TextField label="New password" type="password" autoComplete="new-password" required value={next} onChange={setNext} hint="At least 10 characters. You will be logged out everywhere." />
        <TextField label="Repeat the new password" type="password" autoComplete="new-password" required value={repeat} onChange={setRepeat} />
        {mismatch && <ErrorMessage>The two new passwords differ.</ErrorMessage>}
        {change.isError && <QueryError error={change.error} />}
        <Button type="submit" variant="primary" disabled={change.isPending}>
          {change.isPending ? "Changing…" : "Change password"}
        </Button>
      </form>
    </section>
  );
}
