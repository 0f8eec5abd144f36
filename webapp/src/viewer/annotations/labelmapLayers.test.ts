import { describe, expect, it } from "vitest";

import { isSaved, labelmapLayers, labelmapPhases, layerOf, untracked } from "./labelmapLayers";

// A 4D series of 3 slices x 2 time points, stored time point after time point.
const frames = [1, 1, 1, 2, 2, 2].map((t) => ({ temporalPosition: t }));

describe("labelmap layers", () => {
  it("has one layer on every image of a 3D series", () => {
    const layers = labelmapLayers([{ temporalPosition: null }, { temporalPosition: null }], []);
    expect(layers.map((l) => [l.phase, l.images])).toEqual([["", [0, 1]]]);
    expect(labelmapPhases([5])).toEqual([""]);
  });

  it("has one layer per time point of a 4D series, on that time point's images", () => {
    const layers = labelmapLayers(frames, [1, 2]);
    expect(layers.map((l) => [l.phase, l.images])).toEqual([
      ["1", [0, 1, 2]],
      ["2", [3, 4, 5]],
    ]);
    expect(layers[1].baseline.length).toBe(3);
  });

  it("puts a labelmap stored without a phase on the first time point", () => {
    const layers = labelmapLayers(frames, [1, 2]);
    expect(layerOf(layers, "")).toBe(layers[0]);
    expect(layerOf(layers, "2")).toBe(layers[1]);
    expect(layerOf(layers, "7")).toBeUndefined();
  });

  it("forgets what was stored on reset", () => {
    const [layer] = labelmapLayers(frames, [1, 2]);
    const stored = { ...untracked<{ id: number }>(), annotation: { id: 4 }, base: 2, hasDraft: true };
    layer.tracked = stored;
    layer.resend.add(1);
    layer.storedSegments = "x";
    layer.reset();
    expect(layer.tracked.annotation).toBeNull();
    expect(isSaved(layer.tracked)).toBe(false);
    expect(layer.resend.size).toBe(0);
    expect(layer.storedSegments).toBe("");
    // (a labelmap made after the reset is another annotation: another create key)
    expect(layer.tracked.createKey).not.toBe(stored.createKey);
  });

  it("names each annotation to be created with a key of its own, in the form the server takes", () => {
    const keys = new Set(Array.from({ length: 50 }, () => untracked().createKey));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(untracked().createsSent).toBe(0);
  });

  it("counts an annotation whose create is on the way as saved (a removal must withdraw it)", () => {
    const tracked = untracked<{ id: number }>();
    expect(isSaved(tracked)).toBe(false);
    tracked.creating = new Promise(() => undefined);
    expect(isSaved(tracked)).toBe(true);
    tracked.creating = null;
    tracked.annotation = { id: 1 };
    expect(isSaved(tracked)).toBe(true);
  });
});
