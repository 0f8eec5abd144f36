import { describe, expect, it } from "vitest";

import { frameImageId, inlinePaletteValues, type DicomJson } from "./seriesLoader";

function base64(bytes: number[]): string {
  return btoa(String.fromCharCode(...bytes));
}

describe("inlinePaletteValues", () => {
  it("decodes 16-bit little-endian palette tables into Value", () => {
    const dataset: DicomJson = {
      "00281101": { vr: "US", Value: [3, 0, 16] },
      "00281201": { vr: "OW", InlineBinary: base64([0x00, 0x00, 0x01, 0x00, 0xff, 0xff]) } as DicomJson[string],
    };
    inlinePaletteValues(dataset);
    expect(dataset["00281201"].Value).toEqual([0, 1, 65535]);
  });
  it("reads 8-bit entries stored one per byte", () => {
    const dataset: DicomJson = {
      "00281102": { vr: "US", Value: [4, 0, 8] },
      "00281202": { vr: "OW", InlineBinary: base64([1, 2, 3, 4]) } as DicomJson[string],
    };
    inlinePaletteValues(dataset);
    expect(dataset["00281202"].Value).toEqual([1, 2, 3, 4]);
  });
  it("leaves datasets without palettes alone", () => {
    const dataset: DicomJson = { "00280004": { vr: "CS", Value: ["MONOCHROME2"] } };
    inlinePaletteValues(dataset);
    expect(dataset).toEqual({ "00280004": { vr: "CS", Value: ["MONOCHROME2"] } });
  });
});

describe("frameImageId", () => {
  it("builds WADO-RS frame URLs under the series", () => {
    expect(frameImageId("/dicomweb/studies/1/series/2", "3", 4)).toBe("wadors:/dicomweb/studies/1/series/2/instances/3/frames/4");
  });
});
