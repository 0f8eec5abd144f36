import { formatDate } from "@/lib/format";

import { STATUSES, priorityLabel, type Priority, type Task, type TaskStatus } from "./taskMeta";

export function StatusBadge({ status }: { status: TaskStatus }) {
  const meta = STATUSES.find((s) => s.value === status);
  return (
    <span className={`inline-block rounded border px-1.5 py-0.5 text-xs font-medium ${meta?.badge ?? ""}`}>
      {meta?.label ?? status}
    </span>
  );
}

const PRIORITY_STYLE: Record<Priority, string> = {
  low: "text-slate-500",
  normal: "text-slate-800",
  high: "font-medium text-orange-800",
  urgent: "font-semibold text-red-800",
};

export function PriorityText({ priority }: { priority: Priority }) {
  return <span className={PRIORITY_STYLE[priority]}>{priorityLabel(priority)}</span>;
}

/** The due date; late work is red and says so in words too (not by colour alone). */
export function DueDate({ task }: { task: Pick<Task, "due_at" | "overdue"> }) {
  if (!task.due_at) return <span className="text-slate-400">—</span>;
  return task.overdue ? (
    <span className="font-medium text-red-700" data-overdue="true">
      {formatDate(task.due_at)} <span className="rounded bg-red-100 px-1 text-xs">overdue</span>
    </span>
  ) : (
    <span>{formatDate(task.due_at)}</span>
  );
}

export function ProgressBar({ done, total }: { done: number; total: number }) {
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div className="flex items-center gap-2" title={`${done} of ${total} items finished`}>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label="Progress"
        className="h-2 w-24 overflow-hidden rounded bg-slate-200"
      >
        <div className="h-full bg-teal-600" style={{ width: `${percent}%` }} />
      </div>
      <span className="text-xs tabular-nums text-slate-600">
        {done}/{total}
      </span>
    </div>
  );
}
