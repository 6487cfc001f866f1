/**
 * Boundary suite: leap days, month ends, fiscal years across year ends, contracts starting or ending
 * exactly on period boundaries. Expected values are derived by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import {
  InvalidPeriodError,
  arrOn,
  cohortRetention,
  fiscalQuarter,
  fiscalYear,
  lostRevenue,
  month,
  monthsOf,
  mrrOn,
  mrrSeries,
  revenueMovements,
  year,
} from "../../../src/index.js";
import { expectDecimal } from "../../support/decimals.js";
import { fraction } from "../../support/fraction.js";

const jpy = (id: string, customerId: string, start: string, end: string | null, amount: number | string, extra: object = {}) => ({
  id,
  customerId,
  start,
  end,
  amount,
  currency: "JPY",
  ...extra,
});

describe("leap years", () => {
  it("February 2024 has 29 days: month('2024-02') ends on 2024-03-01 and 2024-02-29 is a valid day", () => {
    expect(month("2024-02")).toEqual({ start: "2024-02-01", end: "2024-03-01", label: "2024-02" });
    expect(month("2023-02")).toEqual({ start: "2023-02-01", end: "2023-03-01", label: "2023-02" });
    const contracts = [jpy("1", "a", "2024-02-29", "2024-03-01", 100)];
    // Active on exactly one day, Feb 29.
    expectDecimal(mrrOn(contracts, "2024-02-28").amount, 0);
    expectDecimal(mrrOn(contracts, "2024-02-29").amount, 100);
    expectDecimal(mrrOn(contracts, "2024-03-01").amount, 0);
  });

  it("a churn on 2024-02-15 loses 15/29 of February (month proration) plus March–December", () => {
    // MRR 290,000 → base ARR 3,480,000. Remaining: Feb 15..29 = 15 of 29 days, then 10 whole months.
    // months = 10 + 15/29 = 305/29; lost = 3,480,000 × (305/29) / 12 = 290,000 × 305/29 = 3,050,000.
    const lost = lostRevenue([jpy("1", "a", "2023-01-01", "2024-02-15", 290_000)], year(2024));
    expect(lost.customers[0]?.remainingDays).toBe(321); // 15 (Feb) + 306 (Mar–Dec)
    expectDecimal(lost.customers[0]?.remainingMonths, fraction(305, 29));
    expectDecimal(lost.total, 3_050_000);
  });

  it("day proration divides by 365 even in a leap year", () => {
    // Churn 2024-02-29 in year 2024: remaining days = 1 (Feb 29) + 306 = 307; months = 307 × 12 / 365.
    // MRR 365 → lost = 365 × 307 × 12 / 365 = 3,684.
    const lost = lostRevenue([jpy("1", "a", "2023-06-01", "2024-02-29", 365)], year(2024), { proration: "day" });
    expect(lost.customers[0]?.remainingDays).toBe(307);
    expectDecimal(lost.customers[0]?.remainingMonths, fraction(3684, 365));
    expectDecimal(lost.total, 3684);
  });

  it("a yearly contract starting on 2024-02-29 is active on 2025-02-28 and still on 2025-03-01", () => {
    const contracts = [jpy("1", "a", "2024-02-29", null, 1_200_000, { interval: "year" })];
    expectDecimal(mrrOn(contracts, "2025-02-28").amount, 100_000); // 1,200,000 / 12
    expectDecimal(mrrOn(contracts, "2025-03-01").amount, 100_000);
    // In February 2024 it is new on the last day (M1 read on 2024-02-29).
    expect(revenueMovements(contracts, month("2024-02")).customers.map((c) => c.movement)).toEqual(["new"]);
  });
});

describe("period builders at their limits", () => {
  it("reject what is not a month or a year, naming the argument", () => {
    expect(() => month(2025 as unknown as string)).toThrow("cs-metrics: month: month must be 1–12 (got NaN)");
    expect(() => month("2025-00")).toThrow(InvalidPeriodError);
    expect(() => year(9999)).toThrow("cs-metrics: year: must be a whole year from 1 to 9998 (got 9999)");
    expect(() => fiscalYear(0, { startMonth: 4 })).toThrow(InvalidPeriodError);
    expect(year(1)).toEqual({ start: "0001-01-01", end: "0002-01-01", label: "1" });
  });

  it("mrrOn and arrOn name an invalid date", () => {
    const contracts = [jpy("1", "a", "2024-01-01", null, 100)];
    expect(() => mrrOn(contracts, "2025-02-29")).toThrow('cs-metrics: invalid input (1 problem):\n  date: must be a calendar date YYYY-MM-DD (got "2025-02-29")');
    expect(() => arrOn(contracts, new Date(Number.NaN))).toThrow("date: must be a calendar date YYYY-MM-DD (got Invalid Date)");
  });

  it("an invalid period names its field", () => {
    expect(() => monthsOf({ start: "2025-04-01", end: "2025-04-01" })).toThrow("cs-metrics: period.end: must be after start (2025-04-01)");
    expect(() => monthsOf({ start: "2025-02-30", end: "2025-04-01" })).toThrow(/^cs-metrics: period\.start: must be a calendar date/);
  });
});

describe("month ends", () => {
  it("January 31 → February: months of a period starting on Jan 31 are clipped, not shifted", () => {
    expect(monthsOf({ start: "2025-01-31", end: "2025-03-31" })).toEqual([
      { start: "2025-01-31", end: "2025-02-01", label: "2025-01" },
      { start: "2025-02-01", end: "2025-03-01", label: "2025-02" },
      { start: "2025-03-01", end: "2025-03-31", label: "2025-03" },
    ]);
  });

  it("a contract ending on Jan 31 is active on Jan 30 only; the MRR series reads month-end days", () => {
    // end is exclusive: ending 2025-01-31 means the last active day is 2025-01-30, so January's
    // month-end reading (Jan 31) is 0, and the series never shows it.
    const contracts = [jpy("1", "a", "2024-12-31", "2025-01-31", 500), jpy("2", "b", "2025-01-31", "2025-02-28", 700)];
    const series = mrrSeries(contracts, { start: "2025-01-01", end: "2025-04-01" });
    expect(series.points.map((p) => [p.date, p.mrr.toString()])).toEqual([
      ["2025-01-31", "700"], // b starts Jan 31
      ["2025-02-28", "0"], // b's end 2025-02-28 is exclusive: last active day Feb 27
      ["2025-03-31", "0"],
    ]);
  });

  it("a churn on the first of a month loses whole months only", () => {
    // MRR 100,000 ends 2025-04-01 (last day Mar 31) in year 2025: April–December = 9 months; 1,200,000 × 9/12.
    const lost = lostRevenue([jpy("1", "a", "2024-04-01", "2025-04-01", 100_000)], year(2025));
    expectDecimal(lost.customers[0]?.remainingMonths, 9);
    expectDecimal(lost.total, 900_000);
  });
});

describe("fiscal years across year ends", () => {
  it("April fiscal years and their quarters straddle the calendar year", () => {
    expect(fiscalYear(2025, { startMonth: 4 })).toEqual({ start: "2025-04-01", end: "2026-04-01", label: "FY2025" });
    expect(fiscalQuarter(2025, 3, { startMonth: 4 })).toEqual({ start: "2025-10-01", end: "2026-01-01", label: "FY2025-Q3" });
    expect(fiscalQuarter(2025, 4, { startMonth: 4 })).toEqual({ start: "2026-01-01", end: "2026-04-01", label: "FY2025-Q4" });
    expect(fiscalYear(2025, { startMonth: 12 })).toEqual({ start: "2025-12-01", end: "2026-12-01", label: "FY2025" });
    // The last fiscal year that can be built: FY9998 starting in December ends 9999-12-01.
    expect(fiscalQuarter(9998, 4, { startMonth: 12 })).toEqual({ start: "9999-09-01", end: "9999-12-01", label: "FY9998-Q4" });
  });

  it("a churn in February counts the months up to the fiscal year's end in March", () => {
    // FY2025 (April start). MRR 50,000 ends 2026-02-01 → February and March remain: 2 months.
    // lost = 600,000 × 2 / 12 = 100,000.
    const lost = lostRevenue([jpy("1", "a", "2025-01-01", "2026-02-01", 50_000)], fiscalYear(2025, { startMonth: 4 }));
    expect(lost.customers[0]?.churnDate).toBe("2026-02-01");
    expectDecimal(lost.total, 100_000);
  });

  it("cohorts cross the calendar year inside a fiscal year", () => {
    // Customer joins 2025-12-10; fiscal year FY2025 (Apr–Mar): cohort 2025-12 followed Dec, Jan, Feb, Mar.
    const result = cohortRetention([jpy("1", "a", "2025-12-10", null, 100)], fiscalYear(2025, { startMonth: 4 }));
    expect(result.cohorts.map((c) => [c.cohort, c.cells.map((cell) => cell.month)])).toEqual([["2025-12", ["2025-12", "2026-01", "2026-02", "2026-03"]]]);
  });
});

describe("contracts on period boundaries (period = April 2025)", () => {
  const april = month("2025-04");
  const movementOf = (start: string, end: string | null) => revenueMovements([jpy("1", "a", start, end, 100)], april).customers.map((c) => c.movement);

  it.each([
    ["starts on the period's first day", "2025-04-01", null, ["new"]],
    ["starts on the period's last day", "2025-04-30", null, ["new"]],
    ["starts on the period's end (the next period's first day)", "2025-05-01", null, []],
    ["ends on the period's first day (last active day = day before)", "2025-01-01", "2025-04-01", ["churn"]],
    ["ends on the period's last day (last active day = Apr 29)", "2025-01-01", "2025-04-30", ["churn"]],
    ["ends on the period's end (active on its last day)", "2025-01-01", "2025-05-01", ["flat"]],
    ["ends the day before the period starts", "2025-01-01", "2025-03-31", []],
    ["starts and ends inside the period", "2025-04-05", "2025-04-20", []],
  ] as const)("a contract that %s", (_, start, end, expected) => {
    expect(movementOf(start, end)).toEqual(expected);
  });

  it("a contract ending on the period's first day loses the whole period", () => {
    // M0 = 100 (active on Mar 31), churn date = Apr 1: remaining = 30/30 of April = 1 month; 1,200 × 1/12 = 100.
    const lost = lostRevenue([jpy("1", "a", "2025-01-01", "2025-04-01", 100)], april);
    expect(lost.customers[0]?.churnDate).toBe("2025-04-01");
    expectDecimal(lost.total, 100);
  });
});
