/**
 * Monthly start-cohort retention, on revenue and logo bases.
 * @module
 */
import type { Decimal } from "decimal.js";
import { addMonthsToDay, formatMonth, startOfMonthDay } from "../dates/calendarDate.js";
import { resolvePeriod } from "../dates/period.js";
import { ratio } from "../money/exactDecimal.js";
import type { Period, PeriodInput } from "../schemas/period.js";
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
  /** mrr / the cohort's MRR at the end of its start month; `null` when that is 0. */
  readonly revenueRetention: Decimal | null;
}

/** One start cohort. */
export interface Cohort {
  /** `YYYY-MM`: the month of the customers' first day with MRR > 0. */
  readonly cohort: string;
  /** Customers in the cohort. */
  readonly customers: number;
  /** The cohort's MRR on the last day of its start month (the revenue base). */
  readonly startingMrr: Decimal;
  /** Month 0, 1, 2, … up to the period's last full month. */
  readonly cells: readonly CohortCell[];
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
 * revenue retention(m, k) = Σ_cohort MRR_c(last day of m+k) / Σ_cohort MRR_c(last day of m).
 * Reactivated customers count as retained in the months they pay again; a customer that starts and
 * stops inside its start month is in the cohort's size but not its revenue base.
 *
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param period - The months whose cohorts to follow, and how far: only whole months inside it count.
 * @throws {@link ValidationError}, {@link CurrencyMismatchError}, {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { cohortRetention, quarter } from "cs-metrics";
 * const result = cohortRetention([
 *   { id: "1", customerId: "a", start: "2025-01-05", amount: 100, currency: "USD" },
 *   { id: "2", customerId: "b", start: "2025-01-20", end: "2025-03-01", amount: 100, currency: "USD" },
 * ], quarter(2025, 1));
 * result.cohorts[0]?.cells.map((c) => c.logoRetention?.toString()); //=> ["1", "1", "0.5"]
 * ```
 */
export function cohortRetention(contracts: ContractsInput, period: PeriodInput): CohortRetention {
  const resolved = resolvePeriod(period);
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
      if (k === 0) baseUnits = units;
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

