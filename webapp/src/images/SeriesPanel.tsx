import { useState } from "react";

import { QueryError } from "@/components/ErrorMessage";
import { Loading } from "@/components/Loading";

import { useSeriesDetail } from "./archiveQueries";
import { InstanceAttributes } from "./InstanceAttributes";
import { formatBytes } from "./upload";

/** One series: its instances in slice order, and the attributes of the chosen one. */
export function SeriesPanel({ seriesId }: { seriesId: number }) {
  const series = useSeriesDetail(seriesId);
  const [chosen, setChosen] = useState<number | null>(null);
  if (series.isPending) return <Loading label="Loading the series" />;
  if (series.isError) return <QueryError error={series.error} onRetry={() => series.refetch()} />;
  const s = series.data;
  const instanceId = chosen ?? s.instances[0]?.id ?? null;
  return (
    <section aria-labelledby="series-title" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 lg:grid-cols-[16rem_1fr]">
      <div>
        <h2 id="series-title" className="font-medium">
          {s.modality} series {s.series_number ?? ""} {s.description}
        </h2>
        <p className="mb-2 text-xs text-slate-600">
          {s.patient_name} · {s.study_description} · {s.number_of_instances} instances · {formatBytes(s.size_bytes)}
        </p>
        <ol className="max-h-96 overflow-y-auto text-sm" aria-label="Instances">
          {s.instances.map((inst) => (
            <li key={inst.id}>
              <button
                type="button"
                aria-pressed={inst.id === instanceId}
                onClick={() => setChosen(inst.id)}
                className={`block w-full px-2 py-0.5 text-left ${inst.id === instanceId ? "bg-teal-50 font-medium" : "hover:bg-slate-50"}`}
              >
                #{inst.instance_number ?? "?"}
                {inst.slice_location !== null && ` · ${inst.slice_location.toFixed(1)} mm`}
                {inst.number_of_frames > 1 && ` · ${inst.number_of_frames} frames`}
                {inst.temporal_position !== null && ` · t${inst.temporal_position}`}
              </button>
            </li>
          ))}
        </ol>
      </div>
      <div>{instanceId !== null ? <InstanceAttributes instanceId={instanceId} /> : <p className="text-sm text-slate-500">This series has no instances.</p>}</div>
    </section>
  );
}
