/**
 * The compact binary labelmap patch the annotations API speaks
 * (media type application/vnd.labelstack.labelmap-patch):
 *
 *   "LSPATCH1" + little-endian uint32 header length + JSON header + payloads
 *
 * The header names the labelmap's shape (slices, rows, columns), its type
 * (uint8 or uint16) and, for each slice carried, its index, codec and payload
 * length. The browser sends run-length slices (trivial to produce, small for
 * painted regions); the server sends zstd, decoded here with `fzstd`.
 * A run-length slice is a list of little-endian uint32 pairs (value, run) in
 * raster order. Pure functions: no Cornerstone, no fetch.
 */
import { decompress as zstdDecompress } from "fzstd";

export const PATCH_MEDIA_TYPE = "application/vnd.labelstack.labelmap-patch";
const MAGIC = "LSPATCH1";

export type LabelmapDtype = "uint8" | "uint16";
export type SliceCodec = "rle" | "raw" | "zstd";
export type SliceData = Uint8Array | Uint16Array;

/** A labelmap's slices by index (a missing slice is background). */
export interface LabelmapPatch {
  shape: [number, number, number];
  dtype: LabelmapDtype;
  slices: Map<number, SliceData>;
}

interface HeaderSlice {
  index: number;
  codec: SliceCodec;
  length: number;
}

/** Run-length form of one slice: (value, run) uint32 pairs. */
export function rleEncode(plane: ArrayLike<number>): Uint8Array {
  if (plane.length === 0) return new Uint8Array(0);
  const pairs: number[] = [];
  let value = plane[0];
  let run = 1;
  for (let i = 1; i < plane.length; i++) {
    const next = plane[i];
    if (next === value) {
      run += 1;
      continue;
    }
    pairs.push(value, run);
    value = next;
    run = 1;
  }
  pairs.push(value, run);
  const out = new Uint32Array(pairs);
  return new Uint8Array(littleEndian(out).buffer);
}

export function rleDecode(data: Uint8Array, pixels: number, dtype: LabelmapDtype): SliceData {
  if (data.byteLength % 8) throw new Error("run-length slice is not a whole number of (value, run) pairs");
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out = newSlice(pixels, dtype);
  const max = dtype === "uint8" ? 0xff : 0xffff;
  let at = 0;
  for (let i = 0; i < data.byteLength; i += 8) {
    const value = view.getUint32(i, true);
    const run = view.getUint32(i + 4, true);
    if (value > max) throw new Error(`run-length value ${value} is too large for ${dtype}`);
    if (at + run > pixels) throw new Error("run-length slice covers more pixels than the slice has");
    out.fill(value, at, at + run);
    at += run;
  }
  if (at !== pixels) throw new Error(`run-length slice covers ${at} pixels, expected ${pixels}`);
  return out;
}

/** The binary patch carrying `slices` (run-length encoded) of a labelmap of `shape`. */
export function encodePatch(
  shape: [number, number, number],
  dtype: LabelmapDtype,
  slices: Map<number, ArrayLike<number>>,
): Uint8Array<ArrayBuffer> {
  const ordered = [...slices.keys()].sort((a, b) => a - b);
  const payloads = ordered.map((index) => rleEncode(slices.get(index)!));
  const header = JSON.stringify({
    shape,
    dtype,
    slices: ordered.map((index, i) => ({ index, codec: "rle", length: payloads[i].byteLength })),
  });
  const head = new TextEncoder().encode(header);
  const total = MAGIC.length + 4 + head.byteLength + payloads.reduce((n, p) => n + p.byteLength, 0);
  const out = new Uint8Array(total);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(MAGIC.length, head.byteLength, true);
  let offset = MAGIC.length + 4;
  out.set(head, offset);
  offset += head.byteLength;
  for (const payload of payloads) {
    out.set(payload, offset);
    offset += payload.byteLength;
  }
  return out;
}

/** The JSON form of the same patch (base64 run-length slices), used where a JSON body carries it. */
export function encodeJsonPatch(
  shape: [number, number, number],
  dtype: LabelmapDtype,
  slices: Map<number, ArrayLike<number>>,
): { shape: [number, number, number]; dtype: LabelmapDtype; slices: Record<string, { codec: "rle"; data: string }> } {
  const out: Record<string, { codec: "rle"; data: string }> = {};
  for (const [index, plane] of [...slices].sort((a, b) => a[0] - b[0])) {
    out[String(index)] = { codec: "rle", data: base64(rleEncode(plane)) };
  }
  return { shape, dtype, slices: out };
}

function base64(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** Reads a binary patch (any codec the server may send); throws on a malformed body. */
export function decodePatch(body: Uint8Array): LabelmapPatch {
  const magic = new TextDecoder().decode(body.subarray(0, MAGIC.length));
  if (magic !== MAGIC || body.byteLength < MAGIC.length + 4) throw new Error("not a labelmap patch (missing LSPATCH1 header)");
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const headLength = view.getUint32(MAGIC.length, true);
  let offset = MAGIC.length + 4;
  const header = JSON.parse(new TextDecoder().decode(body.subarray(offset, offset + headLength))) as {
    shape: number[];
    dtype: LabelmapDtype;
    slices: HeaderSlice[];
  };
  offset += headLength;
  if (header.shape.length !== 3) throw new Error("labelmap shape must have 3 sizes");
  const shape = header.shape as [number, number, number];
  const pixels = shape[1] * shape[2];
  const slices = new Map<number, SliceData>();
  for (const item of header.slices) {
    if (offset + item.length > body.byteLength) throw new Error("labelmap patch is truncated");
    const data = body.subarray(offset, offset + item.length);
    offset += item.length;
    slices.set(item.index, decodeSlice(data, item.codec, pixels, header.dtype));
  }
  if (offset !== body.byteLength) throw new Error("labelmap patch has trailing bytes");
  return { shape, dtype: header.dtype, slices };
}

function decodeSlice(data: Uint8Array, codec: SliceCodec, pixels: number, dtype: LabelmapDtype): SliceData {
  if (codec === "rle") return rleDecode(data, pixels, dtype);
  const raw = codec === "zstd" ? zstdDecompress(data) : data;
  const bytes = dtype === "uint8" ? 1 : 2;
  if (raw.byteLength !== pixels * bytes) throw new Error(`slice holds ${raw.byteLength} bytes, expected ${pixels * bytes}`);
  if (dtype === "uint8") return new Uint8Array(raw);
  const out = new Uint16Array(pixels);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  for (let i = 0; i < pixels; i++) out[i] = view.getUint16(i * 2, true);
  return out;
}

function newSlice(pixels: number, dtype: LabelmapDtype): SliceData {
  return dtype === "uint8" ? new Uint8Array(pixels) : new Uint16Array(pixels);
}

/** A Uint32Array whose bytes are little-endian whatever the platform. */
function littleEndian(values: Uint32Array): Uint32Array {
  if (new Uint8Array(new Uint32Array([1]).buffer)[0] === 1) return values;
  const out = new Uint32Array(values.length);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setUint32(i * 4, v, true));
  return out;
}
