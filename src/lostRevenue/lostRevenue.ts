/**
 * Lost revenue (逸失金額), DOMAIN.md §4: the part of a churned customer's prior-year ARR that the
 * period would still have brought in after the churn date.
 * @module
 */
import type { Decimal } from "decimal.js";
import { type CalendarDate, type EpochDay, addMonthsToDay, formatCalendarDate, startOfMonthDay } from "../dates/calendarDate.js";
import { ValidationError } from "../errors.js";
import { divide, divisionBy, gcd } from "../money/exactDecimal.js";
import type { Period, PeriodInput } from "../schemas/period.js";
import { readOptions } from "../schemas/options.js";
import { describeValue } from "../schemas/primitives.js";
import type { ContractsInput } from "../revenue/contractBook.js";
import { analysePeriod, type PeriodAnalysis } from "../revenue/periodAnalysis.js";
import { withLazyRows } from "../results/lazyRows.js";

/** How a partial month after the churn date counts. */
export type Proration = "month" | "day";

/** Options of {@link lostRevenue}. */
export interface LostRevenueOptions {
  /**
   * `"month"` (default): each calendar month after the churn date counts 1, a partial month counts
   * (days remaining in it) / (days in it). `"day"`: remaining days / 365.
   */
  readonly proration?: Proration;
}

/** One churned customer's lost revenue. */
export interface LostRevenueRow {
  readonly customerId: string;
  /** The day after its last active day (`end` of its last line). */
  readonly churnDate: CalendarDate;
  /** Prior-year ARR: 12 × M0, its ARR at the close of the previous period. */
  readonly baseArr: Decimal;
  /** Days of the period from the churn date (inclusive) to its end. */
  readonly remainingDays: number;
  /** Months of the period remaining from the churn date, under the chosen proration (day: days × 12 / 365). */
  readonly remainingMonths: Decimal;
  /** baseArr × remainingMonths / 12. */
  readonly lostRevenue: Decimal;
}

/** {@link lostRevenue}'s result. */
export interface LostRevenue {
  readonly currency: string;
  readonly period: Period;
  readonly proration: Proration;
  /** Σ of the customers' lost revenue, summed exactly before rounding. */
  readonly total: Decimal;
  /**
   * Churned customers, by customer id. Built on first read (then kept), so reading `total` alone
   * never pays for a row per churned customer; an own enumerable property, so spreading the result
   * and `JSON.stringify` include it.
   */
  readonly customers: readonly LostRevenueRow[];
}

/** An exact non-negative fraction. */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

function reduce(numerator: bigint, denominator: bigint): Fraction {
  const divisor = gcd(numerator, denominator);
  return divisor === 0n ? { numerator: 0n, denominator: 1n } : { numerator: numerator / divisor, denominator: denominator / divisor };
}

function addFractions(a: Fraction, b: Fraction): Fraction {
  return reduce(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

/** Months in [from, to) with partial months prorated by their days: Σ overlap days / days in month. */
function remainingMonthsByMonth(from: EpochDay, to: EpochDay): Fraction {
  let total: Fraction = { numerator: 0n, denominator: 1n };
  let monthStart = startOfMonthDay(from);
  while (monthStart < to) {
    const next = addMonthsToDay(monthStart, 1);
    const overlap = Math.min(next, to) - Math.max(monthStart, from);
    total = addFractions(total, reduce(BigInt(overlap), BigInt(next - monthStart)));
    monthStart = next;
  }
  return total;
}

/**
 * Months of a period remaining from a churn day to the period's end (exclusive), as an exact
 * fraction: by calendar month (`"month"`) or as remaining days × 12 / 365 (`"day"`).
 */
export function remainingMonthsFraction(churnDay: EpochDay, endDay: EpochDay, proration: Proration): Fraction {
  return proration === "month" ? remainingMonthsByMonth(churnDay, endDay) : reduce(BigInt(endDay - churnDay) * 12n, 365n);
}

/** Validates the `proration` option (default `"month"`). */
export function checkProration(proration: unknown): Proration {
  if (proration === undefined) return "month";
  if (proration !== "month" && proration !== "day") {
    throw new ValidationError([{ path: "options.proration", message: `must be "month" or "day" (got ${describeValue(proration)})` }]);
  }
  return proration;
}

/**
 * Lost revenue (逸失金額) of a period: for each customer that churned in it, the part of its
 * prior-year ARR that the rest of the period would have brought in.
 *
 * @remarks
 * For c ∈ C0 with M1 = 0 (churned), base ARR = 12 × M0 and
 * lost = base ARR × (months of the period remaining from the churn date) / 12, the churn date being
 * the day after its last active day. `proration: "month"` counts a partial month as remaining days /
 * days in that month; `"day"` uses remaining days / 365 (DOMAIN.md §4). The total is summed exactly.
 *
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param period - `[start, end)`, usually a year or fiscal year.
 * @param options - `proration`, `"month"` by default.
 * @returns Rows per churned customer and their total, in the book's currency.
 * @throws {@link ValidationError}, {@link CurrencyMismatchError}, {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { lostRevenue, year } from "cs-metrics";
 * // uSonar: MRR ¥200,000 (ARR ¥2,400,000) ending at the end of March → April–December, 9 months.
 * const lost = lostRevenue([
 *   { id: "1", customerId: "a", start: "2024-04-01", end: "2025-04-01", amount: 200000, currency: "JPY" },
 * ], year(2025));
 * lost.total.toString(); //=> "1800000"
 * lost.customers[0]?.remainingMonths.toString(); //=> "9"
 * ```
 */
export function lostRevenue(contracts: ContractsInput, period: PeriodInput, options: LostRevenueOptions = {}): LostRevenue {
  const proration = checkProration(readOptions(options).proration);
  return lostRevenueOf(analysePeriod(contracts, period), proration);
}

/** Lost revenue of an already evaluated period. */
export function lostRevenueOf({ book, resolved, churnedRows }: Pick<PeriodAnalysis, "book" | "resolved" | "churnedRows">, proration: Proration): LostRevenue {
  // lost = 12·M0 × months / 12 = M0 × months (book units), and months depends on the churn day only,
  // so the total is Σ over churn days of months(day) × Σ M0 of the customers churned that day: one
  // bigint addition per churned customer, one fraction per distinct churn day.
  const unitsByChurnDay = new Map<EpochDay, bigint>();
  const churned: { readonly customerId: string; readonly startingUnits: bigint; readonly churnDay: EpochDay }[] = [];
  for (const { customerId, startingUnits, churnDay } of churnedRows) {
    if (churnDay === null) continue;
    unitsByChurnDay.set(churnDay, (unitsByChurnDay.get(churnDay) ?? 0n) + startingUnits);
    churned.push({ customerId, startingUnits, churnDay });
  }
  const monthsByChurnDay = new Map<EpochDay, Fraction>();
  let total: Fraction = { numerator: 0n, denominator: 1n };
  for (const [churnDay, units] of unitsByChurnDay) {
    const months = remainingMonthsFraction(churnDay, resolved.endDay, proration);
    monthsByChurnDay.set(churnDay, months);
    total = addFractions(total, reduce(units * months.numerator, months.denominator));
  }
  const result = {
    currency: book.currency,
    period: resolved.period,
    proration,
    total: divide(total.numerator, total.denominator * book.denominator),
  };
  // The rows (three Decimals each) are built when `customers` is first read.
  return withLazyRows(result, "customers", () => {
    const customers: LostRevenueRow[] = [];
    const money = divisionBy(book.denominator);
    // Per churn day: its date and remaining months (Decimals are immutable, so rows share them).
    const days = new Map<EpochDay, { readonly churnDate: CalendarDate; readonly remainingMonths: Decimal }>();
    for (const row of churned) {
      const months = monthsByChurnDay.get(row.churnDay)!;
      let day = days.get(row.churnDay);
      if (day === undefined) {
        day = { churnDate: formatCalendarDate(row.churnDay), remainingMonths: divide(months.numerator, months.denominator) };
        days.set(row.churnDay, day);
      }
      customers.push({
        customerId: row.customerId,
        churnDate: day.churnDate,
        baseArr: money(12n * row.startingUnits),
        remainingDays: resolved.endDay - row.churnDay,
        remainingMonths: day.remainingMonths,
        lostRevenue: divide(row.startingUnits * months.numerator, months.denominator * book.denominator),
      });
    }
    return customers;
  });
}
