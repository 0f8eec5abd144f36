import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { api, unwrap } from "@/api/client";
import { Button } from "@/components/Button";
import { Dialog } from "@/components/Dialog";
import { QueryError } from "@/components/ErrorMessage";
import { Loading } from "@/components/Loading";

import { LabelForm, type LabelFields } from "./LabelForm";
import { LABEL_KINDS, type Label } from "./labelMeta";

export function useLabels(projectId: number | null) {
  return useQuery({
    queryKey: ["labels", projectId],
    enabled: projectId !== null,
    queryFn: () => unwrap(api.GET("/api/v1/labels", { params: { query: { project_id: projectId!, include_retired: true } } })),
  });
}

/** A project's labels: add, edit, retire and restore. */
export function LabelsPanel({ projectId }: { projectId: number }) {
  const client = useQueryClient();
  const labels = useLabels(projectId);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Label | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ["labels", projectId] });

  const create = useMutation({
    mutationFn: (fields: LabelFields) => unwrap(api.POST("/api/v1/labels", { body: { project_id: projectId, ...fields } })),
    onSuccess: () => {
      refresh();
      setAdding(false);
    },
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: { id: number; name?: string; description?: string; color?: string; allowed_values?: string[]; is_retired?: boolean }) =>
      unwrap(api.PATCH("/api/v1/labels/{label_id}", { params: { path: { label_id: id } }, body })),
    onSuccess: () => {
      refresh();
      setEditing(null);
    },
  });

  return (
    <section aria-labelledby="labels-title" className="space-y-3">
      <div className="flex items-center justify-between">
        <h2 id="labels-title" className="font-medium">
          Labels
        </h2>
        <Button variant="primary" onClick={() => setAdding(true)}>
          New label
        </Button>
      </div>
      {labels.isPending && <Loading label="Loading labels" />}
      {labels.isError && <QueryError error={labels.error} onRetry={() => labels.refetch()} />}
      {update.isError && !editing && <QueryError error={update.error} />}
      {labels.data && (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-100 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Label</th>
              <th scope="col" className="px-3 py-2 font-medium">Kind</th>
              <th scope="col" className="px-3 py-2 font-medium">Values</th>
              <th scope="col" className="px-3 py-2 font-medium">Status</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {labels.data.map((label) => (
              <tr key={label.id} className={`border-t border-slate-100 ${label.is_retired ? "text-slate-400" : ""}`}>
                <td className="px-3 py-1.5">
                  <span className="mr-2 inline-block h-3 w-3 rounded-sm align-middle" style={{ backgroundColor: label.color }} aria-hidden />
                  <span className="font-medium">{label.name}</span>
                  {label.description && <span className="block text-xs text-slate-500">{label.description}</span>}
                </td>
                <td className="px-3 py-1.5">{LABEL_KINDS.find((k) => k.value === label.kind)?.label}</td>
                <td className="px-3 py-1.5">{label.allowed_values.join(", ") || "—"}</td>
                <td className="px-3 py-1.5">{label.is_retired ? "Retired" : "In use"}</td>
                <td className="space-x-1 px-3 py-1.5 text-right">
                  <Button variant="ghost" onClick={() => setEditing(label)} aria-label={`Edit ${label.name}`}>
                    Edit
                  </Button>
                  <Button
                    variant="ghost"
                    disabled={update.isPending}
                    onClick={() => update.mutate({ id: label.id, is_retired: !label.is_retired })}
                    aria-label={`${label.is_retired ? "Restore" : "Retire"} ${label.name}`}
                  >
                    {label.is_retired ? "Restore" : "Retire"}
                  </Button>
                </td>
              </tr>
            ))}
            {labels.data.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-4 text-center text-slate-500">No labels yet.</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      <Dialog open={adding} title="New label" onClose={() => { create.reset(); setAdding(false); }}>
        {adding && <LabelForm submitLabel="Add label" busy={create.isPending} error={create.error} onSubmit={(fields) => create.mutate(fields)} onCancel={() => setAdding(false)} />}
      </Dialog>
      <Dialog open={editing !== null} title={`Edit label ${editing?.name ?? ""}`} onClose={() => { update.reset(); setEditing(null); }}>
        {editing && (
          <LabelForm
            initial={editing}
            submitLabel="Save label"
            busy={update.isPending}
            error={update.error}
            onSubmit={({ name, description, color, allowed_values }) => update.mutate({ id: editing.id, name, description, color, allowed_values })}
            onCancel={() => setEditing(null)}
          />
        )}
      </Dialog>
    </section>
  );
}
