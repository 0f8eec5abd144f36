/**
 * The volume loader behind MPR and 3D: Cornerstone's streaming volume, kept
 * in float where the GPU cannot sample 16-bit integer textures (see
 * textureFormat): a volume of natively read frames then takes that type and
 * its slices go to the texture as they are, not converted again whenever the
 * texture is rebuilt. Everything else is Cornerstone's own streaming volume.
 */
import { StreamingImageVolume, utilities, type Types } from "@cornerstonejs/core";

import { readsImageNatively } from "./nativeFrameLoader";
import { sixteenBitAsFloat } from "./textureFormat";

/** Whether 16-bit volumes of these images are better kept as float (see the module's note). */
function keepsFloat(dataType: string, imageIds: string[]): boolean {
  if (dataType !== "Int16Array" && dataType !== "Uint16Array") return false;
  return sixteenBitAsFloat() && imageIds.every(readsImageNatively);
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
