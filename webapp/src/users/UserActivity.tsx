import { useQuery } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { api, unwrap } from "@/api/client";
import type { User } from "@/auth/AuthProvider";
import { QueryError } from "@/components/ErrorMessage";
import { Loading } from "@/components/Loading";
import { countPerDay, formatDateTime } from "@/lib/format";

const DAYS = 14;

/** What the user did recently, from the audit log: actions per day and the latest entries. */
export function UserActivity({ user }: { user: User }) {
  const since = new Date(Date.now() - DAYS * 86_400_000).toISOString();
  const events = useQuery({
    queryKey: ["audit", "user", user.id, DAYS],
    queryFn: () => unwrap(api.GET("/api/v1/audit", { params: { query: { actor_id: user.id, since, limit: 1000 } } })),
  });

  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="activity-title">
      <h2 id="activity-title" className="font-medium">
        Activity in the last {DAYS} days
      </h2>
      {events.isPending && <Loading label="Loading activity" />}
      {events.isError && <QueryError error={events.error} onRetry={() => events.refetch()} />}
      {events.data && (
        <>
          <p className="text-sm text-slate-600">{events.data.total} recorded actions.</p>
          <div className="h-48" data-testid="activity-chart">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={countPerDay(events.data.items.map((e) => e.at), DAYS)}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} fontSize={11} />
                <YAxis allowDecimals={false} fontSize={11} width={32} />
                <Tooltip />
                <Bar dataKey="count" name="actions" fill="#0f766e" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ol className="max-h-64 divide-y divide-slate-100 overflow-y-auto text-sm">
            {events.data.items.slice(0, 50).map((event) => (
              <li key={event.id} className="flex justify-between gap-3 py-1">
                <span className="font-mono text-xs">{event.action}</span>
                <span className="text-slate-500">{formatDateTime(event.at)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
