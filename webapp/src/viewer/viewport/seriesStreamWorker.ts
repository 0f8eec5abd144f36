/**
 * Takes a series' pixel data in off the page's main thread (see
 * SeriesFrameStream): the page gets each frame's bytes as they complete,
 * moved, not copied. Asked once, with the series' absolute URL.
 */
import { readPixelDataParts, type PixelDataPart } from "./pixelDataParts";

export type StreamMessage = ({ kind: "part" } & PixelDataPart) | { kind: "end" } | { kind: "error"; message: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ seriesUrl: string }>) => void) | null;
  postMessage: (message: StreamMessage, transfer?: Transferable[]) => void;
};

scope.onmessage = (event) => {
  const controller = new AbortController();
  readPixelDataParts(event.data.seriesUrl, controller.signal, (part) => scope.postMessage({ kind: "part", ...part }, [part.body]))
    .then(() => scope.postMessage({ kind: "end" }))
    .catch((reason: unknown) => scope.postMessage({ kind: "error", message: reason instanceof Error ? reason.message : String(reason) }));
};
