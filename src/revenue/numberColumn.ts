/**
 * A growable column of doubles backed by a `Float64Array`: appending a million numbers costs one
 * store each and a few reallocations, with nothing for the garbage collector to trace.
 * @module
 */

/** An append-only column of numbers. */
export class NumberColumn {
  #data: Float64Array;
  #length = 0;

  constructor(capacity = 1024) {
    this.#data = new Float64Array(Math.max(16, capacity));
  }

  /** Number of values appended. */
  get length(): number {
    return this.#length;
  }

  /** Appends a value. */
  push(value: number): void {
    if (this.#length === this.#data.length) {
      const grown = new Float64Array(this.#data.length * 2);
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
  view(): Float64Array {
    return this.#data.subarray(0, this.#length);
  }
}
