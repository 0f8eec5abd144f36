import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/api/client";
import { CSRF_COOKIE, readCookie } from "@/api/csrf";
import { ME_KEY, type User } from "@/auth/AuthProvider";
import { parseListState, type ListDefaults, type ListState } from "@/lib/listQuery";
import { projectsQuery, usersQuery } from "@/lib/lookups";

import { statusFilter, type Priority, type TaskKind } from "./taskMeta";

export type TaskSort =
  | "name"
  | "project_id"
  | "kind"
  | "priority"
  | "status"
  | "assignee_id"
  | "due_at"
  | "created_at"
  | "progress"
  | "active_seconds";

export const TASK_LIST_DEFAULTS: ListDefaults<TaskSort> = {
  sort: { field: "due_at", descending: false },
  sortFields: ["name", "project_id", "kind", "priority", "status", "assignee_id", "due_at", "created_at", "progress", "active_seconds"],
  filterNames: ["project", "kind", "status", "priority", "assignee", "overdue", "due_before"],
};

/** The query parameters both task lists (all tasks, my tasks) understand. */
export function taskQuery(state: ListState<TaskSort>) {
  const f = state.filters;
  return {
    search: state.search || undefined,
    project_id: f.project ? Number(f.project) : undefined,
    kind: (f.kind as TaskKind | undefined) || undefined,
    status: statusFilter(f.status),
    priority: (f.priority as Priority | undefined) || undefined,
    overdue: f.overdue === "yes" ? true : undefined,
    due_before: f.due_before ? new Date(`${f.due_before}T23:59:59`).toISOString() : undefined,
    sort: state.sort.field,
    descending: state.sort.descending,
    limit: state.limit,
    offset: state.offset,
  };
}

/** The query for one page of every task (admins); shared by the board and its prefetch. */
export function allTasksQuery(state: ListState<TaskSort>) {
  const assignee = state.filters.assignee;
  return {
    queryKey: ["tasks", "list", state],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/tasks", {
          params: { query: { ...taskQuery(state), assignee_id: assignee ? Number(assignee) : undefined } },
        }),
      ),
  };
}

/** One page of every task (admins). */
export function useAllTasks(state: ListState<TaskSort>) {
  return useQuery({ ...allTasksQuery(state), placeholderData: keepPreviousData });
}

/**
 * Start loading the board's page while the session is still being checked,
 * so opening the board costs one round trip instead of two.
 */
export function prefetchTaskBoard(client: QueryClient, url: string): void {
  if (!readCookie(document.cookie, CSRF_COOKIE)) return; // not logged in: nothing to fetch
  const me = client.getQueryData<User | null>(ME_KEY);
  if (me && !me.roles.includes("admin")) return; // the board is for admins
  const state = parseListState(new URL(url).searchParams, TASK_LIST_DEFAULTS);
  void client.prefetchQuery(allTasksQuery(state));
  void client.prefetchQuery(projectsQuery());
  void client.prefetchQuery(usersQuery());
}

/** One page of the caller's own tasks. */
export function useMyTasks(state: ListState<TaskSort>) {
  return useQuery({
    queryKey: ["tasks", "mine", state],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET("/api/v1/tasks/mine", { params: { query: taskQuery(state) } })),
  });
}
