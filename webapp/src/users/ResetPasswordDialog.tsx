import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { api, unwrap } from "@/api/client";
import type { User } from "@/auth/AuthProvider";
import { Button } from "@/components/Button";
import { Dialog } from "@/components/Dialog";
import { QueryError } from "@/components/ErrorMessage";
import { TextField } from "@/components/Field";

export function ResetPasswordDialog({ open, user, onClose, onDone }: { open: boolean; user: User; onClose(): void; onDone(): void }) {
  const [password, setPassword] = useState("");
  const reset = useMutation({
    mutationFn: () =>
      unwrap(api.POST("/api/v1/users/{user_id}/password", { params: { path: { user_id: user.id } }, body: { new_password: password } })),
    onSuccess: () => {
      setPassword("");
      onDone();
    },
  });
  function close() {
    setPassword("");
    reset.reset();
    onClose();
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    reset.mutate();
  }
  return (
    <Dialog open={open} title={`New password for ${user.username}`} onClose={close}>
      <form onSubmit={submit} className="space-y-3">
        <TextField label="New password" type="password" autoComplete="new-password" required autoFocus value={password} onChange={setPassword} hint="Their sessions end; tell them the new password yourself." />
        {reset.isError && <QueryError error={reset.error} />}
        <div className="flex justify-end gap-2">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={reset.isPending}>
            Set password
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
