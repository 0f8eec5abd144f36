/**
 * Time points of a series as the API names them: a phase is the number of a
 * time point (TemporalPositionIdentifier) as text, "" for a series without
 * time points. A labelmap lies on the images of one time point, slice k on
 * the k-th image of that time point in the archive's order.
 */

export interface FrameLike {
  temporalPosition: number | null;
}

/** Indices (into the series' image list) of the images of `phase`; "" is the first time point. */
export function phaseImageIndices(frames: readonly FrameLike[], phase: string): number[] {
  const points = [...new Set(frames.map((f) => f.temporalPosition).filter((t): t is number => t != null))].sort((a, b) => a - b);
  if (points.length === 0) return frames.map((_, i) => i);
  const wanted = phase === "" ? points[0] : Number(phase);
  const indices: number[] = [];
  frames.forEach((f, i) => {
    if (f.temporalPosition === wanted) indices.push(i);
  });
  return indices;
}

/** The image ids of `phase`, in slice order. */
export function phaseImageIds(imageIds: readonly string[], frames: readonly FrameLike[], phase: string): string[] {
  return phaseImageIndices(frames, phase).map((i) => imageIds[i]);
}

/** The phase after (or before, with `step` -1) `phase` in `phases`, wrapping round. */
export function cyclePhase(phases: readonly string[], phase: string, step = 1): string {
  if (phases.length === 0) return phase;
  const at = Math.max(0, phases.indexOf(phase));
  return phases[(at + step + phases.length) % phases.length];
}
