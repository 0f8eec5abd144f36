import type { Schemas } from "@/api/client";

export interface Classification {
  /** label id → chosen value ("" = label present without a value). */
  values: Record<number, string>;
  tentative: boolean;
  badQuality: boolean;
  comment: string;
}

export const EMPTY_CLASSIFICATION: Classification = { values: {}, tentative: false, badQuality: false, comment: "" };

/** The task's labels with their allowed values, the two flags and a comment. */
export function ClassificationPanel({
  labels,
  value,
  onChange,
}: {
  labels: Schemas["LabelRead"][];
  value: Classification;
  onChange: (next: Classification) => void;
}) {
  return (
    <section aria-label="Classification" className="border-b border-slate-700 p-2 text-sm">
      <h2 className="mb-1 text-xs font-semibold uppercase text-slate-400">Classification</h2>
      {labels.map((label) => {
        const chosen = value.values[label.id];
        const set = (v: string | undefined) => {
          const values = { ...value.values };
          if (v === undefined) delete values[label.id];
          else values[label.id] = v;
          onChange({ ...value, values });
        };
        return (
          <div key={label.id} className="mb-1">
            {label.allowed_values.length ? (
              <label className="flex items-center gap-2">
                <span className="flex-1">{label.name}</span>
                <select
                  aria-label={label.name}
                  className="rounded bg-slate-800 px-1"
                  value={chosen ?? ""}
                  onChange={(e) => set(e.target.value || undefined)}
                >
                  <option value="">—</option>
                  {label.allowed_values.map((v) => (
                    <option key={v}>{v}</option>
                  ))}
                </select>
              </label>
            ) : (
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={chosen !== undefined} onChange={(e) => set(e.target.checked ? "" : undefined)} />
                {label.name}
              </label>
            )}
          </div>
        );
      })}
      <div className="mt-2 flex gap-3 text-xs">
        <label>
          <input type="checkbox" checked={value.tentative} onChange={(e) => onChange({ ...value, tentative: e.target.checked })} /> Tentative
        </label>
        <label>
          <input type="checkbox" checked={value.badQuality} onChange={(e) => onChange({ ...value, badQuality: e.target.checked })} /> Bad quality
        </label>
      </div>
      <textarea
        aria-label="Comment"
        placeholder="Comment"
        className="mt-2 w-full rounded bg-slate-800 p-1 text-xs"
        rows={2}
        value={value.comment}
        onChange={(e) => onChange({ ...value, comment: e.target.value })}
      />
    </section>
  );
}
