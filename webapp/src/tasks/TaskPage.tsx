import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";

import { api, unwrap } from "@/api/client";
import { hasRole, useUser } from "@/auth/AuthProvider";
import { QueryError } from "@/components/ErrorMessage";
import { Loading } from "@/components/Loading";
import { PageHeader } from "@/components/PageHeader";
import { formatDateTime, formatDuration } from "@/lib/format";
import { nameById, useProjects, userName, useUsers } from "@/lib/lookups";

import { DueDate, PriorityText, ProgressBar, StatusBadge } from "./TaskBits";
import { TaskAdminPanel } from "./TaskAdminPanel";
import { TaskHistory } from "./TaskHistory";
import { TaskItems } from "./TaskItems";
import { workspacePath } from "@/viewer/modes/workspacePath";

import { kindLabel } from "./taskMeta";

/** One task: what it is, how far it got, its items and its history. */
export function TaskPage() {
  const taskId = Number(useParams().taskId);
  const me = useUser();
  const admin = hasRole(me, "admin");
  const [notice, setNotice] = useState<string | null>(null);
  const task = useQuery({
    queryKey: ["tasks", "one", taskId],
    queryFn: () => unwrap(api.GET("/api/v1/tasks/{task_id}", { params: { path: { task_id: taskId } } })),
  });
  const projects = useProjects();
  const users = useUsers(admin);
  const projectName = nameById(projects.data?.items, (p) => p.name);
  const assigneeName = nameById(users.data?.items, userName);

  if (task.isPending) return <Loading label="Loading the task" />;
  if (task.isError) return <QueryError error={task.error} onRetry={() => task.refetch()} />;
  const t = task.data;
  const workable = t.assignee_id === me.id && (t.status === "open" || t.status === "in_progress");

  return (
    <section className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link to={admin ? "/tasks" : "/"} className="text-teal-800 underline">
          {admin ? "Task board" : "My tasks"}
        </Link>{" "}
        / {t.name}
      </nav>
      <PageHeader title={t.name}>
        <StatusBadge status={t.status} />
        {workable && (
          <Link to={workspacePath(t)} className="rounded bg-teal-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-teal-800">
            Open in the workspace
          </Link>
        )}
      </PageHeader>
      {notice && (
        <p role="status" className="rounded border border-teal-200 bg-teal-50 p-2 text-sm text-teal-900">
          {notice}
        </p>
      )}
      {t.description && <p className="max-w-3xl whitespace-pre-line text-sm text-slate-700">{t.description}</p>}
      <dl className="grid max-w-4xl grid-cols-2 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-4">
        <dt className="text-slate-500">Project</dt>
        <dd>{projectName(t.project_id)}</dd>
        <dt className="text-slate-500">Kind</dt>
        <dd>{kindLabel(t.kind)}</dd>
        <dt className="text-slate-500">Assignee</dt>
        <dd>{t.assignee_id ? (admin ? assigneeName(t.assignee_id) : userName(me)) : "—"}</dd>
        <dt className="text-slate-500">Priority</dt>
        <dd><PriorityText priority={t.priority} /></dd>
        <dt className="text-slate-500">Due</dt>
        <dd><DueDate task={t} /></dd>
        <dt className="text-slate-500">Progress</dt>
        <dd><ProgressBar done={t.items_finished} total={t.items_total} /></dd>
        <dt className="text-slate-500">Time spent</dt>
        <dd>{formatDuration(t.active_seconds)}</dd>
        <dt className="text-slate-500">Items</dt>
        <dd>
          {t.items_done} done, {t.items_skipped} skipped, {t.items_total - t.items_finished} to do
        </dd>
        <dt className="text-slate-500">Created</dt>
        <dd>{formatDateTime(t.created_at)}</dd>
        <dt className="text-slate-500">Started</dt>
        <dd>{formatDateTime(t.started_at)}</dd>
        <dt className="text-slate-500">Finished</dt>
        <dd>{formatDateTime(t.finished_at)}</dd>
        <dt className="text-slate-500">Last activity</dt>
        <dd>{formatDateTime(t.last_activity_at)}</dd>
      </dl>
      {admin && <TaskAdminPanel task={t} users={users.data?.items ?? []} onChanged={setNotice} />}
      <div className="grid gap-6 xl:grid-cols-[2fr_1fr]">
        <TaskItems taskId={t.id} />
        <TaskHistory taskId={t.id} />
      </div>
    </section>
  );
}
