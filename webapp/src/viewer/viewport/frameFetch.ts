/**
 * One WADO-RS frame fetched as stored, and the first frame of a series asked
 * for ahead of its viewer. No dependency on the imaging library, so a route
 * can start it while the viewer's code is still loading.
 *
 * The frame shown first was requested only once the series metadata had been
 * registered with the image loader: two round trips one after the other. Its
 * URL is known as soon as the series detail is (instances in slice order), so
 * it is fetched alongside the metadata and the loader takes it from here.
 */
import { locateFramePart, partTransferSyntax } from "./frameResponse";

/** A frame's reply: the body, where the samples start in it, and the transfer syntax they are in. */
export interface FrameBytes {
  body: ArrayBuffer;
  start: number;
  transferSyntax: string | undefined;
}

/** What the frames route is asked for: the stored bytes, in their stored transfer syntax. */
export const FRAME_ACCEPT = "multipart/related; type=application/octet-stream; transfer-syntax=*";

export async function fetchFrame(url: string): Promise<FrameBytes> {
  const reply = await fetch(url, { headers: { Accept: FRAME_ACCEPT }, credentials: "same-origin" });
  if (!reply.ok) throw new Error(`frame request failed: ${reply.status} ${url}`);
  const body = await reply.arrayBuffer();
  const contentType = reply.headers.get("Content-Type") ?? "";
  const part = locateFramePart(body, contentType);
  return { body, start: part?.start ?? 0, transferSyntax: partTransferSyntax(part?.contentType ?? contentType) };
}

/** Frames fetched ahead, by URL; each is taken once. */
const ahead = new Map<string, Promise<FrameBytes>>();

/** Starts fetching `url` for a later `takeFetchedAhead` (a failure is left to that taker). */
export function fetchAhead(url: string): void {
  if (ahead.has(url)) return;
  const loading = fetchFrame(url);
  loading.catch(() => undefined);
  ahead.set(url, loading);
  // Not taken soon (the viewer was left before it asked): let the bytes go.
  window.setTimeout(() => ahead.delete(url), 30_000);
}

export function takeFetchedAhead(url: string): Promise<FrameBytes> | null {
  const loading = ahead.get(url) ?? null;
  ahead.delete(url);
  return loading;
}
