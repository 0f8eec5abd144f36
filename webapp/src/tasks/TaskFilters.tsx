import { CheckboxField, SelectField, TextField } from "@/components/Field";
import { SearchBox } from "@/components/SearchBox";
import { Button } from "@/components/Button";
import { useProjects, userName, type UserRow } from "@/lib/lookups";
import type { ListState } from "@/lib/listQuery";

import { KINDS, PRIORITIES, STATUS_FILTER_OPTIONS } from "./taskMeta";
import type { TaskSort } from "./useTaskList";

/** Search and a filter for every field of a task list. */
export function TaskFilters({
  state,
  setSearch,
  setFilter,
  clear,
  users,
}: {
  state: ListState<TaskSort>;
  setSearch(value: string): void;
  setFilter(name: string, value: string): void;
  clear(): void;
  /** Offer an assignee filter with these users (admins' board). */
  users?: readonly UserRow[];
}) {
  const projects = useProjects();
  const f = state.filters;
  return (
    <div className="mb-3 flex flex-wrap items-end gap-3" role="search" aria-label="Filter tasks">
      <SearchBox label="Search tasks" value={state.search} onChange={setSearch} />
      <SelectField
        label="Project"
        value={f.project ?? ""}
        onChange={(v) => setFilter("project", v)}
        options={[{ value: "", label: "Any project" }, ...(projects.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.name }))]}
      />
      <SelectField<string> label="Kind" value={f.kind ?? ""} onChange={(v) => setFilter("kind", v)} options={[{ value: "", label: "Any kind" }, ...KINDS]} />
      <SelectField label="Status" value={f.status ?? ""} onChange={(v) => setFilter("status", v)} options={STATUS_FILTER_OPTIONS} />
      <SelectField<string> label="Priority" value={f.priority ?? ""} onChange={(v) => setFilter("priority", v)} options={[{ value: "", label: "Any priority" }, ...PRIORITIES]} />
      {users && (
        <SelectField
          label="Assignee"
          value={f.assignee ?? ""}
          onChange={(v) => setFilter("assignee", v)}
          options={[{ value: "", label: "Anyone" }, ...users.map((u) => ({ value: String(u.id), label: userName(u) }))]}
        />
      )}
      <TextField label="Due by" type="date" value={f.due_before ?? ""} onChange={(v) => setFilter("due_before", v)} />
      <div className="pb-1.5">
        <CheckboxField label="Overdue only" checked={f.overdue === "yes"} onChange={(on) => setFilter("overdue", on ? "yes" : "")} />
      </div>
      <Button variant="ghost" onClick={clear}>
        Clear filters
      </Button>
    </div>
  );
}
