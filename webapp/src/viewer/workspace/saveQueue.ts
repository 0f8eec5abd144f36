/**
 * Autosave of one annotation: coalesces edits into drafts sent every few
 * seconds, one request at a time, and reports a state the user can see.
 *
 * - Edits mark the queue dirty; a draft goes out `intervalMs` after the first
 *   unsaved edit (not after the last: a user who never stops drawing still gets
 *   saved), or at once on `flush()` (Alt+S, leaving the item).
 * - Only the newest content is sent; edits made while a request is in flight
 *   are sent right after it.
 * - A conflict (409: someone saved a newer version) stops autosave until the
 *   user reloads the latest version; other errors retry with backoff, and
 *   `retry()` tries at once.
 * - `flushOnExit()` hands the last content to a keepalive request that the
 *   browser completes even when the tab is closing.
 * - Active seconds accumulated since the previous save travel with each save.
 */
export type SaveState = "saved" | "unsaved" | "saving" | "error" | "conflict";

export interface SaveRequest<C> {
  content: C;
  baseVersion: number;
  activeSeconds: number;
  keepalive: boolean;
}

export type SaveResult = { ok: true; version: number } | { ok: false; conflict: boolean; message: string };

export interface SaveQueueOptions<C> {
  send: (request: SaveRequest<C>) => Promise<SaveResult>;
  /** Active seconds since the previous save (and resets the counter). */
  takeActiveSeconds: () => number;
  baseVersion: number;
  intervalMs?: number;
  maxBackoffMs?: number;
  timers?: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
}

export class SaveQueue<C> {
  private state_: SaveState = "saved";
  private pending: C | null = null;
  private inFlight = false;
  private timer: unknown = null;
  private failures = 0;
  private baseVersion: number;
  private lastError = "";
  private readonly listeners = new Set<(state: SaveState) => void>();
  private readonly timers: NonNullable<SaveQueueOptions<C>["timers"]>;
  private readonly intervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: SaveQueueOptions<C>) {
    this.baseVersion = options.baseVersion;
    this.intervalMs = options.intervalMs ?? 3000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.timers = options.timers ?? {
      set: (fn, ms) => setTimeout(fn, ms),
      clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
  }

  get state(): SaveState {
    return this.state_;
  }

  get error(): string {
    return this.lastError;
  }

  get version(): number {
    return this.baseVersion;
  }

  subscribe(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records the newest content; it is sent within `intervalMs`. */
  edit(content: C): void {
    this.pending = content;
    if (this.state_ === "conflict") return;
    if (!this.inFlight) this.setState("unsaved");
    if (this.timer === null && !this.inFlight) this.schedule(this.intervalMs);
  }

  /** Sends now; resolves when nothing is left unsaved (or saving failed). */
  flush(): Promise<void> {
    if (this.state_ === "conflict") return Promise.resolve();
    const done = new Promise<void>((resolve) => this.waiting.push(resolve));
    this.cancelTimer();
    void this.sendNext();
    return done;
  }

  retry(): Promise<void> {
    this.failures = 0;
    return this.flush();
  }

  /** After a conflict the user reloads the latest version; autosave resumes from it. */
  rebase(version: number): void {
    this.baseVersion = version;
    this.pending = null;
    this.failures = 0;
    this.setState("saved");
  }

  /** For pagehide/beforeunload: a keepalive request the browser finishes after the page is gone. */
  flushOnExit(): void {
    if (this.pending === null || this.state_ === "conflict") return;
    const content = this.pending;
    this.pending = null;
    this.cancelTimer();
    void this.options.send({
      content,
      baseVersion: this.baseVersion,
      activeSeconds: this.options.takeActiveSeconds(),
      keepalive: true,
    });
  }

  get hasUnsaved(): boolean {
    return this.pending !== null || this.inFlight;
  }

  dispose(): void {
    this.cancelTimer();
    this.listeners.clear();
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.sendNext();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private async sendNext(): Promise<void> {
    if (this.inFlight) return;
    if (this.pending === null) {
      this.settle();
      return;
    }
    const content = this.pending;
    this.pending = null;
    this.inFlight = true;
    this.setState("saving");
    let result: SaveResult;
    try {
      result = await this.options.send({
        content,
        baseVersion: this.baseVersion,
        activeSeconds: this.options.takeActiveSeconds(),
        keepalive: false,
      });
    } catch (error) {
      result = { ok: false, conflict: false, message: error instanceof Error ? error.message : String(error) };
    }
    this.inFlight = false;
    if (result.ok) {
      this.failures = 0;
      this.baseVersion = result.version;
      if (this.pending !== null) {
        void this.sendNext();
        return;
      }
      this.setState("saved");
      this.settle();
      return;
    }
    // Keep the content: newer edits win, otherwise the failed one is sent again.
    if (this.pending === null) this.pending = content;
    this.lastError = result.message;
    if (result.conflict) {
      this.setState("conflict");
      this.settle();
      return;
    }
    this.failures += 1;
    this.setState("error");
    this.settle();
    this.schedule(Math.min(this.maxBackoffMs, this.intervalMs * 2 ** (this.failures - 1)));
  }

  private settle(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  private setState(state: SaveState): void {
    if (state === this.state_) return;
    this.state_ = state;
    for (const listener of this.listeners) listener(state);
  }
}
