/**
 * A whole series' frames in one request (the series pixel data resource,
 * PS3.18 §10.4.1.1.4), handed to the image loader frame by frame as they
 * arrive. A volume for MPR needs every frame at once; three hundred separate
 * requests cost the page and the server far more than the bytes they carry.
 * The reply is read in a worker where the browser has them: taking in and
 * splitting 150 MB is most of a second of work, which the page's main thread
 * would otherwise do between (or instead of) setting up the viewer, while it
 * waits on the GPU for shaders and textures.
 *
 * The loader asks `takeStreamedFrame` first; a frame no stream carries, or
 * one whose stream failed, is fetched on its own as before. A stream may be
 * opened with the series' metadata, before the imaging library is set up
 * (see seriesData); the volume then takes that one (`seriesFrameStream`).
 */
import { readPixelDataParts } from "./pixelDataParts";
import type { StreamMessage } from "./seriesStreamWorker";

/** A frame's bytes as they came: its own buffer, and the Content-Type of its part. */
export interface StreamedFrame {
  body: ArrayBuffer;
  contentType: string;
}

/** A frame URL as a key: its path, whether it was written absolute or relative to the page. */
function frameKey(url: string): string {
  return new URL(url, window.location.href).pathname;
}

interface Waiter {
  resolve: (frame: StreamedFrame) => void;
  reject: (reason: Error) => void;
}

export class SeriesFrameStream {
  /** Frames expected and not yet taken; the value holds the frame once it has arrived. */
  private readonly expected = new Map<string, StreamedFrame | null>();
  /** Loaders waiting for a frame (Cornerstone may ask for the same image more than once at a time). */
  private readonly waiting = new Map<string, Waiter[]>();
  private readonly controller = new AbortController();
  private worker: Worker | null = null;
  private failure: Error | null = null;
  /** Whether the whole body has been read (nothing left to abort). */
  private complete = false;

  constructor(
    readonly seriesUrl: string,
    frameUrls: string[],
  ) {
    for (const url of frameUrls) this.expected.set(frameKey(url), null);
    streams.add(this);
    if (typeof Worker === "undefined") {
      readPixelDataParts(seriesUrl, this.controller.signal, (part) => this.arrived(frameKey(part.location), part))
        .then(() => this.ended())
        .catch((reason: unknown) => this.finish(reason instanceof Error ? reason : new Error(String(reason))));
    } else {
      this.worker = new Worker(new URL("./seriesStreamWorker.ts", import.meta.url), { type: "module" });
      this.worker.onmessage = (event: MessageEvent<StreamMessage>) => this.received(event.data);
      this.worker.onerror = () => this.finish(new Error("series pixel data worker failed"));
      this.worker.postMessage({ seriesUrl: new URL(seriesUrl, window.location.href).href });
    }
  }

  private received(message: StreamMessage): void {
    if (message.kind === "part") this.arrived(frameKey(message.location), message);
    else if (message.kind === "end") this.ended();
    else this.finish(new Error(message.message));
  }

  /** The whole body is in: frames the series did not hold (deleted meanwhile) are fetched on their own. */
  private ended(): void {
    this.complete = true;
    this.finish(new Error("frame not in the series pixel data"));
  }

  private arrived(key: string, { body, contentType }: StreamedFrame): void {
    if (!this.expected.has(key)) return;
    const frame = { body, contentType };
    const waiters = this.waiting.get(key);
    if (waiters) {
      this.waiting.delete(key);
      this.expected.delete(key);
      for (const waiter of waiters) waiter.resolve(frame);
    } else {
      this.expected.set(key, frame);
    }
  }

  /** Ends the stream: waiting loaders are refused (and fetch on their own), frames that arrived stay takeable. */
  private finish(reason: Error): void {
    this.failure = reason;
    this.worker?.terminate();
    this.worker = null;
    for (const [key, waiters] of this.waiting) {
      this.expected.delete(key);
      for (const waiter of waiters) waiter.reject(reason);
    }
    this.waiting.clear();
    for (const [key, frame] of this.expected) if (frame === null) this.expected.delete(key);
    if (this.expected.size === 0) streams.delete(this);
  }

  /** The frame at `url` if this stream carries it (once: the stream forgets it when taken). */
  take(url: string): Promise<StreamedFrame> | null {
    const key = frameKey(url);
    if (!this.expected.has(key)) return null;
    const frame = this.expected.get(key);
    if (frame) {
      this.expected.delete(key);
      if (this.expected.size === 0) streams.delete(this);
      return Promise.resolve(frame);
    }
    if (this.failure) return null;
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else this.waiting.set(key, [{ resolve, reject }]);
    });
  }

  /** Stops the transfer and drops the frames nobody took (the viewer that wanted them has gone). */
  close(): void {
    if (!this.complete) this.controller.abort();
    this.finish(new Error("series pixel data stream closed"));
    this.expected.clear();
    streams.delete(this);
  }
}

const streams = new Set<SeriesFrameStream>();

/**
 * The stream of the series at `seriesUrl` that still holds or expects frames
 * (one opened with the series' metadata), else a new one for `frameUrls`.
 */
export function seriesFrameStream(seriesUrl: string, frameUrls: string[]): SeriesFrameStream {
  for (const stream of streams) if (stream.seriesUrl === seriesUrl) return stream;
  return new SeriesFrameStream(seriesUrl, frameUrls);
}

/** Stops the streams of the series at `seriesUrl` (its viewer went before it took them). */
export function closeSeriesFrameStreams(seriesUrl: string): void {
  for (const stream of [...streams]) if (stream.seriesUrl === seriesUrl) stream.close();
}

/** The frame at `url` from a stream that carries it, or null when none does. */
export function takeStreamedFrame(url: string): Promise<StreamedFrame> | null {
  for (const stream of streams) {
    const frame = stream.take(url);
    if (frame) return frame;
  }
  return null;
}
