import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";

import { api, unwrap } from "@/api/client";
import { Button } from "@/components/Button";
import { Dialog } from "@/components/Dialog";
import { QueryError } from "@/components/ErrorMessage";
import { TextField } from "@/components/Field";
import { Loading } from "@/components/Loading";
import { PageHeader } from "@/components/PageHeader";
import { formatDate } from "@/lib/format";
import { useProjects } from "@/lib/lookups";

export function ProjectsPage() {
  const projects = useProjects();
  const [creating, setCreating] = useState(false);
  return (
    <section>
      <PageHeader title="Projects">
        <Button variant="primary" onClick={() => setCreating(true)}>
          New project
        </Button>
      </PageHeader>
      {projects.isPending && <Loading label="Loading projects" />}
      {projects.isError && <QueryError error={projects.error} onRetry={() => projects.refetch()} />}
      {projects.data && (
        <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
          {projects.data.items.map((project) => (
            <li key={project.id}>
              <Link to={`/projects/${project.id}`} className="block h-full rounded-lg border border-slate-200 bg-white p-4 hover:border-teal-600">
                <h2 className="font-medium text-teal-900">
                  {project.name} {project.is_archived && <span className="text-xs text-slate-500">(archived)</span>}
                </h2>
                <p className="line-clamp-2 text-sm text-slate-600">{project.description || "No description."}</p>
                <p className="mt-2 text-xs text-slate-500">
                  {project.members.length} member{project.members.length === 1 ? "" : "s"} · created {formatDate(project.created_at)}
                </p>
              </Link>
            </li>
          ))}
          {projects.data.items.length === 0 && <li className="text-slate-500">No projects yet.</li>}
        </ul>
      )}
      <CreateProjectDialog open={creating} onClose={() => setCreating(false)} />
    </section>
  );
}

function CreateProjectDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const create = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/projects", { body: { name: name.trim(), description } })),
    onSuccess: (project) => {
      client.invalidateQueries({ queryKey: ["projects"] });
      setName("");
      setDescription("");
      onClose();
      navigate(`/projects/${project.id}`);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }
  return (
    <Dialog open={open} title="New project" onClose={() => { create.reset(); onClose(); }}>
      <form onSubmit={submit} className="space-y-3">
        <TextField label="Project name" required autoFocus value={name} onChange={setName} />
        <TextField label="Description" value={description} onChange={setDescription} />
        {create.isError && <QueryError error={create.error} />}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            Create project
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
