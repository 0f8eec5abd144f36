import { describe, expect, it } from "vitest";

import { SaveQueue, type SaveRequest, type SaveResult } from "./saveQueue";

/** Timers driven by the test, so nothing waits on the clock. */
function manualTimers() {
  const due: { fn: () => void; ms: number; id: number }[] = [];
  let next = 1;
  return {
    due,
    set: (fn: () => void, ms: number) => {
      due.push({ fn, ms, id: next });
      return next++;
    },
    clear: (id: unknown) => {
      const i = due.findIndex((t) => t.id === id);
      if (i >= 0) due.splice(i, 1);
    },
    fire() {
      const timer = due.shift();
      timer?.fn();
      return timer;
    },
  };
}

function server(results: SaveResult[]) {
  const requests: SaveRequest<string>[] = [];
  const resolvers: ((r: SaveResult) => void)[] = [];
  const send = (request: SaveRequest<string>) => {
    requests.push(request);
    if (results.length) return Promise.resolve(results.shift()!);
    return new Promise<SaveResult>((resolve) => resolvers.push(resolve));
  };
  return { requests, resolvers, send };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("SaveQueue", () => {
  it("sends the newest content once after the interval, with active time and base version", async () => {
    const timers = manualTimers();
    const api = server([{ ok: true, version: 4 }]);
    let active = 7;
    const queue = new SaveQueue<string>({ send: api.send, takeActiveSeconds: () => active, baseVersion: 3, timers });
    const states: string[] = [];
    queue.subscribe((s) => states.push(s));
    queue.edit("a");
    queue.edit("ab");
    expect(timers.due).toHaveLength(1);
    expect(timers.due[0].ms).toBe(3000);
    timers.fire();
    await tick();
    expect(api.requests).toEqual([{ content: "ab", baseVersion: 3, activeSeconds: 7, keepalive: false }]);
    expect(queue.version).toBe(4);
    expect(states).toEqual(["unsaved", "saving", "saved"]);
    active = 0;
  });

  it("sends edits made during a save right after it, on the new version", async () => {
    const timers = manualTimers();
    const api = server([]);
    const queue = new SaveQueue<string>({ send: api.send, takeActiveSeconds: () => 1, baseVersion: 0, timers });
    queue.edit("one");
    const flushed = queue.flush();
    await tick();
    queue.edit("two");
    expect(queue.state).toBe("saving");
    api.resolvers.shift()!({ ok: true, version: 1 });
    await tick();
    expect(api.requests.map((r) => [r.content, r.baseVersion])).toEqual([
      ["one", 0],
      ["two", 1],
    ]);
    api.resolvers.shift()!({ ok: true, version: 2 });
    await flushed;
    expect(queue.state).toBe("saved");
    expect(queue.hasUnsaved).toBe(false);
  });

  it("keeps failed content, retries with backoff, and retry() sends at once", async () => {
    const timers = manualTimers();
    const api = server([
      { ok: false, conflict: false, message: "HTTP 503" },
      { ok: false, conflict: false, message: "HTTP 503" },
      { ok: true, version: 1 },
    ]);
    const queue = new SaveQueue<string>({ send: api.send, takeActiveSeconds: () => 0, baseVersion: 0, timers, intervalMs: 1000 });
    queue.edit("x");
    await queue.flush();
    expect(queue.state).toBe("error");
    expect(queue.error).toBe("HTTP 503");
    expect(timers.due.map((t) => t.ms)).toEqual([1000]);
    timers.fire();
    await tick();
    expect(timers.due.map((t) => t.ms)).toEqual([2000]);
    await queue.retry();
    expect(queue.state).toBe("saved");
    expect(api.requests.map((r) => r.content)).toEqual(["x", "x", "x"]);
  });

  it("stops on a conflict until the user reloads the latest version", async () => {
    const timers = manualTimers();
    const api = server([{ ok: false, conflict: true, message: "stale" }, { ok: true, version: 9 }]);
    const queue = new SaveQueue<string>({ send: api.send, takeActiveSeconds: () => 0, baseVersion: 2, timers });
    queue.edit("mine");
    await queue.flush();
    expect(queue.state).toBe("conflict");
    queue.edit("more");
    expect(timers.due).toHaveLength(0);
    queue.rebase(8);
    expect(queue.state).toBe("saved");
    queue.edit("again");
    await queue.flush();
    expect(api.requests.at(-1)).toMatchObject({ content: "again", baseVersion: 8 });
  });

  it("hands unsaved content to a keepalive request when the page goes away", () => {
    const timers = manualTimers();
    const api = server([{ ok: true, version: 1 }]);
    const queue = new SaveQueue<string>({ send: api.send, takeActiveSeconds: () => 4, baseVersion: 0, timers });
    queue.flushOnExit();
    expect(api.requests).toHaveLength(0);
    queue.edit("last stroke");
    queue.flushOnExit();
    expect(api.requests).toEqual([{ content: "last stroke", baseVersion: 0, activeSeconds: 4, keepalive: true }]);
    expect(timers.due).toHaveLength(0);
  });
});
