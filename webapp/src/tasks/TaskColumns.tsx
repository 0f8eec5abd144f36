import { Link } from "react-router";

import { SortHeader } from "@/components/SortHeader";
import { formatDuration } from "@/lib/format";
import type { Sort } from "@/lib/listQuery";

import { DueDate, PriorityText, ProgressBar, StatusBadge } from "./TaskBits";
import { kindLabel, type Task } from "./taskMeta";
import type { TaskSort } from "./useTaskList";

/**
 * The columns every task list shows, in one place so that the admin's board and
 * an annotator's own list read the same way. `assignee` adds the assignee column
 * (the board lists everybody's tasks; "my tasks" are all the caller's).
 */
export function TaskHeaderCells({
  sort,
  onSort,
  assignee = false,
}: {
  sort: Sort<TaskSort>;
  onSort(sort: Sort<TaskSort>): void;
  assignee?: boolean;
}) {
  const header = (field: TaskSort, label: string) => <SortHeader field={field} label={label} sort={sort} onSort={onSort} />;
  return (
    <>
      {header("name", "Task")}
      {header("project_id", "Project")}
      {header("kind", "Kind")}
      {assignee && header("assignee_id", "Assignee")}
      {header("status", "Status")}
      {header("priority", "Priority")}
      {header("due_at", "Due")}
      {header("progress", "Progress")}
      {header("active_seconds", "Time spent")}
    </>
  );
}

/** How many columns `TaskHeaderCells` makes (for an empty list's single cell). */
export function taskColumnCount(assignee: boolean): number {
  return assignee ? 9 : 8;
}

export function TaskRowCells({
  task,
  projectName,
  assigneeName,
}: {
  task: Task;
  projectName(id: number): string;
  /** Given on the board: the assignee column's text. */
  assigneeName?: (id: number) => string;
}) {
  return (
    <>
      <td className="px-3 py-1.5">
        <Link to={`/tasks/${task.id}`} className="font-medium text-teal-800 hover:underline">
          {task.name}
        </Link>
      </td>
      <td className="px-3 py-1.5">{projectName(task.project_id)}</td>
      <td className="px-3 py-1.5">{kindLabel(task.kind)}</td>
      {assigneeName && (
        <td className="px-3 py-1.5">{task.assignee_id ? assigneeName(task.assignee_id) : <span className="text-slate-400">—</span>}</td>
      )}
      <td className="px-3 py-1.5"><StatusBadge status={task.status} /></td>
      <td className="px-3 py-1.5"><PriorityText priority={task.priority} /></td>
      <td className="whitespace-nowrap px-3 py-1.5"><DueDate task={task} /></td>
      <td className="px-3 py-1.5"><ProgressBar done={task.items_finished} total={task.items_total} /></td>
      <td className="px-3 py-1.5 tabular-nums">{formatDuration(task.active_seconds)}</td>
    </>
  );
}
