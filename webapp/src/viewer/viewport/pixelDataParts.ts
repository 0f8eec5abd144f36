/**
 * Reads a series' pixel data resource (PS3.18 §10.4.1.1.4) part by part as
 * it streams in. Used on the page and in the series stream's worker alike:
 * nothing here touches the page.
 */
import { mediaTypeParameter } from "./frameResponse";
import { MultipartParser } from "./multipartParts";

/** What the pixel data route is asked for: every frame in its stored transfer syntax. */
const PIXEL_DATA_ACCEPT = "multipart/related; type=application/octet-stream; transfer-syntax=*";

export interface PixelDataPart {
  /** The frame's URL (Content-Location). */
  location: string;
  contentType: string;
  /** The frame's bytes, in a buffer of their own. */
  body: ArrayBuffer;
}

/** A frame URL as a key: its path, whether written absolute or relative to `base`. */
export function pixelDataKey(url: string, base: string): string {
  return new URL(url, base).pathname;
}

/** Calls `onPart` for each frame of the reply; resolves when the whole body is read, rejects on a failed or malformed one. */
export async function readPixelDataParts(seriesUrl: string, signal: AbortSignal, onPart: (part: PixelDataPart) => void): Promise<void> {
  const reply = await fetch(`${seriesUrl}/pixeldata`, {
    headers: { Accept: PIXEL_DATA_ACCEPT },
    credentials: "same-origin",
    signal,
  });
  const boundary = mediaTypeParameter(reply.headers.get("Content-Type") ?? "", "boundary");
  if (!reply.ok || !reply.body || !boundary) throw new Error(`series pixel data: ${reply.status}`);
  const parser = new MultipartParser(boundary, (part) => {
    const location = part.headers.get("content-location");
    if (location) onPart({ location, contentType: part.headers.get("content-type") ?? "", body: part.body });
  });
  const reader = reply.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.push(value);
  }
  parser.end();
}
