import { describe, expect, it } from "vitest";

import { filterAttributes, type Attribute } from "./attributes";

const rows: Attribute[] = [
  { tag: "(0010,0010)", keyword: "PatientName", name: "Patient's Name", vr: "PN", value: "CompressedSamples^CT1", depth: 0 },
  { tag: "(0008,0060)", keyword: "Modality", name: "Modality", vr: "CS", value: "CT", depth: 0 },
  { tag: "(0028,0010)", keyword: "Rows", name: "Rows", vr: "US", value: "128", depth: 0 },
];

describe("attribute search", () => {
  it("matches tag, keyword, name or value, every word, any case", () => {
    expect(filterAttributes(rows, "")).toHaveLength(3);
    expect(filterAttributes(rows, "modality").map((r) => r.keyword)).toEqual(["Modality"]);
    expect(filterAttributes(rows, "0028,0010").map((r) => r.keyword)).toEqual(["Rows"]);
    expect(filterAttributes(rows, "patient ct1").map((r) => r.keyword)).toEqual(["PatientName"]);
    expect(filterAttributes(rows, "patient mr")).toEqual([]);
  });
});
