import { describe, expect, it } from "vitest";

import { presetsFor, voiRange, windowFromRange } from "./voiPresets";

describe("window/level conversions", () => {
  it("round-trips width and centre through the DICOM linear VOI range", () => {
    for (const [width, center] of [[400, 40], [1500, -600], [1, 0], [80, 40]]) {
      expect(windowFromRange(voiRange(width, center))).toEqual({ width, center });
    }
  });
  it("has the CT presets the radiologists asked for and none for MR", () => {
    expect(presetsFor("CT").map((p) => p.id)).toEqual(["soft-tissue", "lung", "bone", "brain", "liver"]);
    expect(presetsFor("MR")).toEqual([]);
  });
});
