import { useState } from "react";

import { api, unwrap, type Schemas } from "@/api/client";

import { ModeHeader } from "../modes/ModeHeader";

/** The annotate mode's top bar: the shared task header plus done, and skip with a reason. */
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
    <ModeHeader
      task={task}
      at={at}
      onGo={onGo}
      actions={
        <>
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
        </>
      }
    />
  );
}
