/**
 * Whether a save must withdraw or reinstate an annotation: one that is saved
 * on the server but no longer shown (a deleted shape, an emptied
 * classification) is withdrawn, and a withdrawn one shown again (undo of the
 * delete) is reinstated. Something never saved has nothing on the server, so
 * removing it sends nothing.
 */
export interface Presence {
  /** The annotation exists on the server. */
  saved: boolean;
  /** It is withdrawn there. */
  withdrawn: boolean;
}

export type PresenceChange = "withdraw" | "reinstate" | null;

export function presenceChange(presence: Presence, shown: boolean): PresenceChange {
  if (!presence.saved) return null;
  if (!shown && !presence.withdrawn) return "withdraw";
  if (shown && presence.withdrawn) return "reinstate";
  return null;
}

/** What the save knows of a shape: on the server or not, withdrawn or not, and the content it last sent. */
export interface ShapeState extends Presence {
  savedKey: string;
}

export interface ShapeChange {
  uid: string;
  change: "withdraw" | "reinstate" | "save";
}

/**
 * The requests that bring the server in step with the shapes `shown` (their
 * uid and content key): withdrawals of removed shapes, then per shown shape a
 * reinstatement if it was withdrawn, and a save if its content changed.
 */
export function shapeChanges(known: ReadonlyMap<string, ShapeState>, shown: readonly { uid: string; key: string }[]): ShapeChange[] {
  const visible = new Set(shown.map((s) => s.uid));
  const changes: ShapeChange[] = [];
  for (const [uid, state] of known) {
    if (presenceChange(state, visible.has(uid)) === "withdraw") changes.push({ uid, change: "withdraw" });
  }
  for (const { uid, key } of shown) {
    const state = known.get(uid);
    if (state && presenceChange(state, true) === "reinstate") changes.push({ uid, change: "reinstate" });
    if (state?.savedKey !== key) changes.push({ uid, change: "save" });
  }
  return changes;
}
