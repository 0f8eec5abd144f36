/**
 * The volume loader behind MPR and 3D: Cornerstone's streaming volume, kept
 * in float where the GPU cannot sample 16-bit integer textures.
 *
 * Without EXT_texture_norm16 (software WebGL, many mobile GPUs) every slice
 * of a 16-bit volume is converted to float on its way to the texture, on the
 * page's main thread, and converted again whenever the texture is rebuilt.
 * Natively read frames (nativeFrames) can be rescaled straight into float
 * instead, so the volume takes that type and its slices go to the texture as
 * they are. Everything else is Cornerstone's own streaming volume.
 */
import {
  canRenderFloatTextures,
  getRenderingCapabilities,
  StreamingImageVolume,
  utilities,
  type Types,
} from "@cornerstonejs/core";

import { readsImageNatively } from "./nativeFrameLoader";

/** Whether 16-bit volumes of these images are better kept as float (see the module's note). */
function keepsFloat(dataType: string, imageIds: string[]): boolean {
  if (dataType !== "Int16Array" && dataType !== "Uint16Array") return false;
  const { norm16, norm16Linear } = getRenderingCapabilities() as { norm16?: boolean; norm16Linear?: boolean };
  return !(norm16 && norm16Linear) && canRenderFloatTextures() && imageIds.every(readsImageNatively);
}

export function floatVolumeLoader(volumeId: string, options: { imageIds: string[] }): Types.IVolumeLoadObject {
  if (!options?.imageIds?.length) throw new Error("a volume needs image ids");
  const promise = (async () => {
    const props = utilities.generateVolumePropsFromImageIds(options.imageIds, volumeId);
    const dataType = keepsFloat(props.dataType, props.imageIds) ? "Float32Array" : props.dataType;
    return new StreamingImageVolume(
      { ...props, dataType } as never,
      {
        imageIds: props.imageIds,
        loadStatus: { loaded: false, loading: false, cancelled: false, cachedFrames: [], callbacks: [] },
      } as never,
    );
  })();
  return {
    promise,
    decache: () => void promise.then((volume) => volume.destroy()),
    cancel: () => void promise.then((volume) => volume.cancelLoading()),
  } as unknown as Types.IVolumeLoadObject;
}
