import { describe, expect, it } from "vitest";

import { cyclePhase, phaseImageIds, phaseImageIndices } from "./timePoints";

const fourD = [1, 1, 1, 2, 2, 2].map((t) => ({ temporalPosition: t }));
const threeD = [0, 1, 2].map(() => ({ temporalPosition: null }));

describe("time points", () => {
  it("picks the images of one time point, the first one for ''", () => {
    expect(phaseImageIndices(fourD, "2")).toEqual([3, 4, 5]);
    expect(phaseImageIndices(fourD, "")).toEqual([0, 1, 2]);
    expect(phaseImageIds(["a", "b", "c", "d", "e", "f"], fourD, "1")).toEqual(["a", "b", "c"]);
  });

  it("takes every image of a series without time points", () => {
    expect(phaseImageIndices(threeD, "")).toEqual([0, 1, 2]);
  });

  it("an unknown time point has no images", () => {
    expect(phaseImageIndices(fourD, "9")).toEqual([]);
  });

  it("cycles through phases both ways", () => {
    expect(cyclePhase(["1", "2"], "1")).toBe("2");
    expect(cyclePhase(["1", "2"], "2")).toBe("1");
    expect(cyclePhase(["1", "2", "3"], "1", -1)).toBe("3");
    expect(cyclePhase([], "")).toBe("");
  });
});
