/**
 * revenueSeries: worked examples by hand (monthly, quarterly, trailing windows) and its errors.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ContractInput, InvalidPeriodError, ValidationError, contractBook, fiscalYear, month, quarter, revenueReport, revenueSeries } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { expectDecimal } from "../support/decimals.js";
import { fraction } from "../support/fraction.js";

const sample = contractBook(JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "examples", "data", "contracts.json"), "utf8")) as ContractInput[]);
const fy2025 = fiscalYear(2025, { startMonth: 4 });

describe("revenueSeries", () => {
  it("one report per calendar month, movements chaining month to month", () => {
    // a $100 from 2024; expands +20 on Feb 1; b $50 leaves on Mar 1 (last day Feb 28).
    const contracts: ContractInput[] = [
      { id: "1", customerId: "a", start: "2024-01-01", amount: 100, currency: "USD" },
      { id: "2", customerId: "a", start: "2025-02-01", amount: 20, currency: "USD" },
      { id: "3", customerId: "b", start: "2024-01-01", end: "2025-03-01", amount: 50, currency: "USD" },
    ];
    const series = revenueSeries(contracts, quarter(2025, 1));
    expect(series).toMatchObject({ currency: "USD", period: quarter(2025, 1), every: "month", window: null });
    expect(series.steps.map((s) => s.step)).toEqual([month("2025-01"), month("2025-02"), month("2025-03")]);
    // Jan 150 → 150; Feb 150 → 170 (expansion 20); Mar 170 → 120 (churn 50).
    expect(series.steps.map((s) => s.report.movements.endingMrr.toString())).toEqual(["150", "170", "120"]);
    expect(series.steps.map((s) => s.report.movements.expansionMrr.toString())).toEqual(["0", "20", "0"]);
    expect(series.steps.map((s) => s.report.movements.churnedMrr.toString())).toEqual(["0", "0", "50"]);
    expectDecimal(series.steps[1]?.report.rates.nrr, fraction(170, 150));
    expectDecimal(series.steps[2]?.report.rates.grr, fraction(120, 170));
    // Each step's starting MRR is the previous step's ending MRR.
    for (let i = 1; i < series.steps.length; i++) {
      expect(series.steps[i]?.report.movements.startingMrr.equals(series.steps[i - 1]!.report.movements.endingMrr)).toBe(true);
    }
  });

  it("a period starting mid-month gets a partial first month, as monthsOf", () => {
    const series = revenueSeries([], { start: "2025-01-15", end: "2025-03-01" });
    expect(series.steps.map((s) => [s.step.start, s.step.end, s.step.label])).toEqual([
      ["2025-01-15", "2025-02-01", "2025-01"],
      ["2025-02-01", "2025-03-01", "2025-02"],
    ]);
  });

  it("quarters run from the period's start: fiscal quarters of an April fiscal year", () => {
    const series = revenueSeries(sample, fy2025, { every: "quarter" });
    expect(series.steps.map((s) => [s.step.start, s.step.end, s.step.label])).toEqual([
      ["2025-04-01", "2025-07-01", "FY2025-Q1"],
      ["2025-07-01", "2025-10-01", "FY2025-Q2"],
      ["2025-10-01", "2026-01-01", "FY2025-Q3"],
      ["2026-01-01", "2026-04-01", "FY2025-Q4"],
    ]);
    // Q1: starting MRR (Mar 31) 1,620,000 = hokuto 200,000 + sakura 200,000 + minato 150,000 + aozora 600,000
    // + kawasaki 90,000 + tohoku 300,000 + osaka 80,000. The same customers on Jun 30: hokuto 250,000,
    // osaka 110,000, the rest unchanged → 1,700,000 → NRR 1,700,000 / 1,620,000 = 85/81; nobody lost → GRR 1.
    expectDecimal(series.steps[0]?.report.rates.nrr, fraction(85, 81));
    expectDecimal(series.steps[0]?.report.rates.grr, 1);
    // Ending MRR per quarter: 2,010,000 (+ nagoya 250,000, shinsei 60,000); 1,710,000; 1,680,000; 1,590,000.
    expect(series.steps.map((s) => s.report.movements.endingMrr.toString())).toEqual(["2010000", "1710000", "1680000", "1590000"]);
    // Without a label, quarters are named by their months; the last one is clipped to the period.
    const unlabelled = revenueSeries([], { start: "2025-02-01", end: "2025-06-15" }, { every: "quarter" });
    expect(unlabelled.steps.map((s) => [s.step.label, s.step.end])).toEqual([
      ["2025-02/2025-04", "2025-05-01"],
      ["2025-05/2025-06", "2025-06-15"],
    ]);
  });

  it("window: 12 reports the twelve months ending with each step (TTM NRR and GRR)", () => {
    const series = revenueSeries(sample, fy2025, { window: 12 });
    expect(series.window).toBe(12);
    const last = series.steps.at(-1)!;
    expect(last.step).toEqual(month("2026-03"));
    // The window ending March 2026 is FY2025 itself: the same report as revenueReport(FY2025), labelled as a window.
    expect(last.report.period).toEqual({ start: "2025-04-01", end: "2026-04-01", label: "T12M to 2026-03" });
    const whole = revenueReport(sample, fy2025);
    expect(last.report.movements).toEqual(whole.movements);
    expect(last.report.rates).toEqual(whole.rates);
    // FY2025: C0 = the seven customers paying on 2025-03-31 (1,620,000); on 2026-03-31 they pay hokuto 250,000,
    // minato 180,000, aozora 400,000, tohoku 300,000, osaka 110,000 = 1,240,000 → NRR 1,240,000 / 1,620,000 = 62/81;
    // GRR = (1,620,000 − churn 290,000 − contraction 200,000) / 1,620,000 = 1,130,000 / 1,620,000 = 113/162.
    expectDecimal(last.report.rates.nrr, fraction(62, 81));
    expectDecimal(last.report.rates.grr, fraction(113, 162));
    // The first step's window: 2024-05-01 … 2025-05-01.
    expect(series.steps[0]?.report.period.start).toBe("2024-05-01");
  });

  it("passes revenueReport's options through", () => {
    const series = revenueSeries(sample, fy2025, { every: "quarter", proration: "day", subtractReactivation: true });
    expect(series.steps[1]?.report).toEqual(revenueReport(sample, series.steps[1]!.step, { proration: "day", subtractReactivation: true }));
  });

  it("rejects bad options with their paths", () => {
    const issues = (action: () => unknown): unknown => (caught(action) as ValidationError).issues;
    expect(issues(() => revenueSeries([], fy2025, { every: "week" as "month" }))).toEqual([{ path: "options.every", message: 'must be "month" or "quarter" (got "week")' }]);
    expect(issues(() => revenueSeries([], fy2025, { window: 0 }))).toEqual([{ path: "options.window", message: "must be a whole number of months from 1 to 120 (got 0)" }]);
    expect(issues(() => revenueSeries([], fy2025, { window: 1.5 }))).toEqual([{ path: "options.window", message: "must be a whole number of months from 1 to 120 (got 1.5)" }]);
    expect(caught(() => revenueSeries([], { start: "2025-04-01", end: "2025-03-01" }))).toBeInstanceOf(InvalidPeriodError);
  });
});
