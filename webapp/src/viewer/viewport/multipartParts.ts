/**
 * Takes a multipart/related body apart as it streams in, part by part, by
 * the Content-Length each part declares (LabelStack's series pixel data
 * route gives it). Searching hundreds of megabytes of pixels for the
 * boundary in JavaScript would cost more than the transfer itself.
 */

export interface StreamedPart {
  /** The part's headers, names in lower case. */
  headers: Map<string, string>;
  /** The part's bytes, in a buffer of their own (so typed views of it start at offset 0). */
  body: ArrayBuffer;
}

const CRLF_CRLF = [13, 10, 13, 10];
/** How many bytes a part's headers may take before the body is judged malformed. */
const HEADER_LIMIT = 16384;

function find(bytes: Uint8Array, pattern: number[], from: number): number {
  outer: for (let i = from; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * A push parser: `push` each chunk as it arrives, `end` when the body is
 * complete. Parts are handed to `onPart` as soon as their last byte is in.
 * Throws on a body that does not follow the format (a part without
 * Content-Length, a wrong boundary, a body cut short).
 */
export class MultipartParser {
  private readonly delimiter: string;
  /** Bytes of a part's headers (or of the delimiter after a body) not yet complete. */
  private pending: Uint8Array = new Uint8Array(0);
  private body: Uint8Array | null = null;
  private filled = 0;
  private headers = new Map<string, string>();
  private closed = false;

  constructor(
    boundary: string,
    private readonly onPart: (part: StreamedPart) => void,
  ) {
    this.delimiter = `--${boundary}`;
  }

  push(input: Uint8Array): void {
    let at = 0;
    while (at < input.length && !this.closed) {
      if (this.body) {
        const take = Math.min(input.length - at, this.body.length - this.filled);
        this.body.set(input.subarray(at, at + take), this.filled);
        this.filled += take;
        at += take;
        if (this.filled === this.body.length) {
          this.onPart({ headers: this.headers, body: this.body.buffer as ArrayBuffer });
          this.body = null;
        }
        continue;
      }
      // Only what can be headers is set aside: the body after them is read where it lies.
      const held = this.pending.length;
      this.pending = concat(this.pending, input.subarray(at, at + HEADER_LIMIT));
      const used = this.readHeaders();
      at += used < 0 ? this.pending.length - held : used - held;
    }
  }

  /**
   * Parses the delimiter and headers held in `pending`; returns how many of
   * its bytes they took, or -1 while they are incomplete.
   */
  private readHeaders(): number {
    const end = find(this.pending, CRLF_CRLF, 0);
    if (end < 0) {
      const text = new TextDecoder().decode(this.pending);
      if (text.trimStart().startsWith(`${this.delimiter}--`)) this.closed = true;
      else if (this.pending.length > HEADER_LIMIT) throw new Error("multipart part headers too long");
      return -1;
    }
    const lines = new TextDecoder().decode(this.pending.subarray(0, end)).split("\r\n");
    // (the line break that ends the previous body comes before the delimiter)
    const first = lines.findIndex((line) => line.length > 0);
    if (lines[first] !== this.delimiter) throw new Error("multipart delimiter expected");
    const headers = new Map<string, string>();
    for (const line of lines.slice(first + 1)) {
      const colon = line.indexOf(":");
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const length = Number(headers.get("content-length"));
    if (!Number.isInteger(length) || length < 0) throw new Error("multipart part without Content-Length");
    this.pending = new Uint8Array(0);
    this.headers = headers;
    this.body = new Uint8Array(new ArrayBuffer(length));
    this.filled = 0;
    if (length === 0) {
      this.onPart({ headers, body: this.body.buffer as ArrayBuffer });
      this.body = null;
    }
    return end + 4;
  }

  /** Checks that the body ended with its close delimiter, after a whole last part. */
  end(): void {
    if (!this.closed && this.pending.length) this.readHeaders();
    if (!this.closed || this.body) throw new Error("multipart body ended early");
  }
}
