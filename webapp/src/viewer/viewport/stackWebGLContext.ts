/**
 * The WebGL context of a stack viewer's rendering engine: one sample per
 * pixel, opaque, and without a depth buffer.
 *
 * vtk.js asks the browser for its context with the default `antialias: true`:
 * every frame then clears, writes and finally resolves four samples per
 * pixel. A stack viewport draws one rectangle, the image (and the labelmap on
 * the same rectangle), whose pixels come from texture lookups in the fragment
 * shader; multisampling only ever softens the rectangle's own outer edge
 * against the black background (rotations here are by right angles, so that
 * edge runs along the pixel rows and columns). On a software rasteriser
 * (SwiftShader standing in for a GPU) the extra samples are about a seventh
 * of what drawing a slice costs.
 *
 * The viewport's picture covers its whole canvas on an opaque black
 * background, so the canvas is made without an alpha channel: the page's
 * compositor then draws it as an opaque layer, without blending it over what
 * lies beneath or drawing what it covers. On a software rasteriser that is
 * about a tenth of the time per slice while scrolling.
 *
 * Nothing in a stack viewport is ordered by depth: the image is drawn first
 * and the labelmap over it whatever the depth (`overlayRenderPass`). Without a
 * depth buffer, each frame neither clears one nor tests and writes it for
 * every pixel drawn; on a software rasteriser, scrolling the 300-slice CT had
 * half as many frames over two display intervals in three alternating runs.
 *
 * vtk.js makes the context while Cornerstone's rendering engine is being
 * constructed, with options no caller can change: for just that synchronous
 * construction, a request for a WebGL context gets these three options;
 * everything else is left as asked.
 */
type GetContext = (this: HTMLCanvasElement, type: string, options?: Record<string, unknown>) => RenderingContext | null;

/** Runs `make` (which constructs a rendering engine) with WebGL contexts made as the module says. */
export function withStackWebGLContexts<T>(make: () => T): T {
  const prototype = HTMLCanvasElement.prototype as unknown as { getContext: GetContext };
  const original = prototype.getContext;
  prototype.getContext = function (this: HTMLCanvasElement, type, options) {
    const webgl = type === "webgl2" || type === "webgl";
    return original.call(this, type, webgl ? { ...options, antialias: false, alpha: false, depth: false } : options);
  };
  try {
    return make();
  } finally {
    prototype.getContext = original;
  }
}
