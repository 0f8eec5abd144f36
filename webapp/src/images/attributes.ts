import type { Schemas } from "@/api/client";

export type Attribute = Schemas["AttributeRead"];

/** Attribute rows whose tag, keyword, name or value contain every word of `query` (any case). */
export function filterAttributes(rows: readonly Attribute[], query: string): Attribute[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = `${row.tag} ${row.keyword} ${row.name} ${row.value}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
