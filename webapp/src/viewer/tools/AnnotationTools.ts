/**
 * The annotation tools of a stack viewport: brush and eraser on a labelmap
 * (one segment per label), polygon, spline and box contours, all recorded in
 * the workspace's undo stack. Released by `destroy`.
 */
import { cache, eventTarget, imageLoader, utilities as coreUtilities, type Types } from "@cornerstonejs/core";
import * as tools from "@cornerstonejs/tools";

import { SHAPE_TOOLS, type DrawnShape, type ShapeTool } from "../annotations/shapeContent";
import { isEmpty } from "../annotations/sliceDiff";
import { phaseImageIds, type FrameLike } from "../modes/timePoints";
import type { StackController } from "../viewport/StackController";
import type { UndoStack } from "./undoStack";

const { MouseBindings, SegmentationRepresentations, Events: ToolEvents } = tools.Enums;

export type AnnotationTool = "brush" | "eraser" | "polygon" | "spline" | "box" | "view";

/** Tool defaults, in one place. */
export const TOOL_DEFAULTS = {
  /** Brush radius in screen pixels at start; Alt+= / Alt+- change it by `brushStep`. */
  brushSize: 12,
  brushStep: 2,
  brushMin: 1,
  brushMax: 100,
  /** Fill opacity of the labelmap overlay. */
  overlayOpacity: 0.5,
};

export interface SegmentInfo {
  index: number;
  labelId: number;
  name: string;
  color: string;
}

const ERASER = "Eraser";
const TOOL_NAMES: Record<Exclude<AnnotationTool, "view">, string> = {
  brush: tools.BrushTool.toolName,
  eraser: ERASER,
  polygon: tools.PlanarFreehandROITool.toolName,
  spline: tools.SplineROITool.toolName,
  box: tools.RectangleROITool.toolName,
};

function rgba(hex: string): Types.Color {
  const value = /^#?([0-9a-f]{6})$/i.exec(hex)?.[1] ?? "ff0000";
  return [parseInt(value.slice(0, 2), 16), parseInt(value.slice(2, 4), 16), parseInt(value.slice(4, 6), 16), 255];
}

export class AnnotationTools {
  readonly segmentationId: string;
  private labelmapIds: string[] = [];
  private imageIds: string[] = [];
  private frames: readonly FrameLike[] = [];
  /** The segmentations over one time point's labelmap images (MPR of a 4D series), by time point. */
  private readonly timePointSegmentations = new Map<number, string>();
  private activeSegment: number | null = null;
  private readonly lockedSegments = new Set<number>();
  private active: AnnotationTool = "view";
  private brushSize = TOOL_DEFAULTS.brushSize;
  private readonly cleanup: (() => void)[] = [];
  private destroyed = false;

  constructor(
    private readonly controller: StackController,
    readonly segments: SegmentInfo[],
    private readonly undo: UndoStack,
    private readonly onEdit: () => void,
  ) {
    this.segmentationId = `labelmap-${controller.viewportId}`;
  }

  /** `frames`: the time point of each image (a 4D series has a labelmap per time point). */
  async attach(imageIds: string[], frames: readonly FrameLike[] = []): Promise<void> {
    this.imageIds = imageIds;
    this.frames = frames;
    const group = tools.ToolGroupManager.getToolGroup(this.controller.toolGroupId)!;
    group.addTool(tools.BrushTool.toolName, { activeStrategy: "FILL_INSIDE_CIRCLE" });
    group.addToolInstance(ERASER, tools.BrushTool.toolName, { activeStrategy: "ERASE_INSIDE_CIRCLE" });
    group.addTool(tools.PlanarFreehandROITool.toolName);
    group.addTool(tools.SplineROITool.toolName, { spline: { type: "CATMULLROM" } });
    group.addTool(tools.RectangleROITool.toolName);
    for (const name of Object.values(TOOL_NAMES)) group.setToolPassive(name);

    const derived = imageLoader.createAndCacheDerivedLabelmapImages(imageIds);
    this.labelmapIds = derived.map((image) => image.imageId);
    this.addSegmentation(this.segmentationId, this.labelmapIds);
    await tools.segmentation.addLabelmapRepresentationToViewport(this.controller.viewportId, [{ segmentationId: this.segmentationId }]);
    for (const s of this.segments) {
      tools.segmentation.config.color.setSegmentIndexColor(this.controller.viewportId, this.segmentationId, s.index, rgba(s.color));
    }
    if (this.segments.length) this.setActiveSegment(this.segments[0].index);
    this.setOpacity(TOOL_DEFAULTS.overlayOpacity);
    tools.utilities.segmentation.setBrushSizeForToolGroup(this.controller.toolGroupId, this.brushSize);

    const recordStep = (label: string) => this.recordStep(label);
    const onCompleted = () => recordStep("contour");
    eventTarget.addEventListener(ToolEvents.ANNOTATION_COMPLETED, onCompleted);
    this.cleanup.push(() => eventTarget.removeEventListener(ToolEvents.ANNOTATION_COMPLETED, onCompleted));
    const element = this.controller.viewport.element;
    // A finished stroke is an undo step; any mouse-up may also have moved a shape's handles.
    const onMouseUp = () => {
      if (this.active === "brush" || this.active === "eraser") recordStep(this.active);
      else this.onEdit();
    };
    element.addEventListener(ToolEvents.MOUSE_UP, onMouseUp);
    element.addEventListener(ToolEvents.MOUSE_CLICK, onMouseUp);
    this.cleanup.push(() => {
      element.removeEventListener(ToolEvents.MOUSE_UP, onMouseUp);
      element.removeEventListener(ToolEvents.MOUSE_CLICK, onMouseUp);
    });
  }

  /** A segmentation with one segment per label over `labelmapIds` (images of this stack's labelmap). */
  private addSegmentation(segmentationId: string, labelmapIds: string[]): void {
    tools.segmentation.addSegmentations([
      {
        segmentationId,
        representation: { type: SegmentationRepresentations.Labelmap, data: { imageIds: labelmapIds } },
        config: {
          segments: Object.fromEntries(this.segments.map((s) => [s.index, { segmentIndex: s.index, label: s.name, locked: false, cachedStats: {}, active: false }])),
        },
      },
    ]);
  }

  /**
   * The segmentation to show and paint in a volume of time point `timePoint`
   * (null: a series without time points). A volume holds one time point, so
   * on a 4D series it gets a segmentation over that time point's labelmap
   * images only: the same images as the stack's, so its strokes are the
   * stack's (and are saved with that time point's labelmap). An arrow
   * property: a stable function to hand to the volume viewer.
   */
  readonly segmentationFor = (timePoint: number | null): string => {
    if (timePoint === null) return this.segmentationId;
    const ids = phaseImageIds(this.labelmapIds, this.frames, String(timePoint));
    if (ids.length === this.labelmapIds.length) return this.segmentationId;
    let id = this.timePointSegmentations.get(timePoint);
    if (id) return id;
    id = `${this.segmentationId}-t${timePoint}`;
    this.addSegmentation(id, ids);
    if (this.activeSegment !== null) tools.segmentation.segmentIndex.setActiveSegmentIndex(id, this.activeSegment);
    for (const index of this.lockedSegments) tools.segmentation.segmentLocking.setSegmentIndexLocked(id, index, true);
    this.timePointSegmentations.set(timePoint, id);
    return id;
  };

  private get allSegmentations(): string[] {
    return [this.segmentationId, ...this.timePointSegmentations.values()];
  }

  /**
   * A finished stroke or contour (here or in another view of the same
   * labelmap) becomes one undo step delegating to Cornerstone's memo.
   */
  recordStep(label: string): void {
    this.undo.push({
      label,
      undo: () => {
        coreUtilities.HistoryMemo.DefaultHistoryMemo.undo();
        this.refresh();
      },
      redo: () => {
        coreUtilities.HistoryMemo.DefaultHistoryMemo.redo();
        this.refresh();
      },
    });
    this.onEdit();
  }

  private refresh(): void {
    this.controller.viewport.render();
    this.onEdit();
  }

  get tool(): AnnotationTool {
    return this.active;
  }

  /** Puts `tool` on the left mouse button ("view": back to window/level). */
  setTool(tool: AnnotationTool): void {
    this.releaseLeftButton();
    this.active = tool;
    if (tool === "view") {
      this.controller.setPrimaryTool("WindowLevel");
      return;
    }
    // Free the left button from the viewing tools, keep their other bindings.
    this.controller.setPrimaryTool(null);
    const group = tools.ToolGroupManager.getToolGroup(this.controller.toolGroupId)!;
    group.setToolActive(TOOL_NAMES[tool], { bindings: [{ mouseButton: MouseBindings.Primary }] });
  }

  /**
   * Lets go of the left button without choosing a viewing tool: the viewer
   * gives it to the one the user picked (window/level, pan, zoom, scroll).
   */
  releaseLeftButton(): void {
    const group = tools.ToolGroupManager.getToolGroup(this.controller.toolGroupId)!;
    for (const name of Object.values(TOOL_NAMES)) group.setToolPassive(name);
    this.active = "view";
  }

  get size(): number {
    return this.brushSize;
  }

  changeBrushSize(delta: number): number {
    this.brushSize = Math.max(TOOL_DEFAULTS.brushMin, Math.min(TOOL_DEFAULTS.brushMax, this.brushSize + delta));
    tools.utilities.segmentation.setBrushSizeForToolGroup(this.controller.toolGroupId, this.brushSize);
    return this.brushSize;
  }

  setActiveSegment(index: number): void {
    this.activeSegment = index;
    for (const id of this.allSegmentations) tools.segmentation.segmentIndex.setActiveSegmentIndex(id, index);
  }

  setSegmentVisible(index: number, visible: boolean): void {
    tools.segmentation.config.visibility.setSegmentIndexVisibility(
      this.controller.viewportId,
      { segmentationId: this.segmentationId, type: SegmentationRepresentations.Labelmap },
      index,
      visible,
    );
  }

  setSegmentLocked(index: number, locked: boolean): void {
    if (locked) this.lockedSegments.add(index);
    else this.lockedSegments.delete(index);
    for (const id of this.allSegmentations) tools.segmentation.segmentLocking.setSegmentIndexLocked(id, index, locked);
  }

  setOpacity(opacity: number): void {
    tools.segmentation.config.style.setStyle(
      { viewportId: this.controller.viewportId, segmentationId: this.segmentationId, type: SegmentationRepresentations.Labelmap },
      { fillAlpha: opacity, fillAlphaInactive: opacity },
    );
    this.controller.viewport.render();
  }

  /** Painted voxels per slice index and segment: { slice: { segment: count } } (slices with paint only). */
  labelmapSummary(): Record<number, Record<number, number>> {
    const summary: Record<number, Record<number, number>> = {};
    this.labelmapIds.forEach((id, slice) => {
      const image = cache.getImage(id);
      if (!image) return;
      const data = image.voxelManager ? (image.voxelManager.getScalarData() as ArrayLike<number>) : image.getPixelData();
      if (isEmpty(data)) return;
      for (let i = 0; i < data.length; i++) {
        const value = data[i];
        if (!value) continue;
        const row = (summary[slice] ??= {});
        row[value] = (row[value] ?? 0) + 1;
      }
    });
    return summary;
  }

  /** The labelmap images of the segmentation, one per image of the stack, in stack order. */
  get labelmapImageIds(): string[] {
    return this.labelmapIds;
  }

  /**
   * The polygons, splines and boxes on the viewport, in image coordinates of
   * their slice (pixel corners on integers). A spline gives its control points,
   * a polygon its outline, a box its four corners.
   */
  shapes(): DrawnShape[] {
    // (the stack's image ids as attached: readable even after the viewport is gone)
    const imageIds = this.imageIds;
    const shapes: DrawnShape[] = [];
    for (const a of tools.annotation.state.getAllAnnotations()) {
      const tool = a.metadata?.toolName as ShapeTool;
      const referenced = a.metadata?.referencedImageId ?? "";
      const slice = imageIds.indexOf(referenced);
      if (!SHAPE_TOOLS.includes(tool) || slice < 0 || !a.annotationUID) continue;
      const world = (tool === "PlanarFreehandROI" ? a.data.contour?.polyline : a.data.handles?.points) ?? [];
      const points = (world as Types.Point3[]).map((p) => {
        const ij = coreUtilities.worldToImageCoords(referenced, p) ?? [0, 0];
        return [Math.round(ij[0] * 100) / 100, Math.round(ij[1] * 100) / 100] as [number, number];
      });
      shapes.push({ uid: a.annotationUID, tool, slice, points });
    }
    return shapes;
  }

  /** The shapes for the summary shown beside the viewer (and read by tests). */
  contours(): { tool: string; slice: number; points: [number, number][] }[] {
    return this.shapes().map(({ tool, slice, points }) => ({ tool, slice, points }));
  }

  /** Shows a stored shape on `slice`; returns its annotation UID. Not an undo step. */
  addShape(tool: ShapeTool, slice: number, points: [number, number][]): string {
    const viewport = this.controller.viewport;
    const imageId = this.imageIds[slice];
    const world = points.map((p) => coreUtilities.imageToWorldCoords(imageId, p) as Types.Point3);
    const uid = coreUtilities.uuidv4();
    if (tool === "RectangleROI") {
      tools.RectangleROITool.hydrate(viewport.id, world, { annotationUID: uid, referencedImageId: imageId });
    } else if (tool === "SplineROI") {
      tools.SplineROITool.hydrate(viewport.id, world, { annotationUID: uid, referencedImageId: imageId });
    } else {
      // The freehand tool has no hydrate: the annotation is built as the tool itself builds one.
      const camera = viewport.getCamera();
      const annotation = tools.PlanarFreehandROITool.createAnnotation({
        metadata: {
          toolName: tools.PlanarFreehandROITool.toolName,
          referencedImageId: imageId,
          FrameOfReferenceUID: viewport.getFrameOfReferenceUID(),
          viewPlaneNormal: camera.viewPlaneNormal,
          viewUp: camera.viewUp,
        },
        data: { contour: { polyline: world, closed: true } },
      }) as tools.Types.Annotation;
      annotation.annotationUID = uid;
      annotation.highlighted = false;
      tools.annotation.state.addAnnotation(annotation, viewport.element);
    }
    tools.utilities.triggerAnnotationRenderForViewportIds([viewport.id]);
    return uid;
  }

  /**
   * Deletes the selected polygons, splines and boxes (a click on a shape's
   * outline selects it) as one undo step; undo puts the same shapes back, so
   * the save reinstates what it withdrew. Returns how many were deleted.
   */
  deleteSelectedShapes(): number {
    const selected = this.selectedShapes();
    if (!selected.length) return 0;
    const element = this.controller.viewport.element;
    const remove = () => {
      for (const a of selected) tools.annotation.state.removeAnnotation(a.annotationUID!);
      this.refreshShapes();
    };
    const putBack = () => {
      for (const a of selected) tools.annotation.state.addAnnotation(a, element);
      this.refreshShapes();
    };
    tools.annotation.selection.deselectAnnotation();
    remove();
    this.undo.push({ label: "delete shape", undo: putBack, redo: remove });
    return selected.length;
  }

  /**
   * The selected polygons, splines and boxes that still exist: Cornerstone
   * keeps a shape's selection after the shape is removed (undo of its drawing).
   */
  private selectedShapes(): tools.Types.Annotation[] {
    return tools.annotation.selection
      .getAnnotationsSelected()
      .map((uid) => tools.annotation.state.getAnnotation(uid))
      .filter((a): a is tools.Types.Annotation => !!a?.annotationUID && SHAPE_TOOLS.includes(a.metadata?.toolName as ShapeTool));
  }

  get hasSelectedShape(): boolean {
    return this.selectedShapes().length > 0;
  }

  /**
   * Calls `listener` with whether a shape is selected whenever that may have
   * changed (a click selects or deselects, a shape is removed or put back).
   * Returns the unsubscribe; `destroy` unsubscribes too.
   */
  onSelectionChange(listener: (selected: boolean) => void): () => void {
    const notify = () => listener(this.hasSelectedShape);
    const events = [ToolEvents.ANNOTATION_SELECTION_CHANGE, ToolEvents.ANNOTATION_REMOVED, ToolEvents.ANNOTATION_ADDED];
    for (const name of events) eventTarget.addEventListener(name, notify);
    const unsubscribe = () => {
      for (const name of events) eventTarget.removeEventListener(name, notify);
    };
    this.cleanup.push(unsubscribe);
    notify();
    return unsubscribe;
  }

  private refreshShapes(): void {
    tools.utilities.triggerAnnotationRenderForViewportIds([this.controller.viewportId]);
    this.onEdit();
  }

  /** Removes every shape (before showing another version). */
  clearShapes(): void {
    for (const a of tools.annotation.state.getAllAnnotations()) {
      if (a.annotationUID && SHAPE_TOOLS.includes(a.metadata?.toolName as ShapeTool)) tools.annotation.state.removeAnnotation(a.annotationUID);
    }
    tools.utilities.triggerAnnotationRenderForViewportIds([this.controller.viewportId]);
  }

  /** Destroyed: the item was left (work still on its way for it must not touch the viewer). */
  get released(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
    for (const undo of this.cleanup) undo();
    tools.annotation.state.removeAllAnnotations();
    for (const id of this.allSegmentations) tools.segmentation.removeSegmentation(id);
    this.timePointSegmentations.clear();
  }
}
