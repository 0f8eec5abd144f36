/**
 * Shows a stack viewer's WebGL canvas itself in the viewport, instead of
 * Cornerstone's copy of it.
 *
 * Cornerstone renders every viewport into one offscreen WebGL canvas per
 * context and then copies the viewport's part of it into the viewport's own
 * 2D canvas (`drawImage`), which the page composites. With one stack viewport
 * per rendering engine, as the stack viewer has, the offscreen canvas holds
 * exactly that viewport's picture at the viewport's size: putting it in the
 * page where the 2D canvas was shows the same pixels without the copy, and
 * the compositor has one canvas fewer to take in per frame. On a software
 * rasteriser the copy and the 2D canvas's own compositing were about a sixth
 * of the GPU work of a slice.
 *
 * Cornerstone's 2D canvas stays in the page, hidden: tools and coordinate
 * conversions read its size and position, and it keeps the size Cornerstone
 * gives it. The copy itself is a method of the engine's (unexported)
 * implementation; if this version of Cornerstone has none where expected,
 * nothing is changed and the copy goes on as before.
 */
import type { RenderingEngine, StackViewport } from "@cornerstonejs/core";

interface CopyDetail {
  element: HTMLDivElement;
  viewportId: string;
  renderingEngineId: string;
  suppressEvents?: boolean;
  viewportStatus?: unknown;
}
type CopyToOnscreen = (viewport: StackViewport, offscreen: HTMLCanvasElement) => CopyDetail;
interface EngineInternals {
  _implementation?: { _copyToOnscreenCanvas?: CopyToOnscreen };
}
interface VtkOpenGLWindow {
  getCanvas?: () => HTMLCanvasElement | null;
}
interface OffscreenWindow {
  getOpenGLRenderWindow?: () => VtkOpenGLWindow;
}

/** Marks the WebGL canvas shown in a viewport (tests read the picture from it). */
export const ONSCREEN_WEBGL_CLASS = "labelstack-webgl-canvas";

/**
 * Shows `viewport`'s WebGL canvas in its element; `viewport` must be the
 * engine's only viewport. Returns the function that puts Cornerstone's copy
 * back, or null where nothing was changed.
 */
export function showWebGLCanvas(engine: RenderingEngine, viewport: StackViewport): (() => void) | null {
  const implementation = (engine as unknown as EngineInternals)._implementation;
  const copy = implementation?._copyToOnscreenCanvas;
  const window = engine.getOffscreenMultiRenderWindow(viewport.id) as unknown as OffscreenWindow;
  const webgl = window.getOpenGLRenderWindow?.()?.getCanvas?.();
  const shown = viewport.canvas;
  if (!implementation || typeof copy !== "function" || !webgl || !shown.parentElement) return null;

  // (vtk.js takes the canvas out of this element of its own when the engine is destroyed: it goes back there)
  const home = webgl.parentElement;
  const style = webgl.getAttribute("style");
  webgl.classList.add(ONSCREEN_WEBGL_CLASS);
  Object.assign(webgl.style, {
    position: "absolute",
    left: "0",
    top: "0",
    width: "100%",
    height: "100%",
    imageRendering: shown.style.imageRendering,
    pointerEvents: "none",
  });
  // Right above the hidden canvas, under Cornerstone's SVG layer of tools.
  shown.after(webgl);
  shown.style.visibility = "hidden";

  implementation._copyToOnscreenCanvas = (rendered) => {
    // The hidden canvas keeps following the viewport's size: Cornerstone decides on resizes by it.
    const { canvas } = rendered;
    if (canvas.width !== rendered.sWidth) canvas.width = rendered.sWidth;
    if (canvas.height !== rendered.sHeight) canvas.height = rendered.sHeight;
    return {
      element: rendered.element,
      viewportId: rendered.id,
      renderingEngineId: rendered.renderingEngineId,
      suppressEvents: rendered.suppressEvents,
      viewportStatus: rendered.viewportStatus,
    };
  };
  return () => {
    implementation._copyToOnscreenCanvas = copy;
    webgl.classList.remove(ONSCREEN_WEBGL_CLASS);
    if (style === null) webgl.removeAttribute("style");
    else webgl.setAttribute("style", style);
    if (home) home.appendChild(webgl);
    else webgl.remove();
    shown.style.visibility = "";
  };
}
