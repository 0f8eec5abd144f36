/**
 * Whether 16-bit greyscale samples are better kept as float on the page.
 *
 * A GPU with EXT_texture_norm16 (and linear filtering of it) samples 16-bit
 * integers as they are. Without it (software WebGL, many mobile GPUs) vtk.js
 * converts every 16-bit image to float on its way to the texture: a new array
 * of the whole slice on the page's main thread each time a slice is shown,
 * which while scrolling is both the conversion and the garbage it leaves.
 * Frames read natively (nativeFrames) can be rescaled straight into float
 * instead, so the texture takes them as they are.
 */
import { canRenderFloatTextures, getRenderingCapabilities } from "@cornerstonejs/core";

export function sixteenBitAsFloat(): boolean {
  const { norm16, norm16Linear } = getRenderingCapabilities() as { norm16?: boolean; norm16Linear?: boolean };
  return !(norm16 && norm16Linear) && canRenderFloatTextures();
}
