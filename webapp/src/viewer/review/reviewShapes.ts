/**
 * What the review screen draws over the image, as pure data: the contour or
 * box of the version under review, and the comments pinned to the image by
 * this and earlier reviews. Slices of pinned comments are slices of the
 * annotation's time point (the labelmap's slice numbers); the viewer's stack
 * may hold more time points, so they are mapped through `sliceImages`.
 */
import type { OverlayShape } from "../viewport/ImageOverlay";

export interface FrameRef {
  instance: { id: number };
  /** 1-based frame of the instance. */
  frame: number;
}

export interface Pin {
  text: string;
  slice_index: number | null;
  x: number | null;
  y: number | null;
}

/** The image index of frame `frame` (0-based, as stored) of instance `instanceId`; -1 when absent. */
export function imageIndexOf(frames: readonly FrameRef[], instanceId: number | null | undefined, frame = 0): number {
  if (instanceId == null) return -1;
  return frames.findIndex((f) => f.instance.id === instanceId && f.frame === frame + 1);
}

/** The outline of a stored box or contour on its image (boxes as their four corners). */
export function contentShapes(
  content: Record<string, unknown>,
  kind: string,
  imageIndex: number,
  color: string,
): OverlayShape[] {
  if (imageIndex < 0) return [];
  if (kind === "box") {
    const { x, y, width, height } = content as { x: number; y: number; width: number; height: number };
    const corners: [number, number][] = [
      [x, y],
      [x + width, y],
      [x + width, y + height],
      [x, y + height],
    ];
    return [{ key: "box", imageIndex, kind: "polyline", points: corners, closed: true, color }];
  }
  if (kind === "contour") {
    const { points, closed } = content as { points: [number, number][]; closed?: boolean };
    return [{ key: "contour", imageIndex, kind: "polyline", points, closed: closed ?? true, color }];
  }
  return [];
}

/** Pins as overlay markers: `sliceImages[k]` is the image index of slice k; pins without a place are left out. */
export function pinShapes(pins: readonly Pin[], sliceImages: readonly number[], prefix: string, color: string): OverlayShape[] {
  const shapes: OverlayShape[] = [];
  pins.forEach((pin, n) => {
    if (pin.slice_index == null || pin.x == null || pin.y == null) return;
    const imageIndex = sliceImages[pin.slice_index];
    if (imageIndex === undefined) return;
    shapes.push({ key: `${prefix}-${n}`, imageIndex, kind: "pin", points: [[pin.x, pin.y]], color, label: `${prefix}${n + 1}` });
  });
  return shapes;
}

/** The first slice with paint of a stored labelmap (to open the review where the work is). */
export function firstPaintedSlice(slices: ReadonlyMap<number, unknown>): number | null {
  let first: number | null = null;
  for (const index of slices.keys()) if (first === null || index < first) first = index;
  return first;
}
