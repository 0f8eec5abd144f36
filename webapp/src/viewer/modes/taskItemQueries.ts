/**
 * The queries of a task workspace's first requests (the task, the item on
 * screen), in one place for the workspace and for its route: the route asks
 * for them, and for the item's series, while the viewer's code still loads.
 */
import type { QueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/api/client";

import { prefetchSeriesData } from "../viewport/seriesData";

export function taskQuery(taskId: number) {
  return {
    queryKey: ["task", taskId],
    queryFn: () => unwrap(api.GET("/api/v1/tasks/{task_id}", { params: { path: { task_id: taskId } } })),
  };
}

/** `requested` is the `?item=` position; null: the first pending item. */
export function taskItemQuery(taskId: number, requested: string | null) {
  return {
    queryKey: ["task-item", taskId, requested],
    retry: false,
    queryFn: () =>
      requested === null
        ? unwrap(api.GET("/api/v1/tasks/{task_id}/items/next", { params: { path: { task_id: taskId } } }))
        : unwrap(api.GET("/api/v1/tasks/{task_id}/items/{index}", { params: { path: { task_id: taskId, index: Number(requested) } } })),
  };
}

/**
 * Puts the task, its item and the item's series on their way for the workspace
 * at `url` (`/tasks/{id}/work?item=…`). Failures are left to the page, which
 * asks again and shows them.
 */
export function prefetchWorkItem(queryClient: QueryClient, taskId: number, url: string): void {
  if (!Number.isInteger(taskId)) return;
  const requested = new URL(url).searchParams.get("item");
  void queryClient.prefetchQuery(taskQuery(taskId));
  queryClient
    .fetchQuery(taskItemQuery(taskId, requested))
    .then((at) => prefetchSeriesData(at.item.series_id))
    .catch(() => undefined);
}
