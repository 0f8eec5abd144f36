import { useState } from "react";

import { QueryError } from "@/components/ErrorMessage";
import { Loading } from "@/components/Loading";

import { useInstanceAttributes } from "./archiveQueries";
import { filterAttributes } from "./attributes";

/** The full DICOM attribute list of one instance, searchable. */
export function InstanceAttributes({ instanceId }: { instanceId: number }) {
  const attributes = useInstanceAttributes(instanceId);
  const [query, setQuery] = useState("");
  if (attributes.isPending) return <Loading label="Loading attributes" />;
  if (attributes.isError) return <QueryError error={attributes.error} onRetry={() => attributes.refetch()} />;
  const rows = filterAttributes(attributes.data.attributes, query);
  return (
    <div>
      <div className="mb-2 flex items-center gap-3">
        <label className="text-sm">
          <span className="mr-2 font-medium">Search attributes</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} className="rounded border border-slate-300 px-2 py-1 text-sm" />
        </label>
        <span className="text-xs text-slate-500">
          {rows.length} of {attributes.data.attributes.length}
        </span>
      </div>
      <div className="max-h-96 overflow-auto rounded border border-slate-200">
        <table className="w-full text-xs" aria-label="DICOM attributes">
          <thead className="sticky top-0 bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-2 py-1 font-medium">Tag</th>
              <th scope="col" className="px-2 py-1 font-medium">Name</th>
              <th scope="col" className="px-2 py-1 font-medium">VR</th>
              <th scope="col" className="px-2 py-1 font-medium">Value</th>
            </tr>
          </thead>
          <tbody className="font-mono">
            {rows.map((row, i) => (
              <tr key={`${row.tag}-${i}`} className="border-t border-slate-100 align-top">
                <td className="whitespace-nowrap px-2 py-0.5" style={{ paddingLeft: `${0.5 + (row.depth ?? 0)}rem` }}>{row.tag}</td>
                <td className="px-2 py-0.5 font-sans" title={row.keyword}>{row.name || row.keyword}</td>
                <td className="px-2 py-0.5">{row.vr}</td>
                <td className="max-w-xl break-all px-2 py-0.5">{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
