/**
 * Drawn shapes (polygons, splines, boxes) as the annotations API stores them,
 * and back. Both sides use image coordinates with pixel corners on integers
 * (Cornerstone's image coordinates, the API's contour and box coordinates), so
 * points travel unchanged; they are clamped to the image (a stroke that runs
 * past the edge would be refused) and rounded to 1/100 pixel.
 */
import type { Schemas } from "@/api/client";

export type ShapeTool = "PlanarFreehandROI" | "SplineROI" | "RectangleROI";
export const SHAPE_TOOLS: readonly ShapeTool[] = ["PlanarFreehandROI", "SplineROI", "RectangleROI"];

export type BoxContent = Schemas["BoxContent"];
export type ContourContent = Schemas["ContourContent"];
export type ShapeContent = BoxContent | ContourContent;

/** A shape on screen: its tool, the slice it is on and its points in image coordinates. */
export interface DrawnShape {
  uid: string;
  tool: ShapeTool;
  slice: number;
  points: [number, number][];
}

export interface ImageSize {
  rows: number;
  columns: number;
}

/** Which label kind each shape is saved under. */
export function shapeKind(tool: ShapeTool): "box" | "contour" {
  return tool === "RectangleROI" ? "box" : "contour";
}

const round = (v: number) => Math.round(v * 100) / 100;
const clamp = (v: number, max: number) => Math.max(0, Math.min(max, v));

/** The API content of `shape` on frame `frame` (0-based) of an image of `size`; null when it has no area. */
export function shapeContent(shape: DrawnShape, frame: number, size: ImageSize): ShapeContent | null {
  const points = shape.points.map(([x, y]) => [round(clamp(x, size.columns)), round(clamp(y, size.rows))] as [number, number]);
  if (shape.tool === "RectangleROI") {
    if (points.length < 2) return null;
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    const width = round(Math.max(...xs) - x);
    const height = round(Math.max(...ys) - y);
    if (width <= 0 || height <= 0) return null;
    return { kind: "box", x, y, width, height, frame };
  }
  // A freehand polygon ends where it started: the repeated point is dropped.
  const last = points.length - 1;
  if (last > 0 && points[0][0] === points[last][0] && points[0][1] === points[last][1]) points.pop();
  if (points.length < 3) return null;
  return {
    kind: "contour",
    points,
    closed: true,
    spline: shape.tool === "SplineROI" ? "catmull-rom" : "polygon",
    frame,
  };
}

/** The tool and image points that show stored `content` again. */
export function shapeFromContent(content: { kind?: string } & Record<string, unknown>): Pick<DrawnShape, "tool" | "points"> | null {
  if ("points" in content && Array.isArray(content.points)) {
    const points = (content.points as number[][]).map((p) => [Number(p[0]), Number(p[1])] as [number, number]);
    return { tool: content.spline === "catmull-rom" ? "SplineROI" : "PlanarFreehandROI", points };
  }
  if (["x", "y", "width", "height"].every((k) => typeof content[k] === "number")) {
    const { x, y, width, height } = content as unknown as BoxContent;
    // Cornerstone's rectangle handles: top-left, top-right, bottom-left, bottom-right.
    return {
      tool: "RectangleROI",
      points: [
        [x, y],
        [x + width, y],
        [x, y + height],
        [x + width, y + height],
      ],
    };
  }
  return null;
}

/** A stable text form of content, to tell whether a shape changed since it was saved. */
export function contentKey(content: unknown): string {
  return JSON.stringify(content);
}
