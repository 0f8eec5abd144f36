import { useState } from "react";
import { Link } from "react-router";

import { api, unwrap, type Schemas } from "@/api/client";

/** Where the annotator is in the task: progress, previous / next / jump, done and skip with a reason. */
export function ItemBar({
  task,
  at,
  onGo,
  onChanged,
  beforeDone,
}: {
  task: Schemas["TaskRead"];
  at: Schemas["ItemAt"];
  onGo: (index: number | null | undefined) => void;
  onChanged: () => void;
  /** Runs before the item is marked done (saving the item's work as versions). */
  beforeDone?: () => Promise<void>;
}) {
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const path = { task_id: task.id, index: at.index };
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      onChanged();
      onGo(at.next_pending_index ?? at.next_index);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const button = "rounded px-2 py-0.5 text-xs hover:bg-slate-700 disabled:text-slate-500";
  return (
    <header className="flex flex-wrap items-center gap-2 border-b border-slate-700 px-3 py-1 text-sm">
      <Link to="/" className="text-teal-300 hover:underline">
        ← My tasks
      </Link>
      <span className="font-medium">{task.name}</span>
      <span className="text-xs text-slate-400" data-testid="task-progress">
        {task.items_finished} / {task.items_total} finished
      </span>
      <progress className="h-2 w-32" max={task.items_total || 1} value={task.items_finished} aria-label="Task progress" />
      <span className="flex-1" />
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
      <button
        type="button"
        className="rounded bg-teal-700 px-2 py-0.5 text-xs hover:bg-teal-600"
        onClick={() =>
          act(async () => {
            await beforeDone?.();
            return unwrap(api.POST("/api/v1/tasks/{task_id}/items/{index}/done", { params: { path } }));
          })
        }
      >
        Mark done
      </button>
      {skipping ? (
        <form
          className="flex items-center gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => unwrap(api.POST("/api/v1/tasks/{task_id}/items/{index}/skip", { params: { path }, body: { reason } })));
            setSkipping(false);
          }}
        >
          <input aria-label="Skip reason" required value={reason} onChange={(e) => setReason(e.target.value)} className="rounded bg-slate-800 px-1 text-xs" />
          <button type="submit" className={button}>
            Skip
          </button>
        </form>
      ) : (
        <button type="button" className={button} onClick={() => setSkipping(true)}>
          Skip…
        </button>
      )}
      {error && (
        <span role="alert" className="text-xs text-red-300">
          {error}
        </span>
      )}
    </header>
  );
}
