import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { api, unwrap } from "@/api/client";
import { Button } from "@/components/Button";
import { QueryError } from "@/components/ErrorMessage";
import { SelectField, TextField } from "@/components/Field";
import { userName, type UserRow } from "@/lib/lookups";

import {
  PRIORITIES,
  STATUSES,
  dateInputFromDueAt,
  dueAtFromDateInput,
  statusLabel,
  type Priority,
  type Task,
  type TaskStatus,
} from "./taskMeta";

/** What an admin changes on one task: its fields, and its status (with a reason). */
export function TaskAdminPanel({ task, users, onChanged }: { task: Task; users: readonly UserRow[]; onChanged(message: string): void }) {
  const client = useQueryClient();
  const [name, setName] = useState(task.name);
  const [priority, setPriority] = useState<Priority>(task.priority);
  const [day, setDay] = useState(dateInputFromDueAt(task.due_at));
  const [assignee, setAssignee] = useState(task.assignee_id ? String(task.assignee_id) : "");
  const [status, setStatus] = useState<TaskStatus | "">("");
  const [reason, setReason] = useState("");

  const refresh = (updated: Task) => {
    client.setQueryData(["tasks", "one", task.id], updated);
    client.invalidateQueries({ queryKey: ["tasks", "history", task.id] });
    client.invalidateQueries({ queryKey: ["tasks", "list"] });
  };

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH("/api/v1/tasks/{task_id}", {
          params: { path: { task_id: task.id } },
          body: { name: name.trim(), priority, due_at: dueAtFromDateInput(day), assignee_id: assignee ? Number(assignee) : null },
        }),
      ),
    onSuccess: (updated) => {
      refresh(updated);
      onChanged("Task saved.");
    },
  });

  const move = useMutation({
    mutationFn: (to: TaskStatus) =>
      unwrap(api.POST("/api/v1/tasks/{task_id}/status", { params: { path: { task_id: task.id } }, body: { status: to, reason } })),
    onSuccess: (updated) => {
      refresh(updated);
      setStatus("");
      setReason("");
      onChanged(`Status changed to ${statusLabel(updated.status)}.`);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  const others = STATUSES.filter((s) => s.value !== task.status);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <form onSubmit={submit} aria-label="Edit task" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-medium">Edit</h2>
        <TextField label="Name" required value={name} onChange={setName} />
        <div className="grid grid-cols-3 gap-3">
          <SelectField label="Priority" value={priority} onChange={setPriority} options={PRIORITIES} />
          <TextField label="Due date" type="date" value={day} onChange={setDay} />
          <SelectField
            label="Assignee"
            value={assignee}
            onChange={setAssignee}
            options={[{ value: "", label: "Nobody" }, ...users.map((u) => ({ value: String(u.id), label: userName(u) }))]}
          />
        </div>
        {save.isError && <QueryError error={save.error} />}
        <Button type="submit" variant="primary" disabled={save.isPending}>
          Save
        </Button>
      </form>
      <form
        aria-label="Change status"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (status) move.mutate(status);
        }}
      >
        <h2 className="font-medium">Change status</h2>
        <p className="text-sm text-slate-600">Now: {statusLabel(task.status)}</p>
        <div className="grid grid-cols-2 gap-3">
          <SelectField label="New status" value={status} onChange={setStatus} options={[{ value: "" as const, label: "Choose…" }, ...others]} />
          <TextField label="Reason" value={reason} onChange={setReason} />
        </div>
        {move.isError && <QueryError error={move.error} />}
        <Button type="submit" disabled={!status || move.isPending}>
          Change status
        </Button>
      </form>
    </div>
  );
}
