import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";

import { api, unwrap } from "@/api/client";
import { Button } from "@/components/Button";
import { QueryError } from "@/components/ErrorMessage";
import { Loading } from "@/components/Loading";
import { PageHeader } from "@/components/PageHeader";
import { Pagination } from "@/components/Pagination";
import { useListState } from "@/lib/listQuery";
import { nameById, useProjects } from "@/lib/lookups";
import { workspacePath } from "@/viewer/modes/workspacePath";

import { taskColumnCount, TaskHeaderCells, TaskRowCells } from "./TaskColumns";
import { TaskFilters } from "./TaskFilters";
import type { Task } from "./taskMeta";
import { TASK_LIST_DEFAULTS, useMyTasks } from "./useTaskList";

/** An annotator's or reviewer's own tasks, soonest due first, each one click from the workspace. */
export function MyTasksPage() {
  const list = useListState(TASK_LIST_DEFAULTS);
  const { state } = list;
  const tasks = useMyTasks(state);
  const projects = useProjects();
  const projectName = nameById(projects.data?.items, (p) => p.name);
  const navigate = useNavigate();
  const client = useQueryClient();

  const start = useMutation({
    mutationFn: (task: Task) => unwrap(api.POST("/api/v1/tasks/{task_id}/start", { params: { path: { task_id: task.id } } })),
    onSuccess: (task) => {
      client.invalidateQueries({ queryKey: ["tasks"] });
      navigate(workspacePath(task));
    },
  });

  return (
    <section>
      <PageHeader title="My tasks" />
      <TaskFilters state={state} setSearch={list.setSearch} setFilter={list.setFilter} clear={list.clearFilters} />
      {start.isError && <QueryError error={start.error} />}
      {tasks.isError && <QueryError error={tasks.error} onRetry={() => tasks.refetch()} />}
      {tasks.isPending && <Loading label="Loading your tasks" />}
      {tasks.data && (
        <>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-sm" aria-label="My tasks">
              <thead className="bg-slate-100 text-slate-700">
                <tr>
                  <TaskHeaderCells sort={state.sort} onSort={list.setSort} />
                  <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {tasks.data.items.map((task) => (
                  <tr key={task.id} className="border-t border-slate-100 hover:bg-slate-50">
                    <TaskRowCells task={task} projectName={projectName} />
                    <td className="px-3 py-1.5 text-right">
                      {task.status === "open" && (
                        <Button variant="primary" disabled={start.isPending} onClick={() => start.mutate(task)}>
                          Start
                        </Button>
                      )}
                      {task.status === "in_progress" && (
                        <Link to={workspacePath(task)} className="rounded bg-teal-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-teal-800">
                          Continue
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
                {tasks.data.items.length === 0 && (
                  <tr>
                    <td colSpan={taskColumnCount(false) + 1} className="px-3 py-6 text-center text-slate-500">No tasks match.</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <Pagination total={tasks.data.total} limit={state.limit} offset={state.offset} onOffset={list.setOffset} />
        </>
      )}
    </section>
  );
}
