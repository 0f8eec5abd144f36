/**
 * The work on one item of a task: its annotations on the server, the autosave
 * queue that sends them, and the active time spent on it.
 *
 * Active seconds are taken once per save and go to two counters, each once:
 * the task item's time (the workflow's own count, shown in progress and
 * statistics) and the first annotation request of that save (the annotation's
 * history). Time posting is best effort: it never turns a save into an error.
 */
import { CSRF_HEADER, csrfToken } from "@/api/csrf";

import { ItemAnnotations, type ItemContext } from "../annotations/ItemAnnotations";
import { ActiveTime } from "./activeTime";
import { SaveQueue } from "./saveQueue";

export class ItemSession {
  readonly annotations: ItemAnnotations;
  readonly queue: SaveQueue<number>;
  readonly activeTime = new ActiveTime();
  private edits = 0;
  private closed = false;

  constructor(
    context: ItemContext,
    /** The item's index in the task for its time endpoint; null: time is not counted there. */
    private readonly itemIndex: number | null,
    private readonly onNotices: (notices: string[]) => void,
  ) {
    this.annotations = new ItemAnnotations(context);
    this.queue = new SaveQueue<number>({
      baseVersion: 0,
      takeActiveSeconds: () => this.activeTime.take(),
      send: async ({ activeSeconds, keepalive }) => {
        if (activeSeconds > 0 && this.itemIndex !== null) postItemTime(context.taskId, this.itemIndex, activeSeconds);
        const outcome = await this.annotations.save({ activeSeconds, keepalive });
        this.onNotices([...this.annotations.notices]);
        return outcome.ok ? { ok: true, version: 0 } : outcome;
      },
    });
  }

  /** Something was drawn or answered: an autosave follows within a few seconds. */
  edited(): void {
    this.edits += 1;
    this.queue.edit(this.edits);
  }

  /** Explicit save (Alt+S, Save button): drafts are sent and become versions. */
  saveVersion(): Promise<void> {
    this.annotations.wantVersion = true;
    this.edited();
    return this.queue.flush();
  }

  /** The tab is going away: what is unsaved leaves in a keepalive request. */
  exit(): void {
    this.edited();
    this.queue.flushOnExit();
  }

  /** Leaving the item: the last changes and active seconds are sent, then the queue stops. */
  leave(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.annotations.freeze();
    this.edited();
    return this.queue.flush().then(() => this.queue.dispose());
  }
}

/** Adds active seconds to the task item (the workflow's time); failures are ignored. */
function postItemTime(taskId: number, index: number, seconds: number): void {
  const token = csrfToken(null);
  void fetch(`/api/v1/tasks/${taskId}/items/${index}/time`, {
    method: "POST",
    credentials: "same-origin",
    keepalive: true,
    headers: { "Content-Type": "application/json", ...(token ? { [CSRF_HEADER]: token } : {}) },
    body: JSON.stringify({ seconds: Math.min(3600, seconds) }),
  }).catch(() => undefined);
}
