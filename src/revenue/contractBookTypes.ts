/**
 * The shapes of a contract book — the book, its customers' lines and the options it is built with —
 * apart from the code that builds it, so that the builder, the index and the metrics all name them
 * without importing one another.
 * @module
 */
import type { Decimal } from "decimal.js";
import type { EpochDay } from "../dates/calendarDate.js";
import type { Contract, ContractInput } from "../schemas/contract.js";
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
