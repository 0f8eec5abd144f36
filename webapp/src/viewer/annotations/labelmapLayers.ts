/**
 * The labelmaps of one item, one per time point: a 3D series has one (phase
 * ""), a 4D series one per time point (phase = the time point's number as
 * text, as the API names it), each on the images of its own time point. A
 * labelmap stored without a phase on a 4D series lies on its first time point.
 *
 * Each layer remembers what it last saved (its slice baseline) so a save
 * sends only the slices painted since, on the annotation of its time point.
 */
import { phaseImageIndices, type FrameLike } from "../modes/timePoints";
import { SliceBaseline } from "./sliceDiff";

/** One annotation on the server as a tab knows it. */
export interface Tracked<A = { id: number }> {
  annotation: A | null;
  /** The version the next save builds on. */
  base: number;
  /** This tab sent a draft that is not a version yet. */
  hasDraft: boolean;
  /** Withdrawn on the server (the shape was deleted, the classification emptied). */
  withdrawn: boolean;
  /** Its first save (the create) is on the way: settles when `annotation` is known, or the create failed. */
  creating: Promise<unknown> | null;
  /**
   * This tab's key for the annotation, sent with every create of it: a create sent again (a retry,
   * or the closing tab's keepalive save while the first is on its way) finds the same annotation.
   */
  createKey: string;
  /** How many creates of it were sent: the server keeps the body of the latest. */
  createsSent: number;
}

export function untracked<A>(): Tracked<A> {
  return { annotation: null, base: 0, hasDraft: false, withdrawn: false, creating: null, createKey: newClientKey(), createsSent: 0 };
}

/** 32 random hex digits (`crypto.randomUUID` exists only on HTTPS pages and localhost). */
export function newClientKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** On the server, or on its way there: a removal must be sent as a withdrawal. */
export function isSaved(tracked: Tracked<unknown>): boolean {
  return tracked.annotation !== null || tracked.creating !== null;
}

export class LabelmapLayer<A = { id: number }> {
  tracked: Tracked<A> = untracked();
  readonly baseline: SliceBaseline;
  /** Slices to send whole on the next save because the stored segment numbers differ from ours. */
  readonly resend = new Set<number>();
  /** The stored segments ({number, label_id}) as a key, "" before the first save. */
  storedSegments = "";

  constructor(
    /** The API's phase: "" for a series without time points. */
    readonly phase: string,
    /** Stack index of each of its slices. */
    readonly images: readonly number[],
  ) {
    this.baseline = new SliceBaseline(images.length);
  }

  /** Back to nothing stored (before showing the newest versions again). */
  reset(): void {
    this.tracked = untracked();
    this.baseline.clear();
    this.resend.clear();
    this.storedSegments = "";
  }
}

/** The phases of a series' labelmaps: one per time point of a 4D series, else just "". */
export function labelmapPhases(timePoints: readonly number[]): string[] {
  return timePoints.length > 1 ? timePoints.map(String) : [""];
}

/** One layer per phase, on the images of its time point. */
export function labelmapLayers<A>(frames: readonly FrameLike[], timePoints: readonly number[]): LabelmapLayer<A>[] {
  return labelmapPhases(timePoints).map((phase) => new LabelmapLayer<A>(phase, phaseImageIndices(frames, phase)));
}

/** The layer a stored labelmap of `phase` belongs to ("" on a 4D series: its first time point). */
export function layerOf<A>(layers: readonly LabelmapLayer<A>[], phase: string): LabelmapLayer<A> | undefined {
  return layers.find((l) => l.phase === phase) ?? (phase === "" ? layers[0] : undefined);
}
