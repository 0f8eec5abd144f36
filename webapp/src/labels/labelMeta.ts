import type { Schemas } from "@/api/client";

export type Label = Schemas["LabelRead"];
export type LabelKind = Label["kind"];

export const LABEL_KINDS: readonly { value: LabelKind; label: string }[] = [
  { value: "classification", label: "Classification" },
  { value: "box", label: "Box" },
  { value: "contour", label: "Contour" },
  { value: "segmentation", label: "Segmentation" },
];

/** A few distinct colours offered first (the picker allows any). */
export const SUGGESTED_COLOURS = ["#e6194b", "#3cb44b", "#ffe119", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6"];

/** Allowed values typed as "a, b, c": trimmed, no blanks, no repeats, order kept. */
export function parseAllowedValues(text: string): string[] {
  const seen = new Set<string>();
  const values: string[] = [];
  for (const part of text.split(",")) {
    const value = part.trim();
    if (value && !seen.has(value)) {
      seen.add(value);
      values.push(value);
    }
  }
  return values;
}
