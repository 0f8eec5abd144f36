import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { api, unwrap } from "@/api/client";
import { Button } from "@/components/Button";
import { QueryError } from "@/components/ErrorMessage";
import { SelectField, TextField } from "@/components/Field";
import { userName, type UserRow } from "@/lib/lookups";

import { PRIORITIES, dueAtFromDateInput, type Priority } from "./taskMeta";

type Change =
  | { kind: "assignee"; assigneeId: string }
  | { kind: "priority"; priority: Priority }
  | { kind: "due"; day: string }
  | { kind: "cancel"; reason: string };

/** The same change to every selected task: assignee, priority, due date, or cancel. All or none. */
export function BulkEditBar({
  taskIds,
  users,
  onDone,
}: {
  taskIds: number[];
  users: readonly UserRow[];
  onDone(message: string): void;
}) {
  const client = useQueryClient();
  const [assignee, setAssignee] = useState("");
  const [priority, setPriority] = useState<Priority | "">("");
  const [day, setDay] = useState("");
  const [reason, setReason] = useState("");

  const edit = useMutation({
    mutationFn: (change: Change) => {
      const body =
        change.kind === "assignee"
          ? change.assigneeId === "none"
            ? { task_ids: taskIds, unassign: true }
            : { task_ids: taskIds, assignee_id: Number(change.assigneeId) }
          : change.kind === "priority"
            ? { task_ids: taskIds, priority: change.priority }
            : change.kind === "due"
              ? { task_ids: taskIds, due_at: dueAtFromDateInput(change.day) }
              : { task_ids: taskIds, cancel: true, reason: change.reason };
      return unwrap(api.POST("/api/v1/tasks/bulk-edit", { body }));
    },
    onSuccess: (result, change) => {
      client.invalidateQueries({ queryKey: ["tasks"] });
      const what = change.kind === "cancel" ? "cancelled" : `changed (${change.kind})`;
      onDone(`${result.updated} task${result.updated === 1 ? "" : "s"} ${what}.`);
    },
  });

  const n = taskIds.length;
  return (
    <section aria-label="Change the selected tasks" className="mb-3 rounded-lg border border-teal-300 bg-teal-50 p-3">
      <p className="mb-2 text-sm font-medium text-teal-900">
        {n} task{n === 1 ? "" : "s"} selected
      </p>
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex items-end gap-1">
          <SelectField
            label="Assignee"
            value={assignee}
            onChange={setAssignee}
            options={[{ value: "", label: "Choose…" }, { value: "none", label: "Nobody (unassign)" }, ...users.map((u) => ({ value: String(u.id), label: userName(u) }))]}
          />
          <Button disabled={!assignee || edit.isPending} onClick={() => edit.mutate({ kind: "assignee", assigneeId: assignee })}>
            Assign
          </Button>
        </div>
        <div className="flex items-end gap-1">
          <SelectField label="Priority" value={priority} onChange={setPriority} options={[{ value: "" as const, label: "Choose…" }, ...PRIORITIES]} />
          <Button disabled={!priority || edit.isPending} onClick={() => priority && edit.mutate({ kind: "priority", priority })}>
            Set priority
          </Button>
        </div>
        <div className="flex items-end gap-1">
          <TextField label="Due date" type="date" value={day} onChange={setDay} />
          <Button disabled={!day || edit.isPending} onClick={() => edit.mutate({ kind: "due", day })}>
            Set due date
          </Button>
        </div>
        <div className="flex items-end gap-1">
          <TextField label="Reason to cancel" value={reason} onChange={setReason} />
          <Button variant="danger" disabled={edit.isPending} onClick={() => edit.mutate({ kind: "cancel", reason })}>
            Cancel tasks
          </Button>
        </div>
      </div>
      {edit.isError && (
        <div className="mt-2">
          <QueryError error={edit.error} />
        </div>
      )}
    </section>
  );
}
