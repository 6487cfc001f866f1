/**
 * Properties of the unit-economics figures, the concentration and the series over random books:
 * scaling (every amount × k), order invariance, bounds, agreement with the definitions rebuilt
 * from the library's other public functions, and series steps equal to revenueReport.
 */
import { fc, test } from "@fast-check/vitest";
import Decimal from "decimal.js";
import { describe, expect } from "vitest";
import {
  type Period,
  arpa,
  asp,
  cacPayback,
  contractBook,
  customerConcentration,
  logoChurnRate,
  ltv,
  month,
  quickRatio,
  revenueMovements,
  revenueReport,
  revenueSeries,
} from "../../src/index.js";
import { type GeneratedContract, MONTHS_PER_INTERVAL, asInput, contractBookArb, dayOfDate } from "../support/contractArbitraries.js";
import { Exact, expectRelativelyClose } from "../support/decimals.js";

/** The month containing a period's start. */
const monthOfStart = (period: Period): Period => month(period.start.slice(0, 7));

/** The last day of a period. */
const lastDay = (period: Period): string => new Date(Date.parse(`${period.end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Every amount × k. */
const scaled = (records: readonly GeneratedContract[], k: string): GeneratedContract[] =>
  records.map((record) => ({ ...record, amount: new Decimal(record.amount).times(k).toFixed() }));

/**
 * The new customers of a period read from the records alone (no library code): per customer, the
 * first day with MRR > 0 and, over the lines active that day, Σ MRR and Σ MRR × term months.
 */
function naiveConversions(records: readonly GeneratedContract[], period: Period): { mrr: Decimal; weighted: Decimal }[] {
  const byCustomer = new Map<string, GeneratedContract[]>();
  for (const record of records) byCustomer.set(record.customerId, [...(byCustomer.get(record.customerId) ?? []), record]);
  const start = dayOfDate(period.start);
  const end = dayOfDate(period.end);
  const found: { mrr: Decimal; weighted: Decimal }[] = [];
  for (const lines of byCustomer.values()) {
    const paid = lines.filter((line) => !new Decimal(line.amount).isZero());
    if (paid.length === 0) continue;
    const first = Math.min(...paid.map((line) => dayOfDate(line.start)));
    if (first < start || first >= end) continue;
    let mrr = new Exact(0);
    let weighted = new Exact(0);
    for (const line of paid) {
      if (dayOfDate(line.start) > first || (line.end !== null && dayOfDate(line.end) <= first)) continue;
      if (line.interval === "week" || line.interval === "day") throw new Error("naiveConversions: month, quarter and year only");
      const months = MONTHS_PER_INTERVAL[line.interval] * line.intervalCount;
      mrr = mrr.plus(new Exact(line.amount).div(months));
      weighted = weighted.plus(new Exact(line.amount));
    }
    found.push({ mrr, weighted });
  }
  return found;
}

/** Everything this suite's functions report for a book, as JSON text (Decimals as exact text). */
function everything(records: readonly GeneratedContract[], period: Period): string {
  const book = contractBook(asInput(records));
  const m = monthOfStart(period);
  return JSON.stringify({
    arpa: arpa(book, lastDay(period)),
    asp: asp(book, period),
    quick: [quickRatio(book, period), quickRatio(book, period, { includeReactivation: true })],
    ltv: [ltv(book, m), ltv(book, m, { trailingMonths: 3, grossMargin: "0.7", excludeCurrentMonth: true })],
    payback: cacPayback(book, period, { cac: "12345.67", grossMargin: "0.8" }),
    concentration: customerConcentration(book, lastDay(period), { top: [1, 2, 3] }),
    series: revenueSeries(book, period, { every: "quarter", window: 3 }),
  });
}

const bookArb = contractBookArb({ maxContracts: 12 });

describe("unit economics properties", () => {
  test.prop([bookArb.chain((b) => fc.tuple(fc.constant(b), fc.shuffledSubarray(b.records, { minLength: b.records.length })))], { numRuns: 60 })(
    "shuffled input gives identical output",
    ([{ records, period }, shuffled]) => {
      expect(everything(shuffled, period)).toBe(everything(records, period));
    },
  );

  test.prop([bookArb, fc.constantFrom("2", "3", "7", "0.5", "12.25", "1000"), fc.boolean()])(
    "the quick ratio is scale-invariant (every amount × k)",
    ({ records, period }, k, includeReactivation) => {
      const before = quickRatio(asInput(records), period, { includeReactivation });
      const after = quickRatio(asInput(scaled(records, k)), period, { includeReactivation });
      expect(after === null ? null : after.toString()).toBe(before === null ? null : before.toString());
    },
  );

  test.prop([bookArb, fc.constantFrom("10", "100", "1000", "0.1"), fc.integer({ min: 1, max: 8 }), fc.constantFrom("1", "0.75", "0.3")])(
    "LTV scales with the amounts; its churn part is scale-invariant",
    ({ records, period }, k, trailingMonths, grossMargin) => {
      // Powers of ten: rounding to 40 significant digits commutes with them, so the check is exact.
      const m = monthOfStart(period);
      const before = ltv(asInput(records), m, { trailingMonths, grossMargin });
      const after = ltv(asInput(scaled(records, k)), m, { trailingMonths, grossMargin });
      expect(after.meanLogoChurnRate?.toString()).toBe(before.meanLogoChurnRate?.toString());
      expect(after.ltv === null).toBe(before.ltv === null);
      if (before.ltv !== null) expect(after.ltv!.equals(new Exact(before.ltv).times(k)), `${after.ltv} ≠ ${before.ltv} × ${k}`).toBe(true);
    },
  );

  test.prop([bookArb, fc.integer({ min: 1, max: 8 }), fc.boolean(), fc.constantFrom("1", "0.75", "0.3")])(
    "LTV = ARPA × margin / mean of logoChurnRate over the trailing months (rebuilt from public functions)",
    ({ records, period }, trailingMonths, excludeCurrentMonth, grossMargin) => {
      const book = contractBook(asInput(records));
      const m = monthOfStart(period);
      const result = ltv(book, m, { trailingMonths, excludeCurrentMonth, grossMargin });
      const rates = result.churnMonths.map((entry) => logoChurnRate(book, month(entry.month)));
      expect(result.churnMonths.map((entry) => entry.logoChurnRate?.toString())).toEqual(rates.map((rate) => rate?.toString()));
      const defined = rates.filter((rate): rate is Decimal => rate !== null);
      const a = arpa(book, lastDay(m));
      expect(result.arpa?.toString()).toBe(a?.amount.toString());
      if (defined.length === 0 || a === null) {
        if (defined.length === 0) expect(result.meanLogoChurnRate).toBeNull();
        expect(result.ltv).toBeNull();
        return;
      }
      const mean = defined.reduce<Decimal>((sum, rate) => sum.plus(rate), new Exact(0)).div(defined.length);
      expectRelativelyClose(result.meanLogoChurnRate, mean, "1e-35");
      if (mean.isZero()) expect(result.ltv).toBeNull();
      else expectRelativelyClose(result.ltv, new Exact(a.amount).times(grossMargin).div(mean), "1e-34");
    },
  );

  test.prop([bookArb, fc.constantFrom("0", "1", "999.99", "250000"), fc.constantFrom("1", "0.6")])(
    "CAC payback: months × ASP × margin = CAC; renewals = ⌈months / term⌉ − 1",
    ({ records, period }, cac, grossMargin) => {
      const book = contractBook(asInput(records));
      const result = cacPayback(book, period, { cac, grossMargin });
      expect(result.asp?.toString()).toBe(asp(book, period)?.amount.toString());
      if (result.months === null) {
        expect(result.newCustomers).toBe(0);
        return;
      }
      expectRelativelyClose(new Exact(result.months).times(result.asp!).times(grossMargin), cac, "1e-35");
      const cycles = new Exact(result.months).div(result.termMonths!);
      expectRelativelyClose(result.renewalCycles, cycles, "1e-34");
      // Against the records: term = Σ MRR × months / Σ MRR, and MRR × months is the line's amount.
      const naive = naiveConversions(records, period);
      expect(result.newCustomers).toBe(naive.length);
      const mrr = naive.reduce<Decimal>((sum, c) => sum.plus(c.mrr), new Exact(0));
      expectRelativelyClose(result.termMonths, naive.reduce<Decimal>((sum, c) => sum.plus(c.weighted), new Exact(0)).div(mrr), "1e-34");
      expectRelativelyClose(result.asp, mrr.div(naive.length), "1e-34");
      expect(result.renewalsToPayback).toBe(Math.max(0, result.renewalCycles!.ceil().toNumber() - 1));
    },
  );

  test.prop([bookArb, fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 4 })])(
    "concentration: shares in [0, 1], monotone in N and along the curve, which lies above the diagonal; Herfindahl in [1/n, 1]",
    ({ records, period }, top) => {
      const result = customerConcentration(asInput(records), lastDay(period), { top });
      const n = result.customers;
      if (n === 0) {
        expect(result.herfindahl).toBeNull();
        expect(result.top.every((t) => t.share === null)).toBe(true);
        return;
      }
      const hhi = result.herfindahl!;
      expect(hhi.gte(new Exact(1).div(n).toSignificantDigits(40, Decimal.ROUND_DOWN)) && hhi.lte(1), hhi.toString()).toBe(true);
      for (const share of result.top) {
        expect(share.share!.gte(0) && share.share!.lte(1)).toBe(true);
        expect(share.customers).toBe(Math.min(share.top, n));
      }
      const byN = [...result.top].sort((a, b) => a.top - b.top);
      for (let i = 1; i < byN.length; i++) expect(byN[i]!.share!.gte(byN[i - 1]!.share!)).toBe(true);
      let previous = new Decimal(0);
      result.curve.forEach((point, index) => {
        expect(point.mrrShare.gte(previous)).toBe(true);
        expect(point.mrrShare.gte(point.customerShare.toSignificantDigits(40, Decimal.ROUND_DOWN).minus("1e-39"))).toBe(true);
        if (index > 0) expect(point.mrr.lte(result.curve[index - 1]!.mrr)).toBe(true);
        previous = point.mrrShare;
      });
      expect(result.curve.at(-1)!.mrrShare.toString()).toBe("1");
      expectRelativelyClose(result.curve.reduce<Decimal>((sum, point) => sum.plus(point.mrr), new Exact(0)), result.mrr, "1e-35");
    },
  );

  // Whole-number MRRs, so the monthly net new MRRs add up without rounding.
  test.prop([contractBookArb({ maxContracts: 12, exactMrr: true }), fc.constantFrom("month" as const, "quarter" as const), fc.option(fc.integer({ min: 1, max: 15 }), { nil: undefined })], { numRuns: 40 })(
    "each step's report is revenueReport of its step (or window); monthly movements chain to the whole period",
    ({ records, period }, every, window) => {
      const book = contractBook(asInput(records));
      const series = revenueSeries(book, period, window === undefined ? { every } : { every, window });
      expect(series.steps.at(0)?.step.start).toBe(period.start);
      expect(series.steps.at(-1)?.step.end).toBe(period.end);
      for (const { step, report } of series.steps) {
        const expected = window === undefined ? revenueReport(book, step) : revenueReport(book, report.period);
        expect(report).toEqual(expected);
        expect(report.period.end).toBe(step.end);
      }
      if (window === undefined) {
        const whole = revenueMovements(book, period);
        const net = series.steps.reduce<Decimal>((sum, s) => sum.plus(s.report.movements.netNewMrr), new Exact(0));
        expect(net.equals(whole.netNewMrr)).toBe(true);
      }
    },
  );

  test.prop([bookArb])("a series of one step equals revenueReport", ({ records, period }) => {
    const m = monthOfStart(period);
    const series = revenueSeries(asInput(records), m);
    expect(series.steps).toHaveLength(1);
    expect(series.steps[0]!.report).toEqual(revenueReport(asInput(records), m));
  });

  test.prop([bookArb, fc.constantFrom("3", "0.5", "1000")])("ARPA and ASP scale with the amounts; concentration shares do not", ({ records, period }, k) => {
    const day = lastDay(period);
    const before = contractBook(asInput(records));
    const after = contractBook(asInput(scaled(records, k)));
    const a0 = arpa(before, day);
    const a1 = arpa(after, day);
    if (a0 === null) expect(a1).toBeNull();
    else expectRelativelyClose(a1?.amount, new Exact(a0.amount).times(k), "1e-35");
    const s0 = asp(before, period);
    if (s0 === null) expect(asp(after, period)).toBeNull();
    else expectRelativelyClose(asp(after, period)?.amount, new Exact(s0.amount).times(k), "1e-35");
    const c0 = customerConcentration(before, day);
    const c1 = customerConcentration(after, day);
    expect(JSON.stringify([c1.top.map((t) => t.share), c1.herfindahl, c1.curve.map((p) => [p.customerId, p.mrrShare])])).toBe(
      JSON.stringify([c0.top.map((t) => t.share), c0.herfindahl, c0.curve.map((p) => [p.customerId, p.mrrShare])]),
    );
  });
});
