/**
 * Which labelmap slices changed since the last save, so that an autosave
 * carries only those. The baseline keeps a copy of each non-empty slice as the
 * server last confirmed it (empty slices cost nothing), so memory grows with
 * what is painted, not with the size of the series.
 */
export type Plane = Uint8Array | Uint16Array;

export class SliceBaseline {
  private readonly saved: (Plane | null)[];

  constructor(slices: number) {
    this.saved = new Array<Plane | null>(slices).fill(null);
  }

  get length(): number {
    return this.saved.length;
  }

  /** Indices of `current` slices that differ from the baseline. */
  changed(current: readonly (ArrayLike<number> | null)[]): number[] {
    const out: number[] = [];
    for (let k = 0; k < this.saved.length; k++) {
      const plane = current[k];
      if (plane && differs(plane, this.saved[k])) out.push(k);
    }
    return out;
  }

  /** Records slices the server now holds (copies are kept; all-zero slices are stored as empty). */
  accept(slices: Map<number, ArrayLike<number>>): void {
    for (const [k, plane] of slices) this.saved[k] = isEmpty(plane) ? null : copy(plane);
  }

  /** Forgets everything: the server holds an empty labelmap. */
  clear(): void {
    this.saved.fill(null);
  }
}

function differs(plane: ArrayLike<number>, saved: Plane | null): boolean {
  if (saved === null) return !isEmpty(plane);
  if (saved.length !== plane.length) return true;
  const same = plane.constructor === saved.constructor;
  const a = same ? words(plane) : plane;
  const b = same ? words(saved) : saved;
  if (a.length !== b.length) return true;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return true;
  return false;
}

/**
 * True when every voxel is 0 (background). Eight words go per loop turn, ORed
 * together: every save scans every slice of the labelmap (a 300-slice CT's is
 * 78 MB) and the stack viewer scans each slice it shows; a turn's own cost was
 * most of the scan's.
 */
export function isEmpty(plane: ArrayLike<number>): boolean {
  const w = words(plane);
  const count = w.length;
  const whole = count - (count % 8);
  let i = 0;
  for (; i < whole; i += 8) {
    if ((w[i] | w[i + 1] | w[i + 2] | w[i + 3] | w[i + 4] | w[i + 5] | w[i + 6] | w[i + 7]) !== 0) return false;
  }
  for (; i < count; i++) if (w[i] !== 0) return false;
  return true;
}

/**
 * The same bytes read four at a time when the array allows it: a whole
 * 300-slice 512x512 labelmap is scanned on every save, and this makes the
 * scan several times faster.
 */
function words(plane: ArrayLike<number>): ArrayLike<number> {
  if (!ArrayBuffer.isView(plane)) return plane;
  const view = plane as unknown as Uint8Array;
  if (view.byteOffset % 4 !== 0 || view.byteLength % 4 !== 0) return plane;
  return new Uint32Array(view.buffer, view.byteOffset, view.byteLength / 4);
}

function copy(plane: ArrayLike<number>): Plane {
  return plane instanceof Uint16Array ? plane.slice() : Uint8Array.from(plane);
}

/** A copy of the slices at `indices` (what a save sends, frozen before any await). */
export function takeSlices(current: readonly (ArrayLike<number> | null)[], indices: number[]): Map<number, Plane> {
  const out = new Map<number, Plane>();
  for (const k of indices) {
    const plane = current[k];
    if (plane) out.set(k, copy(plane));
  }
  return out;
}

/** Re-numbers segment values (stored number → local number); unknown numbers are kept. */
export function renumber(plane: Plane, mapping: Map<number, number>): Plane {
  let identity = true;
  for (const [from, to] of mapping) if (from !== to) identity = false;
  if (identity) return plane;
  const out = plane.slice();
  for (let i = 0; i < out.length; i++) {
    const value = out[i];
    if (value) out[i] = mapping.get(value) ?? value;
  }
  return out;
}
