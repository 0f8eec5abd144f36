/**
 * The classification panel's answers as the annotations API stores them, and back.
 * A label answered without a value (a checkbox label) is stored with value null.
 */
import type { Schemas } from "@/api/client";

import type { Classification } from "../panels/ClassificationPanel";

export type ClassificationContent = Schemas["ClassificationContent"];

/** The API content of the panel's answers; null while no label is answered (the API needs one). */
export function classificationContent(value: Classification): ClassificationContent | null {
  const values = Object.entries(value.values)
    .map(([labelId, v]) => ({ label_id: Number(labelId), value: v === "" ? null : v }))
    .sort((a, b) => a.label_id - b.label_id);
  if (!values.length) return null;
  return { kind: "classification", values, tentative: value.tentative, bad_quality: value.badQuality, comment: value.comment };
}

/** The panel's answers from stored content (as a version returns it). */
export function classificationFromContent(content: Record<string, unknown>): Classification {
  const values = (content.values ?? []) as { label_id: number; value?: string | null }[];
  return {
    values: Object.fromEntries(values.map((v) => [v.label_id, v.value ?? ""])),
    tentative: Boolean(content.tentative),
    badQuality: Boolean(content.bad_quality),
    comment: typeof content.comment === "string" ? content.comment : "",
  };
}
