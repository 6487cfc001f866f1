/**
 * The float baseline: the yearly revenue KPIs as a straightforward TypeScript loop would compute
 * them — `Number(amount)`, `Date.parse`, a `Map` per customer, binary doubles throughout, no
 * validation. Same definitions as DOMAIN.md §1–4 (month proration for lost revenue).
 * @module
 */
import { FloatTotals } from "./floatTotals.js";
import type { RawContract } from "./generateContracts.js";

/** The figures every implementation in the benchmark reports. Money is annualised (12 × MRR). */
export interface KpiFigures {
  readonly startingArr: string;
  readonly endingArr: string;
  readonly newArr: string;
  readonly reactivationArr: string;
  readonly expansionArr: string;
  readonly contractionArr: string;
  readonly churnedArr: string;
  readonly startingCustomers: number;
  readonly churnedCustomers: number;
  readonly newCustomers: number;
  readonly nrr: string;
  readonly grr: string;
  readonly lostRevenue: string;
}

export const MS_PER_DAY = 86_400_000;
export const MONTHS = { month: 1, quarter: 3, year: 12 } as const;

interface FloatLine {
  start: number;
  end: number;
  mrr: number;
}

function dayOf(text: string): number {
  return Date.parse(text) / MS_PER_DAY;
}

/** Months of [from, to) with a partial month counted as its share of days. */
export function remainingMonths(from: number, to: number): number {
  let months = 0;
  const date = new Date(from * MS_PER_DAY);
  let monthStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / MS_PER_DAY;
  while (monthStart < to) {
    const d = new Date(monthStart * MS_PER_DAY);
    const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / MS_PER_DAY;
    months += (Math.min(next, to) - Math.max(monthStart, from)) / (next - monthStart);
    monthStart = next;
  }
  return months;
}

/** Revenue KPIs of `[periodStart, periodEnd)` from raw rows, in doubles. */
export function floatRevenueKpis(rows: readonly RawContract[], periodStart: string, periodEnd: string): KpiFigures {
  const byCustomer = new Map<string, FloatLine[]>();
  for (const row of rows) {
    const line = {
      start: dayOf(row.start),
      end: row.end === undefined ? Number.POSITIVE_INFINITY : dayOf(row.end),
      mrr: Number(row.amount) / MONTHS[row.interval],
    };
    const lines = byCustomer.get(row.customerId);
    if (lines === undefined) byCustomer.set(row.customerId, [line]);
    else lines.push(line);
  }
  const dayBefore = dayOf(periodStart) - 1;
  const endDay = dayOf(periodEnd);
  const lastDay = endDay - 1;
  const totals = new FloatTotals();
  for (const lines of byCustomer.values()) {
    let m0 = 0;
    let m1 = 0;
    let hadBefore = false;
    let lastEnd = Number.NEGATIVE_INFINITY;
    for (const line of lines) {
      if (line.mrr === 0 || line.start > lastDay) continue;
      if (line.start <= dayBefore) hadBefore = true;
      if (line.end <= dayBefore) continue;
      if (line.start <= dayBefore) m0 += line.mrr;
      if (line.end > lastDay) m1 += line.mrr;
      else lastEnd = Math.max(lastEnd, line.end);
    }
    if (totals.add(m0, m1, hadBefore)) totals.lost += m0 * remainingMonths(lastEnd, endDay);
  }
  return totals.figures();
}
