/**
 * MRR and ARR on a day, and the monthly MRR series of a period (DOMAIN.md §1).
 * @module
 */
import type { Decimal } from "decimal.js";
import { type CalendarDate, formatCalendarDate, parseCalendarDate } from "../dates/calendarDate.js";
import { monthsOf } from "../dates/period.js";
import { ValidationError } from "../errors.js";
import type { Money } from "../money/money.js";
import type { PeriodInput } from "../schemas/period.js";
import { type CalendarDateInput, describeValue, toCalendarDate } from "../schemas/primitives.js";
import { type ContractBook, type ContractsInput, toContractBook, unitsToDecimal } from "./contractBook.js";
import { unitsOn } from "./periodRows.js";

/** Epoch day of a date argument; a {@link ValidationError} at `path` when it is not a calendar date. */
export function dayOf(date: CalendarDateInput, path: string): number {
  const text = toCalendarDate(date);
  if (text === null) {
    throw new ValidationError([{ path, message: `must be a calendar date YYYY-MM-DD (got ${describeValue(date)})` }]);
  }
  return parseCalendarDate(text)!;
}

/** Σ MRR units of a book on a day, and how many customers have MRR > 0 that day. */
export function bookUnitsOn(book: ContractBook, day: number): { units: bigint; customers: number } {
  let units = 0n;
  let customers = 0;
  for (const customer of book.customers) {
    const customerUnits = unitsOn(customer.lines, day);
    units += customerUnits;
    if (customerUnits > 0n) customers++;
  }
  return { units, customers };
}

/**
 * MRR on a day: the sum over all contracts active that day.
 *
 * @remarks MRR(d) = Σ amount / (months per interval × intervalCount) over contracts with start ≤ d < end.
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param date - The day, `YYYY-MM-DD` or a `Date` (read in UTC).
 * @throws {@link ValidationError} for an invalid date or contract.
 * @example
 * ```ts
 * import { mrrOn } from "cs-metrics";
 * const contracts = [
 *   { id: "1", customerId: "a", start: "2025-01-01", amount: "1200000", interval: "year" as const, currency: "JPY" },
 *   { id: "2", customerId: "b", start: "2025-01-01", end: "2025-04-01", amount: 30000, interval: "quarter" as const, currency: "JPY" },
 * ];
 * mrrOn(contracts, "2025-03-31").amount.toString(); //=> "110000"
 * mrrOn(contracts, "2025-04-01").amount.toString(); //=> "100000"
 * ```
 */
export function mrrOn(contracts: ContractsInput, date: CalendarDateInput): Money {
  const day = dayOf(date, "date");
  const book = toContractBook(contracts);
  return { amount: unitsToDecimal(book, bookUnitsOn(book, day).units), currency: book.currency };
}

/**
 * ARR on a day: 12 × MRR.
 *
 * @remarks ARR(d) = 12 × MRR(d).
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param date - The day, `YYYY-MM-DD` or a `Date` (read in UTC).
 * @throws {@link ValidationError} for an invalid date or contract.
 * @example
 * ```ts
 * import { arrOn } from "cs-metrics";
 * arrOn([{ id: "1", customerId: "a", start: "2025-01-01", amount: 200000, currency: "JPY" }], "2025-06-30")
 *   .amount.toString(); //=> "2400000"
 * ```
 */
export function arrOn(contracts: ContractsInput, date: CalendarDateInput): Money {
  const day = dayOf(date, "date");
  const book = toContractBook(contracts);
  return { amount: unitsToDecimal(book, 12n * bookUnitsOn(book, day).units), currency: book.currency };
}

/** One month of {@link mrrSeries}. */
export interface MrrPoint {
  /** `YYYY-MM`. */
  readonly month: string;
  /** The day MRR is read on: the month's last day within the period. */
  readonly date: CalendarDate;
  readonly mrr: Decimal;
  readonly arr: Decimal;
  /** Customers with MRR > 0 that day. */
  readonly customers: number;
}

/** {@link mrrSeries}' result. */
export interface MrrSeries {
  readonly currency: string;
  readonly points: readonly MrrPoint[];
}

/**
 * Month-end MRR for every month a period overlaps.
 *
 * @remarks For each month m of the period: MRR on min(last day of m, last day of the period).
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param period - `[start, end)`.
 * @throws {@link ValidationError}, {@link CurrencyMismatchError}, {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { mrrSeries, quarter } from "cs-metrics";
 * const series = mrrSeries([
 *   { id: "1", customerId: "a", start: "2025-01-01", amount: 100, currency: "USD" },
 *   { id: "2", customerId: "b", start: "2025-02-15", end: "2025-03-10", amount: 50, currency: "USD" },
 * ], quarter(2025, 1));
 * series.points.map((p) => p.mrr.toNumber()); //=> [100, 150, 100]
 * ```
 */
export function mrrSeries(contracts: ContractsInput, period: PeriodInput): MrrSeries {
  const months = monthsOf(period);
  const book = toContractBook(contracts);
  const points = months.map((monthPeriod) => {
    const lastDay = parseCalendarDate(monthPeriod.end)! - 1;
    const { units, customers } = bookUnitsOn(book, lastDay);
    return {
      // monthsOf labels every month `YYYY-MM`.
      month: monthPeriod.label!,
      date: formatCalendarDate(lastDay),
      mrr: unitsToDecimal(book, units),
      arr: unitsToDecimal(book, 12n * units),
      customers,
    };
  });
  return { currency: book.currency, points };
}
