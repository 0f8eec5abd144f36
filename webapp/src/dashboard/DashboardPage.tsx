import { useState, type ReactNode } from "react";
import { Link } from "react-router";
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { QueryError } from "@/components/ErrorMessage";
import { SelectField } from "@/components/Field";
import { Loading } from "@/components/Loading";
import { PageHeader } from "@/components/PageHeader";
import { formatDuration, formatDateTime } from "@/lib/format";
import { useProjects, useUsers } from "@/lib/lookups";
import { DueDate } from "@/tasks/TaskBits";

import { QC_COLOURS, STATUS_COLOURS, humanise, percentDone, sumByStatus } from "./chartData";
import { DAYS, useLabelStats, useOverdueTasks, useProjectStats, useQcStats, useUserStats, useWorkingNow } from "./dashboardQueries";

function Card({ title, children, className = "" }: { title: string; children: ReactNode; className?: string }) {
  return (
    <section aria-label={title} className={`rounded-lg border border-slate-200 bg-white p-4 ${className}`}>
      <h2 className="mb-2 font-medium">{title}</h2>
      {children}
    </section>
  );
}

/** How the work is going: per project, per status, per person, per label, and QC decisions. */
export function DashboardPage() {
  const projects = useProjects();
  const users = useUsers();
  const live = (projects.data?.items ?? []).filter((p) => !p.is_archived);
  const workers = (users.data?.items ?? []).filter((u) => u.roles.includes("annotator") || u.roles.includes("reviewer"));
  const projectStats = useProjectStats(live);
  const userStats = useUserStats(workers);
  const [labelProject, setLabelProject] = useState("");
  const chosenProject = labelProject ? Number(labelProject) : (live[0]?.id ?? null);
  const labelStats = useLabelStats(chosenProject);
  const qc = useQcStats(null);
  const overdue = useOverdueTasks();
  const working = useWorkingNow();

  if (projects.isPending || users.isPending) return <Loading label="Loading the dashboard" />;
  if (projects.isError) return <QueryError error={projects.error} onRetry={() => projects.refetch()} />;
  if (users.isError) return <QueryError error={users.error} onRetry={() => users.refetch()} />;

  const stats = projectStats.flatMap((q) => (q.data ? [q.data] : []));
  const statsError = projectStats.find((q) => q.isError)?.error;
  const progress = stats.map((s) => ({ name: s.name, percent: percentDone(s.items.finished, s.items.total), finished: s.items.finished, total: s.items.total }));
  const byStatus = sumByStatus(stats.map((s) => s.tasks.by_status));
  const throughput = userStats.flatMap((q) => (q.data ? [{ name: q.data.username, items: q.data.items_done, hours: Math.round(q.data.active_seconds / 36) / 100 }] : []));

  return (
    <section className="space-y-4">
      <PageHeader title="Dashboard" />
      {statsError ? <QueryError error={statsError} /> : null}
      <div className="grid gap-4 xl:grid-cols-2">
        <Card title="Progress per project">
          {live.length === 0 ? (
            <p className="text-sm text-slate-500">No projects yet. <Link className="text-teal-800 underline" to="/projects">Create one</Link>.</p>
          ) : (
            <div className="h-64" data-testid="chart-progress">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={progress} layout="vertical" margin={{ left: 24 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" domain={[0, 100]} unit="%" fontSize={11} />
                  <YAxis type="category" dataKey="name" width={120} fontSize={11} />
                  <Tooltip formatter={(value, _name, item) => [`${value}% (${item.payload.finished} of ${item.payload.total} items)`, "finished"]} />
                  <Bar dataKey="percent" fill="#0f766e" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
        </Card>
        <Card title="Tasks by status">
          <div className="h-64" data-testid="chart-status">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={byStatus.map((r) => ({ ...r, label: humanise(r.status) }))}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" fontSize={11} />
                <YAxis allowDecimals={false} fontSize={11} width={36} />
                <Tooltip />
                <Bar dataKey="count" name="tasks" isAnimationActive={false}>
                  {byStatus.map((r) => <Cell key={r.status} fill={STATUS_COLOURS[r.status] ?? "#64748b"} />)}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
        </Card>
        <Card title={`Throughput per person (last ${DAYS} days)`}>
          {throughput.length === 0 ? (
            <p className="text-sm text-slate-500">No annotators or reviewers yet.</p>
          ) : (
            <div className="h-64" data-testid="chart-throughput">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={throughput}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="name" fontSize={11} />
                  <YAxis yAxisId="items" allowDecimals={false} fontSize={11} width={36} />
                  <YAxis yAxisId="hours" orientation="right" fontSize={11} width={36} />
                  <Tooltip />
                  <Legend />
                  <Bar yAxisId="items" dataKey="items" name="items done" fill="#0f766e" isAnimationActive={false} />
                  <Bar yAxisId="hours" dataKey="hours" name="active hours" fill="#94a3b8" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
        </Card>
        <Card title="QC decisions">
          {qc.isError && <QueryError error={qc.error} />}
          {qc.data && qc.data.total === 0 && <p className="text-sm text-slate-500">No QC decisions yet.</p>}
          {qc.data && qc.data.total > 0 && (
            <div className="h-64" data-testid="chart-qc">
              <ResponsiveContainer width="100%" height="100%">
                <PieChart>
                  <Pie data={qc.data.decisions.map((d) => ({ ...d, name: humanise(d.decision) }))} dataKey="count" nameKey="name" outerRadius={90} label isAnimationActive={false}>
                    {qc.data.decisions.map((d) => <Cell key={d.decision} fill={QC_COLOURS[d.decision] ?? "#64748b"} />)}
                  </Pie>
                  <Tooltip />
                  <Legend />
                </PieChart>
              </ResponsiveContainer>
            </div>
          )}
        </Card>
        <Card title="Label counts">
          {live.length === 0 && <p className="text-sm text-slate-500">No projects yet.</p>}
          <div className={`mb-2 w-64 ${live.length === 0 ? "hidden" : ""}`}>
            <SelectField<string>
              label="Project"
              value={labelProject || String(chosenProject ?? "")}
              onChange={setLabelProject}
              options={live.map((p) => ({ value: String(p.id), label: p.name }))}
            />
          </div>
          {labelStats.isError && <QueryError error={labelStats.error} />}
          {labelStats.data && labelStats.data.length === 0 && <p className="text-sm text-slate-500">No labels in this project.</p>}
          {labelStats.data && labelStats.data.length > 0 && (
            <div className="h-64" data-testid="chart-labels">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={labelStats.data.map((l) => ({ name: l.name, pending: l.by_status.pending ?? 0, in_task: l.by_status.in_task ?? 0, done: l.by_status.done ?? 0 }))}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="name" fontSize={11} />
                  <YAxis allowDecimals={false} fontSize={11} width={36} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="pending" stackId="a" fill="#94a3b8" isAnimationActive={false} />
                  <Bar dataKey="in_task" name="in a task" stackId="a" fill="#f59e0b" isAnimationActive={false} />
                  <Bar dataKey="done" stackId="a" fill="#10b981" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
        </Card>
        <Card title="Overdue work">
          {overdue.isError && <QueryError error={overdue.error} />}
          {overdue.data && (
            <>
              <p className="mb-2 text-sm">
                <span className={`text-2xl font-semibold ${overdue.data.total > 0 ? "text-red-700" : "text-slate-700"}`}>{overdue.data.total}</span> overdue task{overdue.data.total === 1 ? "" : "s"}
                {overdue.data.total > 0 && (
                  <Link to="/tasks?overdue=yes" className="ml-2 text-teal-800 underline">
                    see all
                  </Link>
                )}
              </p>
              <ul className="text-sm">
                {overdue.data.items.map((t) => (
                  <li key={t.id} className="flex justify-between border-t border-slate-100 py-1">
                    <Link to={`/tasks/${t.id}`} className="text-teal-800 hover:underline">{t.name}</Link>
                    <DueDate task={t} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      </div>
      <Card title="Working now">
        {working.isError && <QueryError error={working.error} />}
        {working.data && working.data.length === 0 && <p className="text-sm text-slate-500">Nobody has a task in progress.</p>}
        {working.data && working.data.length > 0 && (
          <table className="w-full text-sm">
            <thead className="text-left text-slate-600">
              <tr>
                <th scope="col" className="py-1 font-medium">Who</th>
                <th scope="col" className="py-1 font-medium">Task</th>
                <th scope="col" className="py-1 font-medium">Project</th>
                <th scope="col" className="py-1 font-medium">Item</th>
                <th scope="col" className="py-1 font-medium">Last activity</th>
              </tr>
            </thead>
            <tbody>
              {working.data.map((w) => (
                <tr key={w.task_id} className="border-t border-slate-100">
                  <td className="py-1">{w.username}</td>
                  <td className="py-1"><Link to={`/tasks/${w.task_id}`} className="text-teal-800 hover:underline">{w.task_name}</Link></td>
                  <td className="py-1">{w.project_name}</td>
                  <td className="py-1">{w.current_index !== null ? `${w.current_index + 1} of ${w.items_total}` : `${w.items_finished} of ${w.items_total} finished`}</td>
                  <td className="py-1">{formatDateTime(w.last_activity_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <p className="text-xs text-slate-500">Active time counts only time spent working in the viewer; {formatDuration(stats.reduce((s, p) => s + p.active_seconds, 0))} in total across projects.</p>
    </section>
  );
}
