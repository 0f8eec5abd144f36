/**
 * The network half of opening a series: its detail (instances in slice order)
 * and its WADO-RS metadata, with no dependency on the imaging library.
 *
 * Kept apart from `seriesLoader` (which registers the metadata with the image
 * loader) so that a route can ask for a series while the viewer's code is
 * still being downloaded and compiled: the two then overlap instead of
 * following each other before the first image.
 */
import { api, unwrap, type Schemas } from "@/api/client";

import { fetchAhead } from "./frameFetch";
import { readsNatively, SCALED_MODALITIES } from "./nativeFrames";
import { closeSeriesFrameStreams, seriesFrameStream } from "./seriesFrameStream";

export type SeriesDetail = Schemas["SeriesDetail"];
export type InstanceSummary = Schemas["InstanceRead"];

/** A DICOM JSON dataset (PS3.18 F.2): tag → {vr, Value}. */
export type DicomJson = Record<string, { vr: string; Value?: unknown[]; BulkDataURI?: string }>;

export interface SeriesData {
  detail: SeriesDetail;
  /** Metadata of each instance by SOP Instance UID. */
  metadata: Map<string, DicomJson>;
}

const SOP_INSTANCE_UID = "00080018";

export function seriesPath(detail: Pick<SeriesDetail, "study_instance_uid" | "series_instance_uid">): string {
  return `/dicomweb/studies/${detail.study_instance_uid}/series/${detail.series_instance_uid}`;
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

/**
 * How a series will be shown, and so what is worth asking for with its
 * metadata: a stack opens on its first frame; a volume takes every frame at
 * once, and the series' pixel data can stream in while the imaging library
 * is still being set up.
 */
export interface SeriesUse {
  firstFrame: boolean;
  wholeSeries?: boolean;
}

export const STACK_USE: SeriesUse = { firstFrame: true };
export const VOLUME_USE: SeriesUse = { firstFrame: false, wholeSeries: true };

/** Whether the frames of this instance are read natively by the viewer (see nativeFrameLoader), from its metadata. */
function readsDatasetNatively(dataset: DicomJson): boolean {
  const number = (tag: string) => Number(dicomValue(dataset, tag));
  const transferSyntax = dicomValue(dataset, "00020010") ?? dicomValue(dataset, "00083002");
  const layout = { rows: number("00280010"), columns: number("00280011"), bitsAllocated: number("00280100"), bitsStored: number("00280101"), pixelRepresentation: number("00280103") };
  return (
    !SCALED_MODALITIES.has(String(dicomValue(dataset, "00080060"))) &&
    readsNatively(typeof transferSyntax === "string" ? transferSyntax : undefined, layout, number("00280002"), String(dicomValue(dataset, "00280004")))
  );
}

/**
 * Opens the series' pixel data as one stream (the volume takes it, see
 * SeriesFrameStream) when a volume of the whole series will read every frame
 * natively: a series with time points shows one time point at a time, and
 * frames the viewer does not read itself are fetched by the imaging
 * library's own loader.
 */
function streamWholeSeries(detail: SeriesDetail, metadata: Map<string, DicomJson>): void {
  const instances = detail.instances.filter((instance) => metadata.has(instance.sop_instance_uid));
  if (instances.length === 0 || instances.some((instance) => instance.temporal_position != null)) return;
  if (!instances.every((instance) => readsDatasetNatively(metadata.get(instance.sop_instance_uid)!))) return;
  const url = seriesPath(detail);
  const frameUrls = instances.flatMap((instance) =>
    Array.from({ length: Math.max(1, instance.number_of_frames) }, (_, i) => `${url}/instances/${instance.sop_instance_uid}/frames/${i + 1}`),
  );
  seriesFrameStream(url, frameUrls);
}

async function fetchSeriesData(seriesId: number, use: SeriesUse): Promise<SeriesData> {
  const detail = await unwrap(api.GET("/api/v1/series/{series_id}", { params: { path: { series_id: seriesId } } }));
  const first = detail.instances[0];
  if (use.firstFrame && first) fetchAhead(`${seriesPath(detail)}/instances/${first.sop_instance_uid}/frames/1`);
  const response = await fetch(`${seriesPath(detail)}/metadata`, {
    credentials: "same-origin",
    headers: { Accept: "application/dicom+json" },
  });
  if (!response.ok) throw new Error(`series metadata: HTTP ${response.status}`);
  const datasets = (await response.json()) as DicomJson[];
  const metadata = new Map<string, DicomJson>();
  for (const dataset of datasets) inlinePaletteValues(dataset);
  for (const dataset of datasets) metadata.set(String(dicomValue(dataset, SOP_INSTANCE_UID)), dataset);
  if (use.wholeSeries) streamWholeSeries(detail, metadata);
  return { detail, metadata };
}

let prefetched: { seriesId: number; loading: Promise<SeriesData> } | null = null;

/**
 * Starts asking for a series before its viewer is on the page; the next
 * `takeSeriesData` of that series takes the answer. One series is kept at a time.
 */
export function prefetchSeriesData(seriesId: number, use: SeriesUse = STACK_USE): void {
  if (prefetched?.seriesId === seriesId) return;
  // (the pixel data of a series nobody took is let go)
  prefetched?.loading.then(({ detail }) => closeSeriesFrameStreams(seriesPath(detail)), () => undefined);
  const loading = fetchSeriesData(seriesId, use);
  loading.catch(() => undefined);
  prefetched = { seriesId, loading };
}

/** The series' detail and metadata: the prefetched answer if there is one, else a new request. */
export function takeSeriesData(seriesId: number, use: SeriesUse): Promise<SeriesData> {
  if (prefetched?.seriesId !== seriesId) return fetchSeriesData(seriesId, use);
  const { loading } = prefetched;
  prefetched = null;
  return loading;
}
