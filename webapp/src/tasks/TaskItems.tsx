import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { api, unwrap } from "@/api/client";
import { QueryError } from "@/components/ErrorMessage";
import { Loading } from "@/components/Loading";
import { Pagination } from "@/components/Pagination";
import { formatDateTime, formatDuration } from "@/lib/format";

const LIMIT = 50;
const ITEM_STATUS_STYLE: Record<string, string> = {
  pending: "text-slate-600",
  done: "text-emerald-800 font-medium",
  skipped: "text-amber-800",
};

export function TaskItems({ taskId }: { taskId: number }) {
  const [offset, setOffset] = useState(0);
  const items = useQuery({
    queryKey: ["tasks", "items", taskId, offset],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(api.GET("/api/v1/tasks/{task_id}/items", { params: { path: { task_id: taskId }, query: { limit: LIMIT, offset } } })),
  });
  return (
    <section aria-labelledby="items-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="items-title" className="mb-2 font-medium">
        Items
      </h2>
      {items.isPending && <Loading label="Loading items" />}
      {items.isError && <QueryError error={items.error} onRetry={() => items.refetch()} />}
      {items.data && (
        <>
          <table className="w-full text-sm">
            <thead className="text-left text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">#</th>
                <th scope="col" className="py-1 pr-3 font-medium">What</th>
                <th scope="col" className="py-1 pr-3 font-medium">Status</th>
                <th scope="col" className="py-1 pr-3 font-medium">Time</th>
                <th scope="col" className="py-1 pr-3 font-medium">Finished</th>
              </tr>
            </thead>
            <tbody>
              {items.data.items.map((item) => (
                <tr key={item.id} className="border-t border-slate-100">
                  <td className="py-1 pr-3 tabular-nums">{item.position + 1}</td>
                  <td className="py-1 pr-3">{describeItem(item)}</td>
                  <td className={`py-1 pr-3 ${ITEM_STATUS_STYLE[item.status] ?? ""}`}>
                    {item.status}
                    {item.skip_reason && <span className="text-slate-500"> — {item.skip_reason}</span>}
                  </td>
                  <td className="py-1 pr-3 tabular-nums">{formatDuration(item.active_seconds)}</td>
                  <td className="py-1 pr-3">{formatDateTime(item.finished_at)}</td>
                </tr>
              ))}
              {items.data.items.length === 0 && (
                <tr>
                  <td colSpan={5} className="py-4 text-center text-slate-500">This task has no items.</td>
                </tr>
              )}
            </tbody>
          </table>
          {items.data.total > LIMIT && <Pagination total={items.data.total} limit={LIMIT} offset={offset} onOffset={setOffset} />}
        </>
      )}
    </section>
  );
}

function describeItem(item: { item_type: string; series_id: number; instance_id: number | null; label_assignment_id: number | null; annotation_version_id: number | null }): string {
  switch (item.item_type) {
    case "label_assignment":
      return `Label assignment ${item.label_assignment_id} (series ${item.series_id}${item.instance_id ? `, instance ${item.instance_id}` : ""})`;
    case "annotation_version":
      return `Annotation version ${item.annotation_version_id} (series ${item.series_id})`;
    case "instance":
      return `Instance ${item.instance_id} (series ${item.series_id})`;
    default:
      return `Series ${item.series_id}`;
  }
}
