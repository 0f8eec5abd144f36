/**
 * Takes a series' pixel data in, and makes its frames ready, off the page's
 * main thread (see SeriesFrameStream). The page asks for each frame with the
 * image loader's plan; the answer's samples are moved to the page, not
 * copied.
 */
import { pixelDataKey, readPixelDataParts } from "./pixelDataParts";
import { FrameDecoder, transferables, type StreamReply, type StreamRequest } from "./streamedFrames";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<StreamRequest>) => void) | null;
  postMessage: (message: StreamReply, transfer?: Transferable[]) => void;
};

const decoder = new FrameDecoder((message) => scope.postMessage(message, message.kind === "frame" ? transferables(message.frame) : []));

scope.onmessage = ({ data: request }) => {
  if (request.kind === "decode") {
    decoder.ask(request.key, request.plan);
    return;
  }
  const { seriesUrl } = request;
  // (the page stops the transfer by terminating the worker)
  readPixelDataParts(seriesUrl, new AbortController().signal, (part) => decoder.partArrived(pixelDataKey(part.location, seriesUrl), part.body, part.contentType))
    .then(() => decoder.end())
    .catch((reason: unknown) => decoder.end(reason instanceof Error ? reason.message : String(reason)));
};
