import { useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/api/client";
import { QueryError } from "@/components/ErrorMessage";
import { Loading } from "@/components/Loading";
import { formatDateTime } from "@/lib/format";

import { StatusBadge } from "./TaskBits";

/** Every status change of the task: who, when, from, to and why. */
export function TaskHistory({ taskId }: { taskId: number }) {
  const history = useQuery({
    queryKey: ["tasks", "history", taskId],
    queryFn: () => unwrap(api.GET("/api/v1/tasks/{task_id}/history", { params: { path: { task_id: taskId } } })),
  });
  return (
    <section aria-labelledby="history-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="history-title" className="mb-2 font-medium">
        Status history
      </h2>
      {history.isPending && <Loading label="Loading history" />}
      {history.isError && <QueryError error={history.error} onRetry={() => history.refetch()} />}
      {history.data && (
        <ol className="space-y-2 text-sm" data-testid="status-history">
          {history.data.map((event) => (
            <li key={event.id} className="border-l-2 border-teal-600 pl-3">
              <div className="flex flex-wrap items-center gap-1">
                {event.from_status ? <StatusBadge status={event.from_status} /> : <span className="text-slate-500">new</span>}
                <span aria-hidden>→</span>
                <span className="sr-only">to</span>
                <StatusBadge status={event.to_status} />
              </div>
              <div className="text-xs text-slate-600">
                {formatDateTime(event.at)} · {event.actor_username ?? "system"}
                {event.reason && ` · ${event.reason}`}
              </div>
            </li>
          ))}
          {history.data.length === 0 && <li className="text-slate-500">No changes yet.</li>}
        </ol>
      )}
    </section>
  );
}
