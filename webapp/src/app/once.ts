/**
 * The one place for global, process-wide initialisation.
 *
 * React StrictMode mounts every component twice in development, and pages
 * can be left and re-entered; anything that must happen once per page load
 * (the query cache, a rendering engine's global init, codec registration)
 * goes through `once`, which runs its function a single time and hands every
 * caller the same promise.
 */
const started = new Map<string, Promise<unknown>>();

export function once<T>(name: string, init: () => T | Promise<T>): Promise<T> {
  let pending = started.get(name) as Promise<T> | undefined;
  if (!pending) {
    pending = Promise.resolve().then(init);
    started.set(name, pending);
    // A failed initialisation may be retried by the next caller.
    pending.catch(() => started.delete(name));
  }
  return pending;
}

/** Whether `name` has been started (for tests and diagnostics). */
export function hasStarted(name: string): boolean {
  return started.has(name);
}
