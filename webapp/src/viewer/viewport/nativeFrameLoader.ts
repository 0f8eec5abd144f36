/**
 * The image loader for `wadors:` image ids: frames stored uncompressed and
 * little-endian, in one greyscale sample, are fetched and made into images
 * here (see nativeFrames; a volume's frames are read by the series stream's
 * worker, see SeriesFrameStream); everything else (compressed
 * frames, colour, big-endian, PET and dose scaling) goes on to Cornerstone's
 * DICOM image loader as before.
 */
import { canRenderFloatTextures, metaData, utilities, type Types } from "@cornerstonejs/core";
import { wadors } from "@cornerstonejs/dicom-image-loader";

import { fetchFrame, takeFetchedAhead, type FrameBytes } from "./frameFetch";
import { readFrame, readsNatively, SCALED_MODALITIES, type Rescale, type SampleArrayType } from "./nativeFrames";
import { decodeStreamedFrame } from "./seriesFrameStream";
import { decodeFrame, type DecodePlan } from "./streamedFrames";
import { sixteenBitAsFloat } from "./textureFormat";

type ImagePixelModule = DecodePlan["layout"];

interface LoaderOptions {
  targetBuffer?: { type?: SampleArrayType };
  preScale?: { enabled?: boolean };
}

interface ScalingParameters {
  rescaleSlope?: number;
  rescaleIntercept?: number;
  modality?: string;
}

/** The instance's modality rescale (PS3.3 C.11.1), or null. */
function modalityRescale(imageId: string): Rescale | null {
  const { rescaleSlope, rescaleIntercept } = (metaData.get("modalityLutModule", imageId) ?? {}) as ScalingParameters;
  if (typeof rescaleSlope !== "number" || typeof rescaleIntercept !== "number") return null;
  return { slope: rescaleSlope, intercept: rescaleIntercept };
}

/** Whether the rescale is applied to the pixels before display (as Cornerstone's loader decides). */
function preScaled(rescale: Rescale | null, options: LoaderOptions): boolean {
  if (!rescale || options.preScale?.enabled === false) return false;
  return (Number.isInteger(rescale.slope) && Number.isInteger(rescale.intercept)) || canRenderFloatTextures();
}

function nativeLayout(imageId: string): ImagePixelModule | null {
  const pixel = metaData.get("imagePixelModule", imageId) as ImagePixelModule | undefined;
  const { transferSyntaxUID } = (metaData.get("transferSyntax", imageId) ?? {}) as { transferSyntaxUID?: string };
  const { modality } = (metaData.get("generalSeriesModule", imageId) ?? {}) as { modality?: string };
  if (!pixel || SCALED_MODALITIES.has(modality ?? "")) return null;
  if (!readsNatively(transferSyntaxUID, pixel, pixel.samplesPerPixel, pixel.photometricInterpretation)) return null;
  return pixel;
}

/** Whether the frames of `imageId` are read here rather than by Cornerstone's decoding workers. */
export function readsImageNatively(imageId: string): boolean {
  return nativeLayout(imageId) !== null;
}

/** The frame fetched ahead of the viewer, else (or if that failed) fetched on its own. */
async function frameBytes(url: string): Promise<FrameBytes> {
  const early = takeFetchedAhead(url);
  if (early) {
    try {
      return await early;
    } catch {
      // fetched again below
    }
  }
  return fetchFrame(url);
}

/** The image object Cornerstone's viewports, volumes and cache expect (the fields its own loader fills). */
function makeImage(
  imageId: string,
  layout: ImagePixelModule,
  pixels: ReturnType<typeof readFrame>,
  rescale: Rescale | null,
  scaled: boolean,
  transferSyntax: string,
): Types.IImage {
  const { modality } = (metaData.get("generalSeriesModule", imageId) ?? {}) as { modality?: string };
  const plane = (metaData.get("imagePlaneModule", imageId) ?? {}) as { rowPixelSpacing?: number; columnPixelSpacing?: number };
  const voi = (metaData.get("voiLutModule", imageId) ?? {}) as { windowCenter?: number[]; windowWidth?: number[]; voiLUTFunction?: string[] };
  const calibration = metaData.get("calibrationModule", imageId) ?? {};
  const data = pixels.pixels;
  const imageFrame = {
    ...layout,
    pixelData: data,
    pixelDataLength: data.length,
    smallestPixelValue: pixels.min,
    largestPixelValue: pixels.max,
    imageId,
  };
  const shownWindow = voi.windowCenter?.length && voi.windowWidth?.length
    ? { windowCenter: voi.windowCenter[0], windowWidth: voi.windowWidth[0] }
    : utilities.windowLevel.toWindowLevel(pixels.min, pixels.max);
  return {
    imageId,
    dataType: data.constructor.name,
    color: false,
    rgba: false,
    numberOfComponents: 1,
    calibration,
    columnPixelSpacing: plane.columnPixelSpacing,
    rowPixelSpacing: plane.rowPixelSpacing,
    columns: layout.columns,
    rows: layout.rows,
    width: layout.columns,
    height: layout.rows,
    preScale:
      rescale && scaled
        ? { enabled: true, scaled: true, scalingParameters: { rescaleSlope: rescale.slope, rescaleIntercept: rescale.intercept, modality } }
        : undefined,
    intercept: rescale?.intercept ?? 0,
    slope: rescale?.slope ?? 1,
    invert: layout.photometricInterpretation === "MONOCHROME1",
    minPixelValue: pixels.min,
    maxPixelValue: pixels.max,
    sizeInBytes: data.byteLength,
    ...shownWindow,
    voiLUTFunction: voi.voiLUTFunction?.[0],
    imageFrame,
    voxelManager: utilities.VoxelManager.createImageVoxelManager({
      scalarData: data,
      width: layout.columns,
      height: layout.rows,
      numberOfComponents: 1,
    }),
    getPixelData: () => data,
    getCanvas: undefined,
    transferSyntaxUID: transferSyntax,
  } as unknown as Types.IImage;
}

/**
 * Cornerstone's image loader interface for `wadors:` ids. A frame whose reply
 * turns out not to be native after all (the archive's copy differs from the
 * metadata) goes to Cornerstone's loader.
 */
export function loadWadorsImage(imageId: string, options: Record<string, unknown> = {}): Types.IImageLoadObject {
  const layout = nativeLayout(imageId);
  if (!layout) {
    // (Cornerstone's loader fetches it itself: a frame fetched ahead for it is let go)
    takeFetchedAhead(imageId.slice("wadors:".length));
    return wadors.loadImage(imageId, options) as Types.IImageLoadObject;
  }
  const loaderOptions = options as LoaderOptions;
  const promise = (async () => {
    const url = imageId.slice("wadors:".length);
    const rescale = modalityRescale(imageId);
    const scaled = preScaled(rescale, loaderOptions);
    // A stack asks for no type: 16-bit frames go to float where the GPU would convert them anyway.
    const preferred = loaderOptions.targetBuffer?.type ?? (layout.bitsAllocated === 16 && sixteenBitAsFloat() ? "Float32Array" : undefined);
    // (only what reading the frame needs: the plan may go to the stream's worker)
    const { rows, columns, bitsAllocated, bitsStored, pixelRepresentation, samplesPerPixel, photometricInterpretation } = layout;
    const plan = {
      layout: { rows, columns, bitsAllocated, bitsStored, pixelRepresentation, samplesPerPixel, photometricInterpretation },
      rescale: scaled ? rescale : null,
      preferred,
    };
    const streamed = decodeStreamedFrame(url, plan);
    if (streamed) {
      try {
        const frame = await streamed;
        if (!frame.native) return (wadors.loadImage(imageId, options) as Types.IImageLoadObject).promise;
        return makeImage(imageId, layout, frame.pixels, rescale, scaled, frame.transferSyntax);
      } catch {
        // the stream broke off before this frame: fetched on its own below
      }
    }
    const { body, start, transferSyntax } = await frameBytes(url);
    const frame = decodeFrame(body, start, transferSyntax, plan);
    if (!frame.native) return (wadors.loadImage(imageId, options) as Types.IImageLoadObject).promise;
    return makeImage(imageId, layout, frame.pixels, rescale, scaled, frame.transferSyntax);
  })();
  return { promise } as Types.IImageLoadObject;
}
