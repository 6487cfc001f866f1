/**
 * The contract book: contracts validated once, normalised to exact MRR and indexed by customer.
 * Every revenue metric accepts either a book or a plain array of raw records (which it turns into a
 * book first).
 * @module
 */
import { Decimal } from "decimal.js";
import type { EpochDay } from "../dates/calendarDate.js";
import { ValidationError } from "../errors.js";
import { divide } from "../money/exactDecimal.js";
import type { Contract, ContractInput } from "../schemas/contract.js";
import { ContractBookBuilder } from "./contractBookBuilder.js";
import { isRegisteredBook } from "./bookIndex.js";
import type { MonthlyConversionOptions } from "./monthlyConversion.js";
import type { BookDataQuality, LinesMode } from "./openLines.js";

/** One contract line of a customer, normalised: epoch days and MRR in book units. */
export interface ContractLine {
  /** The contract's `id`. */
  readonly id: string;
  /** First active day (epoch day). */
  readonly startDay: EpochDay;
  /** First inactive day (epoch day); `Infinity` when open-ended. */
  readonly endDay: EpochDay;
  /** MRR as an exact integer count of `1 / book.denominator` currency units. */
  readonly mrrUnits: bigint;
}

/** A customer's contract lines, sorted by start day, then id. */
export interface CustomerContracts {
  readonly customerId: string;
  readonly lines: readonly ContractLine[];
}

/** Options of {@link contractBook}. */
export interface ContractBookOptions extends MonthlyConversionOptions {
  /**
   * Currency of the book. Default: the currency of the records (all must share it). Required with
   * `exchangeRates`, and for an empty book that should carry a currency (else `"XXX"`).
   */
  readonly currency?: string;
  /**
   * Exchange rates into `currency`: `{ USD: "150.25" }` means 1 USD = 150.25 units of `currency`.
   * Amounts are converted exactly (amount × rate) before MRR is computed.
   */
  readonly exchangeRates?: Readonly<Record<string, Decimal.Value>>;
  /**
   * IANA time zone (`"Asia/Tokyo"`) in which a `start` or `end` given as an ISO 8601 date-time with `Z`
   * or an offset (`"2025-03-31T15:00:00Z"`) is read: the line's date is the calendar date of that
   * instant in the zone (`"2025-04-01"` in Tokyo). Without it a date-time is a validation error, as a
   * contract's dates are calendar dates. Text without an offset is never guessed at.
   */
  readonly timeZone?: string;
  /**
   * How a customer's lines combine. `"separate"` (default): every line counts for its own
   * `[start, end)`, so a customer's lines open at the same time are summed (a base plan and an add-on).
   * `"supersede"`: each line ends every earlier open-ended line of its customer and `product` (absent
   * = one product) that started on an earlier day, at its own start — for exports where each row
   * restates the whole subscription from its start date without closing the previous row. Lines
   * starting on the same day are one restatement (the items of one subscription) and never end each
   * other; nor do lines of different products (a plan and an add-on). Either way
   * {@link ContractBook.dataQuality} lists the customers whose open-ended lines overlap.
   */
  readonly lines?: LinesMode;
}

export { compareIds, MONTHS_PER_INTERVAL } from "./contractBookBuilder.js";

/**
 * A validated, indexed set of contracts in one currency. Build it with {@link contractBook}; it is
 * immutable.
 */
export interface ContractBook {
  /** Tells a book from an array of records. */
  readonly kind: "ContractBook";
  /** ISO 4217 code of every amount in the book. */
  readonly currency: string;
  /** MRR units per currency unit: a line's MRR is `mrrUnits / denominator`. */
  readonly denominator: bigint;
  /** The validated contracts, in input order. */
  readonly contracts: readonly Contract[];
  /** Contract lines grouped by customer, customers sorted by id. */
  readonly customers: readonly CustomerContracts[];
  /**
   * What the book noticed about its lines: customers with overlapping open-ended lines (summed under
   * `lines: "separate"`), and how many lines `lines: "supersede"` ended.
   */
  readonly dataQuality: BookDataQuality;
}

/** What every revenue metric accepts: a {@link ContractBook} or raw contract records. */
export type ContractsInput = ContractBook | readonly ContractInput[];

/**
 * Tells a {@link ContractBook} from an array of raw contract records.
 *
 * @remarks `true` exactly when `value` was built by {@link contractBook} (or a streaming builder) of
 * this copy of the library; a look-alike object with `kind: "ContractBook"` is not a book, and is
 * validated as records instead (so it fails with a {@link ValidationError}, never a `TypeError`).
 * @param value - Anything.
 * @returns `true` for a book built by {@link contractBook}.
 * @example
 * ```ts
 * import { contractBook, isContractBook } from "cs-metrics";
 * isContractBook(contractBook([])); //=> true
 * isContractBook([]); //=> false
 * ```
 */
export function isContractBook(value: unknown): value is ContractBook {
  return typeof value === "object" && value !== null && isRegisteredBook(value);
}

/** Returns the book itself, or validates raw records into one. */
export function toContractBook(contracts: ContractsInput): ContractBook {
  return isContractBook(contracts) ? contracts : contractBook(contracts);
}

/**
 * Validates contract records once, normalises each to exact MRR and indexes them by customer.
 *
 * @remarks
 * MRR of a line = amount / (months per interval × intervalCount), months per interval 1 (month),
 * 3 (quarter) or 12 (year) — DOMAIN.md §1. Weekly and daily amounts are converted with exact
 * fractions: MRR = amount × weeksPerMonth / intervalCount (default 52/12; `4` is the common
 * alternative) and amount × daysPerMonth / intervalCount (default 365/12; `30` the common
 * alternative). All MRRs are held as integers over one common denominator, so sums and comparisons
 * are exact.
 *
 * @param records - Raw contracts (see {@link ContractSchema}); not mutated.
 * @param options - Book currency, optional exchange rates, weekly/daily MRR conversions.
 * @returns An immutable {@link ContractBook}.
 * @throws {@link ValidationError} listing every invalid field (`contracts[12].end: must be after start
 * (2025-04-01)`), duplicate ids included.
 * @throws {@link CurrencyMismatchError} when records use different currencies and no exchange rate
 * covers them.
 * @throws {@link ValidationError} for a `weeksPerMonth` or `daysPerMonth` that is not a positive
 * number or fraction.
 * @example
 * ```ts
 * import { contractBook } from "cs-metrics";
 * const book = contractBook([
 *   { id: "c1", customerId: "acme", start: "2025-01-01", amount: "1200000", interval: "year", currency: "JPY" },
 *   { id: "c2", customerId: "acme", start: "2025-06-01", amount: 50000, currency: "JPY" },
 * ]);
 * book.currency; //=> "JPY"
 * book.customers.length; //=> 1
 * ```
 */
export function contractBook(records: readonly ContractInput[], options: ContractBookOptions = {}): ContractBook {
  if (!Array.isArray(records)) {
    throw new ValidationError([{ path: "contracts", message: "must be an array of contract records" }]);
  }
  const builder = new ContractBookBuilder(options, "contracts", records.length);
  for (let index = 0; index < records.length; index++) builder.add(records[index]);
  return builder.finish();
}

/** An amount of book units as a Decimal in currency units. */
export function unitsToDecimal(book: ContractBook, units: bigint): Decimal {
  return divide(units, book.denominator);
}
