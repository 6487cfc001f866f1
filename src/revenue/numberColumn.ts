/**
 * A growable column of doubles backed by a `Float64Array`: appending a million numbers costs one
 * store each and a few reallocations, with nothing for the garbage collector to trace.
 * @module
 */

/** The typed arrays a column can be backed by: doubles, 32-bit integers, or small integers (0–255) stored in a byte. */
type ColumnArray = Float64Array | Int32Array | Uint8Array;

/** An append-only column of numbers (doubles by default; 32-bit integers or bytes for codes). */
export class NumberColumn<Data extends ColumnArray = Float64Array> {
  #data: Data;
  #length = 0;
  readonly #allocate: (length: number) => Data;

  /**
   * @param capacity - Values to make room for.
   * @param allocate - A typed array of the given length (`Float64Array` unless given).
   */
  constructor(capacity = 1024, allocate: (length: number) => Data = (length) => new Float64Array(length) as Data) {
    this.#allocate = allocate;
    this.#data = allocate(Math.max(16, capacity));
  }

  /** Number of values appended. */
  get length(): number {
    return this.#length;
  }

  /** Appends a value. */
  push(value: number): void {
    if (this.#length === this.#data.length) {
      const grown = this.#allocate(this.#data.length * 2);
      grown.set(this.#data);
      this.#data = grown;
    }
    this.#data[this.#length++] = value;
  }

  /** The value at `index` (< length). */
  at(index: number): number {
    return this.#data[index]!;
  }

  /** The values as an exact-length array view (no copy while it fits). */
  view(): Data {
    return this.#data.subarray(0, this.#length) as Data;
  }
}
