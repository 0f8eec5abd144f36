/**
 * How a frame from the series stream is made ready: the loader's decision
 * (layout, rescale, array type), carried to wherever the stream's bytes are
 * (the stream's worker, or the page), and what comes back. Nothing here
 * touches the page.
 */
import { partTransferSyntax } from "./frameResponse";
import { readFrame, readsNatively, type FramePixels, type PixelLayout, type Rescale, type SampleArrayType } from "./nativeFrames";

/** What the image loader wants of a frame (see nativeFrameLoader). */
export interface DecodePlan {
  layout: PixelLayout & { samplesPerPixel: number; photometricInterpretation: string };
  /** The rescale to apply to the samples, or null to keep them as stored. */
  rescale: Rescale | null;
  preferred?: SampleArrayType;
}

/** A frame made ready, or `native: false` when its part is not in a transfer syntax read here. */
export type DecodedFrame = { native: true; pixels: FramePixels; transferSyntax: string } | { native: false };

/**
 * Reads the frame starting at `start` of `body`, whose reply named
 * `transferSyntax`, as `plan` says: the stream's frames and those fetched
 * one by one alike.
 */
export function decodeFrame(body: ArrayBuffer, start: number, transferSyntax: string | undefined, plan: DecodePlan): DecodedFrame {
  const { layout } = plan;
  if (!transferSyntax || !readsNatively(transferSyntax, layout, layout.samplesPerPixel, layout.photometricInterpretation)) {
    return { native: false };
  }
  return { native: true, pixels: readFrame(body, start, layout, plan.rescale, plan.preferred), transferSyntax };
}

/** The arrays a decoded frame can hand over instead of copying. */
export function transferables(frame: DecodedFrame): Transferable[] {
  return frame.native ? [frame.pixels.pixels.buffer as ArrayBuffer] : [];
}

/** What the page asks of the stream's reader, and what it answers. */
export type StreamRequest = { kind: "open"; seriesUrl: string } | { kind: "decode"; key: string; plan: DecodePlan };
export type StreamReply =
  | { kind: "frame"; key: string; frame: DecodedFrame }
  | { kind: "missing"; key: string; message: string }
  | { kind: "error"; message: string };

/**
 * Matches the frames of a reply, as they arrive, with the loader's requests
 * for them, in either order; each frame is answered once. Frames still asked
 * for when the reply is over (it did not hold them, or it broke off) are
 * answered `missing`, and so is any asked for later.
 */
export class FrameDecoder {
  private readonly arrived = new Map<string, { body: ArrayBuffer; contentType: string }>();
  private readonly asked = new Map<string, DecodePlan>();
  private over = false;

  constructor(private readonly reply: (message: StreamReply) => void) {}

  partArrived(key: string, body: ArrayBuffer, contentType: string): void {
    const plan = this.asked.get(key);
    if (!plan) {
      this.arrived.set(key, { body, contentType });
      return;
    }
    this.asked.delete(key);
    this.answer(key, body, contentType, plan);
  }

  ask(key: string, plan: DecodePlan): void {
    const part = this.arrived.get(key);
    if (part) {
      this.arrived.delete(key);
      this.answer(key, part.body, part.contentType, plan);
    } else if (this.over) {
      this.reply({ kind: "missing", key, message: "frame not in the series pixel data" });
    } else {
      this.asked.set(key, plan);
    }
  }

  /** The reply is over: `failure` says why, if it broke off. */
  end(failure?: string): void {
    this.over = true;
    if (failure) this.reply({ kind: "error", message: failure });
    for (const key of this.asked.keys()) this.reply({ kind: "missing", key, message: failure ?? "frame not in the series pixel data" });
    this.asked.clear();
  }

  private answer(key: string, body: ArrayBuffer, contentType: string, plan: DecodePlan): void {
    let frame: DecodedFrame;
    try {
      frame = decodeFrame(body, 0, partTransferSyntax(contentType), plan);
    } catch (reason) {
      this.reply({ kind: "missing", key, message: reason instanceof Error ? reason.message : String(reason) });
      return;
    }
    this.reply({ kind: "frame", key, frame });
  }
}
