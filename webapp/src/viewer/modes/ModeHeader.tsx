import type { ReactNode } from "react";
import { Link } from "react-router";

import type { Schemas } from "@/api/client";

/**
 * The top bar of every task workspace (annotate, review, QC): the task, its
 * progress, and previous / next / jump through its items. `children` sit
 * beside the progress; `actions` (the annotate mode's done and skip) follow
 * the item navigation.
 */
export function ModeHeader({
  task,
  at,
  onGo,
  children,
  actions,
}: {
  task: Schemas["TaskRead"];
  at: Schemas["ItemAt"] | undefined;
  onGo: (index: number | null | undefined) => void;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  const button = "rounded px-2 py-0.5 text-xs hover:bg-slate-700 disabled:text-slate-500";
  return (
    <header className="flex flex-wrap items-center gap-2 border-b border-slate-700 px-3 py-1 text-sm">
      <Link to="/" className="text-teal-300 hover:underline">
        ← My tasks
      </Link>
      <span className="font-medium">{task.name}</span>
      <span className="rounded bg-slate-800 px-1.5 text-xs uppercase tracking-wide text-slate-300">{task.kind}</span>
      <span className="text-xs text-slate-400" data-testid="task-progress">
        {task.items_finished} / {task.items_total} finished
      </span>
      <progress className="h-2 w-32" max={task.items_total || 1} value={task.items_finished} aria-label="Task progress" />
      {children}
      <span className="flex-1" />
      {at && (
        <>
          <button type="button" className={button} disabled={at.previous_index == null} onClick={() => onGo(at.previous_index)}>
            ← Previous
          </button>
          <label className="text-xs">
            Item{" "}
            <input
              type="number"
              aria-label="Jump to item"
              min={1}
              max={at.total}
              defaultValue={at.index + 1}
              key={at.index}
              onKeyDown={(e) => {
                if (e.key === "Enter") onGo(Math.max(0, Math.min(at.total - 1, Number(e.currentTarget.value) - 1)));
              }}
              className="w-12 rounded bg-slate-800 px-1"
            />{" "}
            / {at.total}
          </label>
          <span className="text-xs text-slate-400" data-testid="item-status">
            {at.item.status}
          </span>
          <button type="button" className={button} disabled={at.next_index == null} onClick={() => onGo(at.next_index)}>
            Next →
          </button>
        </>
      )}
      {actions}
    </header>
  );
}

/** A whole-window message (loading, error, nothing left to do) with the way back. */
export function ModeMessage({ children, alert = false }: { children: ReactNode; alert?: boolean }) {
  return (
    <main className="flex h-screen flex-col items-center justify-center gap-2 bg-slate-950 text-slate-100">
      <p role={alert ? "alert" : "status"}>{children}</p>
      <Link to="/" className="text-teal-300 underline">
        Back to my tasks
      </Link>
    </main>
  );
}
