import { useState } from "react";

import { Button } from "@/components/Button";
import { QueryError } from "@/components/ErrorMessage";
import { SelectField } from "@/components/Field";
import { Loading } from "@/components/Loading";
import { PageHeader } from "@/components/PageHeader";
import { Pagination } from "@/components/Pagination";
import { PAGE_SIZES, useListState } from "@/lib/listQuery";
import { nameById, useProjects, userName, useUsers } from "@/lib/lookups";
import { toggle, toggleAll } from "@/lib/selection";

import { BulkEditBar } from "./BulkEditBar";
import { CreateTaskDialog } from "./CreateTaskDialog";
import { taskColumnCount, TaskHeaderCells, TaskRowCells } from "./TaskColumns";
import { TaskFilters } from "./TaskFilters";
import { TASK_LIST_DEFAULTS, useAllTasks } from "./useTaskList";

/** Every task, for the admin: search, filter, sort, page, select, change many at once. */
export function TaskBoardPage() {
  const list = useListState(TASK_LIST_DEFAULTS);
  const { state } = list;
  const tasks = useAllTasks(state);
  const projects = useProjects();
  const users = useUsers();
  const projectName = nameById(projects.data?.items, (p) => p.name);
  const assigneeName = nameById(users.data?.items, userName);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const pageIds = tasks.data?.items.map((t) => t.id) ?? [];
  const allOnPage = pageIds.length > 0 && pageIds.every((id) => selected.has(id));

  return (
    <section>
      <PageHeader title="Task board">
        <Button variant="primary" onClick={() => setCreating(true)}>
          New task
        </Button>
      </PageHeader>
      <TaskFilters state={state} setSearch={list.setSearch} setFilter={list.setFilter} clear={list.clearFilters} users={users.data?.items} />
      {notice && (
        <p role="status" className="mb-3 rounded border border-teal-200 bg-teal-50 p-2 text-sm text-teal-900">
          {notice}
        </p>
      )}
      {selected.size > 0 && (
        <BulkEditBar
          taskIds={[...selected]}
          users={users.data?.items ?? []}
          onDone={(message) => {
            setNotice(message);
            setSelected(new Set());
          }}
        />
      )}
      {tasks.isError && <QueryError error={tasks.error} onRetry={() => tasks.refetch()} />}
      {tasks.isPending && <Loading label="Loading tasks" />}
      {tasks.data && (
        <>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-sm" aria-label="Tasks">
              <thead className="bg-slate-100 text-slate-700">
                <tr>
                  <th scope="col" className="w-8 px-3 py-2">
                    <input
                      type="checkbox"
                      className="h-4 w-4 accent-teal-700"
                      aria-label="Select every task on this page"
                      checked={allOnPage}
                      onChange={() => setSelected(toggleAll(selected, pageIds))}
                    />
                  </th>
                  <TaskHeaderCells sort={state.sort} onSort={list.setSort} assignee />
                </tr>
              </thead>
              <tbody>
                {tasks.data.items.map((task) => (
                  <tr key={task.id} className={`border-t border-slate-100 ${selected.has(task.id) ? "bg-teal-50" : "hover:bg-slate-50"}`}>
                    <td className="px-3 py-1.5">
                      <input
                        type="checkbox"
                        className="h-4 w-4 accent-teal-700"
                        aria-label={`Select ${task.name}`}
                        checked={selected.has(task.id)}
                        onChange={() => setSelected(toggle(selected, task.id))}
                      />
                    </td>
                    <TaskRowCells task={task} projectName={projectName} assigneeName={assigneeName} />
                  </tr>
                ))}
                {tasks.data.items.length === 0 && (
                  <tr>
                    <td colSpan={taskColumnCount(true) + 1} className="px-3 py-6 text-center text-slate-500">No tasks match.</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <div className="flex items-end justify-between gap-4">
            <SelectField
              label="Rows per page"
              value={String(state.limit)}
              onChange={(v) => list.setLimit(Number(v))}
              options={PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))}
            />
            <div className="flex-1">
              <Pagination total={tasks.data.total} limit={state.limit} offset={state.offset} onOffset={list.setOffset} />
            </div>
          </div>
        </>
      )}
      <CreateTaskDialog open={creating} onClose={() => setCreating(false)} onCreated={(task) => { setCreating(false); setNotice(`Task “${task.name}” created.`); }} />
    </section>
  );
}
