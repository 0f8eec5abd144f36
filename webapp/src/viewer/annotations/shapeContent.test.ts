import { describe, expect, it } from "vitest";

import { shapeContent, shapeFromContent, type DrawnShape } from "./shapeContent";

const SIZE = { rows: 100, columns: 200 };

describe("shape content", () => {
  it("turns a freehand polygon into a closed contour, clamped to the image", () => {
    const shape: DrawnShape = {
      uid: "a",
      tool: "PlanarFreehandROI",
      slice: 2,
      points: [
        [10.123, 20],
        [250, 20],
        [30, -4],
        [10.123, 20],
      ],
    };
    expect(shapeContent(shape, 0, SIZE)).toEqual({
      kind: "contour",
      points: [
        [10.12, 20],
        [200, 20],
        [30, 0],
      ],
      closed: true,
      spline: "polygon",
      frame: 0,
    });
  });

  it("keeps a spline's control points and says so", () => {
    const content = shapeContent({ uid: "s", tool: "SplineROI", slice: 0, points: [[1, 1], [5, 1], [3, 4]] }, 3, SIZE);
    expect(content).toMatchObject({ spline: "catmull-rom", frame: 3 });
    expect(shapeFromContent(content as never)).toEqual({ tool: "SplineROI", points: [[1, 1], [5, 1], [3, 4]] });
  });

  it("turns rectangle handles into a box and back", () => {
    const shape: DrawnShape = { uid: "b", tool: "RectangleROI", slice: 0, points: [[40, 10], [10, 10], [40, 30], [10, 30]] };
    const content = shapeContent(shape, 0, SIZE);
    expect(content).toEqual({ kind: "box", x: 10, y: 10, width: 30, height: 20, frame: 0 });
    expect(shapeFromContent(content as never)?.points).toEqual([[10, 10], [40, 10], [10, 30], [40, 30]]);
  });

  it("refuses shapes without an area", () => {
    expect(shapeContent({ uid: "c", tool: "RectangleROI", slice: 0, points: [[5, 5], [5, 9]] }, 0, SIZE)).toBeNull();
    expect(shapeContent({ uid: "d", tool: "PlanarFreehandROI", slice: 0, points: [[1, 1], [2, 2]] }, 0, SIZE)).toBeNull();
  });
});
