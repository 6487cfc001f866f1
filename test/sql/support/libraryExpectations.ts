/**
 * What the generated SQL must return, computed by the library itself: every money value truncated
 * toward zero to the SQL's money scale (18 places), every rate to its rate scale (28), as text — so an
 * engine's result equals the library's value exactly whenever that has at most so many places.
 */
import Decimal from "decimal.js";
import type { MovementTotals, Period, RevenueRates } from "../../../src/index.js";
import { cohortRetention, lostRevenue, revenueMovements, revenueReport } from "../../../src/index.js";
import type { Proration } from "../../../src/lostRevenue/lostRevenue.js";
import type { ContractsInput } from "../../../src/revenue/contractBook.js";
import { type GeneratedContract, MONTHS_PER_INTERVAL, dateOfDay, dayOfDate } from "../../support/contractArbitraries.js";
import { isActiveOn } from "../../support/naiveMovements.js";
import type { TextRow } from "./engines.js";

export const MONEY_PLACES = 18;
export const RATE_PLACES = 28;

/** A library Decimal as the SQL must print it: truncated toward zero to `places`. */
export function truncated(value: Decimal | null, places: number): string | null {
  return value === null ? null : value.toDecimalPlaces(places, Decimal.ROUND_DOWN).toFixed(places);
}

/** An engine's text value in the same form (`null` stays `null`; counts stay whole). */
export function normalised(value: string | null, places: number): string | null {
  return value === null ? null : new Decimal(value).toFixed(places);
}

/** The kinds of column a statement returns. */
export type ColumnKind = "money" | "rate" | "count" | "text";

const PLACES: Record<ColumnKind, number> = { money: MONEY_PLACES, rate: RATE_PLACES, count: 0, text: -1 };

/** Normalises an engine row by the kinds of its columns (text columns are kept as they are). */
export function normaliseRow(row: TextRow, kinds: Readonly<Record<string, ColumnKind>>): TextRow {
  const result: TextRow = {};
  for (const [column, kind] of Object.entries(kinds)) {
    const value = row[column] ?? null;
    result[column] = kind === "text" ? value : normalised(value, PLACES[kind]);
  }
  return result;
}

const money = (value: Decimal): string | null => truncated(value, MONEY_PLACES);
const rate = (value: Decimal | null): string | null => truncated(value, RATE_PLACES);
const count = (value: number): string => String(value);

export const REPORT_KINDS: Record<string, ColumnKind> = {
  starting_mrr: "money", ending_mrr: "money", new_mrr: "money", reactivation_mrr: "money", expansion_mrr: "money",
  contraction_mrr: "money", churned_mrr: "money", net_new_mrr: "money",
  starting_customers: "count", ending_customers: "count", new_customers: "count", reactivated_customers: "count",
  expanded_customers: "count", contracted_customers: "count", churned_customers: "count", flat_customers: "count",
  nrr: "rate", grr: "rate", expansion_rate: "rate", contraction_rate: "rate", revenue_churn_rate: "rate",
  gross_revenue_churn_rate: "rate", net_revenue_churn_rate: "rate", logo_churn_rate: "rate", logo_retention_rate: "rate",
  net_logo_churn_rate: "rate", lost_revenue: "money", arpa: "money", quick_ratio: "rate",
};

/** The library's `revenueReport` as the `revenueReport` statement's single row. */
export function expectedReport(
  book: ContractsInput,
  period: Period,
  proration: Proration,
  subtractReactivation: boolean,
  records: readonly GeneratedContract[],
  conversion: WeeksAndDays = {},
): TextRow {
  const { movements, rates, lostRevenue: lost } = revenueReport(book, period, { proration, subtractReactivation });
  return { ...reportRow(movements, rates, lost.total), ...arpaAndQuickRatio(book, records, period, subtractReactivation, conversion) };
}

/** The weekly and daily conversions of a check (numbers or "n/d" fractions, as contractBook takes them). */
export interface WeeksAndDays {
  readonly weeksPerMonth?: number | string;
  readonly daysPerMonth?: number | string;
}

/** A per-month fraction [numerator, denominator] from `4`, `"52/12"`, … */
function fraction(value: number | string): readonly [bigint, bigint] {
  const [n = "", d = "1"] = String(value).split("/");
  return [BigInt(n), BigInt(d)];
}

/** 10^8 · 332,640: a whole number of units for any amount of ≤ 8 places over any months dividing 332,640. */
const EXACT_DENOMINATOR = 10n ** 8n * 332_640n;

/** A record's MRR in 1 / EXACT_DENOMINATOR units, from its decimal text. */
function exactUnits(record: GeneratedContract, conversion: WeeksAndDays): bigint {
  const [whole = "0", decimals = ""] = record.amount.split(".");
  const scaled = BigInt(whole) * 10n ** 8n + BigInt(decimals.padEnd(8, "0"));
  // Intervals per month as a fraction: 1, 1/3, 1/12, weeks (52/12 or 4), days (365/12 or 30).
  const [perMonth, over] =
    record.interval === "week"
      ? fraction(conversion.weeksPerMonth ?? "52/12")
      : record.interval === "day"
        ? fraction(conversion.daysPerMonth ?? "365/12")
        : ([1n, BigInt(MONTHS_PER_INTERVAL[record.interval])] as const);
  return (scaled * 332_640n * perMonth) / (over * BigInt(record.intervalCount));
}

/** n / d ≥ 0 truncated to `places`, as `toFixed(places)` prints it; `null` when d = 0. */
export function truncatedFraction(n: bigint, d: bigint, places: number): string | null {
  if (d === 0n) return null;
  const q = (n * 10n ** BigInt(places)) / d;
  const unit = 10n ** BigInt(places);
  return `${q / unit}.${(q % unit).toString().padStart(places, "0")}`;
}

/**
 * ARPA on the period's last day (ending MRR / ending customers) and the quick ratio ((new + expansion
 * [+ reactivation]) / (churn + contraction)), each customer's M0 and M1 summed exactly from the
 * records, its movement as the library classifies it.
 */
function arpaAndQuickRatio(
  book: ContractsInput,
  records: readonly GeneratedContract[],
  period: Period,
  includeReactivation: boolean,
  conversion: WeeksAndDays,
): TextRow {
  const dayBefore = dateOfDay(dayOfDate(period.start) - 1);
  const lastDay = dateOfDay(dayOfDate(period.end) - 1);
  const unitsOn = (customerId: string, date: string): bigint =>
    records.reduce((sum, r) => (r.customerId === customerId && isActiveOn(r, date) ? sum + exactUnits(r, conversion) : sum), 0n);
  let ending = 0n;
  let payers = 0n;
  let gains = 0n;
  let losses = 0n;
  for (const { customerId, movement } of revenueMovements(book, period).customers) {
    const m0 = unitsOn(customerId, dayBefore);
    const m1 = unitsOn(customerId, lastDay);
    ending += m1;
    if (m1 > 0n) payers++;
    if (movement === "new" || (includeReactivation && movement === "reactivation")) gains += m1;
    if (movement === "expansion") gains += m1 - m0;
    if (movement === "churn" || movement === "contraction") losses += m0 - m1;
  }
  return { arpa: truncatedFraction(ending, payers * EXACT_DENOMINATOR, MONEY_PLACES), quick_ratio: truncatedFraction(gains, losses, RATE_PLACES) };
}

/** A report's movements, rates and lost revenue as the `revenueReport` statement's columns. */
export function reportRow(m: MovementTotals, r: RevenueRates, lostTotal: Decimal): TextRow {
  return {
    starting_mrr: money(m.startingMrr), ending_mrr: money(m.endingMrr), new_mrr: money(m.newMrr),
    reactivation_mrr: money(m.reactivationMrr), expansion_mrr: money(m.expansionMrr), contraction_mrr: money(m.contractionMrr),
    churned_mrr: money(m.churnedMrr), net_new_mrr: money(m.netNewMrr),
    starting_customers: count(m.startingCustomers), ending_customers: count(m.endingCustomers), new_customers: count(m.newCustomers),
    reactivated_customers: count(m.reactivatedCustomers), expanded_customers: count(m.expandedCustomers),
    contracted_customers: count(m.contractedCustomers), churned_customers: count(m.churnedCustomers), flat_customers: count(m.flatCustomers),
    nrr: rate(r.nrr), grr: rate(r.grr), expansion_rate: rate(r.expansionRate), contraction_rate: rate(r.contractionRate),
    revenue_churn_rate: rate(r.revenueChurnRate), gross_revenue_churn_rate: rate(r.grossRevenueChurnRate),
    net_revenue_churn_rate: rate(r.netRevenueChurnRate), logo_churn_rate: rate(r.logoChurnRate),
    logo_retention_rate: rate(r.logoRetentionRate), net_logo_churn_rate: rate(r.netLogoChurnRate),
    lost_revenue: money(lostTotal),
  };
}

export const MOVEMENT_KINDS: Record<string, ColumnKind> = {
  customer_id: "text", movement: "text", starting_mrr: "money", ending_mrr: "money", change: "money",
};

/** The library's per-customer movements, by customer id. */
export function expectedMovements(records: ContractsInput, period: Period): TextRow[] {
  return revenueMovements(records, period).customers.map((c) => ({
    customer_id: c.customerId, movement: c.movement, starting_mrr: money(c.startingMrr), ending_mrr: money(c.endingMrr), change: money(c.change),
  }));
}

export const LOST_KINDS: Record<string, ColumnKind> = {
  customer_id: "text", churn_date: "text", base_arr: "money", remaining_days: "count", remaining_months: "rate", lost_revenue: "money",
};

/** The library's per-customer lost revenue, by customer id. */
export function expectedLostRevenue(records: ContractsInput, period: Period, proration: Proration): TextRow[] {
  return lostRevenue(records, period, { proration }).customers.map((c) => ({
    customer_id: c.customerId, churn_date: c.churnDate, base_arr: money(c.baseArr), remaining_days: count(c.remainingDays),
    remaining_months: rate(c.remainingMonths), lost_revenue: money(c.lostRevenue),
  }));
}

export const COHORT_KINDS: Record<string, ColumnKind> = {
  cohort: "text", customers: "count", starting_mrr: "money", months_since_start: "count", month: "text",
  active_customers: "count", mrr: "money", logo_retention: "rate", revenue_retention: "rate",
};

/** The library's cohort cells, cohort by cohort, month by month. */
export function expectedCohorts(records: ContractsInput, period: Period): TextRow[] {
  return cohortRetention(records, period).cohorts.flatMap((cohort) =>
    cohort.cells.map((cell) => ({
      cohort: cohort.cohort, customers: count(cohort.customers), starting_mrr: money(cohort.startingMrr),
      months_since_start: count(cell.monthsSinceStart), month: cell.month, active_customers: count(cell.activeCustomers),
      mrr: money(cell.mrr), logo_retention: rate(cell.logoRetention), revenue_retention: rate(cell.revenueRetention),
    })),
  );
}

/** Rows in the library's customer-id order (UTF-16 code units), whatever the engine's collation. */
export function byCustomer(rows: readonly TextRow[]): TextRow[] {
  return [...rows].sort((a, b) => {
    const x = a["customer_id"] ?? "";
    const y = b["customer_id"] ?? "";
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
