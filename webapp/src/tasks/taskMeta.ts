/** Names and colours for task fields, shared by the board, the task page and "my tasks". */
import type { Schemas } from "@/api/client";

export type Task = Schemas["TaskRead"];
export type TaskStatus = Task["status"];
export type TaskKind = Task["kind"];
export type Priority = Task["priority"];

export const STATUSES: readonly { value: TaskStatus; label: string; badge: string }[] = [
  { value: "unassigned", label: "Unassigned", badge: "bg-slate-100 text-slate-700 border-slate-300" },
  { value: "open", label: "Open", badge: "bg-sky-50 text-sky-800 border-sky-300" },
  { value: "in_progress", label: "In progress", badge: "bg-amber-50 text-amber-900 border-amber-300" },
  { value: "done", label: "Done", badge: "bg-emerald-50 text-emerald-800 border-emerald-300" },
  { value: "cancelled", label: "Cancelled", badge: "bg-slate-50 text-slate-500 border-slate-300 line-through" },
];

/** Work not finished yet: the default view of every task list. */
export const LIVE_STATUSES: readonly TaskStatus[] = ["unassigned", "open", "in_progress"];

export const KINDS: readonly { value: TaskKind; label: string }[] = [
  { value: "label", label: "Label (classify)" },
  { value: "annotate", label: "Annotate" },
  { value: "review", label: "Review" },
  { value: "qc", label: "Quality control" },
];

export const PRIORITIES: readonly { value: Priority; label: string }[] = [
  { value: "low", label: "Low" },
  { value: "normal", label: "Normal" },
  { value: "high", label: "High" },
  { value: "urgent", label: "Urgent" },
];

export function statusLabel(status: TaskStatus): string {
  return STATUSES.find((s) => s.value === status)?.label ?? status;
}

export function kindLabel(kind: TaskKind): string {
  return KINDS.find((k) => k.value === kind)?.label ?? kind;
}

export function priorityLabel(priority: Priority): string {
  return PRIORITIES.find((p) => p.value === priority)?.label ?? priority;
}

/**
 * The status filter of the address bar as the API's list: "" is every status,
 * "live" the unfinished ones, otherwise a comma-separated list of statuses.
 */
export function statusFilter(value: string | undefined): TaskStatus[] | undefined {
  if (!value) return undefined;
  if (value === "live") return [...LIVE_STATUSES];
  const known = new Set(STATUSES.map((s) => s.value));
  const picked = value.split(",").filter((s): s is TaskStatus => known.has(s as TaskStatus));
  return picked.length ? picked : undefined;
}

export const STATUS_FILTER_OPTIONS = [
  { value: "", label: "Any status" },
  { value: "live", label: "Not finished" },
  ...STATUSES.map((s) => ({ value: s.value as string, label: s.label })),
] as const;

/** A due date from a date input (local day) as the end of that day, with its time zone. */
export function dueAtFromDateInput(day: string): string | null {
  if (!day) return null;
  const [year, month, date] = day.split("-").map(Number);
  return new Date(year, month - 1, date, 23, 59, 0).toISOString();
}

/** The local day (YYYY-MM-DD) of a due date, for a date input. */
export function dateInputFromDueAt(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
