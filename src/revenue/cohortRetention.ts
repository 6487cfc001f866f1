/**
 * Monthly start-cohort retention, on revenue and logo bases.
 * @module
 */
import type { Decimal } from "decimal.js";
import { addMonthsToDay, formatMonth, startOfMonthDay } from "../dates/calendarDate.js";
import { resolvePeriod } from "../dates/period.js";
import { ValidationError } from "../errors.js";
import { ratio } from "../money/exactDecimal.js";
import { readOptions } from "../schemas/options.js";
import type { Period, PeriodInput } from "../schemas/period.js";
import { describeValue } from "../schemas/primitives.js";
import { type ContractsInput, toContractBook, unitsToDecimal } from "./contractBook.js";
import { unitsOn } from "./periodRows.js";

/** One cell of a cohort row: the cohort `monthsSinceStart` months after its start month. */
export interface CohortCell {
  readonly monthsSinceStart: number;
  /** `YYYY-MM` of the month observed. */
  readonly month: string;
  /** Cohort customers with MRR > 0 on that month's last day. */
  readonly activeCustomers: number;
  /** Cohort MRR on that month's last day. */
  readonly mrr: Decimal;
  /** activeCustomers / cohort size; `null` for an empty cohort. */
  readonly logoRetention: Decimal | null;
  /** mrr / the cohort's revenue base ({@link Cohort.startingMrr}); `null` when that is 0. */
  readonly revenueRetention: Decimal | null;
}

/** One start cohort. */
export interface Cohort {
  /** `YYYY-MM`: the month of the customers' first day with MRR > 0. */
  readonly cohort: string;
  /** Customers in the cohort. */
  readonly customers: number;
  /**
   * The revenue base: the cohort's MRR on the last day of its start month (`base: "monthEnd"`), or
   * the sum of its customers' MRR on their first paid days (`base: "conversion"`).
   */
  readonly startingMrr: Decimal;
  /** Month 0, 1, 2, … up to the period's last full month. */
  readonly cells: readonly CohortCell[];
}

/** What a cohort's revenue retention is measured against. */
export type CohortBase = "monthEnd" | "conversion";

/** Options of {@link cohortRetention}. */
export interface CohortRetentionOptions {
  /**
   * The revenue base. `"monthEnd"` (default): the cohort's MRR on the last day of its start month,
   * so month 0 is 100% (unless the base is 0). `"conversion"`: Σ of each customer's MRR on its first
   * paid day — ChartMogul's cohort value, "the total MRR of new subscriptions … classified as New
   * Business" — so upgrades, downgrades and churn within the start month already show in month 0.
   */
  readonly base?: CohortBase;
}

/** {@link cohortRetention}'s result. */
export interface CohortRetention {
  readonly currency: string;
  readonly period: Period;
  readonly cohorts: readonly Cohort[];
}

/**
 * Cohort retention: customers grouped by the month they first had MRR, followed month by month.
 *
 * @remarks
 * Cohort(m) = customers whose first day with MRR > 0 falls in month m, for months m starting inside
 * the period. For k = 0, 1, … while month m+k ends within the period:
 * logo retention(m, k) = |{c ∈ cohort : MRR_c(last day of m+k) > 0}| / |cohort| and
 * revenue retention(m, k) = Σ_cohort MRR_c(last day of m+k) / base, base = Σ_cohort MRR_c(last day
 * of m) by default, or Σ_cohort MRR_c(c's first paid day) with `base: "conversion"` (ChartMogul's).
 * Reactivated customers count as retained in the months they pay again; a customer that starts and
 * stops inside its start month is in the cohort's size, and in its revenue base only with `base: "conversion"`.
 *
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param period - The months whose cohorts to follow, and how far: only whole months inside it count.
 * @param options - `base`: `"monthEnd"` (default) or `"conversion"`.
 * @throws {@link ValidationError} (also for an unknown `base`), {@link CurrencyMismatchError}, {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { cohortRetention, quarter } from "cs-metrics";
 * const result = cohortRetention([
 *   { id: "1", customerId: "a", start: "2025-01-05", amount: 100, currency: "USD" },
 *   { id: "2", customerId: "b", start: "2025-01-20", end: "2025-03-01", amount: 100, currency: "USD" },
 * ], quarter(2025, 1));
 * result.cohorts[0]?.cells.map((c) => c.logoRetention?.toString()); //=> ["1", "1", "0.5"]
 * // c converts at $100 on Jan 10 and downgrades to $50 on Jan 20: against its MRR at conversion,
 * // month 0 keeps 50 / 100 = 0.5; against January's month-end MRR it keeps 50 / 50 = 1.
 * const downgrade = [
 *   { id: "3", customerId: "c", start: "2025-01-10", end: "2025-01-20", amount: 100, currency: "USD" },
 *   { id: "4", customerId: "c", start: "2025-01-20", amount: 50, currency: "USD" },
 * ];
 * cohortRetention(downgrade, quarter(2025, 1), { base: "conversion" }).cohorts[0]?.cells[0]?.revenueRetention?.toString(); //=> "0.5"
 * cohortRetention(downgrade, quarter(2025, 1)).cohorts[0]?.cells[0]?.revenueRetention?.toString(); //=> "1"
 * ```
 */
export function cohortRetention(contracts: ContractsInput, period: PeriodInput, options: CohortRetentionOptions = {}): CohortRetention {
  const resolved = resolvePeriod(period);
  const base = readBase(readOptions(options).base);
  const book = toContractBook(contracts);
  // Only whole months inside the period: a period starting mid-month begins with the next month.
  const monthOfStart = startOfMonthDay(resolved.startDay);
  const firstMonth = monthOfStart === resolved.startDay ? monthOfStart : addMonthsToDay(monthOfStart, 1);
  const monthStarts: number[] = [];
  for (let m = firstMonth; addMonthsToDay(m, 1) <= resolved.endDay; m = addMonthsToDay(m, 1)) monthStarts.push(m);
  const monthEnds = monthStarts.map((m) => addMonthsToDay(m, 1) - 1);

  const members = new Map<number, (typeof book.customers)[number][]>();
  for (const customer of book.customers) {
    const first = customer.lines.find((line) => line.mrrUnits > 0n);
    if (first === undefined) continue;
    const index = monthStarts.indexOf(startOfMonthDay(first.startDay));
    if (index < 0) continue;
    const list = members.get(index);
    if (list === undefined) members.set(index, [customer]);
    else list.push(customer);
  }

  const cohorts: Cohort[] = [];
  for (let index = 0; index < monthStarts.length; index++) {
    const cohortCustomers = members.get(index) ?? [];
    if (cohortCustomers.length === 0) continue;
    const size = BigInt(cohortCustomers.length);
    let baseUnits = 0n;
    if (base === "conversion") {
      for (const customer of cohortCustomers) baseUnits += unitsOn(customer.lines, customer.lines.find((line) => line.mrrUnits > 0n)!.startDay);
    }
    const cells: CohortCell[] = [];
    for (let k = 0; index + k < monthEnds.length; k++) {
      const day = monthEnds[index + k]!;
      let units = 0n;
      let active = 0;
      for (const customer of cohortCustomers) {
        const customerUnits = unitsOn(customer.lines, day);
        units += customerUnits;
        if (customerUnits > 0n) active++;
      }
      if (k === 0 && base === "monthEnd") baseUnits = units;
      cells.push({
        monthsSinceStart: k,
        month: formatMonth(day),
        activeCustomers: active,
        mrr: unitsToDecimal(book, units),
        logoRetention: ratio(BigInt(active), size),
        revenueRetention: ratio(units, baseUnits),
      });
    }
    cohorts.push({
      cohort: formatMonth(monthStarts[index]!),
      customers: cohortCustomers.length,
      startingMrr: unitsToDecimal(book, baseUnits),
      cells,
    });
  }
  return { currency: book.currency, period: resolved.period, cohorts };
}


function readBase(value: unknown): CohortBase {
  if (value === undefined || value === "monthEnd" || value === "conversion") return value ?? "monthEnd";
  throw new ValidationError([{ path: "options.base", message: `must be "monthEnd" or "conversion" (got ${describeValue(value)})` }]);
}
