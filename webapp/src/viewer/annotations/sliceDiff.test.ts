import { describe, expect, it } from "vitest";

import { isEmpty, renumber, SliceBaseline, takeSlices } from "./sliceDiff";

describe("slice baseline", () => {
  it("reports painted, repainted and erased slices only", () => {
    const baseline = new SliceBaseline(4);
    const volume = [new Uint8Array(6), new Uint8Array(6), new Uint8Array(6), new Uint8Array(6)];
    expect(baseline.changed(volume)).toEqual([]);

    volume[1][2] = 1;
    volume[3][0] = 2;
    expect(baseline.changed(volume)).toEqual([1, 3]);
    baseline.accept(takeSlices(volume, [1, 3]));
    expect(baseline.changed(volume)).toEqual([]);

    volume[3][0] = 0; // erased
    volume[1][3] = 1; // painted more
    expect(baseline.changed(volume)).toEqual([1, 3]);
  });

  it("keeps its own copies: later strokes do not change what was saved", () => {
    const baseline = new SliceBaseline(1);
    const volume = [new Uint8Array(4)];
    volume[0][0] = 1;
    const sent = takeSlices(volume, [0]);
    volume[0][1] = 1; // a stroke while the save was in flight
    baseline.accept(sent);
    expect(baseline.changed(volume)).toEqual([0]);
  });

  it("sees a change in the last byte of a slice whose length is not a multiple of four", () => {
    const baseline = new SliceBaseline(2);
    const volume = [new Uint8Array(7), new Uint16Array(8)];
    baseline.accept(takeSlices(volume, [0, 1]));
    volume[0][6] = 1;
    volume[1][7] = 300;
    expect(baseline.changed(volume)).toEqual([0, 1]);
    expect(isEmpty(volume[1].subarray(0, 7))).toBe(true);
  });

  it("finds a single painted voxel anywhere in a slice, whatever its length", () => {
    for (const length of [1, 4, 31, 32, 33, 65]) {
      for (const Plane of [Uint8Array, Uint16Array]) {
        const plane = new Plane(length);
        expect(isEmpty(plane), `${Plane.name} of ${length}`).toBe(true);
        for (let at = 0; at < length; at++) {
          plane.fill(0);
          plane[at] = 255;
          expect(isEmpty(plane), `${Plane.name} of ${length}, voxel ${at}`).toBe(false);
        }
      }
    }
  });

  it("skips slices that are not loaded", () => {
    const baseline = new SliceBaseline(2);
    expect(baseline.changed([null, Uint8Array.of(0, 1)])).toEqual([1]);
  });

  it("renumbers stored segments to local ones", () => {
    expect([...renumber(Uint8Array.of(0, 1, 2, 3), new Map([[1, 2], [2, 1]]))]).toEqual([0, 2, 1, 3]);
    const same = Uint8Array.of(1, 2);
    expect(renumber(same, new Map([[1, 1]]))).toBe(same);
  });
});
