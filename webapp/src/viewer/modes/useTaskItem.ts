import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { useParams, useSearchParams } from "react-router";

import { api, unwrap } from "@/api/client";
import { ApiError } from "@/api/errors";
import { useAuth } from "@/auth/AuthProvider";

import { ActiveTime } from "../workspace/activeTime";
import { taskItemQuery, taskQuery } from "./taskItemQueries";

/**
 * The task of the page and the item on screen, for every workspace mode
 * (annotate, review, QC): `?item=` is the item's position (deep links survive reloads),
 * without it the first pending item opens. Opening one's own open task starts
 * it (work is only recorded on a task in progress).
 */
export function useTaskItem() {
  const taskId = Number(useParams().taskId);
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const { user } = useAuth();
  const task = useQuery(taskQuery(taskId));
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !task.data || !user || task.data.assignee_id !== user.id || task.data.status !== "open") return;
    started.current = true;
    void unwrap(api.POST("/api/v1/tasks/{task_id}/start", { params: { path: { task_id: taskId } } })).then(() =>
      queryClient.invalidateQueries({ queryKey: ["task", taskId] }),
    );
  }, [task.data, user, taskId, queryClient]);

  const requested = params.get("item");
  const item = useQuery(taskItemQuery(taskId, requested));

  const goTo = (index: number | null | undefined) => {
    if (index === null || index === undefined) return;
    setParams({ item: String(index) });
  };
  /** After a decision: the task's counters and the item (its status) are read again. */
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ["task", taskId] });
    void queryClient.invalidateQueries({ queryKey: ["task-item", taskId] });
  };
  /** The first pending item was asked for and there is none: every item is finished. */
  const allFinished = task.isSuccess && requested === null && item.error instanceof ApiError && item.error.status === 404;
  return { taskId, task, item, goTo, refresh, allFinished };
}

/** Active time of a page: the user's pointer, key and wheel actions while it is open. */
export function useActiveTime(): ActiveTime {
  const activeTime = useMemo(() => new ActiveTime(), []);
  useEffect(() => {
    const touch = () => activeTime.touch();
    const names = ["pointerdown", "pointermove", "keydown", "wheel"];
    for (const name of names) window.addEventListener(name, touch, { passive: true });
    return () => {
      for (const name of names) window.removeEventListener(name, touch);
    };
  }, [activeTime]);
  return activeTime;
}
