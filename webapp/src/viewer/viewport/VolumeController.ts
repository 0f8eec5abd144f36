/**
 * Axial / sagittal / coronal MPR viewports and an optional 3D volume rendering
 * of one volume, sharing one tool group (crosshairs with reference lines,
 * zoom, pan, scroll). Released by `destroy`.
 */
import {
  cache,
  Enums as CoreEnums,
  eventTarget,
  RenderingEngine,
  setVolumesForViewports,
  volumeLoader,
  type Types,
  type VolumeViewport3D,
} from "@cornerstonejs/core";
import * as tools from "@cornerstonejs/tools";

import { readsImageNatively } from "./nativeFrameLoader";
import { closeSeriesFrameStreams, seriesFrameStream, type SeriesFrameStream } from "./seriesFrameStream";

const { MouseBindings } = tools.Enums;

export type Orientation = "axial" | "sagittal" | "coronal";

export const ORIENTATIONS: Orientation[] = ["axial", "sagittal", "coronal"];

/** Volume-rendering presets offered in the 3D view, by modality. */
export const RENDERING_PRESETS: Record<string, string[]> = {
  CT: ["CT-Bone", "CT-Soft-Tissue", "CT-Lung", "CT-Cardiac", "CT-MIP"],
  MR: ["MR-Default", "MR-Angio", "MR-MIP", "MR-T2-Brain"],
};

export function renderingPresets(modality: string): string[] {
  return RENDERING_PRESETS[modality] ?? RENDERING_PRESETS.MR;
}

let counter = 0;
const MPR_ERASER = "MprEraser";
/** While a volume streams in, the views are redrawn at most this often (milliseconds). */
const STREAMING_REDRAW_MS = 400;

export class VolumeController {
  readonly engine: RenderingEngine;
  readonly volumeId: string;
  readonly viewportIds: Record<Orientation, string>;
  readonly toolGroupId: string;
  readonly volumeToolGroupId: string;
  readonly view3dId: string;
  private readonly shown: Orientation[];
  private readonly has3d: boolean;
  private redrawTimer: number | null = null;
  private stopRedraws = (): void => {};
  private frameStream: SeriesFrameStream | null = null;

  constructor(elements: Partial<Record<Orientation, HTMLDivElement>>, element3d: HTMLDivElement | null) {
    counter += 1;
    this.engine = new RenderingEngine(`volume-engine-${counter}`);
    this.volumeId = `cornerstoneStreamingImageVolume:labelstack-${counter}`;
    this.toolGroupId = `mpr-tools-${counter}`;
    this.volumeToolGroupId = `3d-tools-${counter}`;
    this.view3dId = `3d-${counter}`;
    this.viewportIds = { axial: `axial-${counter}`, sagittal: `sagittal-${counter}`, coronal: `coronal-${counter}` };
    this.shown = ORIENTATIONS.filter((o) => elements[o]);
    this.has3d = element3d !== null;
    const orientationEnum = {
      axial: CoreEnums.OrientationAxis.AXIAL,
      sagittal: CoreEnums.OrientationAxis.SAGITTAL,
      coronal: CoreEnums.OrientationAxis.CORONAL,
    };
    const inputs: Types.PublicViewportInput[] = this.shown.map((o) => ({
      viewportId: this.viewportIds[o],
      type: CoreEnums.ViewportType.ORTHOGRAPHIC,
      element: elements[o]!,
      defaultOptions: { orientation: orientationEnum[o], background: [0, 0, 0] as Types.Point3 },
    }));
    if (element3d) {
      inputs.push({
        viewportId: this.view3dId,
        type: CoreEnums.ViewportType.VOLUME_3D,
        element: element3d,
        defaultOptions: { background: [0.05, 0.05, 0.08] as Types.Point3 },
      });
    }
    this.engine.setViewports(inputs);

    const group = tools.ToolGroupManager.createToolGroup(this.toolGroupId)!;
    for (const Tool of [tools.WindowLevelTool, tools.PanTool, tools.ZoomTool, tools.StackScrollTool]) group.addTool(Tool.toolName);
    // Viewports first: the crosshairs tool checks on activation that it has two views to intersect.
    for (const o of this.shown) group.addViewport(this.viewportIds[o], this.engine.id);
    // Crosshairs need two views to intersect; with one view the left button windows instead.
    if (this.shown.length > 1) {
      group.addTool(tools.CrosshairsTool.toolName, {
        getReferenceLineColor: (viewportId: string) =>
          viewportId === this.viewportIds.axial ? "rgb(220, 60, 60)" : viewportId === this.viewportIds.sagittal ? "rgb(230, 200, 60)" : "rgb(60, 200, 90)",
      });
      group.setToolActive(tools.CrosshairsTool.toolName, { bindings: [{ mouseButton: MouseBindings.Primary }] });
      group.setToolActive(tools.WindowLevelTool.toolName, { bindings: [{ mouseButton: MouseBindings.Primary, modifierKey: tools.Enums.KeyboardBindings.Shift }] });
    } else {
      group.setToolActive(tools.WindowLevelTool.toolName, { bindings: [{ mouseButton: MouseBindings.Primary }] });
    }
    group.setToolActive(tools.ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
    group.setToolActive(tools.PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
    group.setToolActive(tools.StackScrollTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel }] });

    if (element3d) {
      const group3d = tools.ToolGroupManager.createToolGroup(this.volumeToolGroupId)!;
      group3d.addTool(tools.TrackballRotateTool.toolName);
      group3d.addTool(tools.ZoomTool.toolName);
      group3d.addTool(tools.PanTool.toolName);
      group3d.setToolActive(tools.TrackballRotateTool.toolName, { bindings: [{ mouseButton: MouseBindings.Primary }] });
      group3d.setToolActive(tools.ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
      group3d.setToolActive(tools.PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
      group3d.addViewport(this.view3dId, this.engine.id);
    }
  }

  /**
   * Resolves when every slice is decoded into the volume. The views fill in as
   * slices arrive, redrawn at most every STREAMING_REDRAW_MS: Cornerstone's own
   * redraw after every 2% of the slices (50 redraws of every view per volume)
   * costs more than the loading itself where the GPU is slow or emulated.
   *
   * `wholeSeries` is given when `imageIds` are every frame of the series at
   * that URL: native frames then come in one request (see SeriesFrameStream;
   * it may have been opened with the series' metadata) unless most of them
   * are already in the image cache.
   */
  async load(imageIds: string[], modality: string, wholeSeries?: string): Promise<void> {
    const cached = imageIds.filter((id) => cache.getImageLoadObject(id) !== undefined).length;
    if (wholeSeries && cached < imageIds.length / 2 && imageIds.every(readsImageNatively)) {
      this.frameStream = seriesFrameStream(wholeSeries, imageIds.map((id) => id.slice("wadors:".length)));
    } else if (wholeSeries) {
      // (one opened with the metadata is not needed after all)
      closeSeriesFrameStreams(wholeSeries);
    }
    const volume = await volumeLoader.createAndCacheVolume(this.volumeId, { imageIds });
    // (a protected flag of Cornerstone's streaming volume: there is no public switch)
    (volume as unknown as { autoRenderOnLoad: boolean }).autoRenderOnLoad = false;
    const onSlice = (event: Event) => {
      if ((event as CustomEvent<{ volumeId: string }>).detail.volumeId !== this.volumeId || this.redrawTimer !== null) return;
      this.redrawTimer = window.setTimeout(() => {
        this.redrawTimer = null;
        if (!this.engine.hasBeenDestroyed) this.engine.render();
      }, STREAMING_REDRAW_MS);
    };
    eventTarget.addEventListener(CoreEnums.Events.IMAGE_VOLUME_MODIFIED, onSlice);
    this.stopRedraws = () => {
      eventTarget.removeEventListener(CoreEnums.Events.IMAGE_VOLUME_MODIFIED, onSlice);
      if (this.redrawTimer !== null) window.clearTimeout(this.redrawTimer);
      this.redrawTimer = null;
    };
    const done = new Promise<void>((resolve) => {
      (volume as unknown as { load: (cb: (e: unknown) => void) => void }).load(() => resolve());
    });
    const ids = [...this.shown.map((o) => this.viewportIds[o]), ...(this.has3d ? [this.view3dId] : [])];
    await setVolumesForViewports(this.engine, [{ volumeId: this.volumeId }], ids);
    if (this.has3d) this.setRenderingPreset(renderingPresets(modality)[0]);
    this.engine.render();
    await done;
    this.stopRedraws();
    this.closeFrameStream();
    if (!this.engine.hasBeenDestroyed) this.engine.render();
  }

  /**
   * Shows segmentation `segmentationId` (a labelmap made on the stack of the
   * same images) in the slice views and lets the brush and eraser paint it
   * there. Cornerstone builds the labelmap volume from the labelmap images
   * themselves, so a stroke in any view changes the one labelmap.
   */
  async showLabelmap(segmentationId: string): Promise<void> {
    const group = tools.ToolGroupManager.getToolGroup(this.toolGroupId)!;
    if (!group.hasTool(tools.BrushTool.toolName)) {
      group.addTool(tools.BrushTool.toolName, { activeStrategy: "FILL_INSIDE_CIRCLE" });
      group.addToolInstance(MPR_ERASER, tools.BrushTool.toolName, { activeStrategy: "ERASE_INSIDE_CIRCLE" });
      group.setToolPassive(tools.BrushTool.toolName);
      group.setToolPassive(MPR_ERASER);
    }
    for (const o of this.shown) {
      await tools.segmentation.addLabelmapRepresentationToViewport(this.viewportIds[o], [{ segmentationId }]);
    }
    this.engine.render();
  }

  /** Puts the brush or eraser (of `size` pixels) on the left button; null gives it back to the crosshairs. */
  setBrush(mode: "brush" | "eraser" | null, size: number): void {
    const group = tools.ToolGroupManager.getToolGroup(this.toolGroupId);
    if (!group?.hasTool(tools.BrushTool.toolName)) return;
    const primary = [{ mouseButton: MouseBindings.Primary }];
    const viewing = this.shown.length > 1 ? tools.CrosshairsTool.toolName : tools.WindowLevelTool.toolName;
    group.setToolPassive(tools.BrushTool.toolName);
    group.setToolPassive(MPR_ERASER);
    if (mode === null) {
      group.setToolActive(viewing, { bindings: primary });
      return;
    }
    group.setToolPassive(viewing);
    group.setToolActive(mode === "brush" ? tools.BrushTool.toolName : MPR_ERASER, { bindings: primary });
    tools.utilities.segmentation.setBrushSizeForToolGroup(this.toolGroupId, size);
  }

  setRenderingPreset(preset: string): void {
    const viewport = this.engine.getViewport(this.view3dId) as VolumeViewport3D | undefined;
    if (!viewport) return;
    viewport.setProperties({ preset });
    viewport.render();
  }

  reset(): void {
    for (const o of this.shown) {
      const viewport = this.engine.getViewport(this.viewportIds[o]);
      viewport.resetCamera();
    }
    this.engine.render();
  }

  /** Drops what the series stream still holds (frames the cache already had), or stops it. */
  private closeFrameStream(): void {
    this.frameStream?.close();
    this.frameStream = null;
  }

  destroy(): void {
    this.stopRedraws();
    this.closeFrameStream();
    // Crosshairs react to camera events of their views: switch them off before the views go.
    const group = tools.ToolGroupManager.getToolGroup(this.toolGroupId);
    if (group && this.shown.length > 1) group.setToolDisabled(tools.CrosshairsTool.toolName);
    tools.ToolGroupManager.destroyToolGroup(this.toolGroupId);
    if (this.has3d) tools.ToolGroupManager.destroyToolGroup(this.volumeToolGroupId);
    this.engine.destroy();
    cache.removeVolumeLoadObject(this.volumeId);
  }
}
