import { useState } from "react";
import { useSearchParams } from "react-router";

import { Button } from "@/components/Button";
import { TextField } from "@/components/Field";
import { PageHeader } from "@/components/PageHeader";
import { SearchBox } from "@/components/SearchBox";

import type { ArchiveFilters, Series } from "./archiveQueries";
import { PatientColumn, SeriesColumn, StudyColumn } from "./BrowserColumns";
import { SelectionBar } from "./SelectionBar";
import { SeriesPanel } from "./SeriesPanel";
import { UploadPanel } from "./UploadPanel";

function numberParam(params: URLSearchParams, name: string): number | null {
  const value = Number(params.get(name));
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** Patient → study → series, with thumbnails, filters, attributes, upload, and actions on a selection. */
export function ImagesPage() {
  const [params, setParams] = useSearchParams();
  const patient = numberParam(params, "patient");
  const study = numberParam(params, "study");
  const series = numberParam(params, "series");
  const filters: ArchiveFilters = {
    search: params.get("q") ?? "",
    modality: params.get("modality") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
  };
  const [selected, setSelected] = useState<ReadonlyMap<number, Series>>(new Map());
  const [showUpload, setShowUpload] = useState(false);

  /** Change some parameters; choosing a parent clears the choices below it. */
  function set(change: Record<string, string | number | null>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value === null || value === "") next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next, { replace: true });
  }

  function toggleSeries(row: Series) {
    const next = new Map(selected);
    if (next.has(row.id)) next.delete(row.id);
    else next.set(row.id, row);
    setSelected(next);
  }

  return (
    <section className="space-y-4">
      <PageHeader title="Images">
        <Button variant={showUpload ? "secondary" : "primary"} onClick={() => setShowUpload(!showUpload)} aria-expanded={showUpload}>
          {showUpload ? "Hide upload" : "Upload images"}
        </Button>
      </PageHeader>
      {showUpload && <UploadPanel />}
      <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter images">
        <SearchBox label="Search patients and studies" value={filters.search} onChange={(v) => set({ q: v, patient: null, study: null, series: null })} />
        <TextField label="Modality" value={filters.modality} onChange={(v) => set({ modality: v.toUpperCase(), study: null, series: null })} placeholder="e.g. CT" />
        <TextField label="Study date from" type="date" value={filters.from} onChange={(v) => set({ from: v, study: null, series: null })} />
        <TextField label="to" type="date" value={filters.to} onChange={(v) => set({ to: v, study: null, series: null })} />
      </div>
      {selected.size > 0 && <SelectionBar selected={selected} onClear={() => setSelected(new Map())} />}
      <div className="grid gap-3 lg:grid-cols-[1fr_1.4fr_2fr]">
        <PatientColumn key={`p-${filters.search}`} search={filters.search} selected={patient} onSelect={(id) => set({ patient: id, study: null, series: null })} />
        <StudyColumn key={`s-${patient}-${JSON.stringify(filters)}`} patient={patient} filters={filters} selected={study} onSelect={(id) => set({ study: id, series: null })} />
        <SeriesColumn
          study={study}
          opened={series}
          onOpen={(id) => set({ series: id })}
          selection={{
            selected,
            onToggle: toggleSeries,
            onSelectAll: (rows) => {
              const next = new Map(selected);
              for (const row of rows) next.set(row.id, row);
              setSelected(next);
            },
          }}
        />
      </div>
      {series !== null && <SeriesPanel seriesId={series} />}
    </section>
  );
}
