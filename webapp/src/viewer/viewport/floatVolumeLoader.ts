/**
 * The volume loader behind MPR and 3D: Cornerstone's streaming volume, kept
 * in float where the GPU cannot sample 16-bit integer textures (see
 * textureFormat): a volume of natively read frames then takes that type and
 * its slices go to the texture as they are, not converted again whenever the
 * texture is rebuilt. Everything else is Cornerstone's own streaming volume.
 */
import { StreamingImageVolume, utilities, type Types } from "@cornerstonejs/core";
import { Filter } from "@kitware/vtk.js/Rendering/OpenGL/Texture/Constants";

import { readsImageNatively } from "./nativeFrameLoader";
import { sixteenBitAsFloat } from "./textureFormat";

/** Whether 16-bit volumes of these images are better kept as float (see the module's note). */
function keepsFloat(dataType: string, imageIds: string[]): boolean {
  if (dataType !== "Int16Array" && dataType !== "Uint16Array") return false;
  return sixteenBitAsFloat() && imageIds.every(readsImageNatively);
}

/**
 * Gives the volume's texture the linear filters its views draw with, before
 * the first draw. vtk.js sets them during that draw, and Cornerstone's
 * streaming texture takes any change of its settings as every slice changed:
 * the slices already uploaded (all of them, once the series has streamed in)
 * went to the GPU a second time at the next draw.
 */
function filterLinearly(volume: StreamingImageVolume): void {
  const texture = (volume as unknown as { vtkOpenGLTexture: { setMinificationFilter(f: Filter): void; setMagnificationFilter(f: Filter): void } })
    .vtkOpenGLTexture;
  texture.setMinificationFilter(Filter.LINEAR);
  texture.setMagnificationFilter(Filter.LINEAR);
}

export function floatVolumeLoader(volumeId: string, options: { imageIds: string[] }): Types.IVolumeLoadObject {
  if (!options?.imageIds?.length) throw new Error("a volume needs image ids");
  const promise = (async () => {
    const props = utilities.generateVolumePropsFromImageIds(options.imageIds, volumeId);
    const dataType = keepsFloat(props.dataType, props.imageIds) ? "Float32Array" : props.dataType;
    const volume = new StreamingImageVolume(
      { ...props, dataType } as never,
      {
        imageIds: props.imageIds,
        loadStatus: { loaded: false, loading: false, cancelled: false, cachedFrames: [], callbacks: [] },
      } as never,
    );
    filterLinearly(volume);
    return volume;
  })();
  return {
    promise,
    decache: () => void promise.then((volume) => volume.destroy()),
    cancel: () => void promise.then((volume) => volume.cancelLoading()),
  } as unknown as Types.IVolumeLoadObject;
}
