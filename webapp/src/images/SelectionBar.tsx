import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { api, unwrap } from "@/api/client";
import { Button } from "@/components/Button";
import { Dialog } from "@/components/Dialog";
import { QueryError } from "@/components/ErrorMessage";
import { CheckboxField, SelectField } from "@/components/Field";
import { useLabels } from "@/labels/LabelsPanel";
import { useProjects } from "@/lib/lookups";
import { BulkCreateDialog } from "@/tasks/BulkCreateDialog";

import type { Series } from "./archiveQueries";

type Action = "project" | "labels" | "tasks" | null;

/** Put series into a project (a no-op for those already there); the other actions need it first. */
async function addToProject(projectId: number, seriesIds: number[]) {
  return unwrap(api.POST("/api/v1/projects/{project_id}/images", { params: { path: { project_id: projectId } }, body: { series_ids: seriesIds } }));
}

/** What can be done with the selected series: add to a project, assign labels, create tasks. */
export function SelectionBar({ selected, onClear }: { selected: ReadonlyMap<number, Series>; onClear(): void }) {
  const [action, setAction] = useState<Action>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const ids = [...selected.keys()];
  const done = (message: string) => {
    setAction(null);
    setNotice(message);
  };
  return (
    <section aria-label="Selected series" className="rounded-lg border border-teal-300 bg-teal-50 p-3">
      <div className="flex flex-wrap items-center gap-2">
        <span className="mr-2 text-sm font-medium text-teal-900">
          {ids.length} series selected
        </span>
        <Button onClick={() => setAction("project")}>Add to project…</Button>
        <Button onClick={() => setAction("labels")}>Assign labels…</Button>
        <Button onClick={() => setAction("tasks")}>Create tasks…</Button>
        <Button variant="ghost" onClick={() => { onClear(); setNotice(null); }}>
          Clear selection
        </Button>
      </div>
      {notice && (
        <p role="status" className="mt-2 text-sm text-teal-900">
          {notice}
        </p>
      )}
      <AddToProjectDialog open={action === "project"} seriesIds={ids} onClose={() => setAction(null)} onDone={done} />
      <AssignLabelsDialog open={action === "labels"} seriesIds={ids} onClose={() => setAction(null)} onDone={done} />
      <BulkCreateDialog
        open={action === "tasks"}
        title={`Create tasks from ${ids.length} series`}
        items={async (projectId) => {
          await addToProject(projectId, ids);
          return ids.map((id) => ({ series_id: id }));
        }}
        onClose={() => setAction(null)}
        onCreated={(count) => done(`${count} task${count === 1 ? "" : "s"} created.`)}
      />
    </section>
  );
}

function ProjectSelect({ value, onChange }: { value: string; onChange(v: string): void }) {
  const projects = useProjects();
  return (
    <SelectField
      label="Project"
      value={value}
      onChange={onChange}
      options={[{ value: "", label: "Choose a project…" }, ...(projects.data?.items ?? []).filter((p) => !p.is_archived).map((p) => ({ value: String(p.id), label: p.name }))]}
    />
  );
}

function AddToProjectDialog({ open, seriesIds, onClose, onDone }: { open: boolean; seriesIds: number[]; onClose(): void; onDone(message: string): void }) {
  const client = useQueryClient();
  const [project, setProject] = useState("");
  const add = useMutation({
    mutationFn: () => addToProject(Number(project), seriesIds),
    onSuccess: (result) => {
      client.invalidateQueries({ queryKey: ["projects"] });
      onDone(`${result.added} series added to the project${result.already_present ? `, ${result.already_present} were there already` : ""}.`);
    },
  });
  return (
    <Dialog open={open} title="Add to project" onClose={() => { add.reset(); onClose(); }}>
      <form onSubmit={(e: FormEvent) => { e.preventDefault(); add.mutate(); }} className="space-y-3">
        <ProjectSelect value={project} onChange={setProject} />
        {add.isError && <QueryError error={add.error} />}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!project || add.isPending}>
            Add {seriesIds.length} series
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function AssignLabelsDialog({ open, seriesIds, onClose, onDone }: { open: boolean; seriesIds: number[]; onClose(): void; onDone(message: string): void }) {
  const client = useQueryClient();
  const [project, setProject] = useState("");
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const labels = useLabels(project ? Number(project) : null);
  const assign = useMutation({
    mutationFn: async () => {
      const projectId = Number(project);
      await addToProject(projectId, seriesIds);
      return unwrap(
        api.POST("/api/v1/projects/{project_id}/assignments", {
          params: { path: { project_id: projectId } },
          body: { label_ids: [...chosen], series_ids: seriesIds },
        }),
      );
    },
    onSuccess: (result) => {
      client.invalidateQueries({ queryKey: ["assignments"] });
      client.invalidateQueries({ queryKey: ["projects"] });
      onDone(`${result.created.length} label assignment${result.created.length === 1 ? "" : "s"} created${result.already_present ? `, ${result.already_present} existed already` : ""}.`);
    },
  });
  return (
    <Dialog open={open} title="Assign labels" onClose={() => { assign.reset(); onClose(); }}>
      <form onSubmit={(e: FormEvent) => { e.preventDefault(); assign.mutate(); }} className="space-y-3">
        <p className="text-sm text-slate-600">Each chosen label is assigned to each of the {seriesIds.length} series; series not yet in the project are added to it.</p>
        <ProjectSelect value={project} onChange={(v) => { setProject(v); setChosen(new Set()); }} />
        {labels.isError && <QueryError error={labels.error} />}
        {labels.data && (
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">Labels</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {labels.data.filter((l) => !l.is_retired).map((label) => (
                <span key={label.id} className="inline-flex items-center gap-1">
                  <span className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: label.color }} aria-hidden />
                  <CheckboxField
                    label={label.name}
                    checked={chosen.has(label.id)}
                    onChange={(on) => {
                      const next = new Set(chosen);
                      if (on) next.add(label.id);
                      else next.delete(label.id);
                      setChosen(next);
                    }}
                  />
                </span>
              ))}
              {labels.data.length === 0 && <span className="text-sm text-slate-500">This project has no labels yet.</span>}
            </div>
          </fieldset>
        )}
        {assign.isError && <QueryError error={assign.error} />}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!project || chosen.size === 0 || assign.isPending}>
            Assign labels
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
