/**
 * The body of a WADO-RS frame response, taken out of its multipart/related
 * envelope (PS3.18 §8.7.3.5.1) by reading only its two ends.
 *
 * The image loader finds the one part of a frame response by scanning every
 * byte of the body for the boundary, in JavaScript on the page's main thread,
 * and copies the body twice on the way; for a 512x512 16-bit frame that is
 * about 2 ms, most of a second of main-thread time while a 300-slice volume
 * streams in. A frame response has a single part: its headers are at the
 * start and the closing boundary at the end, so both ends are enough.
 */

export interface FramePart {
  /** The part's bytes (a copy of that range of the response). */
  body: ArrayBuffer;
  /** The part's own Content-Type (with its transfer-syntax parameter). */
  contentType: string;
}

/** How far into the body the part's headers may end. */
const HEADER_LIMIT = 4096;
const CRLF_CRLF = [13, 10, 13, 10];

/** A parameter of a media type (quoted or not), e.g. `boundary` or `transfer-syntax`; null when absent. */
export function mediaTypeParameter(contentType: string, name: string): string | null {
  const match = new RegExp(`(?:^|;)\\s*${name}=(?:"([^"]+)"|([^;\\s]+))`, "i").exec(contentType);
  return match ? (match[1] ?? match[2]) : null;
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

function indexOf(bytes: Uint8Array, pattern: number[], from: number, to: number): number {
  for (let i = from; i + pattern.length <= to; i++) {
    let j = 0;
    while (j < pattern.length && bytes[i + j] === pattern[j]) j++;
    if (j === pattern.length) return i;
  }
  return -1;
}

/** Where the one part of a frame response lies in it, and its own Content-Type. */
export interface FramePartRange {
  start: number;
  end: number;
  contentType: string;
}

/**
 * The range of the single part of a multipart/related frame response, or
 * null when the response is not multipart or not exactly one part.
 */
export function locateFramePart(response: ArrayBuffer, contentType: string): FramePartRange | null {
  if (!/^\s*multipart\/related/i.test(contentType)) return null;
  const boundary = mediaTypeParameter(contentType, "boundary");
  if (!boundary) return null;
  const bytes = new Uint8Array(response);
  const headerEnd = indexOf(bytes, CRLF_CRLF, 0, Math.min(bytes.length, HEADER_LIMIT));
  if (headerEnd < 0) return null;
  const headers = ascii(bytes, 0, headerEnd).split("\r\n");
  const opening = headers.findIndex((line) => line.length > 0);
  if (headers[opening] !== `--${boundary}`) return null;
  const partType = headers.find((line) => /^content-type:/i.test(line))?.slice("content-type:".length).trim();
  if (!partType) return null;
  // The close delimiter, "\r\n--boundary--", possibly followed by a line break (the epilogue).
  const close = `\r\n--${boundary}--`;
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 10 || bytes[end - 1] === 13)) end--;
  const closeStart = end - close.length;
  if (closeStart < headerEnd + 4 || ascii(bytes, closeStart, end) !== close) return null;
  return { start: headerEnd + 4, end: closeStart, contentType: partType };
}

/**
 * The single part of a multipart/related frame response, or null when the
 * response is not multipart or not exactly one part (the loader then reads
 * it itself).
 */
export function singleFramePart(response: ArrayBuffer, contentType: string): FramePart | null {
  const part = locateFramePart(response, contentType);
  return part ? { body: response.slice(part.start, part.end), contentType: part.contentType } : null;
}

/** The transfer syntax named by a part's Content-Type, if any (PS3.18 §8.7.3.5.2). */
export function partTransferSyntax(contentType: string): string | undefined {
  return mediaTypeParameter(contentType, "transfer-syntax") ?? undefined;
}
