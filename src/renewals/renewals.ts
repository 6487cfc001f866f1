/**
 * Renewals of a period weighted by ARR (DOMAIN.md §8): what was due, what renewed, and the gross and
 * net renewal rates, in total and by month.
 * @module
 */
import type { Decimal } from "decimal.js";
import { type CalendarDate, type EpochDay, formatCalendarDate, formatMonth, parseCalendarDate } from "../dates/calendarDate.js";
import { monthsOf, resolvePeriod } from "../dates/period.js";
import { ValidationError } from "../errors.js";
import { ratio } from "../money/exactDecimal.js";
import { type ContractsInput, toContractBook, unitsToDecimal } from "../revenue/contractBook.js";
import { unitsOn } from "../revenue/periodRows.js";
import { readOptions } from "../schemas/options.js";
import type { Period, PeriodInput } from "../schemas/period.js";
import { type CalendarDateInput, describeValue, toCalendarDate } from "../schemas/primitives.js";
import { termEndsIn } from "./termEnds.js";

/** Options of {@link renewals}. */
export interface RenewalsOptions {
  /**
   * The day the books are known up to (`YYYY-MM-DD` or a `Date`, read in UTC): a renewal dated after
   * it is pending and gets no renewed ARR. Default: every renewal of the period has been decided.
   */
  readonly asOf?: CalendarDateInput;
}

/**
 * How a decided renewal went: ARR renewed against ARR due (`churned` = nothing renewed); `pending`
 * when the renewal date is after `asOf`.
 */
export type RenewalOutcome = "renewed" | "expanded" | "contracted" | "churned" | "pending";

/** One customer's renewal: a day on which one or more of its terms end. */
export interface RenewalRow {
  readonly customerId: string;
  /** The first day after the term (the line's `end`, or the anniversary). */
  readonly renewalDate: CalendarDate;
  /** `YYYY-MM` of the renewal date. */
  readonly month: string;
  /** Ids of the lines whose term ends on the renewal date. */
  readonly lineIds: readonly string[];
  /** The customer's ARR on the day before the renewal date (all its lines). */
  readonly arrDue: Decimal;
  /** Its ARR on the renewal date; `null` while pending. */
  readonly arrRenewed: Decimal | null;
  readonly outcome: RenewalOutcome;
}

/** Totals of a set of renewal rows. Rates are over the decided ones. */
export interface RenewalTotals {
  /** Rows (customer renewal dates). */
  readonly renewals: number;
  /** Σ ARR due over every row. */
  readonly arrDue: Decimal;
  /** Rows whose date is on or before `asOf`. */
  readonly decided: number;
  /** Σ ARR due over the decided rows. */
  readonly decidedArrDue: Decimal;
  /** Σ ARR renewed over the decided rows. */
  readonly arrRenewed: Decimal;
  /** Σ min(renewed, due) over the decided rows. */
  readonly grossArrRenewed: Decimal;
  /** Σ ARR due over the pending rows. */
  readonly pendingArrDue: Decimal;
  /** Σ min(renewed, due) / Σ due over the decided rows, 0–1; `null` when nothing was decided. */
  readonly grossRenewalRate: Decimal | null;
  /** Σ renewed / Σ due over the decided rows; `null` when nothing was decided. */
  readonly netRenewalRate: Decimal | null;
}

/** {@link renewals}' result. */
export interface Renewals {
  readonly currency: string;
  readonly period: Period;
  /** The `asOf` day, or `null` when every renewal counts as decided. */
  readonly asOf: CalendarDate | null;
  /** One row per customer and renewal date, by date then customer id. */
  readonly rows: readonly RenewalRow[];
  readonly totals: RenewalTotals;
  /** The same totals for every calendar month the period overlaps, in order. */
  readonly byMonth: readonly (RenewalTotals & { readonly month: string })[];
}

function readAsOf(value: unknown): EpochDay {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  const text = toCalendarDate(value);
  if (text === null) throw new ValidationError([{ path: "options.asOf", message: `must be a calendar date YYYY-MM-DD (got ${describeValue(value)})` }]);
  return parseCalendarDate(text)!;
}

/** Exact sums of renewal rows, in book units. */
interface UnitTotals {
  renewals: number;
  decided: number;
  due: bigint;
  decidedDue: bigint;
  renewed: bigint;
  grossRenewed: bigint;
}

const emptyUnits = (): UnitTotals => ({ renewals: 0, decided: 0, due: 0n, decidedDue: 0n, renewed: 0n, grossRenewed: 0n });

function outcomeOf(due: bigint, renewed: bigint | null): RenewalOutcome {
  if (renewed === null) return "pending";
  if (renewed === 0n) return "churned";
  return renewed > due ? "expanded" : renewed < due ? "contracted" : "renewed";
}

/**
 * Renewals of a period weighted by ARR: every customer with a term ending in the period, its ARR due
 * and renewed, and the gross and net renewal rates in total and by month.
 *
 * @remarks
 * A term ends on a line's `end` (the first day it is no longer active), or on an anniversary
 * `start + k × term` of an open-ended line whose term (months per interval × intervalCount) is longer
 * than a month — quarterly, yearly, multi-year; month-to-month lines never come up for renewal
 * until they end. Lines with MRR 0 are left out. For each customer and renewal date d in the period:
 * ARR due = 12 × the customer's MRR on d − 1, ARR renewed = 12 × its MRR on d (known once d ≤ asOf) —
 * customer level, so a replacement line starting on d counts as renewed and an upsell booked with
 * the renewal as expansion (DOMAIN.md §8).
 *
 * gross renewal rate = Σ min(renewed, due) / Σ due, net renewal rate = Σ renewed / Σ due, over the
 * decided renewals: the ARR-weighted renewal rates of Gainsight's renewal center and the
 * renewal-date view of Mazrica (更新商談・解約日ベースの受注額), in contrast to the logo-count
 * {@link expectedRetention}. The gross rate is in [0, 1] and never above the net rate. Some teams
 * count only the ARR of the lines up for renewal; here the whole customer's ARR is due, which is
 * what a lost renewal usually takes with it.
 *
 * @param contracts - A {@link ContractBook} or raw contract records; not mutated.
 * @param period - `[start, end)`: renewal dates in it are listed.
 * @param options - `asOf`: renewals after it are pending.
 * @returns Rows by date, totals and the totals of every month of the period.
 * @throws {@link ValidationError} for invalid contracts or `options.asOf`; {@link CurrencyMismatchError};
 * {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { renewals, year } from "cs-metrics";
 * const result = renewals([
 *   { id: "a", customerId: "acme", start: "2024-04-01", amount: 1200000, interval: "year", currency: "JPY" },
 *   { id: "b1", customerId: "beta", start: "2024-07-01", end: "2025-07-01", amount: 600000, interval: "year", currency: "JPY" },
 *   { id: "b2", customerId: "beta", start: "2025-07-01", amount: 480000, interval: "year", currency: "JPY" },
 * ], year(2025));
 * result.rows.map((row) => [row.customerId, row.renewalDate, row.outcome]);
 * //=> [["acme", "2025-04-01", "renewed"], ["beta", "2025-07-01", "contracted"]]
 * // due 1,200,000 + 600,000; renewed 1,200,000 + 480,000: 1,680,000 / 1,800,000
 * result.totals.netRenewalRate?.toString(); //=> "0.9333333333333333333333333333333333333333"
 * ```
 */
export function renewals(contracts: ContractsInput, period: PeriodInput, options: RenewalsOptions = {}): Renewals {
  const asOfDay = readAsOf(readOptions(options).asOf);
  const resolved = resolvePeriod(period);
  const book = toContractBook(contracts);
  const linesOf = new Map(book.customers.map((customer) => [customer.customerId, customer.lines]));
  const arr = (units: bigint): Decimal => unitsToDecimal(book, 12n * units);
  const months = monthsOf(resolved.period).map((month) => formatMonth(parseCalendarDate(month.start)!));
  const byMonth = new Map(months.map((month) => [month, emptyUnits()]));
  const all = emptyUnits();
  const rows: RenewalRow[] = [];
  for (const { customerId, day, lineIds } of termEndsIn(book, resolved)) {
    const lines = linesOf.get(customerId)!;
    const due = unitsOn(lines, day - 1);
    const renewed = day <= asOfDay ? unitsOn(lines, day) : null;
    const month = formatMonth(day);
    for (const totals of [all, byMonth.get(month)!]) {
      totals.renewals++;
      totals.due += due;
      if (renewed === null) continue;
      totals.decided++;
      totals.decidedDue += due;
      totals.renewed += renewed;
      totals.grossRenewed += renewed < due ? renewed : due;
    }
    rows.push({
      customerId,
      renewalDate: formatCalendarDate(day),
      month,
      lineIds,
      arrDue: arr(due),
      arrRenewed: renewed === null ? null : arr(renewed),
      outcome: outcomeOf(due, renewed),
    });
  }
  const totalsOf = (t: UnitTotals): RenewalTotals => ({
    renewals: t.renewals,
    arrDue: arr(t.due),
    decided: t.decided,
    decidedArrDue: arr(t.decidedDue),
    arrRenewed: arr(t.renewed),
    grossArrRenewed: arr(t.grossRenewed),
    pendingArrDue: arr(t.due - t.decidedDue),
    grossRenewalRate: ratio(t.grossRenewed, t.decidedDue),
    netRenewalRate: ratio(t.renewed, t.decidedDue),
  });
  return {
    currency: book.currency,
    period: resolved.period,
    asOf: Number.isFinite(asOfDay) ? formatCalendarDate(asOfDay) : null,
    rows,
    totals: totalsOf(all),
    byMonth: months.map((month) => ({ month, ...totalsOf(byMonth.get(month)!) })),
  };
}
