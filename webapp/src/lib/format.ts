/** How dates, times and durations read on screen (in the user's time zone, unambiguous). */

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "—" : DATE_TIME.format(date);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "—" : DATE.format(date);
}

/** Seconds as "1 h 05 min", "4 min 10 s" or "12 s". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return "—";
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, "0")} min`;
  if (minutes > 0) return `${minutes} min ${String(rest).padStart(2, "0")} s`;
  return `${rest} s`;
}

/** Whether work due at `due` is late at `now` (work that is finished is never late). */
export function isOverdue(due: string | null | undefined, finished: boolean, now: Date = new Date()): boolean {
  if (!due || finished) return false;
  const date = new Date(due);
  return !Number.isNaN(date.getTime()) && date.getTime() < now.getTime();
}

/** Local calendar day (YYYY-MM-DD) of an ISO timestamp, for per-day charts. */
export function localDay(iso: string): string {
  const date = new Date(iso);
  const month = String(date.getMonth() + 1).padStart(2, "0");
  const day = String(date.getDate()).padStart(2, "0");
  return `${date.getFullYear()}-${month}-${day}`;
}

/** Counts per local day over the last `days` days ending at `now`, oldest first, zero-filled. */
export function countPerDay(timestamps: readonly string[], days: number, now: Date = new Date()): { day: string; count: number }[] {
  const counts = new Map<string, number>();
  for (let i = days - 1; i >= 0; i--) {
    const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() - i);
    counts.set(localDay(date.toISOString()), 0);
  }
  for (const stamp of timestamps) {
    const day = localDay(stamp);
    if (counts.has(day)) counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return [...counts].map(([day, count]) => ({ day, count }));
}
