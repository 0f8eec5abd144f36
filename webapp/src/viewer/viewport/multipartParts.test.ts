import { describe, expect, it } from "vitest";

import { MultipartParser, type StreamedPart } from "./multipartParts";

const encoder = new TextEncoder();

function body(parts: { location: string; bytes: number[] }[], boundary = "b0und"): Uint8Array {
  const pieces: Uint8Array[] = [];
  for (const part of parts) {
    pieces.push(
      encoder.encode(
        `--${boundary}\r\nContent-Type: application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1\r\n` +
          `Content-Location: ${part.location}\r\nContent-Length: ${part.bytes.length}\r\n\r\n`,
      ),
    );
    pieces.push(new Uint8Array(part.bytes), encoder.encode("\r\n"));
  }
  pieces.push(encoder.encode(`--${boundary}--\r\n`));
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// The pixels hold the delimiter and a blank line: only the declared lengths may cut the parts.
const PARTS = [
  { location: "/f/1", bytes: [1, 2, 3, 13, 10, 45, 45, 98, 48, 117, 110, 100, 13, 10, 13, 10, 9] },
  { location: "/f/2", bytes: [] },
  { location: "/f/3", bytes: [255, 254] },
];

function parse(chunks: Uint8Array[]): StreamedPart[] {
  const parts: StreamedPart[] = [];
  const parser = new MultipartParser("b0und", (part) => parts.push(part));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return parts;
}

describe("MultipartParser", () => {
  it("hands on each part with its headers and exactly its declared bytes", () => {
    const parts = parse([body(PARTS)]);
    expect(parts.map((p) => p.headers.get("content-location"))).toEqual(["/f/1", "/f/2", "/f/3"]);
    expect(parts.map((p) => [...new Uint8Array(p.body)])).toEqual(PARTS.map((p) => p.bytes));
    expect(parts[0].headers.get("content-type")).toBe("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1");
  });

  it("gives the same parts whatever the chunks the body arrives in", () => {
    const whole = body(PARTS);
    for (const size of [1, 2, 3, 7, 64]) {
      const chunks = [];
      for (let i = 0; i < whole.length; i += size) chunks.push(whole.slice(i, i + size));
      expect(parse(chunks).map((p) => [...new Uint8Array(p.body)])).toEqual(PARTS.map((p) => p.bytes));
    }
  });

  it("refuses a part without Content-Length, a body cut short and a wrong boundary", () => {
    const noLength = encoder.encode("--b0und\r\nContent-Type: x\r\n\r\nabc\r\n--b0und--\r\n");
    expect(() => parse([noLength])).toThrow(/Content-Length/);
    const whole = body(PARTS);
    expect(() => parse([whole.slice(0, whole.length - 30)])).toThrow(/ended early/);
    expect(() => parse([body(PARTS, "other")])).toThrow(/delimiter/);
    // headers that never end are not buffered without bound
    const endless = encoder.encode(`--b0und\r\nX-Padding: ${"x".repeat(40000)}`);
    expect(() => parse([endless])).toThrow(/too long/);
    expect(() => parse([endless.slice(0, 9000), endless.slice(9000)])).toThrow(/too long/);
  });
});
