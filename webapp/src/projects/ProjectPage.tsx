import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";

import { api, unwrap } from "@/api/client";
import { Button } from "@/components/Button";
import { QueryError } from "@/components/ErrorMessage";
import { Loading } from "@/components/Loading";
import { PageHeader } from "@/components/PageHeader";
import { LabelsPanel } from "@/labels/LabelsPanel";

import { ProjectImages } from "./ProjectImages";
import { ProjectMembers } from "./ProjectMembers";

const TABS = [
  { id: "labels", label: "Labels" },
  { id: "members", label: "Members" },
  { id: "images", label: "Images" },
] as const;
type Tab = (typeof TABS)[number]["id"];

export function ProjectPage() {
  const projectId = Number(useParams().projectId);
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((t) => t.id === params.get("tab"))?.id ?? "labels";
  const client = useQueryClient();
  const project = useQuery({
    queryKey: ["projects", "one", projectId],
    queryFn: () => unwrap(api.GET("/api/v1/projects/{project_id}", { params: { path: { project_id: projectId } } })),
  });
  const archive = useMutation({
    mutationFn: (archived: boolean) =>
      unwrap(api.PATCH("/api/v1/projects/{project_id}", { params: { path: { project_id: projectId } }, body: { is_archived: archived } })),
    onSuccess: (updated) => {
      client.setQueryData(["projects", "one", projectId], updated);
      client.invalidateQueries({ queryKey: ["projects", "all"] });
    },
  });

  if (project.isPending) return <Loading label="Loading the project" />;
  if (project.isError) return <QueryError error={project.error} onRetry={() => project.refetch()} />;
  const p = project.data;

  return (
    <section className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link to="/projects" className="text-teal-800 underline">
          Projects
        </Link>{" "}
        / {p.name}
      </nav>
      <PageHeader title={p.name}>
        <Link to={`/tasks?project=${p.id}`} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
          Tasks of this project
        </Link>
        <Button onClick={() => archive.mutate(!p.is_archived)} disabled={archive.isPending}>
          {p.is_archived ? "Restore project" : "Archive project"}
        </Button>
      </PageHeader>
      {p.description && <p className="max-w-3xl text-sm text-slate-700">{p.description}</p>}
      {archive.isError && <QueryError error={archive.error} />}
      <div role="tablist" aria-label="Project" className="flex gap-1 border-b border-slate-200">
        {TABS.map((t) => (
          <button
            key={t.id}
            role="tab"
            type="button"
            aria-selected={tab === t.id}
            onClick={() => setParams({ tab: t.id }, { replace: true })}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${tab === t.id ? "border-teal-700 font-medium text-teal-900" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === "labels" && <LabelsPanel projectId={p.id} />}
        {tab === "members" && <ProjectMembers project={p} />}
        {tab === "images" && <ProjectImages projectId={p.id} />}
      </div>
    </section>
  );
}
