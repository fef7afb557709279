/**
 * Columns that hold many values in few objects: a million expense lines held as objects took about 1.4 GiB
 * of heap for a 100 MB upload (bench/RESULTS.md, "expenses"). Each column appends in order and reads by
 * position; values come back equal (===) to what was appended.
 */

/** Values per chunk: chunks are allocated whole, so a column wastes at most one chunk. */
const chunkSize = 1 << 14;
const chunkShift = 14;
const chunkMask = chunkSize - 1;

/** Numbers in fixed-size typed chunks (no copying as the column grows). */
class NumberChunks<A extends Int32Array | Float64Array | Uint8Array> {
  private readonly chunks: A[] = [];
  length = 0;

  constructor(private readonly make: (size: number) => A) {}

  push(value: number) {
    const offset = this.length & chunkMask;
    if (offset === 0) this.chunks.push(this.make(chunkSize));
    (this.chunks[this.chunks.length - 1] as A)[offset] = value;
    this.length++;
  }

  get(index: number): number {
    return (this.chunks[index >>> chunkShift] as A)[index & chunkMask] as number;
  }
}

export class Int32Column extends NumberChunks<Int32Array> {
  constructor() {
    super((size) => new Int32Array(size));
  }
}

export class Float64Column extends NumberChunks<Float64Array> {
  constructor() {
    super((size) => new Float64Array(size));
  }
}

export class Uint8Column extends NumberChunks<Uint8Array> {
  constructor() {
    super((size) => new Uint8Array(size));
  }
}

/**
 * A string of its own, not a slice of a larger one (V8 keeps a slice's whole parent alive): a value kept
 * for the column's life must not hold the page of text it was read from.
 */
export function ownString(value: string): string {
  return value.length < 13 ? value : ` ${value}`.slice(1);
}

/**
 * Strings (or null), many to an object: each chunk's strings are joined into one flat string with the end
 * of each; a value read back is a slice of it. For values that rarely repeat (ids, amounts).
 */
export class TextColumn {
  private readonly texts: string[] = [];
  /** Per chunk, each value's end in its text; a null is written as ~start (negative). */
  private readonly ends: Int32Array[] = [];
  private pending: (string | null)[] = [];
  private pendingEnds = new Int32Array(chunkSize);
  private pendingLength = 0;
  length = 0;

  push(value: string | null) {
    const offset = this.length & chunkMask;
    if (value === null) this.pendingEnds[offset] = ~this.pendingLength;
    else {
      this.pendingLength += value.length;
      this.pendingEnds[offset] = this.pendingLength;
    }
    this.pending.push(value);
    this.length++;
    if (offset === chunkMask) this.seal();
  }

  private seal() {
    this.texts.push(this.pending.join(''));
    this.ends.push(this.pendingEnds);
    this.pending = [];
    this.pendingEnds = new Int32Array(chunkSize);
    this.pendingLength = 0;
  }

  get(index: number): string | null {
    const chunk = index >>> chunkShift;
    const offset = index & chunkMask;
    if (chunk === this.texts.length) return this.pending[offset] as string | null;
    const ends = this.ends[chunk] as Int32Array;
    const end = ends[offset] as number;
    if (end < 0) return null;
    const before = offset === 0 ? 0 : (ends[offset - 1] as number);
    return (this.texts[chunk] as string).slice(before < 0 ? ~before : before, end);
  }
}

/**
 * Strings (or null) that repeat (dates, currencies, accounts, emails): each distinct value is kept once,
 * each position holds its code. `values` lists the distinct values in the order they first came.
 */
export class CodeColumn {
  private readonly codesOf = new Map<string, number>();
  readonly values: string[] = [];
  /** -1 for null. */
  readonly codes = new Int32Column();

  get length() {
    return this.codes.length;
  }

  push(value: string | null) {
    this.codes.push(value === null ? -1 : this.codeOf(value));
  }

  /** The value's code, adding it when new. */
  codeOf(value: string): number {
    let code = this.codesOf.get(value);
    if (code === undefined) {
      code = this.values.length;
      const own = ownString(value);
      this.values.push(own);
      this.codesOf.set(own, code);
    }
    return code;
  }

  get(index: number): string | null {
    const code = this.codes.get(index);
    return code < 0 ? null : (this.values[code] as string);
  }
}
