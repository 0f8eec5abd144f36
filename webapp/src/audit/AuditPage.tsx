import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/api/client";
import { QueryError } from "@/components/ErrorMessage";
import { TextField } from "@/components/Field";
import { Loading } from "@/components/Loading";
import { PageHeader } from "@/components/PageHeader";
import { Pagination } from "@/components/Pagination";
import { formatDateTime } from "@/lib/format";
import { useListState, type ListDefaults } from "@/lib/listQuery";

const DEFAULTS: ListDefaults<"at"> = {
  sort: { field: "at", descending: true },
  sortFields: ["at"],
  filterNames: ["user", "action", "object_type", "object_id", "since", "until"],
};

/** Who did what to which object, newest first. */
export function AuditPage() {
  const list = useListState(DEFAULTS);
  const { state } = list;
  const f = state.filters;
  const events = useQuery({
    queryKey: ["audit", "list", state],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/audit", {
          params: {
            query: {
              actor_username: f.user || undefined,
              action: f.action || undefined,
              object_type: f.object_type || undefined,
              object_id: f.object_id || undefined,
              since: f.since ? new Date(f.since).toISOString() : undefined,
              until: f.until ? new Date(f.until).toISOString() : undefined,
              limit: state.limit,
              offset: state.offset,
            },
          },
        }),
      ),
  });

  return (
    <section>
      <PageHeader title="Audit log" />
      <div className="mb-3 grid grid-cols-2 gap-3 md:grid-cols-6">
        <TextField label="User" value={f.user ?? ""} onChange={(v) => list.setFilter("user", v)} />
        <TextField label="Action" value={f.action ?? ""} onChange={(v) => list.setFilter("action", v)} hint="Exact, or a prefix ending in '.'" />
        <TextField label="Object type" value={f.object_type ?? ""} onChange={(v) => list.setFilter("object_type", v)} />
        <TextField label="Object id" value={f.object_id ?? ""} onChange={(v) => list.setFilter("object_id", v)} />
        <TextField label="From" type="datetime-local" value={f.since ?? ""} onChange={(v) => list.setFilter("since", v)} />
        <TextField label="Until" type="datetime-local" value={f.until ?? ""} onChange={(v) => list.setFilter("until", v)} />
      </div>
      {events.isError && <QueryError error={events.error} onRetry={() => events.refetch()} />}
      {events.isPending && <Loading label="Loading the audit log" />}
      {events.data && (
        <>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-sm">
              <thead className="bg-slate-100 text-left text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">When</th>
                  <th scope="col" className="px-3 py-2 font-medium">Who</th>
                  <th scope="col" className="px-3 py-2 font-medium">Action</th>
                  <th scope="col" className="px-3 py-2 font-medium">Object</th>
                  <th scope="col" className="px-3 py-2 font-medium">From</th>
                  <th scope="col" className="px-3 py-2 font-medium">Details</th>
                </tr>
              </thead>
              <tbody>
                {events.data.items.map((event) => (
                  <tr key={event.id} className="border-t border-slate-100 align-top">
                    <td className="whitespace-nowrap px-3 py-1.5">{formatDateTime(event.at)}</td>
                    <td className="px-3 py-1.5">{event.actor_username ?? "system"}</td>
                    <td className="px-3 py-1.5 font-mono text-xs">{event.action}</td>
                    <td className="px-3 py-1.5">{event.object_type ? `${event.object_type} ${event.object_id ?? ""}` : "—"}</td>
                    <td className="px-3 py-1.5">{event.client_address ?? "—"}</td>
                    <td className="max-w-md truncate px-3 py-1.5 font-mono text-xs" title={JSON.stringify(event.details)}>
                      {Object.keys(event.details).length ? JSON.stringify(event.details) : ""}
                    </td>
                  </tr>
                ))}
                {events.data.items.length === 0 && (
                  <tr>
                    <td colSpan={6} className="px-3 py-6 text-center text-slate-500">No entries match.</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <Pagination total={events.data.total} limit={state.limit} offset={state.offset} onOffset={list.setOffset} />
        </>
      )}
    </section>
  );
}
