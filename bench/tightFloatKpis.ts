/**
 * The tight float baseline (issue 13): the yearly revenue KPIs in one pass over the raw rows with one
 * small state object per customer in a `Map`, `Number(amount)` in doubles, and ISO `YYYY-MM-DD`
 * strings compared as strings instead of `Date.parse` per row (calendar order is string order).
 * Only a churned customer's churn date is parsed, for its lost revenue. No validation.
 * Same definitions as DOMAIN.md §1–4 and bench/floatKpis.ts.
 * @module
 */
import { type KpiFigures, MONTHS, MS_PER_DAY, remainingMonths } from "./floatKpis.js";
import { FloatTotals } from "./floatTotals.js";
import type { RawContract } from "./generateContracts.js";

interface CustomerState {
  m0: number;
  m1: number;
  hadBefore: boolean;
  /** Latest end (ISO) of a line active at the start that ends inside the period; "" when none. */
  lastEnd: string;
}

/**
 * Revenue KPIs of `[periodStart, periodEnd)` (ISO dates) from raw rows, in doubles. With
 * `lostRevenue: false` only the movement totals and counts are computed (lost revenue reads 0).
 */
export function tightFloatKpis(rows: readonly RawContract[], periodStart: string, periodEnd: string, lostRevenue = true): KpiFigures {
  const customers = new Map<string, CustomerState>();
  for (const row of rows) {
    let state = customers.get(row.customerId);
    if (state === undefined) customers.set(row.customerId, (state = { m0: 0, m1: 0, hadBefore: false, lastEnd: "" }));
    const mrr = Number(row.amount) / MONTHS[row.interval];
    // A line counts on days start ≤ day < end: on the day before the period when start < periodStart
    // ≤ end, on the period's last day when start < periodEnd ≤ end.
    if (mrr === 0 || row.start >= periodEnd) continue;
    const before = row.start < periodStart;
    if (before) state.hadBefore = true;
    const end = row.end;
    if (end !== undefined && end < periodStart) continue;
    if (before) state.m0 += mrr;
    if (end === undefined || end >= periodEnd) state.m1 += mrr;
    else if (end > state.lastEnd) state.lastEnd = end;
  }
  const endDay = Date.parse(periodEnd) / MS_PER_DAY;
  const totals = new FloatTotals();
  for (const { m0, m1, hadBefore, lastEnd } of customers.values()) {
    if (totals.add(m0, m1, hadBefore) && lostRevenue) totals.lost += m0 * remainingMonths(Date.parse(lastEnd) / MS_PER_DAY, endDay);
  }
  return totals.figures();
}
