/**
 * LTV: customer lifetime value from ARPA and trailing logo churn (DOMAIN.md §8).
 * @module
 */
import type { Decimal } from "decimal.js";
import { addMonthsToDay, formatCalendarDate, formatMonth, startOfMonthDay } from "../dates/calendarDate.js";
import { type ResolvedPeriod, month as monthPeriod, resolvePeriod } from "../dates/period.js";
import { InvalidPeriodError } from "../errors.js";
import { divide, gcd, powerOfTen, ratio } from "../money/exactDecimal.js";
import { readOptions } from "../schemas/options.js";
import type { Period, PeriodInput } from "../schemas/period.js";
import { type ContractsInput, toContractBook } from "../revenue/contractBook.js";
import { bookUnitsOn } from "../revenue/mrr.js";
import { analysePeriod } from "../revenue/periodAnalysis.js";
import { type GrossMarginOptions, readFlag, readGrossMargin, readWholeNumber } from "./options.js";

/** Options of {@link ltv}. */
export interface LtvOptions extends GrossMarginOptions {
  /** How many monthly logo churn rates to average. Default 6 (ChartMogul's six-month trailing average). */
  readonly trailingMonths?: number;
  /**
   * Average the `trailingMonths` months *before* the month instead of those ending with it
   * (ChartMogul: "the average of the churn rates from the previous six months, excluding the current
   * month"). Default `false`.
   */
  readonly excludeCurrentMonth?: boolean;
}

/** One month whose logo churn rate enters the average. */
export interface LtvChurnMonth {
  /** `YYYY-MM`. */
  readonly month: string;
  /** Churned logos / starting logos of the month; `null` when nobody paid at its start (left out of the mean). */
  readonly logoChurnRate: Decimal | null;
}

/** {@link ltv}'s result: the lifetime value and every figure it is made of. */
export interface LifetimeValue {
  readonly currency: string;
  /** The month LTV is reported for. */
  readonly month: Period;
  /** ARPA × gross margin / mean logo churn rate; `null` when ARPA or the mean churn is `null` or the churn is 0. */
  readonly ltv: Decimal | null;
  /** ARPA on the month's last day; `null` when nobody pays then. */
  readonly arpa: Decimal | null;
  readonly grossMargin: Decimal;
  /** Mean of the defined monthly logo churn rates; `null` when none is defined. */
  readonly meanLogoChurnRate: Decimal | null;
  /** The months averaged, oldest first. */
  readonly churnMonths: readonly LtvChurnMonth[];
}

/** The month argument: `"YYYY-MM"` or a period that is exactly one calendar month. */
function resolveMonth(input: string | PeriodInput): ResolvedPeriod {
  if (typeof input === "string") return resolvePeriod(monthPeriod(input), "month");
  const resolved = resolvePeriod(input, "month");
  if (startOfMonthDay(resolved.startDay) !== resolved.startDay || addMonthsToDay(resolved.startDay, 1) !== resolved.endDay) {
    throw new InvalidPeriodError("month", `must be one calendar month, e.g. month("2026-03") (got ${resolved.period.start} … ${resolved.period.end})`);
  }
  return resolved;
}

/**
 * LTV (customer lifetime value) for a month: ARPA × gross margin over the mean monthly logo churn
 * rate of the trailing months.
 *
 * @remarks LTV(m) = ARPA(last day of m) × gross margin / mean(logo churn rate of the `trailingMonths`
 * months ending with m). The logo churn rate of a month is churned logos / logos paying at its start
 * ({@link logoChurnRate}); months with nobody paying at their start have no rate and are left out of
 * the mean. 1 / churn is the expected lifetime in months, so LTV is the revenue (gross profit, with
 * a margin below 1) of an average account over its expected lifetime.
 * Sources: ChartMogul "LTV = ARPA / customer churn rate" over a six-month trailing average of the
 * churn rate that excludes the current month (`excludeCurrentMonth: true`); Baremetrics "ARPU ÷ user
 * churn rate" (one period, `trailingMonths: 1`); the SaaS-metrics texts (David Skok) multiply by
 * gross margin. ProfitWell divides by 1 − retention with smoothing instead — not offered.
 * Computed as one exact fraction, rounded once (40 significant digits) when it does not terminate.
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param month - The month, `"YYYY-MM"` or a period that is one calendar month (`month("2026-03")`).
 * @param options - `trailingMonths` (1–120, default 6), `grossMargin` (0 < g ≤ 1, default 1), `excludeCurrentMonth` (default `false`).
 * @returns The LTV with its parts; `ltv` is `null` when nobody pays on the month's last day, no month
 * has a churn rate, or the mean churn is 0 (an unbounded lifetime).
 * @throws {@link ValidationError} for a bad option or contract, {@link InvalidPeriodError} when `month` is not one calendar month, {@link CurrencyMismatchError}.
 * @example
 * ```ts
 * import { ltv } from "cs-metrics";
 * // Five customers pay $100 from December 2024; b leaves in May (churn 1 of 5), c in June (1 of 4).
 * // June: ARPA on June 30 = $300 / 3 = $100; churn rates Jan–Jun = 0, 0, 0, 0, 0.2, 0.25
 * // → mean 0.45 / 6 = 0.075 → LTV = $100 × 0.75 / 0.075 = $1,000.
 * // Two trailing months, margin 1: mean (0.2 + 0.25) / 2 = 0.225 → $100 / 0.225 = $444.44…
 * const contracts = ["a", "b", "c", "d", "e"].map((customerId, i) => ({
 *   id: String(i), customerId, start: "2024-12-01", amount: 100, currency: "USD",
 *   end: customerId === "b" ? "2025-05-10" : customerId === "c" ? "2025-06-20" : null,
 * }));
 * const june = ltv(contracts, "2025-06", { grossMargin: "0.75" });
 * june.meanLogoChurnRate?.toString(); //=> "0.075"
 * june.ltv?.toString(); //=> "1000"
 * ltv(contracts, "2025-06", { trailingMonths: 2 }).ltv?.toString(); //=> "444.4444444444444444444444444444444444444"
 * ```
 */
export function ltv(contracts: ContractsInput, month: string | PeriodInput, options: LtvOptions = {}): LifetimeValue {
  const resolved = resolveMonth(month);
  const read = readOptions(options);
  const trailingMonths = readWholeNumber(read.trailingMonths, 6, 1, 120, "options.trailingMonths");
  const grossMargin = readGrossMargin(read.grossMargin);
  const excludeCurrent = readFlag(read.excludeCurrentMonth, "options.excludeCurrentMonth");
  const book = toContractBook(contracts);

  const { units, customers } = bookUnitsOn(book, resolved.endDay - 1);
  // Σ churned_i / starting_i as one fraction churnNumerator / churnDenominator.
  let churnNumerator = 0n;
  let churnDenominator = 1n;
  let defined = 0n;
  const churnMonths: LtvChurnMonth[] = [];
  const offset = excludeCurrent ? 1 : 0;
  for (let back = trailingMonths - 1 + offset; back >= offset; back--) {
    const start = addMonthsToDay(resolved.startDay, -back);
    const totals = analysePeriod(book, { start: formatCalendarDate(start), end: formatCalendarDate(addMonthsToDay(start, 1)) }).totals;
    const churned = BigInt(totals.churnedCustomers);
    const starting = BigInt(totals.startingCustomers);
    churnMonths.push({ month: formatMonth(start), logoChurnRate: ratio(churned, starting) });
    if (starting === 0n) continue;
    defined++;
    churnNumerator = churnNumerator * starting + churned * churnDenominator;
    churnDenominator *= starting;
    const divisor = gcd(churnNumerator, churnDenominator);
    if (divisor > 1n) {
      churnNumerator /= divisor;
      churnDenominator /= divisor;
    }
  }
  const arpaValue = customers === 0 ? null : divide(units, book.denominator * BigInt(customers));
  const meanChurn = defined === 0n ? null : divide(churnNumerator, churnDenominator * defined);
  // LTV = (units / (denominator × customers)) × (g / 10^s) / (churnNumerator / (churnDenominator × defined)).
  const { coefficient, scale } = grossMargin.scaled;
  const value =
    arpaValue === null || churnNumerator === 0n
      ? null
      : divide(units * coefficient * churnDenominator * defined, book.denominator * BigInt(customers) * powerOfTen(scale) * churnNumerator);
  return {
    currency: book.currency,
    month: resolved.period,
    ltv: value,
    arpa: arpaValue,
    grossMargin: grossMargin.value,
    meanLogoChurnRate: meanChurn,
    churnMonths,
  };
}
