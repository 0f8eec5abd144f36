/**
 * What a viewport needs to show one series: its image ids (one per frame, in
 * the archive's slice order) with the WADO-RS metadata registered for each.
 *
 * The archive returns instances sorted (time point, position along the normal,
 * instance number); multi-frame instances expand to one image id per frame.
 */
import { wadors } from "@cornerstonejs/dicom-image-loader";

import { api, unwrap, type Schemas } from "@/api/client";

import { initCornerstone } from "./initCornerstone";

export type SeriesDetail = Schemas["SeriesDetail"];
export type InstanceSummary = Schemas["InstanceRead"];

/** A DICOM JSON dataset (PS3.18 F.2): tag → {vr, Value}. */
export type DicomJson = Record<string, { vr: string; Value?: unknown[]; BulkDataURI?: string }>;

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

const SOP_INSTANCE_UID = "00080018";

export function seriesPath(detail: Pick<SeriesDetail, "study_instance_uid" | "series_instance_uid">): string {
  return `/dicomweb/studies/${detail.study_instance_uid}/series/${detail.series_instance_uid}`;
}

export function frameImageId(seriesUrl: string, sopInstanceUid: string, frame: number): string {
  return `wadors:${seriesUrl}/instances/${sopInstanceUid}/frames/${frame}`;
}

export function dicomValue(dataset: DicomJson | undefined, tag: string): unknown {
  return dataset?.[tag]?.Value?.[0];
}

const PALETTE_DATA: [descriptor: string, data: string][] = [
  ["00281101", "00281201"],
  ["00281102", "00281202"],
  ["00281103", "00281203"],
];

/**
 * Palette colour lookup tables (PS3.3 C.7.6.3.1.6) come back from the archive as
 * InlineBinary (OW); the image loader reads them from `Value`, so they are
 * decoded here (little-endian 16-bit words, or bytes when the table has 8-bit entries).
 */
export function inlinePaletteValues(dataset: DicomJson): void {
  for (const [descriptorTag, dataTag] of PALETTE_DATA) {
    const element = dataset[dataTag] as { vr: string; Value?: unknown[]; InlineBinary?: string } | undefined;
    if (!element?.InlineBinary || element.Value) continue;
    const binary = atob(element.InlineBinary);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const descriptor = dataset[descriptorTag]?.Value as number[] | undefined;
    const entries = descriptor?.[0] === 0 ? 65536 : (descriptor?.[0] ?? 0);
    const values: number[] = [];
    if (descriptor?.[2] === 8 && bytes.length === entries) values.push(...bytes);
    else {
      const view = new DataView(bytes.buffer);
      for (let i = 0; i + 1 < bytes.length; i += 2) values.push(view.getUint16(i, true));
    }
    element.Value = values;
  }
}

let prefetched: { seriesId: number; loading: Promise<LoadedSeries> } | null = null;

/**
 * Starts loading a series before its viewer is on the page (which may still be
 * waiting for other requests); the next `loadSeries` of that series takes it.
 * One series is kept at a time.
 */
export function prefetchSeries(seriesId: number): void {
  if (prefetched?.seriesId === seriesId) return;
  const loading = fetchSeries(seriesId);
  loading.catch(() => undefined);
  prefetched = { seriesId, loading };
}

export function loadSeries(seriesId: number): Promise<LoadedSeries> {
  if (prefetched?.seriesId !== seriesId) return fetchSeries(seriesId);
  const { loading } = prefetched;
  prefetched = null;
  return loading;
}

async function fetchSeries(seriesId: number): Promise<LoadedSeries> {
  // The image loader's initialisation resets its metadata registry: it must come before any add.
  const initialised = initCornerstone();
  const detail = await unwrap(api.GET("/api/v1/series/{series_id}", { params: { path: { series_id: seriesId } } }));
  const url = seriesPath(detail);
  const response = await fetch(`${url}/metadata`, {
    credentials: "same-origin",
    headers: { Accept: "application/dicom+json" },
  });
  if (!response.ok) throw new Error(`series metadata: HTTP ${response.status}`);
  const datasets = (await response.json()) as DicomJson[];
  const metadata = new Map<string, DicomJson>();
  for (const dataset of datasets) inlinePaletteValues(dataset);
  for (const dataset of datasets) metadata.set(String(dicomValue(dataset, SOP_INSTANCE_UID)), dataset);

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
  return { detail, imageIds, frames, metadata, timePoints };
}
