/** Shaping statistics for the dashboard's charts. */

export const STATUS_ORDER = ["unassigned", "open", "in_progress", "done", "cancelled"] as const;
export const STATUS_COLOURS: Record<string, string> = {
  unassigned: "#94a3b8",
  open: "#0ea5e9",
  in_progress: "#f59e0b",
  done: "#10b981",
  cancelled: "#cbd5e1",
};
export const QC_COLOURS: Record<string, string> = {
  accept: "#10b981",
  reject: "#ef4444",
  fine_tune: "#f59e0b",
  unclassified: "#94a3b8",
};

/** Counts per status summed over several breakdowns, every known status present (zero if absent). */
export function sumByStatus(breakdowns: readonly Record<string, number>[]): { status: string; count: number }[] {
  const totals = new Map<string, number>(STATUS_ORDER.map((s) => [s, 0]));
  for (const counts of breakdowns) {
    for (const [status, count] of Object.entries(counts)) totals.set(status, (totals.get(status) ?? 0) + count);
  }
  return [...totals].map(([status, count]) => ({ status, count }));
}

/** Finished share in percent (0 when there is nothing to do), one decimal. */
export function percentDone(finished: number, total: number): number {
  return total > 0 ? Math.round((finished / total) * 1000) / 10 : 0;
}

/** "fine_tune" → "Fine tune". */
export function humanise(word: string): string {
  const text = word.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
