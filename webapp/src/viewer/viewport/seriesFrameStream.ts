/**
 * A whole series' frames in one request (the series pixel data resource,
 * PS3.18 §10.4.1.1.4), handed to the image loader frame by frame as they
 * arrive. A volume for MPR needs every frame at once; three hundred separate
 * requests cost the page and the server far more than the bytes they carry.
 * The reply is read, and its frames made ready, in a worker where the
 * browser has them: taking in, splitting and rescaling 150 MB is more than a
 * second of work, which the page's main thread would otherwise do between
 * (or instead of) setting up the viewer, while it waits on the GPU for
 * shaders and textures.
 *
 * The loader asks `decodeStreamedFrame` first, with its plan for the frame;
 * a frame no stream carries, or one whose stream failed, is fetched on its
 * own as before. A stream may be opened with the series' metadata, before
 * the imaging library is set up (see seriesData); the volume then takes that
 * one (`seriesFrameStream`).
 */
import { pixelDataKey, readPixelDataParts } from "./pixelDataParts";
import { FrameDecoder, type DecodedFrame, type DecodePlan, type StreamReply, type StreamRequest } from "./streamedFrames";

/** A frame URL as a key: its path, whether it was written absolute or relative to the page. */
function frameKey(url: string): string {
  return pixelDataKey(url, window.location.href);
}

interface Waiter {
  resolve: (frame: DecodedFrame) => void;
  reject: (reason: Error) => void;
}

/** Where the reply is read and its frames decoded: a worker, or (without workers) the page itself. */
interface Reader {
  ask(key: string, plan: DecodePlan): void;
  stop(): void;
}

function workerReader(seriesUrl: string, reply: (message: StreamReply) => void): Reader {
  const worker = new Worker(new URL("./seriesStreamWorker.ts", import.meta.url), { type: "module" });
  const send = (request: StreamRequest) => worker.postMessage(request);
  worker.onmessage = (event: MessageEvent<StreamReply>) => reply(event.data);
  worker.onerror = () => reply({ kind: "error", message: "series pixel data worker failed" });
  send({ kind: "open", seriesUrl: new URL(seriesUrl, window.location.href).href });
  return { ask: (key, plan) => send({ kind: "decode", key, plan }), stop: () => worker.terminate() };
}

function pageReader(seriesUrl: string, reply: (message: StreamReply) => void): Reader {
  const controller = new AbortController();
  const decoder = new FrameDecoder((message) => queueMicrotask(() => reply(message)));
  readPixelDataParts(seriesUrl, controller.signal, (part) => decoder.partArrived(frameKey(part.location), part.body, part.contentType))
    .then(() => decoder.end())
    .catch((reason: unknown) => decoder.end(reason instanceof Error ? reason.message : String(reason)));
  return { ask: (key, plan) => decoder.ask(key, plan), stop: () => controller.abort() };
}

export class SeriesFrameStream {
  /** Frames the stream may carry that nobody has asked for yet. */
  private readonly expected = new Set<string>();
  /** Loaders waiting for a frame (Cornerstone may ask for the same image more than once at a time). */
  private readonly waiting = new Map<string, Waiter[]>();
  private readonly reader: Reader;
  private failed = false;

  constructor(
    readonly seriesUrl: string,
    frameUrls: string[],
  ) {
    for (const url of frameUrls) this.expected.add(frameKey(url));
    streams.add(this);
    const reply = (message: StreamReply) => this.received(message);
    this.reader = typeof Worker === "undefined" ? pageReader(seriesUrl, reply) : workerReader(seriesUrl, reply);
  }

  private received(message: StreamReply): void {
    if (message.kind === "error") {
      // Loaders waiting are refused (the worker may be gone): they fetch their frames on their own.
      this.failed = true;
      this.expected.clear();
      const failure = new Error(message.message);
      for (const waiters of this.waiting.values()) for (const waiter of waiters) waiter.reject(failure);
      this.waiting.clear();
    } else {
      const waiters = this.waiting.get(message.key) ?? [];
      this.waiting.delete(message.key);
      for (const waiter of waiters) {
        if (message.kind === "frame") waiter.resolve(message.frame);
        else waiter.reject(new Error(message.message));
      }
    }
    this.stopWhenDone();
  }

  /**
   * The frame at `url` made ready as `plan` says, if this stream carries it
   * (once: the stream forgets it when taken). Rejects when the reply turns
   * out not to hold it.
   */
  decode(url: string, plan: DecodePlan): Promise<DecodedFrame> | null {
    const key = frameKey(url);
    const waiters = this.waiting.get(key);
    if (!waiters && (!this.expected.has(key) || this.failed)) return null;
    return new Promise((resolve, reject) => {
      if (waiters) {
        waiters.push({ resolve, reject });
        return;
      }
      this.expected.delete(key);
      this.waiting.set(key, [{ resolve, reject }]);
      this.reader.ask(key, plan);
    });
  }

  /** Every frame taken: the reader (and what it holds) can go. */
  private stopWhenDone(): void {
    if (this.expected.size > 0 || this.waiting.size > 0) return;
    this.reader.stop();
    streams.delete(this);
  }

  /** Stops the transfer and drops the frames nobody took (the viewer that wanted them has gone). */
  close(): void {
    this.reader.stop();
    this.expected.clear();
    const closed = new Error("series pixel data stream closed");
    for (const waiters of this.waiting.values()) for (const waiter of waiters) waiter.reject(closed);
    this.waiting.clear();
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

/** The frame at `url` made ready as `plan` says, from a stream that carries it, or null when none does. */
export function decodeStreamedFrame(url: string, plan: DecodePlan): Promise<DecodedFrame> | null {
  for (const stream of streams) {
    const frame = stream.decode(url, plan);
    if (frame) return frame;
  }
  return null;
}
