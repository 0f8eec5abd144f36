import { afterEach, describe, expect, it, vi } from "vitest";

import type { DecodedFrame, DecodePlan } from "./streamedFrames";

const EXPLICIT_LITTLE = "1.2.840.10008.1.2.1";
const JPEG_LS = "1.2.840.10008.1.2.4.80";
const SERIES_URL = "/dicomweb/studies/1/series/2";
const frameUrl = (uid: string) => `${SERIES_URL}/instances/${uid}/frames/1`;
/** Two signed samples of 12 stored bits per frame, kept as stored. */
const PLAN: DecodePlan = {
  layout: { rows: 1, columns: 2, bitsAllocated: 16, bitsStored: 12, pixelRepresentation: 1, samplesPerPixel: 1, photometricInterpretation: "MONOCHROME2" },
  rescale: null,
};

function samples(frame: DecodedFrame | undefined): number[] {
  if (!frame?.native) throw new Error("not decoded");
  return [...frame.pixels.pixels];
}

interface FakeSeries {
  transferSyntax?: string;
  modality?: string;
  timePoints?: boolean;
}

/** The archive's replies for series 7 (instances "a" and "b"), and the URLs asked for. */
function archive({ transferSyntax = EXPLICIT_LITTLE, modality = "CT", timePoints = false }: FakeSeries = {}) {
  const asked: string[] = [];
  const uids = ["a", "b"];
  const detail = {
    study_instance_uid: "1",
    series_instance_uid: "2",
    modality,
    instances: uids.map((uid, i) => ({ sop_instance_uid: uid, number_of_frames: 1, temporal_position: timePoints ? i + 1 : null })),
  };
  const dataset = (uid: string) => ({
    "00080018": { vr: "UI", Value: [uid] },
    "00080060": { vr: "CS", Value: [modality] },
    "00083002": { vr: "UI", Value: [transferSyntax] },
    "00280002": { vr: "US", Value: [1] },
    "00280004": { vr: "CS", Value: ["MONOCHROME2"] },
    "00280010": { vr: "US", Value: [1] },
    "00280011": { vr: "US", Value: [2] },
    "00280100": { vr: "US", Value: [16] },
    "00280101": { vr: "US", Value: [12] },
    "00280103": { vr: "US", Value: [1] },
  });
  const parts = uids.map(
    (uid, i) =>
      `--b\r\nContent-Type: application/octet-stream; transfer-syntax=${transferSyntax}\r\n` +
      `Content-Location: ${frameUrl(uid)}\r\nContent-Length: 4\r\n\r\n${String.fromCharCode(i + 1, 0, i + 1, 0)}\r\n`,
  );
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input), "http://localhost");
    asked.push(url.pathname);
    if (url.pathname === "/api/v1/series/7") return Response.json(detail);
    if (url.pathname === `${SERIES_URL}/metadata`) return Response.json(uids.map(dataset));
    if (url.pathname === `${SERIES_URL}/pixeldata`) {
      return new Response(`${parts.join("")}--b--\r\n`, { headers: { "Content-Type": "multipart/related; boundary=b" } });
    }
    return new Response("not here", { status: 404 });
  });
  return { asked, fetch };
}

/** Requests to the page's own origin, as in the browser (Node's Request wants whole URLs). */
class PageRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === "string" ? new URL(input, "http://localhost") : input, init);
  }
}

/** A fresh copy of the modules (the API client keeps the `fetch` and `Request` it was made with). */
async function modules(fetch: ReturnType<typeof archive>["fetch"]) {
  vi.stubGlobal("fetch", fetch);
  vi.stubGlobal("Request", PageRequest);
  vi.resetModules();
  return { data: await import("./seriesData"), stream: await import("./seriesFrameStream") };
}

afterEach(() => vi.unstubAllGlobals());

describe("series data for a volume", () => {
  it("streams the series' pixel data with the metadata when the viewer reads every frame itself", async () => {
    const fake = archive();
    const { data, stream } = await modules(fake.fetch);
    await data.takeSeriesData(7, data.VOLUME_USE);
    expect(samples(await stream.decodeStreamedFrame(frameUrl("b"), PLAN)!)).toEqual([2, 2]);
    // the volume takes the stream already open rather than asking again
    const adopted = stream.seriesFrameStream(SERIES_URL, [frameUrl("a"), frameUrl("b")]);
    expect(samples(await adopted.decode(frameUrl("a"), PLAN)!)).toEqual([1, 1]);
    expect(fake.asked.filter((path) => path.endsWith("/pixeldata"))).toHaveLength(1);
  });

  it("does not stream what the imaging library's own loader fetches, a series with time points, or for a stack", async () => {
    for (const [series, use] of [
      [{ transferSyntax: JPEG_LS }, "volume"],
      [{ modality: "PT" }, "volume"],
      [{ timePoints: true }, "volume"],
      [{}, "stack"],
    ] as const) {
      const fake = archive(series);
      const { data, stream } = await modules(fake.fetch);
      await data.takeSeriesData(7, use === "volume" ? data.VOLUME_USE : { firstFrame: false });
      expect(stream.decodeStreamedFrame(frameUrl("a"), PLAN)).toBeNull();
      expect(fake.asked).not.toContain(`${SERIES_URL}/pixeldata`);
    }
  });

  it("lets go of the pixel data of a prefetched series nobody took", async () => {
    const fake = archive();
    const { data, stream } = await modules(fake.fetch);
    data.prefetchSeriesData(7, data.VOLUME_USE);
    await vi.waitFor(() => expect(fake.asked).toContain(`${SERIES_URL}/pixeldata`));
    data.prefetchSeriesData(8, data.STACK_USE);
    // (series 7's data is in: it is let go at the next turn; one look, since a look takes the frame)
    await new Promise((settled) => setTimeout(settled, 0));
    expect(stream.decodeStreamedFrame(frameUrl("a"), PLAN)).toBeNull();
  });
});
