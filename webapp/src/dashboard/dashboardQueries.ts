import { useQueries, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/api/client";
import type { Project, UserRow } from "@/lib/lookups";

export const DAYS = 30;

export function useProjectStats(projects: readonly Project[]) {
  return useQueries({
    queries: projects.map((p) => ({
      queryKey: ["stats", "project", p.id, DAYS],
      queryFn: () => unwrap(api.GET("/api/v1/stats/projects/{project_id}", { params: { path: { project_id: p.id }, query: { days: DAYS } } })),
    })),
  });
}

export function useUserStats(users: readonly UserRow[]) {
  return useQueries({
    queries: users.map((u) => ({
      queryKey: ["stats", "user", u.id, DAYS],
      queryFn: () => unwrap(api.GET("/api/v1/stats/users/{user_id}", { params: { path: { user_id: u.id }, query: { days: DAYS } } })),
    })),
  });
}

export function useLabelStats(projectId: number | null) {
  return useQuery({
    queryKey: ["stats", "labels", projectId],
    enabled: projectId !== null,
    queryFn: () => unwrap(api.GET("/api/v1/stats/projects/{project_id}/labels", { params: { path: { project_id: projectId! } } })),
  });
}

export function useQcStats(projectId: number | null) {
  return useQuery({
    queryKey: ["stats", "qc", projectId],
    queryFn: () => unwrap(api.GET("/api/v1/stats/qc", { params: { query: { project_id: projectId ?? undefined } } })),
  });
}

export function useWorkingNow() {
  return useQuery({
    queryKey: ["stats", "working-now"],
    queryFn: () => unwrap(api.GET("/api/v1/stats/working-now")),
    refetchInterval: 30_000,
  });
}

export function useOverdueTasks() {
  return useQuery({
    queryKey: ["tasks", "list", "overdue-dashboard"],
    queryFn: () => unwrap(api.GET("/api/v1/tasks", { params: { query: { overdue: true, sort: "due_at", limit: 10 } } })),
  });
}
