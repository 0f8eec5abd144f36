/**
 * Pixels of a native (uncompressed, little-endian) greyscale frame, made
 * ready for display on the page's main thread in one pass.
 *
 * Cornerstone's DICOM image loader sends every frame, compressed or not, to a
 * decoding worker and back: for a raw frame that "decoding" is a copy, and the
 * round trip clones the frame twice more (its worker call does not transfer
 * the buffer), then the page converts it again. For a 300-slice CT that is
 * about six copies of 150 MB and most of the load's CPU. Here a raw frame is
 * read straight from the response: one pass applies the sign of the stored
 * bits and the modality rescale and finds the range, into the array the
 * viewport or volume keeps.
 */

/** The transfer syntaxes whose frames are plain little-endian samples. */
export const NATIVE_LITTLE_ENDIAN = new Set(["1.2.840.10008.1.2", "1.2.840.10008.1.2.1"]);

/** Modalities whose display values need more than the rescale (SUV, dose grid scaling): not read here. */
export const SCALED_MODALITIES = new Set(["PT", "RTDOSE"]);

export type SampleArrayType = "Uint8Array" | "Int8Array" | "Uint16Array" | "Int16Array" | "Float32Array";

export interface PixelLayout {
  rows: number;
  columns: number;
  bitsAllocated: number;
  bitsStored: number;
  /** 1: two's complement samples (PS3.3 C.7.6.3.1.4). */
  pixelRepresentation: number;
}

export interface Rescale {
  slope: number;
  intercept: number;
}

export interface FramePixels {
  pixels: Uint8Array | Int8Array | Uint16Array | Int16Array | Float32Array;
  min: number;
  max: number;
}

/** Whether frames of this layout and transfer syntax can be read here (one sample, 8 or 16 bits). */
export function readsNatively(transferSyntaxUid: string | undefined, layout: PixelLayout, samplesPerPixel: number, photometric: string): boolean {
  return (
    transferSyntaxUid !== undefined &&
    NATIVE_LITTLE_ENDIAN.has(transferSyntaxUid) &&
    samplesPerPixel === 1 &&
    (photometric === "MONOCHROME1" || photometric === "MONOCHROME2") &&
    (layout.bitsAllocated === 8 || layout.bitsAllocated === 16) &&
    layout.bitsStored > 0 &&
    layout.bitsStored <= layout.bitsAllocated
  );
}

const RANGES: Record<Exclude<SampleArrayType, "Float32Array">, [number, number]> = {
  Uint8Array: [0, 255],
  Int8Array: [-128, 127],
  Uint16Array: [0, 65535],
  Int16Array: [-32768, 32767],
};

const INTEGER_TYPES = Object.keys(RANGES) as Exclude<SampleArrayType, "Float32Array">[];

const CONSTRUCTORS = { Uint8Array, Int8Array, Uint16Array, Int16Array, Float32Array };

function holds(type: SampleArrayType, min: number, max: number, integral: boolean): boolean {
  if (type === "Float32Array") return true;
  return integral && RANGES[type][0] <= min && max <= RANGES[type][1];
}

/** The stored samples' own range, from the bits stored and their sign. */
function storedRange(layout: PixelLayout): [number, number] {
  return layout.pixelRepresentation === 1
    ? [-(2 ** (layout.bitsStored - 1)), 2 ** (layout.bitsStored - 1) - 1]
    : [0, 2 ** layout.bitsStored - 1];
}

/** The range of `low`..`high` after the rescale. */
function rescaled(low: number, high: number, slope: number, intercept: number): [number, number] {
  const a = low * slope + intercept;
  const b = high * slope + intercept;
  return [Math.min(a, b), Math.max(a, b)];
}

/** `preferred` if it holds min..max, else the smallest integer type that does, else null. */
function typeFor(min: number, max: number, integral: boolean, preferred?: SampleArrayType): SampleArrayType | null {
  if (preferred && holds(preferred, min, max, integral)) return preferred;
  return INTEGER_TYPES.find((candidate) => holds(candidate, min, max, integral)) ?? null;
}

/**
 * The frame's samples (little-endian, `layout`) starting at `offset` of
 * `body`, rescaled into a new array: of type `preferred` when it holds every
 * value (a volume asks for its own type), else of the smallest integer type
 * that does, else float (as Cornerstone's own loader decides). Bits above
 * the stored ones are cleared, and signed samples of fewer bits than
 * allocated are sign-extended. One pass over the samples, unless the stored
 * bits allow values no integer type holds: then the actual range decides.
 */
export function readFrame(
  body: ArrayBuffer,
  offset: number,
  layout: PixelLayout,
  rescale: Rescale | null,
  preferred?: SampleArrayType,
): FramePixels {
  const count = layout.rows * layout.columns;
  const bytes = layout.bitsAllocated / 8;
  if (offset < 0 || offset + count * bytes > body.byteLength) {
    throw new Error(`frame has ${body.byteLength - offset} bytes, ${count * bytes} expected`);
  }
  const signed = layout.pixelRepresentation === 1;
  const stored = storedSamples(body, offset, count, layout.bitsAllocated, signed);
  const slope = rescale?.slope ?? 1;
  const intercept = rescale?.intercept ?? 0;
  const integral = Number.isInteger(slope) && Number.isInteger(intercept);
  const bits = storedBits(layout);
  let type = typeFor(...rescaled(...storedRange(layout), slope, intercept), integral, preferred);
  if (type === null) {
    const [low, high] = sampleRange(stored, bits);
    type = typeFor(...rescaled(low, high, slope, intercept), integral, preferred) ?? "Float32Array";
  }
  const pixels = new CONSTRUCTORS[type](count);
  const [min, max] = rescaleInto(stored, pixels, bits, slope, intercept);
  return { pixels, min, max };
}

/**
 * How to read the stored bits out of a sample: sign-extended from the top
 * stored bit, or masked. For samples that use all their bits either is the
 * sample as it is, so one loop of each kind serves every layout.
 */
function storedBits(layout: PixelLayout): { shift: number; mask: number; signed: boolean } {
  return { shift: 32 - layout.bitsStored, mask: 2 ** layout.bitsStored - 1, signed: layout.pixelRepresentation === 1 };
}

type Samples = Int8Array | Uint8Array | Int16Array | Uint16Array;

function sampleRange(stored: Samples, bits: ReturnType<typeof storedBits>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < stored.length; i++) {
    const sample = bits.signed ? (stored[i] << bits.shift) >> bits.shift : stored[i] & bits.mask;
    if (sample < min) min = sample;
    if (sample > max) max = sample;
  }
  return [min, max];
}

/**
 * Writes the rescaled samples into `pixels`; returns their range. The range
 * is kept of the stored samples (integers) and rescaled at the end; the sign
 * extension or mask is chosen once, outside the loop: this loop runs over
 * every sample of every frame shown. (Unrolling it by four, with one
 * Math.min/max per four samples, was 5-10% slower than these plain loops in
 * a worker writing into a new array per frame, as the series stream does;
 * most of that time is the first writes to the new arrays' memory.)
 */
function rescaleInto(
  stored: Samples,
  pixels: FramePixels["pixels"],
  bits: ReturnType<typeof storedBits>,
  slope: number,
  intercept: number,
): [number, number] {
  if (stored.length === 0) return [0, 0];
  const [low, high] = bits.signed
    ? rescaleSigned(stored, pixels, bits.shift, slope, intercept)
    : rescaleMasked(stored, pixels, bits.mask, slope, intercept);
  const ends = [low * slope + intercept, high * slope + intercept];
  // (float storage rounds; the range is of the values as kept)
  const [min, max] = pixels instanceof Float32Array ? ends.map(Math.fround) : ends;
  return min <= max ? [min, max] : [max, min];
}

function rescaleSigned(stored: Samples, pixels: FramePixels["pixels"], shift: number, slope: number, intercept: number): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < stored.length; i++) {
    const sample = (stored[i] << shift) >> shift;
    pixels[i] = sample * slope + intercept;
    low = Math.min(low, sample);
    high = Math.max(high, sample);
  }
  return [low, high];
}

function rescaleMasked(stored: Samples, pixels: FramePixels["pixels"], mask: number, slope: number, intercept: number): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < stored.length; i++) {
    const sample = stored[i] & mask;
    pixels[i] = sample * slope + intercept;
    low = Math.min(low, sample);
    high = Math.max(high, sample);
  }
  return [low, high];
}

/** The stored samples as a typed view (a copy only when the frame starts at an odd byte). */
function storedSamples(body: ArrayBuffer, offset: number, count: number, bitsAllocated: number, signed: boolean): Samples {
  if (bitsAllocated === 8) return signed ? new Int8Array(body, offset, count) : new Uint8Array(body, offset, count);
  const Sixteen = signed ? Int16Array : Uint16Array;
  if (offset % 2 === 0) return new Sixteen(body, offset, count);
  return new Sixteen(body.slice(offset, offset + count * 2));
}
