/**
 * Customer ids interned as they arrive: each entry gets a small customer number in an `Int32Array`,
 * each distinct id is kept once. Input grouped by customer in id order — what exports and the
 * benchmark give — needs no map at all (a new id is one greater than the previous one, so it is a new
 * customer) and yields the book's customer order and boundaries as it goes; any other order switches
 * to a `Map` from id to number for the rest of the input.
 * @module
 */
import { NumberColumn } from "./numberColumn.js";

/** Customer numbers of the entries, numbered in order of first appearance. */
export class CustomerNumbers {
  /** The customer number of each entry. */
  readonly numbers: NumberColumn<Int32Array>;
  /** The distinct customer ids, by number. */
  readonly ids: string[] = [];
  /** The first entry of each customer, by number. */
  readonly firstEntries: NumberColumn<Int32Array>;
  /** Id → number; `null` while the input is grouped by customer in strictly increasing id order. */
  #numbers: Map<string, number> | null = null;
  #lastId: string | undefined;
  #lastNumber = -1;

  /** @param capacity - Entries to make room for. */
  constructor(capacity: number) {
    this.numbers = new NumberColumn(capacity, (length) => new Int32Array(length));
    this.firstEntries = new NumberColumn(16, (length) => new Int32Array(length));
  }

  /**
   * `true` when the entries came grouped by customer with the customers in id order (UTF-16 code
   * units, as `compareIds`): customer numbers are then the book's customer positions.
   */
  get inIdOrder(): boolean {
    return this.#numbers === null;
  }

  /** Appends the next entry's customer. */
  push(id: string): void {
    if (id !== this.#lastId) this.#lastNumber = this.#numberOf(id);
    this.#lastId = id;
    this.numbers.push(this.#lastNumber);
  }

  #numberOf(id: string): number {
    if (this.#numbers === null) {
      if (this.#lastId === undefined || this.#lastId < id) return this.#add(id);
      this.#numbers = new Map<string, number>();
      for (let number = 0; number < this.ids.length; number++) this.#numbers.set(this.ids[number]!, number);
    }
    const known = this.#numbers.get(id);
    if (known !== undefined) return known;
    const number = this.#add(id);
    this.#numbers.set(id, number);
    return number;
  }

  #add(id: string): number {
    this.firstEntries.push(this.numbers.length);
    this.ids.push(id);
    return this.ids.length - 1;
  }
}
