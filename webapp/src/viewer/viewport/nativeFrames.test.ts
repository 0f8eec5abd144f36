import { describe, expect, it } from "vitest";

import { readFrame, readsNatively, type PixelLayout } from "./nativeFrames";

const EXPLICIT_LE = "1.2.840.10008.1.2.1";

function sixteenBit(values: number[], offset = 0): ArrayBuffer {
  const buffer = new ArrayBuffer(offset + values.length * 2);
  const view = new DataView(buffer);
  values.forEach((v, i) => view.setUint16(offset + i * 2, v & 0xffff, true));
  return buffer;
}

const CT: PixelLayout = { rows: 2, columns: 2, bitsAllocated: 16, bitsStored: 12, pixelRepresentation: 0 };

describe("readsNatively", () => {
  it("takes uncompressed little-endian greyscale of 8 or 16 bits only", () => {
    expect(readsNatively(EXPLICIT_LE, CT, 1, "MONOCHROME2")).toBe(true);
    expect(readsNatively("1.2.840.10008.1.2", CT, 1, "MONOCHROME1")).toBe(true);
    expect(readsNatively("1.2.840.10008.1.2.2", CT, 1, "MONOCHROME2")).toBe(false); // big-endian
    expect(readsNatively("1.2.840.10008.1.2.4.50", CT, 1, "MONOCHROME2")).toBe(false);
    expect(readsNatively(EXPLICIT_LE, CT, 3, "RGB")).toBe(false);
    expect(readsNatively(EXPLICIT_LE, { ...CT, bitsAllocated: 32, bitsStored: 32 }, 1, "MONOCHROME2")).toBe(false);
    expect(readsNatively(undefined, CT, 1, "MONOCHROME2")).toBe(false);
  });
});

describe("readFrame", () => {
  it("rescales a CT frame into Int16, clearing bits above the stored ones", () => {
    // 0xF000 above 12 stored bits is not part of the sample
    const frame = readFrame(sixteenBit([0, 1024, 4095, 0xf000 | 2000]), 0, CT, { slope: 1, intercept: -1024 });
    expect(frame.pixels).toBeInstanceOf(Int16Array);
    expect([...frame.pixels]).toEqual([-1024, 0, 3071, 976]);
    expect([frame.min, frame.max]).toEqual([-1024, 3071]);
  });

  it("extends the sign of signed samples of fewer bits than allocated", () => {
    const layout = { ...CT, pixelRepresentation: 1 };
    // 12-bit two's complement: 0xFFF is -1, 0x800 is -2048; the top nibble is noise
    const frame = readFrame(sixteenBit([0x0fff, 0xa800, 5, 0x07ff]), 0, layout, null);
    expect([...frame.pixels]).toEqual([-1, -2048, 5, 2047]);
    expect(frame.pixels).toBeInstanceOf(Int16Array);
  });

  it("uses the type a volume asks for, and float for a fractional rescale", () => {
    const asked = readFrame(sixteenBit([0, 10, 20, 30]), 0, CT, { slope: 1, intercept: -1024 }, "Float32Array");
    expect(asked.pixels).toBeInstanceOf(Float32Array);
    expect([...asked.pixels]).toEqual([-1024, -1014, -1004, -994]);
    const fractional = readFrame(sixteenBit([0, 1, 2, 3]), 0, CT, { slope: 0.5, intercept: 0 });
    expect(fractional.pixels).toBeInstanceOf(Float32Array);
    expect([...fractional.pixels]).toEqual([0, 0.5, 1, 1.5]);
  });

  it("gives the range of the rescaled values, lowest first for a negative slope too", () => {
    const rising = readFrame(sixteenBit([300, 7, 4095, 12]), 0, CT, { slope: 2, intercept: -1024 });
    expect([rising.min, rising.max]).toEqual([-1010, 7166]);
    const falling = readFrame(sixteenBit([300, 7, 4095, 12]), 0, CT, { slope: -1, intercept: 0 });
    expect([falling.min, falling.max]).toEqual([-4095, -7]);
    const fractional = readFrame(sixteenBit([1, 2, 3, 2]), 0, CT, { slope: 0.1, intercept: 0 }, "Float32Array");
    expect([fractional.min, fractional.max]).toEqual([Math.fround(0.1), Math.fround(0.30000000000000004)]);
  });

  it("decides by the actual values when the stored bits allow more than an integer type holds", () => {
    const full = { ...CT, bitsStored: 16 };
    // 0..65535 - 1024 fits no 16-bit type, but these samples do fit Int16
    const small = readFrame(sixteenBit([0, 100, 3000, 4000]), 0, full, { slope: 1, intercept: -1024 });
    expect(small.pixels).toBeInstanceOf(Int16Array);
    const large = readFrame(sixteenBit([0, 100, 3000, 60000]), 0, full, { slope: 1, intercept: -1024 });
    expect(large.pixels).toBeInstanceOf(Float32Array);
    expect(large.max).toBe(58976);
  });

  it("reads a frame that starts at an odd byte, and 8-bit samples", () => {
    const odd = readFrame(sixteenBit([1, 2, 3, 4], 3), 3, CT, null);
    expect([...odd.pixels]).toEqual([1, 2, 3, 4]);
    const eight = { ...CT, bitsAllocated: 8, bitsStored: 8 };
    const bytes = new Uint8Array([0, 128, 255, 7]);
    const frame = readFrame(bytes.buffer, 0, eight, null);
    expect(frame.pixels).toBeInstanceOf(Uint8Array);
    expect([...frame.pixels]).toEqual([0, 128, 255, 7]);
  });

  it("gives every sample and the range whatever the frame's length, for each kind of stored bits", () => {
    // Samples go four at a time with the rest one by one: lengths around a multiple of four,
    // with the lowest and highest values among the last ones as well as the first.
    const kinds: [string, PixelLayout, (raw: number) => number][] = [
      ["all 16 bits, unsigned", { ...CT, bitsStored: 16 }, (raw) => raw],
      ["12 bits, masked", CT, (raw) => raw & 0x0fff],
      ["12 bits, signed", { ...CT, pixelRepresentation: 1 }, (raw) => ((raw & 0x0fff) << 20) >> 20],
    ];
    for (const [kind, shape, stored] of kinds) {
      for (const count of [1, 3, 4, 5, 7, 9]) {
        const raw = Array.from({ length: count }, (_, i) => (0x9e37 * (i + 1)) & 0xffff);
        raw[count - 1] = 0x0800; // lowest 12-bit signed value, in the tail where there is one
        const layout = { ...shape, rows: 1, columns: count };
        const frame = readFrame(sixteenBit(raw), 0, layout, { slope: 2, intercept: -7 }, "Float32Array");
        const expected = raw.map((r) => stored(r) * 2 - 7);
        expect([...frame.pixels], `${kind}, ${count} samples`).toEqual(expected);
        expect([frame.min, frame.max], `${kind}, ${count} samples`).toEqual([Math.min(...expected), Math.max(...expected)]);
      }
    }
  });

  it("refuses a frame shorter than its layout", () => {
    expect(() => readFrame(sixteenBit([1, 2, 3]), 0, CT, null)).toThrow(/expected/);
  });
});
