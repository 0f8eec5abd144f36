/** Names for the ids lists carry (projects, users), fetched once and shared by every table. */
import { useQuery } from "@tanstack/react-query";

import { api, unwrap, type Schemas } from "@/api/client";

export type Project = Schemas["ProjectRead"];
export type UserRow = Schemas["UserRead"];

export function projectsQuery() {
  return {
    queryKey: ["projects", "all"],
    queryFn: () => unwrap(api.GET("/api/v1/projects", { params: { query: { limit: 1000 } } })),
    staleTime: 60_000,
  };
}

export function usersQuery() {
  return {
    queryKey: ["users", "all"],
    queryFn: () => unwrap(api.GET("/api/v1/users", { params: { query: { limit: 500, active: true } } })),
    staleTime: 60_000,
  };
}

/** Projects the caller may see (all of them for admins). */
export function useProjects() {
  return useQuery(projectsQuery());
}

/** Every active user account (admins only). */
export function useUsers(enabled = true) {
  return useQuery({ ...usersQuery(), enabled });
}

export function nameById<T extends { id: number }>(rows: readonly T[] | undefined, name: (row: T) => string) {
  const names = new Map<number, string>();
  for (const row of rows ?? []) names.set(row.id, name(row));
  return (id: number | null | undefined) => (id === null || id === undefined ? "" : (names.get(id) ?? `#${id}`));
}

export function userName(user: Pick<UserRow, "username" | "full_name">): string {
  return user.full_name ? `${user.full_name} (${user.username})` : user.username;
}
