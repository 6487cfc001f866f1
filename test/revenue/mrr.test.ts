import { describe, expect, it } from "vitest";
import { type ContractInput, ValidationError, arrOn, contractBook, month, mrrOn, mrrSeries, quarter, year } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { expectDecimal } from "../support/decimals.js";
import { fraction } from "../support/fraction.js";

describe("mrrOn / arrOn: worked examples (DOMAIN.md §1)", () => {
  it("an annual contract counts amount / 12, a quarterly one amount / 3, intervalCount multiplies the months", () => {
    const annual: ContractInput = { id: "y", customerId: "a", start: "2025-01-01", amount: "1200000", interval: "year", currency: "JPY" };
    const quarterly: ContractInput = { id: "q", customerId: "b", start: "2025-01-01", amount: "300000", interval: "quarter", currency: "JPY" };
    // ¥3,600,000 for a 3-year term: 3,600,000 / (12 × 3) = 100,000 per month
    const threeYears: ContractInput = { id: "t", customerId: "c", start: "2025-01-01", amount: "3600000", interval: "year", intervalCount: 3, currency: "JPY" };
    // 2 months per amount: 50,000 / 2 = 25,000
    const bimonthly: ContractInput = { id: "m", customerId: "d", start: "2025-01-01", amount: 50000, interval: "month", intervalCount: 2, currency: "JPY" };
    expectDecimal(mrrOn([annual], "2025-06-30").amount, 100_000); // 1,200,000 / 12
    expectDecimal(mrrOn([quarterly], "2025-06-30").amount, 100_000); // 300,000 / 3
    expectDecimal(mrrOn([threeYears], "2025-06-30").amount, 100_000);
    expectDecimal(mrrOn([bimonthly], "2025-06-30").amount, 25_000);
    // all four: 325,000 per month, ARR 12 × 325,000 = 3,900,000
    expect(mrrOn([annual, quarterly, threeYears, bimonthly], "2025-06-30")).toEqual({ amount: expect.anything(), currency: "JPY" });
    expectDecimal(mrrOn([annual, quarterly, threeYears, bimonthly], "2025-06-30").amount, 325_000);
    expectDecimal(arrOn([annual, quarterly, threeYears, bimonthly], "2025-06-30").amount, 3_900_000);
  });

  it("counts a contract from its start day up to the day before its end (half-open)", () => {
    const records: ContractInput[] = [{ id: "1", customerId: "a", start: "2025-01-15", end: "2025-04-01", amount: 500, currency: "USD" }];
    expectDecimal(mrrOn(records, "2025-01-14").amount, 0);
    expectDecimal(mrrOn(records, "2025-01-15").amount, 500);
    expectDecimal(mrrOn(records, "2025-03-31").amount, 500);
    expectDecimal(mrrOn(records, "2025-04-01").amount, 0);
  });

  it("keeps 100 / 3 to 40 significant digits and 12 × (100 / 3) = 400 exactly", () => {
    const records: ContractInput[] = [{ id: "1", customerId: "a", start: "2025-01-01", amount: 100, interval: "quarter", currency: "USD" }];
    expectDecimal(mrrOn(records, "2025-01-01").amount, fraction(100, 3));
    expectDecimal(arrOn(records, "2025-01-01").amount, 400);
  });

  it("reads a Date as its UTC calendar date", () => {
    const records: ContractInput[] = [{ id: "1", customerId: "a", start: "2025-04-01", amount: 500, currency: "USD" }];
    // 2025-03-31T23:30 at UTC−5 is 2025-04-01T04:30Z: April 1 in UTC, active.
    expectDecimal(mrrOn(records, new Date("2025-03-31T23:30:00-05:00")).amount, 500);
    // 2025-04-01T08:00 at UTC+9 is 2025-03-31T23:00Z: March 31 in UTC, not yet active.
    expectDecimal(mrrOn(records, new Date("2025-04-01T08:00:00+09:00")).amount, 0);
  });

  it("rejects an impossible or malformed date with a ValidationError on `date`", () => {
    for (const bad of ["2025-02-30", "2025-2-1", "", new Date(Number.NaN)]) {
      const error = caught(() => mrrOn([], bad)) as ValidationError;
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.issues[0]?.path).toBe("date");
      expect(() => arrOn([], bad)).toThrow(ValidationError);
    }
  });

  it("an empty book has MRR 0 in currency XXX, or in the book's currency", () => {
    expect(mrrOn([], "2025-01-01").currency).toBe("XXX");
    expectDecimal(mrrOn([], "2025-01-01").amount, 0);
    expect(arrOn(contractBook([], { currency: "JPY" }), "2025-01-01").currency).toBe("JPY");
  });
});

describe("mrrSeries", () => {
  const records: ContractInput[] = [
    { id: "1", customerId: "a", start: "2025-01-01", amount: 100, currency: "USD" },
    { id: "2", customerId: "b", start: "2025-02-15", end: "2025-03-10", amount: 50, currency: "USD" },
    { id: "3", customerId: "c", start: "2025-03-31", amount: "1200", interval: "year", currency: "USD" },
  ];

  it("reads MRR on each month's last day", () => {
    // Jan 31: a 100 · Feb 28: a 100 + b 50 = 150 · Mar 31: a 100 + c 1200/12 = 200 (b ended 03-10)
    const series = mrrSeries(records, quarter(2025, 1));
    expect(series.currency).toBe("USD");
    expect(series.points.map((p) => [p.month, p.date, p.mrr.toString(), p.arr.toString(), p.customers])).toEqual([
      ["2025-01", "2025-01-31", "100", "1200", 1],
      ["2025-02", "2025-02-28", "150", "1800", 2],
      ["2025-03", "2025-03-31", "200", "2400", 2],
    ]);
  });

  it("reads a partial last month on the period's last day", () => {
    // [2025-01-01, 2025-03-05): March is read on 03-04, when b (ends 03-10) still pays and c has not started.
    const series = mrrSeries(records, { start: "2025-01-01", end: "2025-03-05" });
    expect(series.points.map((p) => [p.month, p.date, p.mrr.toString()])).toEqual([
      ["2025-01", "2025-01-31", "100"],
      ["2025-02", "2025-02-28", "150"],
      ["2025-03", "2025-03-04", "150"],
    ]);
  });

  it("has one point per month of a year, and agrees with mrrOn", () => {
    const series = mrrSeries(records, year(2025));
    expect(series.points).toHaveLength(12);
    for (const point of series.points) expectDecimal(point.mrr, mrrOn(records, point.date).amount);
    expect(mrrSeries(records, month("2024-12")).points.map((p) => p.mrr.toString())).toEqual(["0"]);
  });
});
