/** Immutable set helpers for table selections. */

export function toggle<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

/** Select every one of `values`, or unselect them all if they all are selected already. */
export function toggleAll<T>(set: ReadonlySet<T>, values: readonly T[]): Set<T> {
  const next = new Set(set);
  const all = values.length > 0 && values.every((v) => next.has(v));
  for (const v of values) {
    if (all) next.delete(v);
    else next.add(v);
  }
  return next;
}
