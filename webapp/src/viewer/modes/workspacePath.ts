/**
 * Which workspace opens a task: annotate (label and annotate tasks), review or
 * QC. Every link to "work on this task" goes through here, so the task page,
 * "my tasks" and the old `/tasks/:id/work` address always agree.
 */
import type { Schemas } from "@/api/client";

export type TaskKind = Schemas["TaskRead"]["kind"];
export type WorkspaceKind = "annotate" | "review" | "qc";

export function workspaceKind(kind: TaskKind): WorkspaceKind {
  if (kind === "review") return "review";
  if (kind === "qc") return "qc";
  return "annotate";
}

/** The address of the workspace of `task`; `index` opens one item (0-based). */
export function workspacePath(task: { id: number; kind: TaskKind }, index?: number): string {
  const segment = { annotate: "work", review: "review", qc: "qc" }[workspaceKind(task.kind)];
  const query = index === undefined ? "" : `?item=${index}`;
  return `/tasks/${task.id}/${segment}${query}`;
}
