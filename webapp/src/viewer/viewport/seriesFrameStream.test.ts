import { afterEach, describe, expect, it, vi } from "vitest";

import { decodeStreamedFrame, SeriesFrameStream } from "./seriesFrameStream";
import type { DecodedFrame, DecodePlan } from "./streamedFrames";

const encoder = new TextEncoder();
const SERIES = "/dicomweb/studies/1/series/2";
const frameUrl = (n: number) => `${SERIES}/instances/${n}/frames/1`;

/** Frames of two unsigned 16-bit samples, both n in frame n; shown after a rescale of slope 2, intercept -1. */
const PLAN: DecodePlan = {
  layout: { rows: 1, columns: 2, bitsAllocated: 16, bitsStored: 16, pixelRepresentation: 0, samplesPerPixel: 1, photometricInterpretation: "MONOCHROME2" },
  rescale: { slope: 2, intercept: -1 },
};

/** A series pixel data reply holding frames `numbers`, sent in small chunks. */
function reply(numbers: number[], transferSyntax = "1.2.840.10008.1.2.1"): Response {
  const pieces: Uint8Array[] = [];
  for (const n of numbers) {
    pieces.push(
      encoder.encode(
        `--b\r\nContent-Type: application/octet-stream; transfer-syntax=${transferSyntax}\r\n` +
          `Content-Location: http://localhost${frameUrl(n)}\r\nContent-Length: 4\r\n\r\n`,
      ),
      new Uint8Array([n, 0, n, 0]),
      encoder.encode("\r\n"),
    );
  }
  pieces.push(encoder.encode("--b--\r\n"));
  const whole = new Uint8Array(pieces.reduce((size, p) => size + p.length, 0));
  pieces.reduce((at, p) => (whole.set(p, at), at + p.length), 0);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < whole.length; i += 5) controller.enqueue(whole.slice(i, i + 5));
      controller.close();
    },
  });
  return new Response(body, { headers: { "Content-Type": 'multipart/related; type="application/octet-stream"; boundary=b' } });
}

/** The values of a decoded frame. */
async function values(frame: Promise<DecodedFrame> | null): Promise<number[]> {
  expect(frame).not.toBeNull();
  const decoded = await frame!;
  if (!decoded.native) throw new Error("not decoded");
  return [...decoded.pixels.pixels];
}

const take = (n: number) => decodeStreamedFrame(frameUrl(n), PLAN);

afterEach(() => vi.unstubAllGlobals());

describe("SeriesFrameStream", () => {
  it("hands each frame, made ready as the loader's plan says, to every loader that asks for it while it is on its way, once", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => reply([1, 2, 3])));
    const stream = new SeriesFrameStream(SERIES, [1, 2, 3].map(frameUrl));
    // Cornerstone may ask for the same image twice before it has arrived: both get it.
    const [first, again] = [take(2), take(2)];
    expect(await values(first)).toEqual([3, 3]);
    expect(await values(again)).toEqual([3, 3]);
    expect(await values(take(3))).toEqual([5, 5]);
    // asked for after it arrived
    await new Promise((settled) => setTimeout(settled, 0));
    expect(await values(take(1))).toEqual([1, 1]);
    // taken: a later request for it fetches on its own
    expect(take(1)).toBeNull();
    stream.close();
  });

  it("says which frames are not in a transfer syntax read on the page (the imaging library's loader takes them)", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => reply([1], "1.2.840.10008.1.2.4.80")));
    const stream = new SeriesFrameStream(SERIES, [frameUrl(1)]);
    expect(await take(1)).toEqual({ native: false });
    stream.close();
  });

  it("refuses loaders waiting for a frame the reply did not hold, so that they fetch it themselves", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => reply([1])));
    const stream = new SeriesFrameStream(SERIES, [1, 2].map(frameUrl));
    const missing = take(2);
    expect(missing).not.toBeNull();
    await expect(missing).rejects.toThrow();
    expect(await values(take(1))).toEqual([1, 1]);
    stream.close();
  });

  it("refuses waiting loaders when the request fails, and holds nothing after close", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response("no", { status: 404 })));
    const failed = new SeriesFrameStream(SERIES, [frameUrl(1)]);
    await expect(take(1)).rejects.toThrow(/404/);
    failed.close();
    vi.stubGlobal("fetch", vi.fn(async () => reply([1])));
    const closed = new SeriesFrameStream(SERIES, [frameUrl(1)]);
    closed.close();
    expect(take(1)).toBeNull();
  });
});
