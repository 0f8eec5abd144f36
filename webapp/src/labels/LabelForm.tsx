import { useState, type FormEvent } from "react";

import { Button } from "@/components/Button";
import { QueryError } from "@/components/ErrorMessage";
import { SelectField, TextField } from "@/components/Field";

import { LABEL_KINDS, SUGGESTED_COLOURS, parseAllowedValues, type Label, type LabelKind } from "./labelMeta";

export interface LabelFields {
  name: string;
  description: string;
  color: string;
  kind: LabelKind;
  allowed_values: string[];
}

/** Name, colour, kind and (for classifications) the values annotators may pick. */
export function LabelForm({
  initial,
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  initial?: Label;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit(fields: LabelFields): void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(initial?.name ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [color, setColor] = useState(initial?.color ?? SUGGESTED_COLOURS[0]);
  const [kind, setKind] = useState<LabelKind>(initial?.kind ?? "segmentation");
  const [values, setValues] = useState((initial?.allowed_values ?? []).join(", "));

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({ name: name.trim(), description, color, kind, allowed_values: kind === "classification" ? parseAllowedValues(values) : [] });
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label={submitLabel}>
      <div className="grid grid-cols-2 gap-3">
        <TextField label="Label name" required value={name} onChange={setName} />
        <SelectField label="Kind" value={kind} onChange={setKind} options={LABEL_KINDS} disabled={initial !== undefined} hint={initial ? "The kind is fixed once created." : undefined} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Colour</legend>
        <div className="mt-1 flex items-center gap-2">
          <input type="color" aria-label="Colour" value={color} onChange={(e) => setColor(e.target.value)} className="h-8 w-12 cursor-pointer rounded border border-slate-300" />
          {SUGGESTED_COLOURS.map((c) => (
            <button
              key={c}
              type="button"
              aria-label={`Use colour ${c}`}
              aria-pressed={c === color}
              onClick={() => setColor(c)}
              className={`h-6 w-6 rounded border ${c === color ? "ring-2 ring-slate-900 ring-offset-1" : "border-slate-300"}`}
              style={{ backgroundColor: c }}
            />
          ))}
          <span className="font-mono text-xs text-slate-600">{color}</span>
        </div>
      </fieldset>
      {kind === "classification" && (
        <TextField label="Allowed values" value={values} onChange={setValues} placeholder="e.g. normal, benign, malignant" hint="Separate with commas. Leave empty for a yes/no label." />
      )}
      <TextField label="Description" value={description} onChange={setDescription} />
      {error ? <QueryError error={error} /> : null}
      <div className="flex justify-end gap-2">
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
        <Button type="submit" variant="primary" disabled={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
