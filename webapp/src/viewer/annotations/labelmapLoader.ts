/**
 * Loading a stored labelmap version into a Cornerstone labelmap.
 *
 * Usage, for any viewer that shows a segmentation (annotate, review, QC):
 *
 *   const patch = await fetchLabelmapVersion(annotationId, versionNumber);
 *   fillLabelmapImages(segmentationId, labelmapImageIds, patch);
 *
 * or both at once with `loadLabelmapVersion`. `labelmapImageIds` are the
 * labelmap images of the segmentation (one per image of the series, as made by
 * `imageLoader.createAndCacheDerivedLabelmapImages`), listed in the server's
 * slice order: slice k of the stored labelmap goes into `labelmapImageIds[k]`.
 * The archive's image order (position along the normal, then instance number;
 * frames of a multi-frame image in order) is that slice order, so the image ids
 * of the series (for a 4D series: of its first time point) map one to one.
 * Segment numbers are written as they are stored; the caller maps them to its
 * segments with the version's `content.segments` ({number, label_id}).
 */
import { cache } from "@cornerstonejs/core";
import * as tools from "@cornerstonejs/tools";

import { decodePatch, type LabelmapPatch } from "./labelmapPatch";

/** The labelmap of version `number` of annotation `annotationId`: its non-empty slices. */
export async function fetchLabelmapVersion(
  annotationId: number,
  number: number,
  signal?: AbortSignal,
): Promise<LabelmapPatch> {
  const response = await fetch(`/api/v1/annotations/${annotationId}/versions/${number}/labelmap`, {
    credentials: "same-origin",
    signal,
  });
  if (!response.ok) throw new Error(`labelmap of annotation ${annotationId} version ${number}: HTTP ${response.status}`);
  return decodePatch(new Uint8Array(await response.arrayBuffer()));
}

/** The pixel array of one cached labelmap image (written in place by the brush tools). */
export function labelmapPixels(imageId: string): Uint8Array | Uint16Array | null {
  const image = cache.getImage(imageId);
  if (!image) return null;
  const data = image.voxelManager ? image.voxelManager.getScalarData() : image.getPixelData();
  return data as Uint8Array | Uint16Array;
}

/**
 * Replaces the content of the labelmap images by `patch` (slices it does not
 * carry become background) and redraws the segmentation `segmentationId`.
 * Throws when the stored shape does not match the images.
 */
export function fillLabelmapImages(segmentationId: string, labelmapImageIds: string[], patch: LabelmapPatch): void {
  const [slices, rows, columns] = patch.shape;
  if (slices !== labelmapImageIds.length) {
    throw new Error(`stored labelmap has ${slices} slices, the viewer ${labelmapImageIds.length}`);
  }
  labelmapImageIds.forEach((imageId, index) => {
    const pixels = labelmapPixels(imageId);
    if (!pixels) throw new Error(`labelmap image ${index} is not loaded`);
    if (pixels.length !== rows * columns) {
      throw new Error(`stored labelmap slices are ${rows}x${columns}, the viewer's have ${pixels.length} pixels`);
    }
    const stored = patch.slices.get(index);
    if (stored) pixels.set(stored);
    else pixels.fill(0);
  });
  tools.segmentation.triggerSegmentationEvents.triggerSegmentationDataModified(segmentationId);
}

/** Makes every labelmap image background again (before showing another version). */
export function clearLabelmapImages(segmentationId: string, labelmapImageIds: string[]): void {
  for (const imageId of labelmapImageIds) labelmapPixels(imageId)?.fill(0);
  tools.segmentation.triggerSegmentationEvents.triggerSegmentationDataModified(segmentationId);
}

/** `fetchLabelmapVersion` then `fillLabelmapImages`; returns what was loaded. */
export async function loadLabelmapVersion(options: {
  annotationId: number;
  version: number;
  segmentationId: string;
  labelmapImageIds: string[];
  signal?: AbortSignal;
}): Promise<LabelmapPatch> {
  const patch = await fetchLabelmapVersion(options.annotationId, options.version, options.signal);
  fillLabelmapImages(options.segmentationId, options.labelmapImageIds, patch);
  return patch;
}
