import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { api, unwrap } from "@/api/client";
import { Button } from "@/components/Button";
import { Dialog } from "@/components/Dialog";
import { ErrorMessage, QueryError } from "@/components/ErrorMessage";
import { SelectField, TextField } from "@/components/Field";
import { useProjects, userName } from "@/lib/lookups";

import { ITEM_SOURCES, itemsFrom, type ItemSource } from "./itemSources";
import { KINDS, PRIORITIES, dueAtFromDateInput, type Priority, type Task, type TaskKind } from "./taskMeta";

/** One new task: what, for whom, by when, and which of the project's work it holds. */
export function CreateTaskDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(task: Task): void }) {
  const client = useQueryClient();
  const projects = useProjects();
  const [projectId, setProjectId] = useState("");
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [kind, setKind] = useState<TaskKind>("annotate");
  const [priority, setPriority] = useState<Priority>("normal");
  const [day, setDay] = useState("");
  const [assignee, setAssignee] = useState("");
  const [source, setSource] = useState<ItemSource>("assignments");
  const [problem, setProblem] = useState<string | null>(null);
  const project = projects.data?.items.find((p) => String(p.id) === projectId);

  const create = useMutation({
    mutationFn: async () => {
      const items = await itemsFrom(source, Number(projectId));
      return unwrap(
        api.POST("/api/v1/tasks", {
          body: {
            project_id: Number(projectId),
            name: name.trim(),
            description,
            kind,
            priority,
            due_at: dueAtFromDateInput(day),
            assignee_id: assignee ? Number(assignee) : null,
            items,
          },
        }),
      );
    },
    onSuccess: (task) => {
      client.invalidateQueries({ queryKey: ["tasks"] });
      setName("");
      setDescription("");
      onCreated(task);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!projectId) {
      setProblem("Choose a project.");
      return;
    }
    setProblem(null);
    create.mutate();
  }

  return (
    <Dialog open={open} title="New task" onClose={() => { create.reset(); onClose(); }}>
      <form onSubmit={submit} className="space-y-3">
        <SelectField
          label="Project"
          value={projectId}
          onChange={(v) => { setProjectId(v); setAssignee(""); }}
          options={[{ value: "", label: "Choose a project…" }, ...(projects.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.name }))]}
        />
        <TextField label="Task name" required value={name} onChange={setName} />
        <TextField label="Description" value={description} onChange={setDescription} />
        <div className="grid grid-cols-2 gap-3">
          <SelectField label="Kind" value={kind} onChange={setKind} options={KINDS} />
          <SelectField label="Priority" value={priority} onChange={setPriority} options={PRIORITIES} />
          <TextField label="Due date" type="date" value={day} onChange={setDay} />
          <SelectField
            label="Assignee"
            value={assignee}
            onChange={setAssignee}
            options={[{ value: "", label: "Nobody yet" }, ...(project?.members ?? []).map((m) => ({ value: String(m.user_id), label: userName(m) }))]}
            hint={project && project.members.length === 0 ? "This project has no members yet." : undefined}
          />
        </div>
        <SelectField label="Items" value={source} onChange={setSource} options={ITEM_SOURCES} />
        {problem && <ErrorMessage>{problem}</ErrorMessage>}
        {create.isError && <QueryError error={create.error} />}
        <div className="flex justify-end gap-2 pt-2">
          <Button onClick={() => { create.reset(); onClose(); }}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create task"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
