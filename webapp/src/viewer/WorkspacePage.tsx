/**
 * The viewer and annotation workspace of one task (Cornerstone3D). Everything
 * the viewer registers globally goes through `once` in app/once.ts; tool
 * groups, rendering engines and segmentations are torn down on unmount.
 *
 * `/tasks/:id/work` is the annotate workspace; a review or QC task opened
 * there (an old link, a bookmark) is sent on to its own workspace.
 */
import { useQuery } from "@tanstack/react-query";
import { Navigate, useParams, useSearchParams } from "react-router";

import { api, unwrap } from "@/api/client";

import { workspaceKind, workspacePath } from "./modes/workspacePath";
import { TaskWorkspace } from "./workspace/TaskWorkspace";

export function WorkspacePage() {
  const taskId = Number(useParams().taskId);
  const [params] = useSearchParams();
  const task = useQuery({
    queryKey: ["task", taskId],
    queryFn: () => unwrap(api.GET("/api/v1/tasks/{task_id}", { params: { path: { task_id: taskId } } })),
  });
  if (task.data && workspaceKind(task.data.kind) !== "annotate") {
    const item = params.get("item");
    return <Navigate replace to={workspacePath(task.data, item === null ? undefined : Number(item))} />;
  }
  return <TaskWorkspace />;
}
