import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { api, unwrap } from "@/api/client";
import type { User } from "@/auth/AuthProvider";
import { QueryError } from "@/components/ErrorMessage";
import { Loading } from "@/components/Loading";
import { formatDuration } from "@/lib/format";

const DAYS = 30;

/** What the user did: tasks in hand, items done per day, active time. */
export function UserWorkStats({ user }: { user: User }) {
  const stats = useQuery({
    queryKey: ["stats", "user", user.id, DAYS],
    queryFn: () => unwrap(api.GET("/api/v1/stats/users/{user_id}", { params: { path: { user_id: user.id }, query: { days: DAYS } } })),
  });
  const working = useQuery({
    queryKey: ["stats", "working-now"],
    queryFn: () => unwrap(api.GET("/api/v1/stats/working-now")),
  });
  const current = working.data?.filter((w) => w.user_id === user.id) ?? [];

  return (
    <section aria-labelledby="work-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="work-title" className="font-medium">
        Work in the last {DAYS} days
      </h2>
      {stats.isPending && <Loading label="Loading figures" />}
      {stats.isError && <QueryError error={stats.error} onRetry={() => stats.refetch()} />}
      {stats.data && (
        <>
          <dl className="grid grid-cols-3 gap-2 text-sm">
            <div><dt className="text-slate-500">Items done</dt><dd className="text-lg font-semibold">{stats.data.items_done}</dd></div>
            <div><dt className="text-slate-500">Active time</dt><dd className="text-lg font-semibold">{formatDuration(stats.data.active_seconds)}</dd></div>
            <div><dt className="text-slate-500">Tasks done</dt><dd className="text-lg font-semibold">{stats.data.tasks.done}</dd></div>
            <div><dt className="text-slate-500">Items skipped</dt><dd>{stats.data.items_skipped}</dd></div>
            <div><dt className="text-slate-500">Annotations</dt><dd>{stats.data.annotations_made}</dd></div>
            <div><dt className="text-slate-500">Reviews</dt><dd>{stats.data.reviews_made}</dd></div>
          </dl>
          <div className="h-48" data-testid="work-chart">
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart data={stats.data.per_day.map((d) => ({ day: d.day.slice(5), items: d.items_finished, minutes: Math.round(d.active_seconds / 60) }))}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="day" fontSize={11} />
                <YAxis yAxisId="items" allowDecimals={false} fontSize={11} width={32} />
                <YAxis yAxisId="minutes" orientation="right" fontSize={11} width={36} />
                <Tooltip />
                <Legend />
                <Bar yAxisId="items" dataKey="items" name="items done" fill="#0f766e" isAnimationActive={false} />
                <Line yAxisId="minutes" dataKey="minutes" name="active minutes" stroke="#f59e0b" dot={false} isAnimationActive={false} />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
        </>
      )}
      <div className="text-sm">
        <h3 className="font-medium">Current tasks</h3>
        {current.length === 0 && <p className="text-slate-500">No task in progress.</p>}
        <ul>
          {current.map((w) => (
            <li key={w.task_id}>
              <Link to={`/tasks/${w.task_id}`} className="text-teal-800 hover:underline">{w.task_name}</Link> ({w.project_name}) — {w.items_finished} of {w.items_total} items
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
