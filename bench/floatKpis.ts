/**
 * The float baseline: the yearly revenue KPIs as a straightforward TypeScript loop would compute
 * them — `Number(amount)`, `Date.parse`, a `Map` per customer, binary doubles throughout, no
 * validation. Same definitions as DOMAIN.md §1–4 (month proration for lost revenue).
 * @module
 */
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

const MS_PER_DAY = 86_400_000;
const MONTHS = { month: 1, quarter: 3, year: 12 } as const;

interface FloatLine {
  start: number;
  end: number;
  mrr: number;
}

function dayOf(text: string): number {
  return Date.parse(text) / MS_PER_DAY;
}

/** Months of [from, to) with a partial month counted as its share of days. */
function remainingMonths(from: number, to: number): number {
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
  let starting = 0;
  let ending = 0;
  let newMrr = 0;
  let reactivation = 0;
  let expansion = 0;
  let contraction = 0;
  let churned = 0;
  let cohortEnding = 0;
  let lost = 0;
  let startingCustomers = 0;
  let churnedCustomers = 0;
  let newCustomers = 0;
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
    starting += m0;
    ending += m1;
    if (m0 > 0) {
      startingCustomers++;
      cohortEnding += m1;
      if (m1 === 0) {
        churned += m0;
        churnedCustomers++;
        lost += m0 * remainingMonths(lastEnd, endDay);
      } else if (m1 > m0) expansion += m1 - m0;
      else contraction += m0 - m1;
    } else if (m1 > 0) {
      if (hadBefore) reactivation += m1;
      else {
        newMrr += m1;
        newCustomers++;
      }
    }
  }
  return {
    startingArr: String(12 * starting),
    endingArr: String(12 * ending),
    newArr: String(12 * newMrr),
    reactivationArr: String(12 * reactivation),
    expansionArr: String(12 * expansion),
    contractionArr: String(12 * contraction),
    churnedArr: String(12 * churned),
    startingCustomers,
    churnedCustomers,
    newCustomers,
    nrr: String(cohortEnding / starting),
    grr: String((starting - churned - contraction) / starting),
    lostRevenue: String(lost),
  };
}
