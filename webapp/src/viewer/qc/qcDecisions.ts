/**
 * QC decisions as pure data: the four verdicts with their keys and colours,
 * the pie chart's slices, and where "next case" goes.
 */
import type { ShortcutAction } from "../tools/shortcuts";

export type QcDecision = "accept" | "reject" | "fine-tune" | "unclassified";

export const DECISIONS: readonly { value: QcDecision; label: string; key: string; color: string; action: ShortcutAction }[] = [
  { value: "accept", label: "Accept", key: "1", color: "#10b981", action: "qcAccept" },
  { value: "reject", label: "Reject", key: "2", color: "#ef4444", action: "qcReject" },
  { value: "fine-tune", label: "Fine-tune", key: "3", color: "#f59e0b", action: "qcFineTune" },
  { value: "unclassified", label: "Unclassified", key: "4", color: "#94a3b8", action: "qcUnclassified" },
];

/** The decision a keyboard action stands for, or null. */
export function decisionOf(action: ShortcutAction): QcDecision | null {
  return DECISIONS.find((d) => d.action === action)?.value ?? null;
}

/** Slices of the pie: every decision with a count above zero, in the fixed order and colours. */
export function pieSlices(counts: Record<string, number>): { name: string; value: number; count: number; color: string }[] {
  return DECISIONS.filter((d) => (counts[d.value] ?? 0) > 0).map((d) => ({
    name: d.label,
    value: counts[d.value],
    count: counts[d.value],
    color: d.color,
  }));
}

export interface NextCase {
  /** Mark the item on screen done first (it is pending and has a decision). */
  finish: boolean;
  /** Where to go: an index, or null when nothing is left. */
  index: number | null;
}

/**
 * "Next case": a pending item with at least one decision is finished, then the
 * next pending item opens (the next one in order when every item is finished
 * but there are more to look at).
 */
export function nextCase(at: { index: number; item: { status: string }; next_pending_index?: number | null; next_index?: number | null }, decided: number): NextCase {
  const finish = at.item.status === "pending" && decided > 0;
  const pending = at.next_pending_index ?? null;
  const index = pending !== null && pending !== at.index ? pending : (at.next_index ?? null);
  return { finish, index };
}
