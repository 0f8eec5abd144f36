import { useState, type ReactNode } from "react";

import { Button } from "@/components/Button";
import { QueryError } from "@/components/ErrorMessage";
import { Loading } from "@/components/Loading";
import { formatDate } from "@/lib/format";

import { usePatients, useStudies, useStudy, type ArchiveFilters, type Series } from "./archiveQueries";
import { SeriesThumbnail } from "./SeriesThumbnail";

function Column({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <section aria-label={title} className="flex max-h-[32rem] flex-col rounded-lg border border-slate-200 bg-white">
      <h2 className="border-b border-slate-200 px-3 py-2 text-sm font-medium">{title}</h2>
      <div className="flex-1 overflow-y-auto">{children}</div>
      {footer && <div className="border-t border-slate-200 px-3 py-1.5 text-xs text-slate-600">{footer}</div>}
    </section>
  );
}

function More({ shown, total, onMore }: { shown: number; total: number; onMore(): void }) {
  return (
    <span className="flex items-center justify-between">
      {shown} of {total}
      {shown < total && (
        <Button variant="ghost" onClick={onMore}>
          Next page
        </Button>
      )}
    </span>
  );
}

function rowClass(active: boolean) {
  return `block w-full border-b border-slate-100 px-3 py-2 text-left text-sm ${active ? "bg-teal-50 font-medium text-teal-900" : "hover:bg-slate-50"}`;
}

export function PatientColumn({ search, selected, onSelect }: { search: string; selected: number | null; onSelect(id: number | null): void }) {
  const [offset, setOffset] = useState(0);
  const patients = usePatients(search, offset);
  return (
    <Column
      title="Patients"
      footer={patients.data && <More shown={offset + patients.data.items.length} total={patients.data.total} onMore={() => setOffset(offset + 50)} />}
    >
      {patients.isPending && <Loading label="Loading patients" />}
      {patients.isError && <QueryError error={patients.error} onRetry={() => patients.refetch()} />}
      {selected !== null && (
        <button type="button" className={rowClass(false)} onClick={() => onSelect(null)}>
          ← All patients
        </button>
      )}
      {patients.data?.items.map((p) => (
        <button key={p.id} type="button" aria-pressed={p.id === selected} className={rowClass(p.id === selected)} onClick={() => onSelect(p.id)}>
          <span className="block">{p.patient_name || "(no name)"}</span>
          <span className="block text-xs font-normal text-slate-500">
            {p.patient_id} · {p.sex || "?"} · born {formatDate(p.birth_date)} · {p.number_of_studies} stud{p.number_of_studies === 1 ? "y" : "ies"}
          </span>
        </button>
      ))}
      {patients.data?.items.length === 0 && <p className="p-3 text-sm text-slate-500">No patients match.</p>}
    </Column>
  );
}

export function StudyColumn({ patient, filters, selected, onSelect }: { patient: number | null; filters: ArchiveFilters; selected: number | null; onSelect(id: number): void }) {
  const [offset, setOffset] = useState(0);
  const studies = useStudies(patient, filters, offset);
  return (
    <Column
      title={patient ? "Studies of this patient" : "Studies"}
      footer={studies.data && <More shown={offset + studies.data.items.length} total={studies.data.total} onMore={() => setOffset(offset + 50)} />}
    >
      {studies.isPending && <Loading label="Loading studies" />}
      {studies.isError && <QueryError error={studies.error} onRetry={() => studies.refetch()} />}
      {studies.data?.items.map((s) => (
        <button key={s.id} type="button" aria-pressed={s.id === selected} className={rowClass(s.id === selected)} onClick={() => onSelect(s.id)}>
          <span className="block">
            {formatDate(s.study_date)} · {s.modalities.join("/") || "?"} · {s.description || "(no description)"}
          </span>
          <span className="block text-xs font-normal text-slate-500">
            {s.patient.patient_name} · {s.number_of_series} series · {s.number_of_instances} image{s.number_of_instances === 1 ? "" : "s"}
            {s.accession_number && ` · acc. ${s.accession_number}`}
          </span>
        </button>
      ))}
      {studies.data?.items.length === 0 && <p className="p-3 text-sm text-slate-500">No studies match.</p>}
    </Column>
  );
}

export interface SeriesSelection {
  selected: ReadonlyMap<number, Series>;
  onToggle(series: Series): void;
  onSelectAll(rows: Series[]): void;
}

export function SeriesColumn({
  study,
  opened,
  onOpen,
  selection,
}: {
  study: number | null;
  opened: number | null;
  onOpen(id: number): void;
  /** Offer checkboxes to pick series for actions. */
  selection?: SeriesSelection;
}) {
  const detail = useStudy(study);
  const rows = detail.data?.series ?? [];
  return (
    <Column
      title="Series"
      footer={
        rows.length > 0 && (
          <span className="flex items-center justify-between">
            {rows.length} series
            {selection && (
              <Button variant="ghost" onClick={() => selection.onSelectAll(rows)}>
                Select all
              </Button>
            )}
          </span>
        )
      }
    >
      {study === null && <p className="p-3 text-sm text-slate-500">Choose a study to see its series.</p>}
      {detail.isLoading && <Loading label="Loading series" />}
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      <ul className="grid grid-cols-2 gap-2 p-2 xl:grid-cols-3">
        {rows.map((s) => (
          <li key={s.id} className={`rounded border p-2 text-xs ${s.id === opened ? "border-teal-600 bg-teal-50" : "border-slate-200"}`}>
            <button type="button" onClick={() => onOpen(s.id)} className="block w-full text-left" aria-label={`Open series ${s.series_number ?? ""} ${s.description}`}>
              <SeriesThumbnail seriesId={s.id} size={112} />
              <span className="mt-1 block font-medium">
                {s.modality} {s.series_number !== null && `#${s.series_number}`} {s.description}
              </span>
              <span className="block text-slate-500">
                {s.number_of_instances} image{s.number_of_instances === 1 ? "" : "s"}
                {s.number_of_frames > s.number_of_instances && ` · ${s.number_of_frames} frames`}
                {s.source_format === "nifti" && " · NIfTI"}
              </span>
            </button>
            {selection && (
              <label className="mt-1 flex items-center gap-1">
                <input type="checkbox" className="h-4 w-4 accent-teal-700" checked={selection.selected.has(s.id)} onChange={() => selection.onToggle(s)} />
                Select
              </label>
            )}
          </li>
        ))}
      </ul>
    </Column>
  );
}
