/**
 * The annotations of one task item on the server, kept in step with what is
 * drawn in the viewer: one labelmap per time point (every segmentation label a
 * segment), one annotation per polygon, spline or box, and one classification.
 *
 * `load()` finds the item's annotations, turns a draft the caller left behind
 * (a closed tab) into a version, and shows the head versions. `save()` sends
 * what changed since the last save as drafts — for the labelmap only the
 * changed slices, in the binary patch form — and, when `wantVersion` is set
 * (explicit save), turns the drafts into versions. Annotations are created on
 * their first save, so merely looking at an item writes nothing. A saved
 * shape deleted from the viewer (or a classification emptied) is withdrawn on
 * the server, and reinstated when the delete is undone; one never saved sends
 * nothing.
 *
 * `save()` reads everything it sends from the viewer before its first await:
 * a keepalive save started on `pagehide` carries the last stroke even though
 * the page is gone before the request completes.
 */
import type { Schemas } from "@/api/client";

import type { Classification } from "../panels/ClassificationPanel";
import type { AnnotationTools, SegmentInfo } from "../tools/AnnotationTools";
import type { LoadedSeries } from "../viewport/seriesLoader";
import {
  createAnnotation,
  getVersion,
  listItemAnnotations,
  promoteDraft,
  putDraft,
  putLabelmapDraft,
  reinstateAnnotation,
  withdrawAnnotation,
  type AnnotationRead,
  type Outcome,
} from "./annotationsApi";
import { classificationContent, classificationFromContent } from "./classificationContent";
import { clearDraft, hasDraft, markDraft } from "./draftMarks";
import { isSaved, labelmapLayers, layerOf, untracked, type LabelmapLayer, type Tracked as TrackedOf } from "./labelmapLayers";
import { encodeJsonPatch, encodePatch, type LabelmapPatch } from "./labelmapPatch";
import { clearLabelmapImages, fetchLabelmapVersion, fillLabelmapImages, labelmapPixels } from "./labelmapLoader";
import { presenceChange, shapeChanges } from "./presence";
import { contentKey, shapeContent, shapeFromContent, shapeKind, type DrawnShape, type ShapeContent } from "./shapeContent";
import { renumber, takeSlices, type Plane } from "./sliceDiff";

type LabelRead = Schemas["LabelRead"];
type SegmentRef = { number: number; label_id: number };

export interface ItemContext {
  taskId: number;
  projectId: number;
  itemId: number;
  userId: number;
  series: LoadedSeries;
  labels: LabelRead[];
  segments: SegmentInfo[];
  tools: AnnotationTools;
  classification: () => Classification;
}

export type SaveOutcome = { ok: true } | { ok: false; conflict: boolean; message: string };

/** One annotation on the server as this tab knows it. */
type Tracked = TrackedOf<AnnotationRead>;
type Layer = LabelmapLayer<AnnotationRead>;

interface TrackedShape extends Tracked {
  savedKey: string;
}

type Job =
  | { kind: "labelmap"; layer: Layer; slices: Map<number, Plane> }
  | { kind: "shape"; uid: string; shape: DrawnShape; content: ShapeContent; key: string }
  | { kind: "classification"; content: Schemas["ClassificationContent"]; key: string }
  | { kind: "presence"; tracked: Tracked; change: "withdraw" | "reinstate" };

const CLIENT = { name: "labelstack-webapp" };

export class ItemAnnotations {
  /** Set by an explicit save (Alt+S): the next save makes versions of the drafts. */
  wantVersion = false;
  /** Things the annotator should know (a draft left on an older version, a shape kind without a label). */
  readonly notices: string[] = [];

  /** One labelmap per time point (one for a series without time points). */
  private readonly layers: Layer[];
  private readonly shapes = new Map<string, TrackedShape>();
  private classification: Tracked & { savedKey: string } = { ...untracked<AnnotationRead>(), savedKey: "" };
  private frozen: Job[] | null = null;

  constructor(private readonly ctx: ItemContext) {
    this.layers = labelmapLayers(ctx.series.frames, ctx.series.timePoints);
  }

  private get localSegments(): SegmentRef[] {
    return this.ctx.segments.map((s) => ({ number: s.index, label_id: s.labelId }));
  }

  private labelOf(kind: LabelRead["kind"]): LabelRead | undefined {
    return this.ctx.labels.find((l) => l.kind === kind && !l.is_retired);
  }

  // -- loading -----------------------------------------------------------------------

  /**
   * Shows the item's stored annotations; returns the stored classification.
   * With `promoteDrafts`, a draft of the caller's on the head becomes a version
   * first (the work of a tab that was closed before its explicit save).
   */
  async load({ promoteDrafts }: { promoteDrafts: boolean }): Promise<Classification | null> {
    const { tools } = this.ctx;
    const found = await listItemAnnotations(this.ctx.taskId, this.ctx.series.detail.id, this.ctx.itemId);
    const heads = new Map<number, number>();
    for (const annotation of found) {
      heads.set(annotation.id, annotation.version_count);
      if (!promoteDrafts || !hasDraft(this.ctx.userId, annotation.id)) continue;
      const promoted = await promoteDraft(annotation.id);
      this.stillShown();
      if (promoted.ok) heads.set(annotation.id, promoted.data.number);
      else if (promoted.status === 409) {
        this.notices.push(`Your unsaved ${annotation.kind} from earlier was based on an older version and is not shown.`);
      }
      if (promoted.ok || promoted.status === 404) clearDraft(this.ctx.userId, annotation.id);
    }
    let classification: Classification | null = null;
    const loadedShapes: [AnnotationRead, number, ShapeContent][] = [];
    for (const annotation of found) {
      const head = heads.get(annotation.id) ?? 0;
      if (head === 0) continue;
      const tracked: Tracked = { ...untracked<AnnotationRead>(), annotation, base: head };
      const layer = annotation.kind === "labelmap" ? layerOf(this.layers, annotation.phase) : undefined;
      if (layer && layer.tracked.annotation === null) {
        layer.tracked = tracked;
        await this.loadLabelmap(layer, annotation.id, head);
      } else if (annotation.kind === "classification" && this.classification.annotation === null) {
        classification = classificationFromContent((await getVersion(annotation.id, head)).content);
        this.stillShown();
        this.classification = { ...tracked, savedKey: contentKey(classificationContent(classification)) };
      } else if (annotation.kind === "contour" || annotation.kind === "box") {
        const content = (await getVersion(annotation.id, head)).content as unknown as ShapeContent;
        loadedShapes.push([annotation, head, content]);
      }
    }
    this.stillShown();
    for (const [annotation, head, content] of loadedShapes) {
      const shape = shapeFromContent(content as never);
      const slice = this.ctx.series.frames.findIndex(
        (f) => f.instance.id === annotation.instance_id && f.frame - 1 === (content.frame ?? 0),
      );
      if (!shape || slice < 0) continue;
      const uid = tools.addShape(shape.tool, slice, shape.points);
      this.shapes.set(uid, { ...untracked<AnnotationRead>(), annotation, base: head, savedKey: "" });
    }
    // What is "saved" is what the viewer shows now (points after their round trip through the viewport).
    for (const shape of tools.shapes()) {
      const tracked = this.shapes.get(shape.uid);
      const content = this.contentOf(shape);
      if (tracked && content) tracked.savedKey = contentKey(content);
    }
    return classification;
  }

  private async loadLabelmap(layer: Layer, annotationId: number, version: number): Promise<void> {
    const [stored, patch] = await Promise.all([getVersion(annotationId, version), fetchLabelmapVersion(annotationId, version)]);
    this.stillShown();
    const segments = ((stored.content as { segments?: SegmentRef[] }).segments ?? []).slice();
    layer.storedSegments = contentKey(segments);
    // Stored segment numbers → ours, by label.
    const byLabel = new Map(this.ctx.segments.map((s) => [s.labelId, s.index]));
    const mapping = new Map(segments.map((s) => [s.number, byLabel.get(s.label_id) ?? s.number]));
    const slices = new Map<number, Plane>();
    for (const [k, plane] of patch.slices) slices.set(k, renumber(plane, mapping));
    const local: LabelmapPatch = { ...patch, slices };
    fillLabelmapImages(this.ctx.tools.segmentationId, this.labelmapImageIds(layer), local);
    layer.baseline.clear();
    layer.baseline.accept(slices);
    layer.resend.clear();
    if (layer.storedSegments !== contentKey(this.localSegments)) {
      // Our numbering differs from the stored one: the next save sends every stored slice with ours.
      for (const k of patch.slices.keys()) layer.resend.add(k);
    }
  }

  /**
   * Stops a load whose item was left while it waited for the server: the
   * viewer's tools and their labelmap are gone (and the next item's may carry
   * the same segmentation id), so nothing may be drawn for this one.
   */
  private stillShown(): void {
    if (this.ctx.tools.released) throw new Error("the item was left while its annotations were loading");
  }

  /** The labelmap images of `layer`'s slices, in slice order. */
  private labelmapImageIds(layer: Layer): string[] {
    const ids = this.ctx.tools.labelmapImageIds;
    return layer.images.map((i) => ids[i]);
  }

  /** Forgets this tab's work and shows the newest versions (after a conflict). */
  async reload(): Promise<Classification | null> {
    const { tools } = this.ctx;
    tools.clearShapes();
    this.shapes.clear();
    for (const layer of this.layers) {
      clearLabelmapImages(tools.segmentationId, this.labelmapImageIds(layer));
      layer.reset();
    }
    this.classification = { ...untracked<AnnotationRead>(), savedKey: "" };
    this.wantVersion = false;
    return this.load({ promoteDrafts: false });
  }

  // -- saving ------------------------------------------------------------------------

  private contentOf(shape: DrawnShape): ShapeContent | null {
    const frame = this.ctx.series.frames[shape.slice];
    if (!frame) return null;
    const size = { rows: frame.instance.rows ?? 0, columns: frame.instance.columns ?? 0 };
    return shapeContent(shape, frame.frame - 1, size);
  }

  /** What changed since the last save, read from the viewer now. */
  private collect(): Job[] {
    try {
      return this.changes();
    } catch (error) {
      // The viewer is gone (the item was left before its last changes were read).
      console.warn("annotations: nothing read from a closed viewer", error);
      return [];
    }
  }

  private changes(): Job[] {
    const jobs: Job[] = [];
    const { tools } = this.ctx;
    for (const layer of this.ctx.segments.length ? this.layers : []) {
      const ids = this.labelmapImageIds(layer);
      if (ids.length !== layer.baseline.length) continue;
      const planes = ids.map((id) => labelmapPixels(id));
      const changed = new Set([...layer.baseline.changed(planes), ...layer.resend]);
      if (changed.size) jobs.push({ kind: "labelmap", layer, slices: takeSlices(planes, [...changed].sort((a, b) => a - b)) });
    }
    const shown = new Map<string, { shape: DrawnShape; content: ShapeContent; key: string }>();
    for (const shape of tools.shapes()) {
      const content = this.contentOf(shape);
      if (content) shown.set(shape.uid, { shape, content, key: contentKey(content) });
    }
    const known = new Map([...this.shapes].map(([uid, t]) => [uid, { ...t, saved: isSaved(t) }]));
    for (const { uid, change } of shapeChanges(known, [...shown].map(([uid, { key }]) => ({ uid, key })))) {
      const drawn = shown.get(uid);
      if (change === "save" && drawn) jobs.push({ kind: "shape", uid, ...drawn });
      else if (change !== "save") jobs.push({ kind: "presence", tracked: this.shapes.get(uid)!, change });
    }
    const classification = classificationContent(this.ctx.classification());
    const classificationChange = presenceChange({ ...this.classification, saved: isSaved(this.classification) }, classification !== null);
    if (classificationChange) jobs.push({ kind: "presence", tracked: this.classification, change: classificationChange });
    if (classification) {
      const key = contentKey(classification);
      if (key !== this.classification.savedKey) jobs.push({ kind: "classification", content: classification, key });
    }
    return jobs;
  }

  /**
   * Reads what changed now and keeps it for the next save: called when the
   * item is left, because the viewer it is read from is about to go.
   */
  freeze(): void {
    this.frozen = this.collect();
  }

  /**
   * Sends what changed. Active seconds travel once, with the first request.
   * A 409 (someone saved a newer version first) stops and reports a conflict.
   */
  async save({ activeSeconds, keepalive }: { activeSeconds: number; keepalive: boolean }): Promise<SaveOutcome> {
    const jobs = this.frozen ?? this.collect();
    this.frozen = null;
    let seconds = activeSeconds;
    const takeSeconds = () => {
      const s = seconds;
      seconds = 0;
      return s;
    };
    const failures: SaveOutcome[] = [];
    for (const job of jobs) {
      const outcome = await this.run(job, takeSeconds, keepalive);
      if (!outcome.ok) {
        if (outcome.conflict) return outcome;
        failures.push(outcome);
      }
    }
    if (failures.length) return failures[0];
    if (this.wantVersion && !keepalive) {
      const versioned = await this.promoteAll();
      if (!versioned.ok) return versioned;
      this.wantVersion = false;
    }
    return { ok: true };
  }

  private async run(job: Job, takeSeconds: () => number, keepalive: boolean): Promise<SaveOutcome> {
    if (job.kind === "labelmap") return this.saveLabelmap(job.layer, job.slices, takeSeconds, keepalive);
    if (job.kind === "presence") return this.changePresence(job.tracked, job.change, takeSeconds);
    if (job.kind === "classification") {
      const label = this.labelOf("classification");
      if (!label) return { ok: true };
      const result = await this.saveContent(this.classification, label.id, null, job.content, takeSeconds, keepalive, "classification");
      if (result.ok) this.classification.savedKey = job.key;
      return result;
    }
    const kind = shapeKind(job.shape.tool);
    const label = this.labelOf(kind);
    if (!label) {
      const notice = `This project has no ${kind} label: ${kind === "box" ? "boxes" : "contours"} are not stored.`;
      if (!this.notices.includes(notice)) this.notices.push(notice);
      return { ok: true };
    }
    let tracked = this.shapes.get(job.uid);
    if (!tracked) {
      tracked = { ...untracked<AnnotationRead>(), savedKey: "" };
      this.shapes.set(job.uid, tracked);
    }
    const instance = this.ctx.series.frames[job.shape.slice].instance.id;
    const result = await this.saveContent(tracked, label.id, instance, job.content, takeSeconds, keepalive, job.shape.tool);
    if (result.ok) tracked.savedKey = job.key;
    return result;
  }

  /** Creates the annotation on its first save, else updates the caller's draft. */
  private async saveContent(
    tracked: Tracked,
    labelId: number,
    instanceId: number | null,
    content: Schemas["AnnotationCreate"]["content"],
    takeSeconds: () => number,
    keepalive: boolean,
    tool: string,
    phase = "",
  ): Promise<SaveOutcome> {
    if (tracked.annotation === null) {
      // Known before the first await: a removal read meanwhile (leaving the item) is sent as a withdrawal.
      const creating = this.create(tracked, { labelId, instanceId, content, takeSeconds, keepalive, tool, phase });
      tracked.creating = creating;
      try {
        return await creating;
      } finally {
        if (tracked.creating === creating) tracked.creating = null;
      }
    }
    this.draftSending(tracked);
    const draft = await putDraft(
      tracked.annotation.id,
      { base_version: tracked.base, content, active_seconds: takeSeconds(), tool, client: CLIENT },
    );
    if (!draft.ok) return failed(draft);
    tracked.hasDraft = true;
    return { ok: true };
  }

  private async create(
    tracked: Tracked,
    request: {
      labelId: number;
      instanceId: number | null;
      content: Schemas["AnnotationCreate"]["content"];
      takeSeconds: () => number;
      keepalive: boolean;
      tool: string;
      phase: string;
    },
  ): Promise<SaveOutcome> {
    const { content, instanceId, phase } = request;
    if (!request.keepalive && instanceId === null && (await this.someoneCreated(content.kind, phase, tracked.createKey))) {
      return { ok: false, conflict: true, message: `someone else saved a ${content.kind} of this item first` };
    }
    tracked.createsSent += 1;
    const created = await createAnnotation({
      project_id: this.ctx.projectId,
      label_id: request.labelId,
      series_id: this.ctx.series.detail.id,
      instance_id: instanceId,
      phase,
      task_item_id: this.ctx.itemId,
      content,
      active_seconds: request.takeSeconds(),
      tool: request.tool,
      client: CLIENT,
      client_key: tracked.createKey,
      client_sequence: tracked.createsSent,
    });
    if (!created.ok) return failed(created);
    // (a later create of the same annotation may have been answered first: its head stays)
    if (tracked.annotation === null || created.data.version_count >= tracked.base) {
      tracked.annotation = created.data;
      tracked.base = created.data.version_count;
    }
    return { ok: true };
  }

  /** Withdraws or reinstates a saved annotation, on the version this tab has seen (409: someone saved since). */
  private async changePresence(tracked: Tracked, change: "withdraw" | "reinstate", takeSeconds: () => number): Promise<SaveOutcome> {
    // Removed while its create was on the way: the withdrawal needs the id the create returns.
    if (tracked.annotation === null && tracked.creating) await tracked.creating;
    // (the create failed: nothing is on the server to withdraw)
    if (tracked.annotation === null) return { ok: true };
    const id = tracked.annotation.id;
    const result =
      change === "withdraw"
        ? await withdrawAnnotation(id, { base_version: tracked.base, active_seconds: takeSeconds() })
        : await reinstateAnnotation(id, tracked.base);
    if (!result.ok) return failed(result);
    tracked.annotation = result.data;
    tracked.base = result.data.version_count;
    tracked.withdrawn = change === "withdraw";
    // a withdrawal takes this tab's draft into its version
    tracked.hasDraft = false;
    clearDraft(this.ctx.userId, id);
    return { ok: true };
  }

  /**
   * Someone else created the item's `kind` (of time point `phase`) since this tab loaded it. An
   * annotation under this tab's own key `createKey` is not someone else's: a create of ours whose
   * answer was lost made it, and the create sent again finds it.
   */
  private async someoneCreated(kind: string, phase: string, createKey: string): Promise<boolean> {
    const found = await listItemAnnotations(this.ctx.taskId, this.ctx.series.detail.id, this.ctx.itemId);
    return found.some(
      (a) =>
        a.client_key !== createKey &&
        a.kind === kind &&
        (kind !== "labelmap" || layerOf(this.layers, a.phase) === layerOf(this.layers, phase)),
    );
  }

  /** Sends `layer`'s changed slices: a binary patch on its draft, or (first save, new segments) the JSON form. */
  private async saveLabelmap(layer: Layer, slices: Map<number, Plane>, takeSeconds: () => number, keepalive: boolean): Promise<SaveOutcome> {
    const ids = this.labelmapImageIds(layer);
    const { rows, columns } = this.ctx.series.frames[layer.images[0]].instance;
    const shape: [number, number, number] = [ids.length, rows ?? 0, columns ?? 0];
    const dtype = labelmapPixels(ids[0]) instanceof Uint16Array ? "uint16" : "uint8";
    const segments = this.localSegments;
    const sameSegments = contentKey(segments) === layer.storedSegments;
    const tracked = layer.tracked;
    let result: Outcome<unknown>;
    if (tracked.annotation && sameSegments) {
      this.draftSending(tracked);
      result = await putLabelmapDraft(
        tracked.annotation.id,
        encodePatch(shape, dtype, slices),
        { baseVersion: tracked.base, activeSeconds: takeSeconds(), tool: "brush" },
      );
      if (result.ok) tracked.hasDraft = true;
    } else {
      // First save, or new segment numbers: the JSON form, which also carries the segments.
      const content = { kind: "labelmap" as const, segments, patch: encodeJsonPatch(shape, dtype, slices) };
      const label = this.ctx.segments[0].labelId;
      const outcome = await this.saveContent(tracked, label, null, content, takeSeconds, keepalive, "brush", layer.phase);
      if (!outcome.ok) return outcome;
      layer.storedSegments = contentKey(segments);
      result = { ok: true, data: null };
    }
    if (!result.ok) return failed(result);
    layer.baseline.accept(slices);
    for (const k of slices.keys()) layer.resend.delete(k);
    return { ok: true };
  }

  /** Noted before the request leaves: a draft sent as the tab closes is found when the item is opened again. */
  private draftSending(tracked: Tracked): void {
    if (tracked.annotation) markDraft(this.ctx.userId, tracked.annotation.id);
  }

  private async promoteAll(): Promise<SaveOutcome> {
    for (const tracked of [...this.layers.map((l) => l.tracked), this.classification, ...this.shapes.values()]) {
      if (!tracked.annotation || !tracked.hasDraft) continue;
      const promoted = await promoteDraft(tracked.annotation.id);
      if (promoted.ok) tracked.base = promoted.data.number;
      else if (promoted.status !== 404) return failed(promoted);
      tracked.hasDraft = false;
      clearDraft(this.ctx.userId, tracked.annotation.id);
    }
    return { ok: true };
  }
}

function failed(outcome: { ok: false; status: number; message: string }): SaveOutcome {
  return { ok: false, conflict: outcome.status === 409, message: outcome.message };
}
