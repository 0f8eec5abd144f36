import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";

import { api, unwrap } from "@/api/client";
import { useUser, type User } from "@/auth/AuthProvider";
import { Button } from "@/components/Button";
import { QueryError } from "@/components/ErrorMessage";
import { Loading } from "@/components/Loading";
import { PageHeader } from "@/components/PageHeader";
import { formatDateTime } from "@/lib/format";

import { ResetPasswordDialog } from "./ResetPasswordDialog";
import { UserActivity } from "./UserActivity";
import { UserProfileForm } from "./UserProfileForm";
import { UserWorkStats } from "./UserWorkStats";

export function UserPage() {
  const userId = Number(useParams().userId);
  const me = useUser();
  const client = useQueryClient();
  const [resetting, setResetting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const user = useQuery({
    queryKey: ["users", "one", userId],
    queryFn: () => unwrap(api.GET("/api/v1/users/{user_id}", { params: { path: { user_id: userId } } })),
  });

  const setActive = useMutation({
    mutationFn: (active: boolean) =>
      unwrap(
        active
          ? api.POST("/api/v1/users/{user_id}/reactivate", { params: { path: { user_id: userId } } })
          : api.POST("/api/v1/users/{user_id}/deactivate", { params: { path: { user_id: userId } } }),
      ),
    onSuccess: (updated: User) => {
      client.setQueryData(["users", "one", userId], updated);
      client.invalidateQueries({ queryKey: ["users", "list"] });
      setNotice(updated.is_active ? "The user can log in again." : "The user is deactivated and logged out.");
    },
  });

  if (user.isPending) return <Loading label="Loading the user" />;
  if (user.isError) return <QueryError error={user.error} onRetry={() => user.refetch()} />;
  const u = user.data;
  const isMe = u.id === me.id;

  return (
    <section className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link to="/users" className="text-teal-800 underline">
          Users
        </Link>{" "}
        / {u.username}
      </nav>
      <PageHeader title={u.full_name ? `${u.full_name} (${u.username})` : u.username}>
        <Button onClick={() => setResetting(true)}>Reset password</Button>
        {u.is_active ? (
          <Button variant="danger" disabled={isMe || setActive.isPending} title={isMe ? "You cannot deactivate yourself" : undefined} onClick={() => setActive.mutate(false)}>
            Deactivate
          </Button>
        ) : (
          <Button variant="primary" disabled={setActive.isPending} onClick={() => setActive.mutate(true)}>
            Reactivate
          </Button>
        )}
      </PageHeader>
      {notice && (
        <p role="status" className="rounded border border-teal-200 bg-teal-50 p-2 text-sm text-teal-900">
          {notice}
        </p>
      )}
      {setActive.isError && <QueryError error={setActive.error} />}
      <dl className="grid max-w-3xl grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <dt className="text-slate-500">Status</dt>
        <dd>{u.is_active ? "Active" : <span className="text-red-800">Deactivated</span>}</dd>
        <dt className="text-slate-500">Last login</dt>
        <dd>{formatDateTime(u.last_login_at)}</dd>
        <dt className="text-slate-500">Added</dt>
        <dd>{formatDateTime(u.created_at)}</dd>
        <dt className="text-slate-500">Roles</dt>
        <dd>{u.roles.join(", ")}</dd>
      </dl>
      <div className="grid gap-6 xl:grid-cols-2">
        <UserProfileForm key={u.id + u.roles.join()} user={u} onSaved={() => setNotice("Saved.")} />
        <div className="space-y-6">
          <UserWorkStats user={u} />
          <UserActivity user={u} />
        </div>
      </div>
      <ResetPasswordDialog
        open={resetting}
        user={u}
        onClose={() => setResetting(false)}
        onDone={() => {
          setResetting(false);
          setNotice(`A new password is set for ${u.username}; their sessions have ended.`);
        }}
      />
    </section>
  );
}
