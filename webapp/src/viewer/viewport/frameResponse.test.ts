import { describe, expect, it } from "vitest";

import { singleFramePart } from "./frameResponse";

const encoder = new TextEncoder();

function body(...pieces: (string | Uint8Array)[]): ArrayBuffer {
  const chunks = pieces.map((p) => (typeof p === "string" ? encoder.encode(p) : p));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out.buffer;
}

const TYPE = 'multipart/related; type="application/octet-stream"; boundary=b0und';
const PIXELS = new Uint8Array([0, 1, 2, 13, 10, 45, 45, 98, 48, 117, 110, 100, 255]); // holds "\r\n--b0und"

describe("singleFramePart", () => {
  it("returns the one part's bytes and content type", () => {
    const response = body("--b0und\r\nContent-Type: application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1\r\n\r\n", PIXELS, "\r\n--b0und--\r\n");
    const part = singleFramePart(response, TYPE);
    expect(part?.contentType).toBe("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1");
    expect([...new Uint8Array(part!.body)]).toEqual([...PIXELS]);
  });

  it("reads a quoted boundary and a body without an epilogue", () => {
    const response = body("--b0und\r\ncontent-type: image/jpeg\r\n\r\n", PIXELS, "\r\n--b0und--");
    const part = singleFramePart(response, 'multipart/related; boundary="b0und"; type="image/jpeg"');
    expect(part?.contentType).toBe("image/jpeg");
    expect(part?.body.byteLength).toBe(PIXELS.length);
  });

  it("leaves anything else to the image loader", () => {
    const one = body("--b0und\r\nContent-Type: image/jpeg\r\n\r\n", PIXELS, "\r\n--b0und--\r\n");
    expect(singleFramePart(one, "application/octet-stream")).toBeNull();
    expect(singleFramePart(one, "multipart/related; type=image/jpeg")).toBeNull();
    expect(singleFramePart(one, 'multipart/related; boundary="other"')).toBeNull();
    const truncated = body("--b0und\r\nContent-Type: image/jpeg\r\n\r\n", PIXELS);
    expect(singleFramePart(truncated, TYPE)).toBeNull();
    const noType = body("--b0und\r\n\r\n", PIXELS, "\r\n--b0und--\r\n");
    expect(singleFramePart(noType, TYPE)).toBeNull();
  });
});
