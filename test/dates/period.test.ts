import { describe, expect, it } from "vitest";
import {
  InvalidPeriodError,
  type PeriodInput,
  fiscalQuarter,
  fiscalYear,
  month,
  monthsOf,
  nrr,
  quarter,
  revenueMovements,
  year,
} from "../../src/index.js";
import { caught } from "../support/caught.js";

describe("period builders: worked examples", () => {
  it("month: [YYYY-MM-01, first day of the next month)", () => {
    expect(month("2025-03")).toEqual({ start: "2025-03-01", end: "2025-04-01", label: "2025-03" });
    expect(month(2025, 3)).toEqual(month("2025-03"));
    expect(month("2024-02")).toEqual({ start: "2024-02-01", end: "2024-03-01", label: "2024-02" });
    expect(month("2025-12")).toEqual({ start: "2025-12-01", end: "2026-01-01", label: "2025-12" });
  });

  it("quarter: Q1 = January–March … Q4 = October–December", () => {
    expect(quarter(2025, 1)).toEqual({ start: "2025-01-01", end: "2025-04-01", label: "2025-Q1" });
    expect(quarter(2025, 2)).toEqual({ start: "2025-04-01", end: "2025-07-01", label: "2025-Q2" });
    expect(quarter(2025, 4)).toEqual({ start: "2025-10-01", end: "2026-01-01", label: "2025-Q4" });
  });

  it("year: [YYYY-01-01, (YYYY+1)-01-01)", () => {
    expect(year(2025)).toEqual({ start: "2025-01-01", end: "2026-01-01", label: "2025" });
  });

  it("an April fiscal year: FY2025 = 2025-04-01 … 2026-04-01 (the Japanese convention)", () => {
    expect(fiscalYear(2025, { startMonth: 4 })).toEqual({ start: "2025-04-01", end: "2026-04-01", label: "FY2025" });
    expect(fiscalYear(2025)).toEqual({ start: "2025-01-01", end: "2026-01-01", label: "FY2025" });
    expect(fiscalYear(2025, { startMonth: 12 })).toEqual({ start: "2025-12-01", end: "2026-12-01", label: "FY2025" });
  });

  it("fiscal quarters start in the fiscal year's start month", () => {
    // FY2025 (April): Q1 Apr–Jun 2025, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar 2026
    expect([1, 2, 3, 4].map((q) => fiscalQuarter(2025, q, { startMonth: 4 }))).toEqual([
      { start: "2025-04-01", end: "2025-07-01", label: "FY2025-Q1" },
      { start: "2025-07-01", end: "2025-10-01", label: "FY2025-Q2" },
      { start: "2025-10-01", end: "2026-01-01", label: "FY2025-Q3" },
      { start: "2026-01-01", end: "2026-04-01", label: "FY2025-Q4" },
    ]);
    expect(fiscalQuarter(2025, 1)).toEqual(quarter(2025, 1));
  });

  it("monthsOf: the months a period overlaps, clipped to it", () => {
    expect(monthsOf(quarter(2025, 2)).map((m) => m.label)).toEqual(["2025-04", "2025-05", "2025-06"]);
    expect(monthsOf(fiscalYear(2025, { startMonth: 4 }))).toHaveLength(12);
    expect(monthsOf({ start: "2025-01-15", end: "2025-03-10" })).toEqual([
      { start: "2025-01-15", end: "2025-02-01", label: "2025-01" },
      { start: "2025-02-01", end: "2025-03-01", label: "2025-02" },
      { start: "2025-03-01", end: "2025-03-10", label: "2025-03" },
    ]);
    expect(monthsOf({ start: "2025-02-10", end: "2025-02-11" })).toEqual([{ start: "2025-02-10", end: "2025-02-11", label: "2025-02" }]);
  });

  it("accepts plain { start, end } periods, with Date objects read in UTC", () => {
    const records = [{ id: "1", customerId: "a", start: "2024-01-01", end: "2025-02-01", amount: 1, currency: "USD" }];
    const fromDates = revenueMovements(records, { start: new Date("2025-01-01T00:00:00Z"), end: new Date("2025-03-01T00:00:00Z") });
    expect(fromDates.period).toEqual({ start: "2025-01-01", end: "2025-03-01" });
    expect(fromDates.churnedCustomers).toBe(1);
  });
});

describe("invalid periods → InvalidPeriodError", () => {
  const cases: [string, () => unknown, string][] = [
    ["month 13", () => month("2025-13"), "month"],
    ["month 00", () => month("2025-00"), "month"],
    ["one-digit month", () => month("2025-1"), "month"],
    ["a date instead of a month", () => month("2025-01-01"), "month"],
    ["month(2025, 0)", () => month(2025, 0), "month"],
    ["month(2025, 1.5)", () => month(2025, 1.5), "month"],
    ["month(NaN, 1)", () => month(Number.NaN, 1), "month"],
    ["quarter 5", () => quarter(2025, 5), "quarter"],
    ["quarter 0", () => quarter(2025, 0), "quarter"],
    ["year 0", () => year(0), "year"],
    ["year 10000", () => year(10_000), "year"],
    ["year 2025.5", () => year(2025.5), "year"],
    ["fiscal start month 13", () => fiscalYear(2025, { startMonth: 13 }), "options.startMonth"],
    ["fiscal start month 0", () => fiscalYear(2025, { startMonth: 0 }), "options.startMonth"],
    ["fiscal quarter 5", () => fiscalQuarter(2025, 5, { startMonth: 4 }), "quarter"],
    ["end = start", () => monthsOf({ start: "2025-03-01", end: "2025-03-01" }), "period.end"],
    ["end before start", () => monthsOf({ start: "2025-03-01", end: "2025-02-01" }), "period.end"],
    ["impossible start", () => monthsOf({ start: "2025-02-30", end: "2025-04-01" }), "period.start"],
    ["impossible end", () => monthsOf({ start: "2025-02-01", end: "2025-02-29" }), "period.end"],
    ["missing end", () => monthsOf({ start: "2025-02-01" } as unknown as PeriodInput), "period.end"],
  ];
  it.each(cases)("%s", (_name, action, path) => {
    const error = caught(action);
    expect(error).toBeInstanceOf(InvalidPeriodError);
    expect((error as InvalidPeriodError).code).toBe("INVALID_PERIOD");
    expect((error as InvalidPeriodError).path).toBe(path);
  });

  it("metrics reject an invalid period before looking at the contracts", () => {
    expect(() => nrr([], { start: "2025-04-01", end: "2025-04-01" })).toThrow(InvalidPeriodError);
    expect(() => revenueMovements([{ bad: true } as never], { start: "2025-13-01", end: "2026-01-01" })).toThrow(InvalidPeriodError);
  });

  it("says what was wrong", () => {
    expect(() => month("2025-13")).toThrowErrorMatchingInlineSnapshot(`[InvalidPeriodError: cs-metrics: month: month must be 1–12 (got 13)]`);
    expect(() => monthsOf({ start: "2025-03-01", end: "2025-02-01" })).toThrowErrorMatchingInlineSnapshot(`[InvalidPeriodError: cs-metrics: period.end: must be after start (2025-03-01)]`);
    expect(() => fiscalYear(2025, { startMonth: 0 })).toThrowErrorMatchingInlineSnapshot(`[InvalidPeriodError: cs-metrics: options.startMonth: must be a month 1–12 (got 0)]`);
  });
});
