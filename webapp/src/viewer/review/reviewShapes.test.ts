import { describe, expect, it } from "vitest";

import { contentShapes, firstPaintedSlice, imageIndexOf, pinShapes } from "./reviewShapes";

const frames = [
  { instance: { id: 10 }, frame: 1 },
  { instance: { id: 11 }, frame: 1 },
  { instance: { id: 11 }, frame: 2 },
];

describe("review shapes", () => {
  it("finds the image of an instance frame", () => {
    expect(imageIndexOf(frames, 11, 1)).toBe(2);
    expect(imageIndexOf(frames, 10)).toBe(0);
    expect(imageIndexOf(frames, 99)).toBe(-1);
    expect(imageIndexOf(frames, null)).toBe(-1);
  });

  it("draws a box as its four corners and a contour as stored", () => {
    const [box] = contentShapes({ x: 1, y: 2, width: 3, height: 4 }, "box", 0, "#fff");
    expect(box.points).toEqual([
      [1, 2],
      [4, 2],
      [4, 6],
      [1, 6],
    ]);
    expect(box.closed).toBe(true);
    const [contour] = contentShapes({ points: [[0, 0], [5, 0], [5, 5]], closed: false }, "contour", 1, "#fff");
    expect(contour.points).toHaveLength(3);
    expect(contour.closed).toBe(false);
    expect(contentShapes({ values: [] }, "classification", 0, "#fff")).toEqual([]);
    expect(contentShapes({ x: 1, y: 1, width: 1, height: 1 }, "box", -1, "#fff")).toEqual([]);
  });

  it("places pins on the image of their slice, numbered, and skips unplaced ones", () => {
    const pins = [
      { text: "a", slice_index: 1, x: 3, y: 4 },
      { text: "b", slice_index: null, x: null, y: null },
      { text: "c", slice_index: 7, x: 1, y: 1 },
    ];
    const shapes = pinShapes(pins, [4, 5], "R2.", "#f00");
    expect(shapes).toEqual([
      { key: "R2.-0", imageIndex: 5, kind: "pin", points: [[3, 4]], color: "#f00", label: "R2.1" },
    ]);
  });

  it("finds the first painted slice", () => {
    expect(firstPaintedSlice(new Map([[5, 1], [2, 1]]))).toBe(2);
    expect(firstPaintedSlice(new Map())).toBeNull();
  });
});
