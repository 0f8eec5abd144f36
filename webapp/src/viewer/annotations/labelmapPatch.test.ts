import { describe, expect, it } from "vitest";

import { decodePatch, encodeJsonPatch, encodePatch, rleDecode, rleEncode } from "./labelmapPatch";

// Made by the server's own LabelmapPatch (Python): slice 1 of a 2x3x4 labelmap,
// [[0,0,0,0],[0,2,2,0],[1,0,0,0]], in the zstd and run-length codecs; and a uint16 slice.
const SERVER_ZSTD =
  "4c53504154434831530000007b227368617065223a5b322c332c345d2c226474797065223a2275696e7438222c22736c69636573223a5b7b22696e646578223a312c22636f646563223a227a737464222c226c656e677468223a32317d5d7d28b52ffd200c610000000000000002020001000000";
const SERVER_RLE =
  "4c53504154434831520000007b227368617065223a5b322c332c345d2c226474797065223a2275696e7438222c22736c69636573223a5b7b22696e646578223a312c22636f646563223a22726c65222c226c656e677468223a34307d5d7d00000000050000000200000002000000000000000100000001000000010000000000000003000000";
const SERVER_UINT16 =
  "4c53504154434831540000007b227368617065223a5b312c332c345d2c226474797065223a2275696e743136222c22736c69636573223a5b7b22696e646578223a302c22636f646563223a227a737464222c226c656e677468223a31387d5d7d28b52ffd20184d0000182c010001001f1802";
const PLANE = [0, 0, 0, 0, 0, 2, 2, 0, 1, 0, 0, 0];

function bytes(hex: string): Uint8Array {
  return new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));
}

function hex(data: Uint8Array): string {
  return [...data].map((b) => b.toString(16).padStart(2, "0")).join("");
}

describe("labelmap patch", () => {
  it("encodes exactly as the server does for run-length slices", () => {
    expect(hex(encodePatch([2, 3, 4], "uint8", new Map([[1, Uint8Array.from(PLANE)]])))).toBe(SERVER_RLE);
  });

  it("writes the JSON form as the server does", () => {
    expect(encodeJsonPatch([2, 3, 4], "uint8", new Map([[1, Uint8Array.from(PLANE)]]))).toEqual({
      shape: [2, 3, 4],
      dtype: "uint8",
      slices: { "1": { codec: "rle", data: "AAAAAAUAAAACAAAAAgAAAAAAAAABAAAAAQAAAAEAAAAAAAAAAwAAAA==" } },
    });
  });

  it("decodes the server's zstd and run-length patches", () => {
    for (const body of [SERVER_ZSTD, SERVER_RLE]) {
      const patch = decodePatch(bytes(body));
      expect(patch.shape).toEqual([2, 3, 4]);
      expect(patch.dtype).toBe("uint8");
      expect([...patch.slices.keys()]).toEqual([1]);
      expect([...patch.slices.get(1)!]).toEqual(PLANE);
    }
  });

  it("decodes uint16 slices", () => {
    const patch = decodePatch(bytes(SERVER_UINT16));
    expect(patch.slices.get(0)).toBeInstanceOf(Uint16Array);
    expect(patch.slices.get(0)![0]).toBe(300);
    expect(patch.slices.get(0)!.slice(1).every((v) => v === 0)).toBe(true);
  });

  it("round-trips several slices, including an empty patch", () => {
    const a = new Uint8Array(12).fill(3);
    const b = Uint8Array.from(PLANE);
    const patch = decodePatch(encodePatch([5, 3, 4], "uint8", new Map([[4, a], [0, b]])));
    expect([...patch.slices.keys()].sort()).toEqual([0, 4]);
    expect([...patch.slices.get(4)!]).toEqual([...a]);
    expect(decodePatch(encodePatch([5, 3, 4], "uint8", new Map())).slices.size).toBe(0);
  });

  it("refuses malformed bodies", () => {
    expect(() => decodePatch(new TextEncoder().encode("hello world"))).toThrow(/LSPATCH1/);
    const truncated = bytes(SERVER_RLE).subarray(0, bytes(SERVER_RLE).byteLength - 4);
    expect(() => decodePatch(truncated)).toThrow(/truncated/);
    expect(() => rleDecode(rleEncode([1, 1, 1]), 4, "uint8")).toThrow(/covers 3 pixels/);
    expect(() => rleDecode(rleEncode([300]), 1, "uint8")).toThrow(/too large/);
  });
});
