import { useState } from "react";

import { filterAttributes } from "@/images/attributes";
import { useInstanceAttributes } from "@/images/archiveQueries";

/** The DICOM attributes of the instance on screen, searchable by tag, keyword, name or value. */
export function AttributePanel({ instanceId, onClose }: { instanceId: number; onClose: () => void }) {
  const attributes = useInstanceAttributes(instanceId);
  const [query, setQuery] = useState("");
  const rows = attributes.data ? filterAttributes(attributes.data.attributes, query) : [];
  return (
    <aside aria-label="DICOM attributes panel" className="flex h-full w-[28rem] flex-col border-l border-slate-700 bg-slate-900 text-slate-100">
      <div className="flex items-center gap-2 border-b border-slate-700 p-2">
        <input
          type="search"
          aria-label="Search attributes"
          placeholder="Search tag, name or value"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="flex-1 rounded bg-slate-800 px-2 py-1 text-sm"
        />
        <span className="text-xs text-slate-400">{attributes.data ? `${rows.length}/${attributes.data.attributes.length}` : ""}</span>
        <button type="button" onClick={onClose} className="rounded px-2 text-slate-300 hover:bg-slate-700" aria-label="Close attributes">
          ×
        </button>
      </div>
      {attributes.isPending && <p className="p-2 text-sm text-slate-400">Loading attributes…</p>}
      {attributes.isError && <p role="alert" className="p-2 text-sm text-red-300">Could not load the attributes.</p>}
      <div className="flex-1 overflow-auto">
        <table className="w-full text-xs" aria-label="DICOM attributes">
          <tbody className="font-mono">
            {rows.map((row, i) => (
              <tr key={`${row.tag}-${i}`} className="border-t border-slate-800 align-top">
                <td className="whitespace-nowrap px-2 py-0.5 text-slate-400" style={{ paddingLeft: `${0.5 + (row.depth ?? 0)}rem` }}>
                  {row.tag}
                </td>
                <td className="px-1 py-0.5 font-sans" title={row.keyword}>{row.name || row.keyword}</td>
                <td className="px-1 py-0.5 text-slate-400">{row.vr}</td>
                <td className="max-w-[12rem] break-all px-1 py-0.5">{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </aside>
  );
}
