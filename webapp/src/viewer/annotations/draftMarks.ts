/**
 * Which annotations this browser left a draft of, per user: on opening an item
 * only those drafts are turned into versions, so an item without drafts costs
 * no request that must fail (a draft left from another browser becomes a
 * version by the server's quiet-period promotion instead).
 */
const PREFIX = "labelstack.draft";

function key(userId: number, annotationId: number): string {
  return `${PREFIX}.${userId}.${annotationId}`;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // storage disabled: drafts are still promoted by the server
  }
}

export function markDraft(userId: number, annotationId: number): void {
  storage()?.setItem(key(userId, annotationId), "1");
}

export function clearDraft(userId: number, annotationId: number): void {
  storage()?.removeItem(key(userId, annotationId));
}

export function hasDraft(userId: number, annotationId: number): boolean {
  return storage()?.getItem(key(userId, annotationId)) === "1";
}
