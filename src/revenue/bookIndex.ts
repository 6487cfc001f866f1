/**
 * The columnar index behind a contract book: customers in id order, each owning a contiguous slice
 * of lines (sorted by start day, then id) held in typed arrays. Metrics loop over these arrays; the
 * public `book.customers` objects are built from them only when someone reads them.
 *
 * MRR units are kept as doubles when every line's units and the sum of all of them stay below 2^53
 * (then every partial sum is an exact integer too), and as bigints otherwise.
 * @module
 */
import type { EpochDay } from "../dates/calendarDate.js";
import type { ContractBook, ContractLine, CustomerContracts } from "./contractBookTypes.js";

/** The lines of every customer, customer `c` owning lines `lineStart[c] … lineStart[c + 1] − 1`. */
export interface BookIndex {
  readonly customerIds: readonly string[];
  /** Length `customers + 1`. */
  readonly lineStart: Int32Array;
  readonly lineIds: readonly string[];
  readonly startDays: Float64Array;
  /** `Infinity` for an open-ended line. */
  readonly endDays: Float64Array;
  /**
   * Months one `amount` covers, as termMonths / termDivisor (months per interval × intervalCount): the
   * line's term, 12 / 1 for a yearly plan, 12 / 52 for a weekly one under the default 52/12 weeks a month.
   */
  readonly termMonths: Int32Array;
  /** The divisor of {@link BookIndex.termMonths}: 1 for months, quarters and years; weeks or days per month's numerator. */
  readonly termDivisor: Int32Array;
  /** Units per line as exact doubles, or `null` when the book needs bigints ({@link BookIndex.bigUnits}). */
  readonly units: Float64Array | null;
  /** Units per line as bigints; set when `units` is `null`. */
  readonly bigUnits: readonly bigint[] | null;
}

/** Books built by this library, with their index. */
const indexes = new WeakMap<ContractBook, BookIndex>();

/** Remembers the index a book was built from. */
export function registerBookIndex(book: ContractBook, index: BookIndex): void {
  indexes.set(book, index);
}

/** `true` for a book this library built (and registered), never for a look-alike object. */
export function isRegisteredBook(value: object): boolean {
  return indexes.has(value as ContractBook);
}

/**
 * The index of a book. Only books this library built reach here (`toContractBook` re-validates any
 * other object as records), so a missing index is a bug in the library, not bad input.
 */
export function bookIndexOf(book: ContractBook): BookIndex {
  const index = indexes.get(book);
  if (index === undefined) throw new Error("cs-metrics: internal error: a contract book without its index");
  return index;
}

/** Units of line `line` as a bigint. */
export function lineUnits(index: BookIndex, line: number): bigint {
  return index.units === null ? index.bigUnits![line]! : BigInt(index.units[line]!);
}

/** The public, frozen `CustomerContracts` objects of an index. */
export function customersOfIndex(index: BookIndex): readonly CustomerContracts[] {
  const customers: CustomerContracts[] = new Array<CustomerContracts>(index.customerIds.length);
  for (let position = 0; position < customers.length; position++) {
    const from = index.lineStart[position]!;
    const to = index.lineStart[position + 1]!;
    const lines: ContractLine[] = new Array<ContractLine>(to - from);
    for (let line = from; line < to; line++) {
      lines[line - from] = {
        id: index.lineIds[line]!,
        startDay: index.startDays[line]! as EpochDay,
        endDay: index.endDays[line]! as EpochDay,
        mrrUnits: lineUnits(index, line),
      };
    }
    customers[position] = Object.freeze({ customerId: index.customerIds[position]!, lines: Object.freeze(lines) });
  }
  return Object.freeze(customers);
}
