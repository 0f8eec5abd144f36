/**
 * The three QC views of one time point, side by side in one rendering engine:
 * the image with its segmentation over it, the segmentation alone (the same
 * stack, its grey levels windowed to black), and a 3D rendering of the
 * segmentation's voxels cut at the current slice. The two slice views move
 * together (scroll, cine) and the 3D cut follows them. Released by `destroy`.
 */
import {
  cache,
  Enums as CoreEnums,
  metaData,
  RenderingEngine,
  volumeLoader,
  type StackViewport,
  type Types,
  type VolumeViewport3D,
} from "@cornerstonejs/core";
import * as tools from "@cornerstonejs/tools";
import vtkPiecewiseFunction from "@kitware/vtk.js/Common/DataModel/PiecewiseFunction";
import vtkPlane from "@kitware/vtk.js/Common/DataModel/Plane";
import vtkColorTransferFunction from "@kitware/vtk.js/Rendering/Core/ColorTransferFunction";

import { LabelmapOverlay, rgba, type SegmentStyle } from "../modes/labelmapOverlay";

const { MouseBindings } = tools.Enums;

export interface QcViewState {
  index: number;
  /** The segmentation-alone view's slice (always `index` once the views have synchronised). */
  segmentationIndex: number;
  count: number;
  playing: boolean;
}

export interface QcSegmentation {
  annotationId: number;
  version: number;
  segments: SegmentStyle[];
}

export interface QcElements {
  overlay: HTMLDivElement;
  segmentation: HTMLDivElement;
  view3d: HTMLDivElement;
}

/** A window far above any grey level: the image turns black, the labelmap stays. */
const BLACK_WINDOW = { lower: 1e7, upper: 1e7 + 1 };

let counter = 0;

export class QcViewsController {
  readonly engine: RenderingEngine;
  readonly overlayId: string;
  readonly segmentationId: string;
  readonly view3dId: string;
  private readonly stackToolsId: string;
  private readonly volumeToolsId: string;
  private readonly listeners = new Set<(state: QcViewState) => void>();
  private readonly cleanup: (() => void)[] = [];
  private imageIds: string[] = [];
  private labelmap: LabelmapOverlay | null = null;
  private volumeId: string | null = null;
  private cineTimer: number | null = null;
  private cut = true;
  private generation = 0;

  constructor(elements: QcElements) {
    counter += 1;
    this.overlayId = `qc-overlay-${counter}`;
    this.segmentationId = `qc-segmentation-${counter}`;
    this.view3dId = `qc-3d-${counter}`;
    this.stackToolsId = `qc-stack-tools-${counter}`;
    this.volumeToolsId = `qc-3d-tools-${counter}`;
    this.engine = new RenderingEngine(`qc-engine-${counter}`);
    const black = [0, 0, 0] as Types.Point3;
    this.engine.setViewports([
      { viewportId: this.overlayId, type: CoreEnums.ViewportType.STACK, element: elements.overlay, defaultOptions: { background: black } },
      { viewportId: this.segmentationId, type: CoreEnums.ViewportType.STACK, element: elements.segmentation, defaultOptions: { background: black } },
      {
        viewportId: this.view3dId,
        type: CoreEnums.ViewportType.VOLUME_3D,
        element: elements.view3d,
        defaultOptions: { background: [0.05, 0.05, 0.08] as Types.Point3 },
      },
    ]);

    const stacks = tools.ToolGroupManager.createToolGroup(this.stackToolsId)!;
    for (const Tool of [tools.WindowLevelTool, tools.PanTool, tools.ZoomTool, tools.StackScrollTool]) stacks.addTool(Tool.toolName);
    stacks.setToolActive(tools.WindowLevelTool.toolName, { bindings: [{ mouseButton: MouseBindings.Primary }] });
    stacks.setToolActive(tools.ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
    stacks.setToolActive(tools.PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
    stacks.setToolActive(tools.StackScrollTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
    stacks.addViewport(this.overlayId, this.engine.id);
    stacks.addViewport(this.segmentationId, this.engine.id);

    const volume = tools.ToolGroupManager.createToolGroup(this.volumeToolsId)!;
    for (const Tool of [tools.TrackballRotateTool, tools.ZoomTool, tools.PanTool]) volume.addTool(Tool.toolName);
    volume.setToolActive(tools.TrackballRotateTool.toolName, { bindings: [{ mouseButton: MouseBindings.Primary }] });
    volume.setToolActive(tools.ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
    volume.setToolActive(tools.PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
    volume.addViewport(this.view3dId, this.engine.id);

    // Whichever slice view moved, the other follows and the 3D cut moves with them.
    for (const [from, to] of [
      [this.overlayId, this.segmentationId],
      [this.segmentationId, this.overlayId],
    ] as const) {
      const element = this.stack(from).element;
      const follow = (event: Event) => {
        const index = (event as CustomEvent<{ imageIdIndex: number }>).detail.imageIdIndex;
        const other = this.stack(to);
        if (other.getCurrentImageIdIndex() !== index) void other.setImageIdIndex(index);
        if (from === this.overlayId) this.clip3d(index);
        this.emit();
      };
      element.addEventListener(CoreEnums.Events.STACK_NEW_IMAGE, follow);
      this.cleanup.push(() => element.removeEventListener(CoreEnums.Events.STACK_NEW_IMAGE, follow));
    }
  }

  private stack(id: string): StackViewport {
    return this.engine.getViewport(id) as StackViewport;
  }

  get overlayViewport(): StackViewport {
    return this.stack(this.overlayId);
  }

  get segmentationViewport(): StackViewport {
    return this.stack(this.segmentationId);
  }

  private get viewport3d(): VolumeViewport3D {
    return this.engine.getViewport(this.view3dId) as VolumeViewport3D;
  }

  subscribe(listener: (state: QcViewState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  state(): QcViewState {
    return {
      index: this.overlayViewport.getCurrentImageIdIndex(),
      segmentationIndex: this.segmentationViewport.getCurrentImageIdIndex(),
      count: this.imageIds.length,
      playing: this.cineTimer !== null,
    };
  }

  private emit(): void {
    if (this.engine.hasBeenDestroyed) return;
    const state = this.state();
    for (const listener of this.listeners) listener(state);
  }

  /**
   * Shows one time point: its images (at slice `index`), its segmentation in
   * both slice views (`opacity` over the image) and in 3D. Returns the number
   * of painted slices, or null without a segmentation. A later call wins.
   */
  async showPhase(imageIds: string[], index: number, segmentation: QcSegmentation | null, opacity: number): Promise<number | null> {
    const generation = ++this.generation;
    this.releaseSegmentation();
    this.imageIds = imageIds;
    const start = Math.max(0, Math.min(imageIds.length - 1, index));
    await Promise.all([this.overlayViewport.setStack(imageIds, start), this.segmentationViewport.setStack(imageIds, start)]);
    this.segmentationViewport.setProperties({ voiRange: BLACK_WINDOW });
    tools.utilities.stackPrefetch.enable(this.overlayViewport.element);
    this.engine.render();
    this.emit();
    if (!segmentation || generation !== this.generation) return null;

    const labelmap = new LabelmapOverlay(imageIds);
    this.labelmap = labelmap;
    await labelmap.show(this.overlayId, segmentation.segments, opacity);
    await labelmap.show(this.segmentationId, segmentation.segments, 1);
    const patch = await labelmap.load(segmentation.annotationId, segmentation.version);
    if (generation !== this.generation) return null;
    await this.show3d(labelmap, segmentation.segments, generation);
    this.engine.render();
    return patch.slices.size;
  }

  private async show3d(labelmap: LabelmapOverlay, segments: SegmentStyle[], generation: number): Promise<void> {
    const volumeId = `qc-labelmap-volume-${counter}-${generation}`;
    const volume = volumeLoader.createAndCacheVolumeFromImagesSync(volumeId, labelmap.labelmapImageIds);
    this.volumeId = volumeId;
    const viewport = this.viewport3d;
    await viewport.setVolumes([{ volumeId }]);
    if (generation !== this.generation) return;
    // A volume made from cached images uploads its texture only for frames marked as updated.
    (volume as unknown as { invalidate(): void }).invalidate();
    const actor = viewport.getDefaultActor()?.actor as unknown as VtkVolume | undefined;
    if (!actor) return;
    const property = actor.getProperty();
    const colours = vtkColorTransferFunction.newInstance();
    const opacity = vtkPiecewiseFunction.newInstance();
    colours.addRGBPoint(0, 0, 0, 0);
    opacity.addPoint(0, 0);
    opacity.addPoint(0.5, 0);
    let top = 1;
    for (const segment of segments) {
      const [r, g, b] = rgba(segment.color);
      colours.addRGBPoint(segment.number, r / 255, g / 255, b / 255);
      top = Math.max(top, segment.number);
    }
    opacity.addPoint(0.6, 0.9);
    opacity.addPoint(top, 0.9);
    property.setRGBTransferFunction(0, colours);
    property.setScalarOpacity(0, opacity);
    property.setInterpolationTypeToNearest();
    property.setShade(true);
    property.setAmbient(0.35);
    property.setDiffuse(0.75);
    property.setSpecular(0.15);
    viewport.resetCamera();
    this.tilt3d();
    this.clip3d(this.overlayViewport.getCurrentImageIdIndex());
  }

  /** An oblique view (from the apex side, a little from the left) shows the ventricles' shape best. */
  private tilt3d(): void {
    const viewport = this.viewport3d;
    const camera = viewport.getCamera();
    const plane = this.plane(0);
    if (!camera.focalPoint || !camera.position || !plane) return;
    const distance = Math.hypot(...sub(camera.position, camera.focalPoint));
    const direction = normalise(add(scale(plane.normal, -0.8), add(scale(plane.row, 0.5), scale(plane.column, 0.45))));
    viewport.setCamera({ position: add(camera.focalPoint, scale(direction, distance)), viewUp: scale(plane.normal, -1) });
    viewport.resetCamera({ resetPan: true, resetZoom: true, resetToCenter: true });
    viewport.setZoom(1.4);
  }

  /** The 3D keeps the slices from the current one on: its cut face, towards the camera, is what the slice views show. */
  private clip3d(index: number): void {
    const actor = this.volumeId ? (this.viewport3d.getDefaultActor()?.actor as unknown as VtkVolume | undefined) : undefined;
    if (!actor) return;
    const mapper = actor.getMapper();
    mapper.removeAllClippingPlanes();
    const here = this.plane(index);
    const first = this.plane(0);
    const second = this.plane(1);
    if (this.cut && here && first && second) {
      const step = sub(second.position, first.position);
      const along = normalise(step);
      const origin = add(here.position, scale(step, -0.5));
      mapper.addClippingPlane(vtkPlane.newInstance({ origin, normal: along }));
    }
    this.viewport3d.render();
  }

  private plane(index: number): { position: Types.Point3; row: Types.Point3; column: Types.Point3; normal: Types.Point3 } | null {
    const imageId = this.imageIds[index];
    const module = imageId ? (metaData.get("imagePlaneModule", imageId) as ImagePlane | undefined) : undefined;
    if (!module?.imagePositionPatient || !module.rowCosines || !module.columnCosines) return null;
    const row = module.rowCosines as Types.Point3;
    const column = module.columnCosines as Types.Point3;
    return { position: module.imagePositionPatient as Types.Point3, row, column, normal: cross(row, column) };
  }

  setCut(on: boolean): void {
    this.cut = on;
    this.clip3d(this.overlayViewport.getCurrentImageIdIndex());
  }

  setOpacity(opacity: number): void {
    this.labelmap?.setOpacity(this.overlayId, opacity);
    this.overlayViewport.render();
  }

  async scrollTo(index: number): Promise<void> {
    const target = Math.max(0, Math.min(this.imageIds.length - 1, index));
    if (target !== this.overlayViewport.getCurrentImageIdIndex()) await this.overlayViewport.setImageIdIndex(target);
  }

  scrollBy(delta: number): Promise<void> {
    return this.scrollTo(this.overlayViewport.getCurrentImageIdIndex() + delta);
  }

  /** Auto-play: loops through the slices at `fps` frames per second, both views together. */
  play(fps: number): void {
    this.stop();
    this.cineTimer = window.setInterval(() => {
      const current = this.overlayViewport.getCurrentImageIdIndex();
      void this.overlayViewport.setImageIdIndex(current + 1 >= this.imageIds.length ? 0 : current + 1);
    }, 1000 / Math.max(1, fps));
    this.emit();
  }

  stop(): void {
    if (this.cineTimer !== null) window.clearInterval(this.cineTimer);
    this.cineTimer = null;
    this.emit();
  }

  get playing(): boolean {
    return this.cineTimer !== null;
  }

  toggleInvert(): void {
    const viewport = this.overlayViewport;
    viewport.setProperties({ invert: !viewport.getProperties().invert });
    viewport.render();
  }

  reset(): void {
    for (const viewport of [this.overlayViewport, this.segmentationViewport]) viewport.resetCamera();
    this.overlayViewport.resetProperties();
    this.segmentationViewport.setProperties({ voiRange: BLACK_WINDOW });
    this.tilt3d();
    this.engine.render();
  }

  private releaseSegmentation(): void {
    if (this.volumeId) {
      const viewport = this.viewport3d;
      viewport.removeAllActors();
      viewport.render();
      cache.removeVolumeLoadObject(this.volumeId);
      this.volumeId = null;
    }
    this.labelmap?.destroy();
    this.labelmap = null;
  }

  destroy(): void {
    this.generation += 1;
    if (this.cineTimer !== null) window.clearInterval(this.cineTimer);
    this.cineTimer = null;
    for (const undo of this.cleanup) undo();
    tools.utilities.stackPrefetch.disable(this.overlayViewport.element);
    this.releaseSegmentation();
    tools.ToolGroupManager.destroyToolGroup(this.stackToolsId);
    tools.ToolGroupManager.destroyToolGroup(this.volumeToolsId);
    this.engine.destroy();
    this.listeners.clear();
  }
}

interface ImagePlane {
  imagePositionPatient?: number[];
  rowCosines?: number[];
  columnCosines?: number[];
}

/** The parts of vtk.js's volume actor used here (Cornerstone hands it out untyped). */
interface VtkVolume {
  getProperty(): {
    setRGBTransferFunction(index: number, fn: unknown): void;
    setScalarOpacity(index: number, fn: unknown): void;
    setInterpolationTypeToNearest(): void;
    setShade(on: boolean): void;
    setAmbient(value: number): void;
    setDiffuse(value: number): void;
    setSpecular(value: number): void;
  };
  getMapper(): { removeAllClippingPlanes(): void; addClippingPlane(plane: unknown): void };
}

function add(a: Types.Point3, b: Types.Point3): Types.Point3 {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

function sub(a: Types.Point3, b: Types.Point3): Types.Point3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

function scale(a: Types.Point3, s: number): Types.Point3 {
  return [a[0] * s, a[1] * s, a[2] * s];
}

function cross(a: Types.Point3, b: Types.Point3): Types.Point3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function normalise(a: Types.Point3): Types.Point3 {
  const length = Math.hypot(...a) || 1;
  return scale(a, 1 / length);
}
