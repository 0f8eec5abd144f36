/**
 * What a viewport needs to show one series: its image ids (one per frame, in
 * the archive's slice order) with the WADO-RS metadata registered for each.
 *
 * The archive returns instances sorted (time point, position along the normal,
 * instance number); multi-frame instances expand to one image id per frame.
 */
import { wadors } from "@cornerstonejs/dicom-image-loader";

import { initCornerstone } from "./initCornerstone";
import {
  prefetchSeriesData,
  seriesPath,
  STACK_USE,
  takeSeriesData,
  type DicomJson,
  type InstanceSummary,
  type SeriesDetail,
  type SeriesUse,
} from "./seriesData";

export { dicomValue, inlinePaletteValues, seriesPath } from "./seriesData";
export type { DicomJson, InstanceSummary, SeriesDetail } from "./seriesData";

export interface LoadedSeries {
  detail: SeriesDetail;
  imageIds: string[];
  /** For each image id, the instance it comes from and its frame number (1-based). */
  frames: { instance: InstanceSummary; frame: number; temporalPosition: number | null }[];
  /** Metadata of each instance by SOP Instance UID. */
  metadata: Map<string, DicomJson>;
  /** Distinct time points in order (empty for a series without TemporalPositionIdentifier). */
  timePoints: number[];
}

export function frameImageId(seriesUrl: string, sopInstanceUid: string, frame: number): string {
  return `wadors:${seriesUrl}/instances/${sopInstanceUid}/frames/${frame}`;
}

/**
 * Starts loading a series before its viewer is on the page (which may still be
 * waiting for other requests); the next `loadSeries` of that series takes it.
 */
export function prefetchSeries(seriesId: number, use?: SeriesUse): void {
  prefetchSeriesData(seriesId, use);
}

/** The series, registered with the image loader; a stack's first frame is asked for early (see SeriesUse). */
export async function loadSeries(seriesId: number, use: SeriesUse = STACK_USE): Promise<LoadedSeries> {
  // The image loader's initialisation resets its metadata registry: it must come before any add.
  const initialised = initCornerstone();
  const { detail, metadata } = await takeSeriesData(seriesId, use);
  const url = seriesPath(detail);
  await initialised;
  const imageIds: string[] = [];
  const frames: LoadedSeries["frames"] = [];
  for (const instance of detail.instances) {
    const dataset = metadata.get(instance.sop_instance_uid);
    if (!dataset) continue;
    const count = Math.max(1, instance.number_of_frames);
    for (let frame = 1; frame <= count; frame++) {
      const imageId = frameImageId(url, instance.sop_instance_uid, frame);
      // Multi-frame instances are registered once, under frame 1; the loader derives the rest.
      if (frame === 1) wadors.metaDataManager.add(imageId, dataset as never);
      imageIds.push(imageId);
      frames.push({ instance, frame, temporalPosition: instance.temporal_position ?? null });
    }
  }
  const timePoints = [...new Set(frames.map((f) => f.temporalPosition).filter((t): t is number => t != null))].sort(
    (a, b) => a - b,
  );
  performance.mark("viewer:series-metadata");
  return { detail, imageIds, frames, metadata, timePoints };
}
