import { describe, expect, it } from "vitest";
import { type ContractInput, ValidationError, renewalForecast, renewals, year } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { deepFreeze } from "../support/deepFreeze.js";
import { expectDecimal } from "../support/decimals.js";

/**
 * Calendar 2025, asOf 2025-09-30 (ARR = 12 × MRR, DOMAIN.md §1):
 * - acme: yearly ¥1,200,000, open, from 2024-04-01 → anniversary 2025-04-01: due 1,200,000, renewed 1,200,000;
 * - beta: yearly ¥600,000 until 2025-07-01, replaced by ¥480,000 yearly → due 600,000, renewed 480,000;
 * - chiyoda: monthly ¥50,000 until 2025-03-01 → due 600,000, renewed 0;
 * - daiichi: quarterly ¥300,000 (ARR 1,200,000), open, from 2025-02-15 → anniversaries 05-15, 08-15, 11-15;
 *   a monthly ¥20,000 upsell from 2025-08-15 (ARR +240,000): 05-15 1.2M → 1.2M, 08-15 1.2M → 1.44M,
 *   11-15 pending with 1,440,000 due;
 * - eiwa: monthly, open: month-to-month, never up for renewal;
 * - fuji: a three-year ¥360,000 term (ARR 120,000), open, from 2022-12-01 → 2025-12-01, pending;
 * - gamma: a free (¥0) line ending in the period: nothing at stake, no row.
 */
const book: ContractInput[] = [
  { id: "a", customerId: "acme", start: "2024-04-01", amount: 1200000, interval: "year", currency: "JPY" },
  { id: "b1", customerId: "beta", start: "2024-07-01", end: "2025-07-01", amount: 600000, interval: "year", currency: "JPY" },
  { id: "b2", customerId: "beta", start: "2025-07-01", amount: 480000, interval: "year", currency: "JPY" },
  { id: "c", customerId: "chiyoda", start: "2024-01-01", end: "2025-03-01", amount: 50000, currency: "JPY" },
  { id: "d1", customerId: "daiichi", start: "2025-02-15", amount: 300000, interval: "quarter", currency: "JPY" },
  { id: "d2", customerId: "daiichi", start: "2025-08-15", amount: 20000, currency: "JPY" },
  { id: "e", customerId: "eiwa", start: "2024-01-01", amount: 10000, currency: "JPY" },
  { id: "f", customerId: "fuji", start: "2022-12-01", amount: 360000, interval: "year", intervalCount: 3, currency: "JPY" },
  { id: "g", customerId: "gamma", start: "2025-01-01", end: "2025-06-01", amount: 0, currency: "JPY" },
];

describe("renewals: worked example", () => {
  const result = renewals(book, year(2025), { asOf: "2025-09-30" });

  it("lists one row per customer and renewal date, by date", () => {
    expect(result.rows.map((row) => [row.customerId, row.renewalDate, row.outcome, row.arrDue.toString(), row.arrRenewed?.toString() ?? null])).toEqual([
      ["chiyoda", "2025-03-01", "churned", "600000", "0"],
      ["acme", "2025-04-01", "renewed", "1200000", "1200000"],
      ["daiichi", "2025-05-15", "renewed", "1200000", "1200000"],
      ["beta", "2025-07-01", "contracted", "600000", "480000"],
      ["daiichi", "2025-08-15", "expanded", "1200000", "1440000"],
      ["daiichi", "2025-11-15", "pending", "1440000", null],
      ["fuji", "2025-12-01", "pending", "120000", null],
    ]);
    expect(result.rows[3]!.lineIds).toEqual(["b1"]);
    expect(result.asOf).toBe("2025-09-30");
  });

  it("totals: gross 4.08M / 4.8M = 0.85, net 4.32M / 4.8M = 0.9", () => {
    const t = result.totals;
    expect([t.renewals, t.decided]).toEqual([7, 5]);
    // due decided: 600k + 1.2M + 1.2M + 600k + 1.2M = 4.8M
    expectDecimal(t.decidedArrDue, 4800000);
    // renewed: 0 + 1.2M + 1.2M + 480k + 1.44M = 4.32M; min(renewed, due): 0 + 1.2M + 1.2M + 480k + 1.2M = 4.08M
    expectDecimal(t.arrRenewed, 4320000);
    expectDecimal(t.grossArrRenewed, 4080000);
    expectDecimal(t.grossRenewalRate, "0.85");
    expectDecimal(t.netRenewalRate, "0.9");
    expectDecimal(t.pendingArrDue, 1560000); // 1.44M + 120k
    expectDecimal(t.arrDue, 6360000);
  });

  it("by month: every month of the period, null rates where nothing was decided", () => {
    expect(result.byMonth.map((m) => m.month)).toHaveLength(12);
    const month = (label: string) => result.byMonth.find((m) => m.month === label)!;
    expectDecimal(month("2025-03").grossRenewalRate, 0);
    expectDecimal(month("2025-07").netRenewalRate, "0.8");
    expectDecimal(month("2025-08").grossRenewalRate, 1);
    expectDecimal(month("2025-08").netRenewalRate, "1.2");
    expect(month("2025-06").renewals).toBe(0);
    expect(month("2025-06").grossRenewalRate).toBeNull();
    expect(month("2025-11").netRenewalRate).toBeNull();
    expectDecimal(month("2025-11").pendingArrDue, 1440000);
  });

  it("without asOf every renewal of the period is decided", () => {
    const all = renewals(book, year(2025));
    expect(all.asOf).toBeNull();
    expect(all.totals.decided).toBe(7);
    expectDecimal(all.totals.arrRenewed, 4320000 + 1440000 + 120000);
    expect(renewals(book, year(2025), { asOf: new Date(Date.UTC(2025, 8, 30, 23, 59)) }).totals.decided).toBe(5);
  });

  it("anniversaries keep the start's day, clamped at month ends, and reach back to old starts", () => {
    const leap: ContractInput[] = [{ id: "x", customerId: "x", start: "2024-02-29", amount: 12, interval: "year", currency: "USD" }];
    expect(renewals(leap, year(2025)).rows.map((row) => row.renewalDate)).toEqual(["2025-02-28"]);
    expect(renewals(leap, year(2028)).rows.map((row) => row.renewalDate)).toEqual(["2028-02-29"]);
    const old: ContractInput[] = [{ id: "y", customerId: "y", start: "2001-01-31", amount: 3, interval: "quarter", currency: "USD" }];
    expect(renewals(old, year(2025)).rows.map((row) => row.renewalDate)).toEqual(["2025-01-31", "2025-04-30", "2025-07-31", "2025-10-31"]);
  });

  it("lines of a customer ending on the same day make one row; lines starting after the period none", () => {
    const twoLines: ContractInput[] = [
      { id: "y2", customerId: "y", start: "2025-01-01", end: "2025-06-01", amount: 10, currency: "USD" },
      { id: "y1", customerId: "y", start: "2025-02-01", end: "2025-06-01", amount: 5, currency: "USD" },
      { id: "y3", customerId: "y", start: "2026-02-01", amount: 5, interval: "year", currency: "USD" },
    ];
    const result = renewals(twoLines, year(2025));
    expect(result.rows.map((row) => [row.renewalDate, row.lineIds, row.arrDue.toString()])).toEqual([["2025-06-01", ["y1", "y2"], "180"]]);
  });

  it("rejects a bad asOf, options and period; does not mutate its input", () => {
    const error = caught(() => renewals(book, year(2025), { asOf: "2025-02-30" }));
    expect((error as ValidationError).issues).toEqual([{ path: "options.asOf", message: 'must be a calendar date YYYY-MM-DD (got "2025-02-30")' }]);
    expect(caught(() => renewals(book, year(2025), null as never))).toBeInstanceOf(ValidationError);
    expect(caught(() => renewals(book, { start: "2025-02-01", end: "2025-01-01" }))).toHaveProperty("code", "INVALID_PERIOD");
    const frozen = deepFreeze(book.map((record) => ({ ...record })));
    expect(() => renewals(frozen, year(2025), { asOf: "2025-09-30" })).not.toThrow();
    expect(frozen).toEqual(book);
  });
});

describe("renewalForecast: worked example", () => {
  const due = renewals(book, year(2025), { asOf: "2025-09-30" });
  // daiichi is Good (rate 0.9): 1,440,000 × 0.9 = 1,296,000; fuji has no band: unrated, 120,000.
  const forecast = renewalForecast(due, [{ customerId: "daiichi", band: "good" }, { customerId: "acme", band: "bad" }], { good: "0.9", normal: "0.7", bad: null });

  it("forecasts the pending renewals only", () => {
    expect(forecast.currency).toBe("JPY");
    expect(forecast.rows.map((row) => [row.customerId, row.band, row.renewalRate?.toString() ?? null, row.expectedArr?.toString() ?? null])).toEqual([
      ["daiichi", "good", "0.9", "1296000"],
      ["fuji", null, null, null],
    ]);
    expectDecimal(forecast.totals.arrDue, 1560000);
    expectDecimal(forecast.totals.ratedArrDue, 1440000);
    expectDecimal(forecast.totals.unratedArrDue, 120000);
    expectDecimal(forecast.totals.expectedArr, 1296000);
    expectDecimal(forecast.totals.expectedRenewalRate, "0.9");
    const december = forecast.byMonth.find((m) => m.month === "2025-12")!;
    expect(december.expectedRenewalRate).toBeNull();
    expectDecimal(december.unratedArrDue, 120000);
  });

  it("a band without a rate leaves the row unrated", () => {
    const bad = renewalForecast(due, [{ customerId: "daiichi", band: "bad" }], { good: "0.9", normal: "0.7", bad: null });
    expect(bad.rows[0]!.expectedArr).toBeNull();
    expect(bad.totals.expectedRenewalRate).toBeNull();
  });

  it("rejects malformed arguments with paths", () => {
    const issues = (action: () => unknown) => (caught(action) as ValidationError).issues.map((issue) => issue.path);
    expect(issues(() => renewalForecast({} as never, [], { good: 1, normal: 1, bad: 1 }))).toEqual(["renewals"]);
    expect(issues(() => renewalForecast(null as never, [], { good: 1, normal: 1, bad: 1 }))).toEqual(["renewals"]);
    expect(issues(() => renewalForecast(due, "x" as never, { good: 1, normal: 1, bad: 1 }))).toEqual(["bands"]);
    expect(
      issues(() =>
        renewalForecast(due, [null, { customerId: "", band: "good" }, { customerId: "a", band: "great" }, { customerId: "a", band: null }] as never, { good: 1, normal: 1, bad: 1 }),
      ),
    ).toEqual(["bands[0]", "bands[1].customerId", "bands[2].band", "bands[3].customerId"]);
    expect(issues(() => renewalForecast(due, [], { good: "1.5", normal: 1, bad: 1 }))).toEqual(["renewalRateByBand.good"]);
  });

  it("does not mutate its inputs", () => {
    const frozen = deepFreeze(renewals(book, year(2025), { asOf: "2025-09-30" }));
    const bands = deepFreeze([{ customerId: "daiichi", band: "good" as const }]);
    expect(() => renewalForecast(frozen, bands, deepFreeze({ good: "0.9", normal: null, bad: null }))).not.toThrow();
  });
});
