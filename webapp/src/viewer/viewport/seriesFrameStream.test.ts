import { afterEach, describe, expect, it, vi } from "vitest";

import { SeriesFrameStream, takeStreamedFrame } from "./seriesFrameStream";

const encoder = new TextEncoder();
const SERIES = "/dicomweb/studies/1/series/2";
const frameUrl = (n: number) => `${SERIES}/instances/${n}/frames/1`;

/** A series pixel data reply holding frames `numbers` (frame n's bytes are [n, n, n]), sent in small chunks. */
function reply(numbers: number[]): Response {
  const pieces: Uint8Array[] = [];
  for (const n of numbers) {
    pieces.push(
      encoder.encode(
        `--b\r\nContent-Type: application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1\r\n` +
          `Content-Location: http://localhost${frameUrl(n)}\r\nContent-Length: 3\r\n\r\n`,
      ),
      new Uint8Array([n, n, n]),
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

async function bytes(frame: Promise<{ body: ArrayBuffer }> | null): Promise<number[]> {
  expect(frame).not.toBeNull();
  return [...new Uint8Array((await frame!).body)];
}

afterEach(() => vi.unstubAllGlobals());

describe("SeriesFrameStream", () => {
  it("hands each frame to every loader that asks for it while it is on its way, once", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => reply([1, 2, 3])));
    const stream = new SeriesFrameStream(SERIES, [1, 2, 3].map(frameUrl));
    // Cornerstone may ask for the same image twice before it has arrived: both get it.
    const [first, again] = [takeStreamedFrame(frameUrl(2)), takeStreamedFrame(frameUrl(2))];
    expect(await bytes(first)).toEqual([2, 2, 2]);
    expect(await bytes(again)).toEqual([2, 2, 2]);
    expect(await bytes(takeStreamedFrame(frameUrl(3)))).toEqual([3, 3, 3]);
    expect(await bytes(takeStreamedFrame(frameUrl(1)))).toEqual([1, 1, 1]);
    // taken: a later request for it fetches on its own
    expect(takeStreamedFrame(frameUrl(1))).toBeNull();
    stream.close();
  });

  it("refuses loaders waiting for a frame the reply did not hold, so that they fetch it themselves", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => reply([1])));
    const stream = new SeriesFrameStream(SERIES, [1, 2].map(frameUrl));
    const missing = takeStreamedFrame(frameUrl(2));
    expect(missing).not.toBeNull();
    await expect(missing).rejects.toThrow();
    expect(await bytes(takeStreamedFrame(frameUrl(1)))).toEqual([1, 1, 1]);
    stream.close();
  });

  it("refuses waiting loaders when the request fails, and holds nothing after close", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response("no", { status: 404 })));
    const failed = new SeriesFrameStream(SERIES, [frameUrl(1)]);
    await expect(takeStreamedFrame(frameUrl(1))).rejects.toThrow(/404/);
    failed.close();
    vi.stubGlobal("fetch", vi.fn(async () => reply([1])));
    const closed = new SeriesFrameStream(SERIES, [frameUrl(1)]);
    closed.close();
    expect(takeStreamedFrame(frameUrl(1))).toBeNull();
  });
});
