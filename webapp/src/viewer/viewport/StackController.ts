/**
 * One stack viewport with its tool group: the imperative side of the 2D
 * viewer, kept out of React so that the page only renders state.
 *
 * Everything registered here (rendering engine, tool group, prefetch, cine) is
 * released by `destroy`, which the page calls when it unmounts.
 */
import { Enums as CoreEnums, eventTarget, RenderingEngine, type StackViewport, type Types } from "@cornerstonejs/core";
import * as tools from "@cornerstonejs/tools";

import { followLabelmapSlices } from "./labelmapSliceFollower";
import { showWebGLCanvas } from "./onscreenWebGL";
import { createOverlayRenderPass } from "./overlayRenderPass";
import { withStackWebGLContexts } from "./stackWebGLContext";
import { voiRange, windowFromRange } from "./voiPresets";

const { MouseBindings } = tools.Enums;

export interface ViewState {
  imageIndex: number;
  imageCount: number;
  windowWidth: number | null;
  windowCenter: number | null;
  zoom: number;
  invert: boolean;
  rotation: number;
  flipHorizontal: boolean;
  flipVertical: boolean;
  /** Images decoded so far (progressive loading). */
  loaded: number;
}

export type PrimaryTool = "WindowLevel" | "Pan" | "Zoom" | "StackScroll";

let counter = 0;
/** While the stack streams in, how often the count of loaded images is handed on (milliseconds). */
const PROGRESS_MS = 250;

function sameState(a: ViewState, b: ViewState): boolean {
  return (Object.keys(a) as (keyof ViewState)[]).every((key) => a[key] === b[key]);
}

export class StackController {
  readonly engine: RenderingEngine;
  readonly viewportId: string;
  readonly toolGroupId: string;
  private readonly element: HTMLDivElement;
  private readonly listeners = new Set<(state: ViewState) => void>();
  private readonly loadedIds = new Set<string>();
  private readonly cleanup: (() => void)[] = [];
  private imageIds: string[] = [];
  private cineTimer: number | null = null;
  /** The state last handed to the listeners, to hand on only real changes. */
  private shown: ViewState | null = null;
  private sizeFollowed = false;
  /** The viewing tool on the left mouse button; null while an annotation tool has it. */
  private primary: PrimaryTool | null = null;
  private readonly primaryListeners = new Set<(tool: PrimaryTool | null) => void>();

  constructor(element: HTMLDivElement) {
    counter += 1;
    this.element = element;
    this.viewportId = `stack-${counter}`;
    this.toolGroupId = `stack-tools-${counter}`;
    this.engine = withStackWebGLContexts(() => new RenderingEngine(`engine-${counter}`));
    this.engine.enableElement({
      viewportId: this.viewportId,
      type: CoreEnums.ViewportType.STACK,
      element,
      defaultOptions: { background: [0, 0, 0] as Types.Point3 },
    });
    const restoreCopy = showWebGLCanvas(this.engine, this.viewport);
    if (restoreCopy) this.cleanup.push(restoreCopy);
    // The labelmap overlay blends over the image instead of going through order-independent transparency.
    const renderPass = createOverlayRenderPass();
    this.viewport.getRenderPasses = () => [renderPass];
    const group = tools.ToolGroupManager.createToolGroup(this.toolGroupId);
    if (!group) throw new Error("tool group already exists");
    group.addTool(tools.WindowLevelTool.toolName);
    group.addTool(tools.PanTool.toolName);
    group.addTool(tools.ZoomTool.toolName);
    group.addTool(tools.StackScrollTool.toolName);
    group.addViewport(this.viewportId, this.engine.id);
    this.setPrimaryTool("WindowLevel");
    // Right drag zooms, middle drag pans, the wheel scrolls: the usual radiology mouse.
    group.setToolActive(tools.ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
    group.setToolActive(tools.PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
    group.setToolActive(tools.StackScrollTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel }] });

    // Before any segmentation is shown, so that it runs ahead of Cornerstone's own slice change.
    this.cleanup.push(followLabelmapSlices(element, () => this.viewport));
    element.addEventListener(CoreEnums.Events.STACK_NEW_IMAGE, this.emit);
    element.addEventListener(CoreEnums.Events.VOI_MODIFIED, this.emit);
    element.addEventListener(CoreEnums.Events.CAMERA_MODIFIED, this.emit);
    element.addEventListener(CoreEnums.Events.IMAGE_RENDERED, this.emit);
  }

  private followSize(): void {
    if (this.sizeFollowed) return;
    this.sizeFollowed = true;
    const resizes = new ResizeObserver(() => this.fitCanvas());
    resizes.observe(this.element);
    this.cleanup.push(() => resizes.disconnect());
  }

  /**
   * Cornerstone sizes its canvas once, when the element is enabled; the page's
   * layout settles later (toolbars and the slice slider appear), and a canvas
   * left at its first size is stretched by the browser to the element: a
   * distorted image, rendered at more pixels than are shown and scaled by the
   * compositor on every frame. The canvas follows the element's size instead.
   */
  private fitCanvas(): void {
    if (this.engine.hasBeenDestroyed) return;
    const canvas = this.viewport.canvas;
    const ratio = window.devicePixelRatio || 1;
    const width = this.element.clientWidth * ratio;
    const height = this.element.clientHeight * ratio;
    if (width === 0 || height === 0) return;
    if (Math.abs(canvas.width - width) < 1 && Math.abs(canvas.height - height) < 1) return;
    // (keeps the camera: zoom and pan stay as the user left them; redrawn now if an image is shown)
    this.engine.resize(this.viewport.getImageIds().length > 0, true);
  }

  get viewport(): StackViewport {
    return this.engine.getViewport(this.viewportId) as StackViewport;
  }

  subscribe(listener: (state: ViewState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Shows the first image as soon as it is decoded and resolves once it is drawn. The other
   * images are fetched only when `prefetch` is called: their responses would otherwise hold up
   * that first frame.
   */
  async setStack(imageIds: string[], index = 0): Promise<void> {
    this.imageIds = imageIds;
    this.loadedIds.clear();
    await this.viewport.setStack(imageIds, index);
    this.loadedIds.add(imageIds[index]);
    const drawn = new Promise<void>((resolve) =>
      this.element.addEventListener(CoreEnums.Events.IMAGE_RENDERED, () => resolve(), { once: true }),
    );
    this.viewport.render();
    // (a viewport without size is never drawn)
    if (this.element.clientWidth > 0 && this.element.clientHeight > 0) await drawn;
    performance.mark("viewer:first-image-drawn");
  }

  /**
   * Fetches the rest of the stack in the background. The count of loaded images is handed on
   * at most every PROGRESS_MS, not per image: each hand-on is a React commit and a repaint of
   * the page over the viewport, which costs more than the image itself where the compositor
   * runs in software.
   */
  prefetch(): void {
    if (this.engine.hasBeenDestroyed) return;
    // (from here on, not before: a resize while the first image is on its way would draw it twice)
    this.followSize();
    const ids = new Set(this.imageIds);
    let timer: number | null = null;
    const onLoaded = (event: Event) => {
      const id = (event as CustomEvent<{ image?: { imageId: string } }>).detail.image?.imageId;
      // (Cornerstone tells of a load again each time a cached image is shown: only a new one counts)
      if (!id || !ids.has(id) || this.loadedIds.has(id)) return;
      this.loadedIds.add(id);
      if (this.loadedIds.size >= ids.size) {
        performance.mark("viewer:stack-loaded");
        this.emit();
      } else if (timer === null) {
        timer = window.setTimeout(() => {
          timer = null;
          this.emit();
        }, PROGRESS_MS);
      }
    };
    eventTarget.addEventListener(CoreEnums.Events.IMAGE_LOADED, onLoaded);
    this.cleanup.push(() => {
      eventTarget.removeEventListener(CoreEnums.Events.IMAGE_LOADED, onLoaded);
      if (timer !== null) window.clearTimeout(timer);
    });
    tools.utilities.stackPrefetch.enable(this.element);
  }

  state(): ViewState {
    const viewport = this.viewport;
    const properties = viewport.getProperties();
    const window = properties.voiRange ? windowFromRange(properties.voiRange) : null;
    const presentation = viewport.getViewPresentation();
    const camera = viewport.getCamera();
    return {
      imageIndex: viewport.getCurrentImageIdIndex(),
      imageCount: this.imageIds.length,
      windowWidth: window?.width ?? null,
      windowCenter: window?.center ?? null,
      zoom: viewport.getZoom(),
      invert: Boolean(properties.invert),
      rotation: presentation.rotation ?? 0,
      flipHorizontal: Boolean(camera.flipHorizontal),
      flipVertical: Boolean(camera.flipVertical),
      loaded: Math.max(this.loadedIds.size, 1),
    };
  }

  /**
   * Hands the state on when it changed. One slice change fires several of the
   * events listened to (new image, camera, rendered) with the same state; each
   * hand-on is a React commit that repaints the DOM around the viewport, which
   * a software compositor then rasterises again within the same frame.
   */
  private emit = (): void => {
    if (this.engine.hasBeenDestroyed) return;
    const state = this.state();
    if (this.shown && sameState(this.shown, state)) return;
    this.shown = state;
    for (const listener of this.listeners) listener(state);
  };

  /** Puts a viewing tool on the left button; null frees the button for an annotation tool. */
  get primaryTool(): PrimaryTool | null {
    return this.primary;
  }

  /**
   * Tells `listener` whenever the left button changes hands. Both the viewing
   * toolbar and an annotation toolbar show what the button does; either may
   * take it, so both follow this one owner rather than keeping their own idea.
   */
  onPrimaryToolChange(listener: (tool: PrimaryTool | null) => void): () => void {
    this.primaryListeners.add(listener);
    return () => this.primaryListeners.delete(listener);
  }

  setPrimaryTool(tool: PrimaryTool | null): void {
    const group = tools.ToolGroupManager.getToolGroup(this.toolGroupId);
    if (!group) return;
    this.primary = tool;
    for (const listener of this.primaryListeners) listener(tool);
    for (const name of ["WindowLevel", "Pan", "Zoom", "StackScroll"] as const) {
      const toolName = tools[`${name}Tool`].toolName;
      const bindings = group.getToolOptions(toolName)?.bindings ?? [];
      const others = bindings.filter((b) => b.mouseButton !== MouseBindings.Primary);
      if (name === tool) group.setToolActive(toolName, { bindings: [...others, { mouseButton: MouseBindings.Primary }] });
      else {
        // setToolActive adds bindings; the tool is made passive first so the left button is really released.
        group.setToolPassive(toolName);
        if (others.length) group.setToolActive(toolName, { bindings: others });
      }
    }
  }

  setWindow(width: number, center: number): void {
    this.viewport.setProperties({ voiRange: voiRange(width, center) });
    this.viewport.render();
  }

  toggleInvert(): void {
    this.viewport.setProperties({ invert: !this.viewport.getProperties().invert });
    this.viewport.render();
  }

  rotate(degrees: number): void {
    const rotation = ((this.viewport.getViewPresentation().rotation ?? 0) + degrees + 360) % 360;
    this.viewport.setViewPresentation({ rotation });
    this.viewport.render();
  }

  flip(direction: "horizontal" | "vertical"): void {
    const camera = this.viewport.getCamera();
    if (direction === "horizontal") this.viewport.setCamera({ flipHorizontal: !camera.flipHorizontal });
    else this.viewport.setCamera({ flipVertical: !camera.flipVertical });
    this.viewport.render();
  }

  zoomBy(factor: number): void {
    this.viewport.setZoom(this.viewport.getZoom() * factor);
    this.viewport.render();
  }

  reset(): void {
    this.viewport.resetProperties();
    this.viewport.resetCamera();
    this.viewport.setViewPresentation({ rotation: 0 });
    this.viewport.render();
    this.emit();
  }

  async scrollTo(index: number): Promise<void> {
    const target = Math.max(0, Math.min(this.imageIds.length - 1, index));
    if (target !== this.viewport.getCurrentImageIdIndex()) await this.viewport.setImageIdIndex(target);
  }

  scrollBy(delta: number): Promise<void> {
    return this.scrollTo(this.viewport.getCurrentImageIdIndex() + delta);
  }

  /** Cine playback: loops through the stack (or `range`) at `fps` frames per second. */
  play(fps: number, range?: [number, number]): void {
    this.stop();
    const [first, last] = range ?? [0, this.imageIds.length - 1];
    this.cineTimer = window.setInterval(() => {
      const current = this.viewport.getCurrentImageIdIndex();
      const next = current >= last || current < first ? first : current + 1;
      void this.viewport.setImageIdIndex(next);
    }, 1000 / Math.max(1, fps));
  }

  stop(): void {
    if (this.cineTimer !== null) window.clearInterval(this.cineTimer);
    this.cineTimer = null;
  }

  get playing(): boolean {
    return this.cineTimer !== null;
  }

  destroy(): void {
    this.stop();
    for (const undo of this.cleanup) undo();
    tools.utilities.stackPrefetch.disable(this.element);
    this.element.removeEventListener(CoreEnums.Events.STACK_NEW_IMAGE, this.emit);
    this.element.removeEventListener(CoreEnums.Events.VOI_MODIFIED, this.emit);
    this.element.removeEventListener(CoreEnums.Events.CAMERA_MODIFIED, this.emit);
    this.element.removeEventListener(CoreEnums.Events.IMAGE_RENDERED, this.emit);
    tools.ToolGroupManager.destroyToolGroup(this.toolGroupId);
    this.engine.destroy();
    this.listeners.clear();
    this.primaryListeners.clear();
  }
}
