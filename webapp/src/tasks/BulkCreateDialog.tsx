import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { api, unwrap } from "@/api/client";
import { Button } from "@/components/Button";
import { Dialog } from "@/components/Dialog";
import { ErrorMessage, QueryError } from "@/components/ErrorMessage";
import { CheckboxField, SelectField, TextField } from "@/components/Field";
import { useProjects, userName } from "@/lib/lookups";

import type { ItemRef } from "./itemSources";
import { KINDS, PRIORITIES, dueAtFromDateInput, type Priority, type TaskKind } from "./taskMeta";

/**
 * Split a selection into packages of N items and hand them out to the chosen
 * people, in turn or to whoever has the least open work.
 */
export function BulkCreateDialog({
  open,
  title,
  projectId: fixedProject,
  items,
  onClose,
  onCreated,
}: {
  open: boolean;
  title: string;
  /** The project, when the selection belongs to one; otherwise the dialog asks. */
  projectId?: number;
  /** The items, or a way to fetch them for the chosen project when the dialog is submitted. */
  items: ItemRef[] | ((projectId: number) => Promise<ItemRef[]>);
  onClose(): void;
  onCreated(count: number): void;
}) {
  const client = useQueryClient();
  const projects = useProjects();
  const [projectChoice, setProjectChoice] = useState("");
  const projectId = fixedProject ?? (projectChoice ? Number(projectChoice) : null);
  const project = projects.data?.items.find((p) => p.id === projectId);
  const [prefix, setPrefix] = useState("");
  const [kind, setKind] = useState<TaskKind>("annotate");
  const [priority, setPriority] = useState<Priority>("normal");
  const [day, setDay] = useState("");
  const [size, setSize] = useState("10");
  const [strategy, setStrategy] = useState<"round_robin" | "balanced">("round_robin");
  const [people, setPeople] = useState<ReadonlySet<number>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: async () => {
      const refs = typeof items === "function" ? await items(projectId!) : items;
      if (refs.length === 0) throw new Error("There is nothing to put into tasks.");
      return unwrap(
        api.POST("/api/v1/tasks/bulk", {
          body: {
            project_id: projectId!,
            name_prefix: prefix.trim(),
            kind,
            priority,
            due_at: dueAtFromDateInput(day),
            items: refs,
            package_size: Number(size),
            assignee_ids: [...people],
            strategy,
          },
        }),
      );
    },
    onSuccess: (result) => {
      client.invalidateQueries({ queryKey: ["tasks"] });
      client.invalidateQueries({ queryKey: ["assignments"] });
      onCreated(result.tasks.length);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!projectId) return setProblem("Choose a project.");
    if (!(Number(size) >= 1)) return setProblem("The package size must be at least 1.");
    setProblem(null);
    create.mutate();
  }

  const count = Array.isArray(items) ? items.length : null;
  return (
    <Dialog open={open} title={title} onClose={() => { create.reset(); onClose(); }}>
      <form onSubmit={submit} className="space-y-3">
        {count !== null && <p className="text-sm text-slate-600">{count} item{count === 1 ? "" : "s"} selected.</p>}
        {fixedProject === undefined && (
          <SelectField
            label="Project"
            value={projectChoice}
            onChange={(v) => { setProjectChoice(v); setPeople(new Set()); }}
            options={[{ value: "", label: "Choose a project…" }, ...(projects.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.name }))]}
          />
        )}
        <TextField label="Task name prefix" required value={prefix} onChange={setPrefix} hint="Tasks are named “prefix 1”, “prefix 2”…" />
        <div className="grid grid-cols-2 gap-3">
          <SelectField label="Kind" value={kind} onChange={setKind} options={KINDS} />
          <SelectField label="Priority" value={priority} onChange={setPriority} options={PRIORITIES} />
          <TextField label="Items per task" type="number" required value={size} onChange={setSize} />
          <TextField label="Due date" type="date" value={day} onChange={setDay} />
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Hand out to</legend>
          <div className="mt-1 flex max-h-32 flex-wrap gap-x-4 gap-y-1 overflow-y-auto">
            {(project?.members ?? []).map((m) => (
              <CheckboxField
                key={m.user_id}
                label={userName(m)}
                checked={people.has(m.user_id)}
                onChange={(on) => {
                  const next = new Set(people);
                  if (on) next.add(m.user_id);
                  else next.delete(m.user_id);
                  setPeople(next);
                }}
              />
            ))}
            {project && project.members.length === 0 && <span className="text-sm text-slate-500">The project has no members: the tasks stay unassigned.</span>}
          </div>
        </fieldset>
        <SelectField
          label="How to hand out"
          value={strategy}
          onChange={setStrategy}
          options={[
            { value: "round_robin", label: "In turn" },
            { value: "balanced", label: "To whoever has the least open work" },
          ]}
        />
        {problem && <ErrorMessage>{problem}</ErrorMessage>}
        {create.isError && <QueryError error={create.error} />}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create tasks"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
