/**
 * The columns a contract book is built from: one entry per valid record, in input order — ids,
 * epoch days, the exact amount and its term in typed columns, rare values (another currency, a
 * week's divisor, a product, the schema's output for an unusual record) in maps keyed by entry.
 * @module
 */
import { Decimal } from "decimal.js";
import { type EpochDay, formatCalendarDate, parseCalendarDate } from "../dates/calendarDate.js";
import { toScaledInteger } from "../money/exactDecimal.js";
import type { Contract, Interval } from "../schemas/contract.js";
import { CustomerNumbers } from "./customerNumbers.js";
import { type MonthlyConversions, monthsPerInterval } from "./monthlyConversion.js";
import { NumberColumn } from "./numberColumn.js";
import type { PlainContract } from "./plainContractReader.js";

/** What a record keeps beyond the index columns, to rebuild its validated contract. */
interface ContractExtras {
  readonly product: string | undefined;
  readonly plan: string | undefined;
  readonly seats: number | undefined;
}

const INTERVALS: readonly Interval[] = ["month", "quarter", "year", "week", "day"];
const INTERVAL_CODES: Readonly<Record<Interval, number>> = { month: 0, quarter: 1, year: 2, week: 3, day: 4 };
/** 2^53 − 1: coefficients up to it are exact doubles. */
export const MAX_EXACT_BIGINT = 9_007_199_254_740_991n;

/**
 * Append-only columns of valid contracts. Memory holds a few numbers and one reference (the id) per
 * contract, and each distinct customer id once, never the raw records.
 */
export class ContractColumns {
  /** Record index of each entry; `null` while every record so far was valid (entry = record index). */
  #recordIndexes: number[] | null = null;
  /** The ids, in entry order until {@link ContractColumns.permuteIntoBookOrder} puts them (and the days) in book order. */
  readonly ids: string[];
  /** The book order the ids and days were put in (`null`: entry order), and its inverse once needed. */
  #bookOrder: Int32Array | null = null;
  #positions: Int32Array | null = null;
  /** The customer of each entry, interned. */
  readonly customers: CustomerNumbers;
  readonly startDays: NumberColumn;
  readonly endDays: NumberColumn;
  /** Exact amounts `coefficient × 10^-scale`; NaN where the coefficient is a bigint in `bigCoefficients`. */
  readonly coefficients: NumberColumn;
  readonly bigCoefficients = new Map<number, bigint>();
  /** Decimal places (at most 100, `MAX_AMOUNT_DIGITS`): a byte each. */
  readonly scales: NumberColumn<Uint8Array>;
  /**
   * Months covered by one amount, times its divisor: months per interval × intervalCount (a week
   * covers `months / divisor` months, e.g. 3 / 13 for 52/12 weeks a month).
   */
  readonly months: NumberColumn;
  /** The divisor of entries whose interval is a week or a day (1 for the others). */
  readonly monthDivisors = new Map<number, number>();
  readonly #intervalCodes: NumberColumn<Uint8Array>;
  /** The first currency seen; entries in another one are in `otherCurrencies`. */
  firstCurrency: string | undefined;
  readonly otherCurrencies = new Map<number, string>();
  /** Entries kept so far (the id column is allocated ahead, so its length is not it). */
  count = 0;
  readonly #extras = new Map<number, ContractExtras>();
  /** Months per interval and its divisor, by interval code (read once from the conversions). */
  readonly #monthsByCode: readonly number[];
  readonly #divisorByCode: readonly number[];
  readonly #parsed = new Map<number, Contract>();
  #hasProducts = false;

  /**
   * @param conversions - How weeks and days become months.
   * @param capacity - Entries to make room for (the string columns are sized ahead, so a million
   * ids are never copied to grow).
   */
  constructor(
    readonly conversions: MonthlyConversions,
    capacity: number,
  ) {
    this.ids = new Array<string>(capacity);
    this.customers = new CustomerNumbers(capacity);
    this.startDays = new NumberColumn(capacity);
    this.endDays = new NumberColumn(capacity);
    this.coefficients = new NumberColumn(capacity);
    this.scales = new NumberColumn(capacity, (length) => new Uint8Array(length));
    this.months = new NumberColumn(capacity);
    this.#intervalCodes = new NumberColumn(capacity, (length) => new Uint8Array(length));
    this.#monthsByCode = INTERVALS.map((interval) => monthsPerInterval(interval, conversions).months);
    this.#divisorByCode = INTERVALS.map((interval) => monthsPerInterval(interval, conversions).divisor);
  }

  /** Appends record `index`, read by the fast reader. */
  pushPlain(index: number, plain: PlainContract): void {
    const entry = this.count;
    this.#push(index, plain.id, plain.customerId, plain.startDay, plain.endDay, plain.interval, plain.intervalCount, plain.currency);
    this.coefficients.push(plain.coefficient);
    this.scales.push(plain.scale);
    if (plain.product !== undefined || plain.plan !== undefined || plain.seats !== undefined) {
      this.#extras.set(entry, { product: plain.product, plan: plain.plan, seats: plain.seats });
      if (plain.product !== undefined) this.#hasProducts = true;
    }
  }

  /** Appends record `index`, validated by the schema (its output is kept as it is). */
  pushParsed(index: number, contract: Contract): void {
    const entry = this.count;
    const endDay = contract.end === null ? Number.POSITIVE_INFINITY : parseCalendarDate(contract.end)!;
    this.#push(index, contract.id, contract.customerId, parseCalendarDate(contract.start)!, endDay, contract.interval, contract.intervalCount, contract.currency);
    const { coefficient, scale } = toScaledInteger(contract.amount);
    if (coefficient <= MAX_EXACT_BIGINT) this.coefficients.push(Number(coefficient));
    else {
      this.coefficients.push(Number.NaN);
      this.bigCoefficients.set(entry, coefficient);
    }
    this.scales.push(scale);
    this.#parsed.set(entry, contract);
    if (contract.product !== undefined) this.#hasProducts = true;
  }

  /** Notes that record `index` was invalid (entries and record indexes part from here on). */
  skipRecord(): void {
    if (this.#recordIndexes === null) this.#recordIndexes = Array.from({ length: this.count }, (_, earlier) => earlier);
  }

  #push(index: number, id: string, customerId: string, startDay: EpochDay, endDay: EpochDay, interval: Interval, intervalCount: number, currency: string): void {
    const entry = this.count++;
    this.#recordIndexes?.push(index);
    this.ids[entry] = id;
    this.customers.push(customerId);
    this.startDays.push(startDay);
    this.endDays.push(endDay);
    const code = INTERVAL_CODES[interval];
    this.#intervalCodes.push(code);
    this.months.push(this.#monthsByCode[code]! * intervalCount);
    const divisor = this.#divisorByCode[code]!;
    if (divisor !== 1) this.monthDivisors.set(entry, divisor);
    if (this.firstCurrency === undefined) this.firstCurrency = currency;
    else if (currency !== this.firstCurrency) this.otherCurrencies.set(entry, currency);
  }

  /** Drops the room kept ahead in the id column. */
  trim(): void {
    this.ids.length = this.count;
  }

  /**
   * Reorders the id and day columns in place into book order — position `at` gets what entry
   * `order[at]` had — so that the book's line ids and days are these columns, not copies of them.
   * Call once, after every entry is in; entries are then found through {@link ContractColumns.positionOf}.
   */
  permuteIntoBookOrder(order: Int32Array): void {
    const ids = this.ids;
    const starts = this.startDays.view();
    const ends = this.endDays.view();
    // Follow each cycle of the permutation once.
    const done = new Uint8Array(order.length);
    for (let first = 0; first < order.length; first++) {
      if (done[first] === 1) continue;
      const firstId = ids[first]!;
      const firstStart = starts[first]!;
      const firstEnd = ends[first]!;
      let at = first;
      for (;;) {
        done[at] = 1;
        const from = order[at]!;
        if (from === first) break;
        ids[at] = ids[from]!;
        starts[at] = starts[from]!;
        ends[at] = ends[from]!;
        at = from;
      }
      ids[at] = firstId;
      starts[at] = firstStart;
      ends[at] = firstEnd;
    }
    this.#bookOrder = order;
  }

  /** Where an entry's id and days are: the entry itself, or its position once in book order. */
  positionOf(entry: number): number {
    if (this.#bookOrder === null) return entry;
    if (this.#positions === null) {
      // The inverse permutation, built on first use (only reading `book.contracts` needs it).
      this.#positions = new Int32Array(this.#bookOrder.length);
      for (let at = 0; at < this.#bookOrder.length; at++) this.#positions[this.#bookOrder[at]!] = at;
    }
    return this.#positions[entry]!;
  }

  /** The record index of an entry. */
  recordIndexOf(entry: number): number {
    return this.#recordIndexes === null ? entry : this.#recordIndexes[entry]!;
  }

  /** The currency of an entry. */
  currencyOf(entry: number): string {
    return this.otherCurrencies.get(entry) ?? this.firstCurrency!;
  }

  /** `true` once an entry has a `product`. */
  get hasProducts(): boolean {
    return this.#hasProducts;
  }

  /** The `product` of an entry, if any. */
  productOf(entry: number): string | undefined {
    return this.#parsed.get(entry)?.product ?? this.#extras.get(entry)?.product;
  }

  /**
   * The amount of a fast-read entry as the schema would give it: decimal.js keeps no trailing zeros,
   * so `coefficient × 10^-scale` is the same Decimal as the `amount` passed (`"1200.50"`, `1200.5`).
   */
  #amountOf(entry: number): Decimal {
    const coefficient = this.coefficients.at(entry);
    return coefficient === 0 ? new Decimal(0) : new Decimal(`${coefficient}e-${this.scales.at(entry)}`);
  }

  /** The validated contract (the schema's output) of an entry, rebuilt for fast-read records; `newEnd` replaces its end. */
  contractOf(entry: number, newEnd: EpochDay | undefined): Contract {
    const parsed = this.#parsed.get(entry);
    if (parsed !== undefined) return newEnd === undefined ? parsed : { ...parsed, end: formatCalendarDate(newEnd) };
    const position = this.positionOf(entry);
    const endDay = newEnd ?? this.endDays.at(position);
    const interval = INTERVALS[this.#intervalCodes.at(entry)]!;
    const contract: Contract = {
      id: this.ids[position]!,
      customerId: this.customers.ids[this.customers.numbers.at(entry)]!,
      start: formatCalendarDate(this.startDays.at(position)),
      end: endDay === Number.POSITIVE_INFINITY ? null : formatCalendarDate(endDay),
      amount: this.#amountOf(entry),
      interval,
      intervalCount: this.months.at(entry) / monthsPerInterval(interval, this.conversions).months,
      currency: this.currencyOf(entry),
    };
    const extras = this.#extras.get(entry);
    if (extras?.product !== undefined) contract.product = extras.product;
    if (extras?.plan !== undefined) contract.plan = extras.plan;
    if (extras?.seats !== undefined) contract.seats = extras.seats;
    return contract;
  }
}
