/**
 * A deliberately naive reference implementation of the revenue metrics of DOMAIN.md §1–4, for
 * differential testing. It shares no code with src/: it evaluates MRR day by day, contract by
 * contract, with exact rationals, and reads the definitions straight from DOMAIN.md.
 */
import { daysInMonth, civilFromDays, daysFromCivil, formatDay, parseDay } from "./calendar.js";
import { type Rational, ZERO, add, cmp, div, isZero, min, mul, parseDecimal, rat, sub } from "./rational.js";

/** A contract as the oracle reads it (already valid). */
export interface OracleContract {
  readonly id: string;
  readonly customerId: string;
  readonly start: string;
  readonly end?: string | null;
  readonly amount: string;
  readonly interval?: "month" | "quarter" | "year" | "week" | "day";
  readonly intervalCount?: number;
}

export interface OraclePeriod {
  readonly start: string;
  readonly end: string;
}

export type OracleMovement = "new" | "reactivation" | "expansion" | "contraction" | "churn" | "flat";

export interface OracleCustomerRow {
  readonly customerId: string;
  readonly m0: Rational;
  readonly m1: Rational;
  readonly movement: OracleMovement;
  /** Day after the last day with MRR > 0 (churned customers only). */
  readonly churnDay: number | null;
}

interface Line {
  readonly customerId: string;
  readonly startDay: number;
  readonly endDay: number;
  readonly mrr: Rational;
}

/**
 * Months one amount covers, per interval: a year is 52 weeks or 365 days (the library's default
 * conversions, DOMAIN.md §1), so a week is 12/52 of a month and a day 12/365.
 */
const MONTHS: Record<string, Rational> = { month: rat(1), quarter: rat(3), year: rat(12), week: rat(12, 52), day: rat(12, 365) };

function lines(contracts: readonly OracleContract[]): Line[] {
  return contracts.map((c) => ({
    customerId: c.customerId,
    startDay: parseDay(c.start),
    endDay: c.end === null || c.end === undefined ? Number.POSITIVE_INFINITY : parseDay(c.end),
    mrr: div(parseDecimal(c.amount), mul(MONTHS[c.interval ?? "month"]!, rat(c.intervalCount ?? 1))),
  }));
}

function activeOn(line: Line, day: number): boolean {
  return line.startDay <= day && day < line.endDay;
}

/** A customer's MRR on one day: the sum over its contracts active that day (DOMAIN.md §1). */
function customerMrrOn(customerLines: readonly Line[], day: number): Rational {
  let total = ZERO;
  for (const line of customerLines) if (activeOn(line, day)) total = add(total, line.mrr);
  return total;
}

function hasRevenueOn(customerLines: readonly Line[], day: number): boolean {
  return customerLines.some((line) => activeOn(line, day) && line.mrr.n > 0n);
}

function byCustomer(contracts: readonly OracleContract[]): Map<string, Line[]> {
  const map = new Map<string, Line[]>();
  for (const line of lines(contracts)) {
    const list = map.get(line.customerId) ?? [];
    list.push(line);
    map.set(line.customerId, list);
  }
  return map;
}

/** The whole book's MRR on a day. */
export function oracleMrrOn(contracts: readonly OracleContract[], date: string): Rational {
  const day = parseDay(date);
  let total = ZERO;
  for (const line of lines(contracts)) if (activeOn(line, day)) total = add(total, line.mrr);
  return total;
}

/** Per-customer rows of a period: M0 on the day before start, M1 on the last day (DOMAIN.md §1–2). */
export function oracleRows(contracts: readonly OracleContract[], period: OraclePeriod): OracleCustomerRow[] {
  const startDay = parseDay(period.start);
  const endDay = parseDay(period.end);
  const rows: OracleCustomerRow[] = [];
  for (const [customerId, customerLines] of byCustomer(contracts)) {
    const m0 = customerMrrOn(customerLines, startDay - 1);
    const m1 = customerMrrOn(customerLines, endDay - 1);
    let movement: OracleMovement | null;
    if (isZero(m0)) {
      if (isZero(m1)) movement = null;
      else {
        // "had MRR on some day before start": walk every day from the earliest start.
        const earliest = Math.min(...customerLines.map((line) => line.startDay));
        let had = false;
        for (let day = earliest; day < startDay && !had; day++) had = hasRevenueOn(customerLines, day);
        movement = had ? "reactivation" : "new";
      }
    } else if (isZero(m1)) movement = "churn";
    else if (cmp(m1, m0) > 0) movement = "expansion";
    else if (cmp(m1, m0) < 0) movement = "contraction";
    else movement = "flat";
    if (movement === null) continue;
    let churnDay: number | null = null;
    if (movement === "churn") {
      // The day after the last active day: walk back from the period's last day.
      let day = endDay - 1;
      while (!hasRevenueOn(customerLines, day)) day--;
      churnDay = day + 1;
    }
    rows.push({ customerId, m0, m1, movement, churnDay });
  }
  return rows.sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
}

export interface OracleTotals {
  readonly starting: Rational;
  readonly ending: Rational;
  readonly newMrr: Rational;
  readonly reactivation: Rational;
  readonly expansion: Rational;
  readonly contraction: Rational;
  readonly churned: Rational;
  readonly cohortEnding: Rational;
  readonly cohortMinimum: Rational;
  readonly counts: Readonly<Record<OracleMovement | "starting" | "ending", number>>;
}

export function oracleTotals(rows: readonly OracleCustomerRow[]): OracleTotals {
  let starting = ZERO;
  let ending = ZERO;
  let newMrr = ZERO;
  let reactivation = ZERO;
  let expansion = ZERO;
  let contraction = ZERO;
  let churned = ZERO;
  let cohortEnding = ZERO;
  let cohortMinimum = ZERO;
  const counts = { new: 0, reactivation: 0, expansion: 0, contraction: 0, churn: 0, flat: 0, starting: 0, ending: 0 };
  for (const row of rows) {
    starting = add(starting, row.m0);
    ending = add(ending, row.m1);
    counts[row.movement]++;
    if (!isZero(row.m0)) {
      counts.starting++;
      cohortEnding = add(cohortEnding, row.m1);
      cohortMinimum = add(cohortMinimum, min(row.m0, row.m1));
    }
    if (!isZero(row.m1)) counts.ending++;
    if (row.movement === "new") newMrr = add(newMrr, row.m1);
    if (row.movement === "reactivation") reactivation = add(reactivation, row.m1);
    if (row.movement === "expansion") expansion = add(expansion, sub(row.m1, row.m0));
    if (row.movement === "contraction") contraction = add(contraction, sub(row.m0, row.m1));
    if (row.movement === "churn") churned = add(churned, row.m0);
  }
  return { starting, ending, newMrr, reactivation, expansion, contraction, churned, cohortEnding, cohortMinimum, counts };
}

export interface OracleRates {
  readonly nrr: Rational | null;
  readonly grr: Rational | null;
  readonly expansionRate: Rational | null;
  readonly contractionRate: Rational | null;
  readonly revenueChurnRate: Rational | null;
  readonly grossRevenueChurnRate: Rational | null;
  readonly netRevenueChurnRate: Rational | null;
  readonly netRevenueChurnRateWithReactivation: Rational | null;
  readonly logoChurnRate: Rational | null;
  readonly logoRetentionRate: Rational | null;
  readonly netLogoChurnRate: Rational | null;
}

/** DOMAIN.md §3, written from the per-customer rows (GRR as Σ min(M1, M0) / S, NRR as Σ M1 / S). */
export function oracleRates(t: OracleTotals): OracleRates {
  const s = t.starting;
  const over = (x: Rational): Rational | null => (isZero(s) ? null : div(x, s));
  const logos = t.counts.starting;
  const overLogos = (x: number): Rational | null => (logos === 0 ? null : rat(x, logos));
  return {
    nrr: over(t.cohortEnding),
    grr: over(t.cohortMinimum),
    expansionRate: over(t.expansion),
    contractionRate: over(t.contraction),
    revenueChurnRate: over(t.churned),
    grossRevenueChurnRate: over(add(t.churned, t.contraction)),
    netRevenueChurnRate: over(sub(add(t.churned, t.contraction), t.expansion)),
    netRevenueChurnRateWithReactivation: over(sub(sub(add(t.churned, t.contraction), t.expansion), t.reactivation)),
    logoChurnRate: overLogos(t.counts.churn),
    logoRetentionRate: overLogos(logos - t.counts.churn),
    netLogoChurnRate: overLogos(t.counts.churn - t.counts.new),
  };
}

export interface OracleLostRow {
  readonly customerId: string;
  readonly churnDate: string;
  readonly baseArr: Rational;
  readonly remainingDays: number;
  readonly remainingMonths: Rational;
  readonly lost: Rational;
}

/** DOMAIN.md §4: prior-year ARR × remaining months / 12, counted day by day. */
export function oracleLostRevenue(
  rows: readonly OracleCustomerRow[],
  period: OraclePeriod,
  proration: "month" | "day",
): { rows: OracleLostRow[]; total: Rational } {
  const endDay = parseDay(period.end);
  const result: OracleLostRow[] = [];
  let total = ZERO;
  for (const row of rows) {
    if (row.churnDay === null) continue;
    let months = ZERO;
    for (let day = row.churnDay; day < endDay; day++) {
      const { y, m } = civilFromDays(day);
      months = add(months, proration === "month" ? rat(1, daysInMonth(y, m)) : rat(12, 365));
    }
    const baseArr = mul(rat(12), row.m0);
    const lost = div(mul(baseArr, months), rat(12));
    total = add(total, lost);
    result.push({
      customerId: row.customerId,
      churnDate: formatDay(row.churnDay),
      baseArr,
      remainingDays: endDay - row.churnDay,
      remainingMonths: months,
      lost,
    });
  }
  return { rows: result, total };
}

export interface OracleCohort {
  readonly cohort: string;
  readonly customers: number;
  readonly startingMrr: Rational;
  readonly cells: readonly { month: string; active: number; mrr: Rational; logo: Rational; revenue: Rational | null }[];
}

/**
 * Cohort retention as documented: cohorts of the whole calendar months inside the period, a customer
 * belonging to the month of its first day with MRR > 0; cells on each later whole month's last day.
 */
export function oracleCohorts(contracts: readonly OracleContract[], period: OraclePeriod): OracleCohort[] {
  const startDay = parseDay(period.start);
  const endDay = parseDay(period.end);
  const months: { first: number; last: number; label: string }[] = [];
  const s = civilFromDays(startDay);
  let y = s.y;
  let m = s.m;
  if (s.d !== 1) [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  for (;;) {
    const first = daysFromCivil(y, m, 1);
    const last = first + daysInMonth(y, m) - 1;
    if (last >= endDay) break;
    months.push({ first, last, label: `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}` });
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  const customers = byCustomer(contracts);
  const cohorts: OracleCohort[] = [];
  months.forEach((month, index) => {
    const members: Line[][] = [];
    for (const customerLines of customers.values()) {
      const firstPositive = Math.min(...customerLines.filter((l) => l.mrr.n > 0n && l.endDay > l.startDay).map((l) => l.startDay));
      if (firstPositive >= month.first && firstPositive <= month.last) members.push(customerLines);
    }
    if (members.length === 0) return;
    const base = members.reduce((sum, ls) => add(sum, customerMrrOn(ls, month.last)), ZERO);
    const cells = months.slice(index).map((later) => {
      const mrr = members.reduce((sum, ls) => add(sum, customerMrrOn(ls, later.last)), ZERO);
      const active = members.filter((ls) => !isZero(customerMrrOn(ls, later.last))).length;
      return { month: later.label, active, mrr, logo: rat(active, members.length), revenue: isZero(base) ? null : div(mrr, base) };
    });
    cohorts.push({ cohort: month.label, customers: members.length, startingMrr: base, cells });
  });
  return cohorts;
}
