import { describe, expect, it } from "vitest";
import { type ContractInput, ValidationError, fiscalYear, lostRevenue, revenueReport, year } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { expectDecimal } from "../support/decimals.js";
import { fraction } from "../support/fraction.js";

function line(id: string, customerId: string, start: string, end: string | null, amount: number | string): ContractInput {
  return { id, customerId, start, end, amount, currency: "JPY" };
}

describe("lostRevenue (逸失金額): uSonar's worked example (DOMAIN.md §4)", () => {
  // Period January–December; MRR ¥200,000 (ARR ¥2,400,000) ending at the end of March (end = April 1).
  const records = [line("1", "client", "2024-04-01", "2025-04-01", 200_000)];

  it("April–December = 9 months → ¥2,400,000 × 9 / 12 = ¥1,800,000", () => {
    const lost = lostRevenue(records, year(2025));
    expect(lost.currency).toBe("JPY");
    expect(lost.proration).toBe("month");
    expect(lost.period).toEqual(year(2025));
    expectDecimal(lost.total, 1_800_000);
    expect(lost.customers).toHaveLength(1);
    const row = lost.customers[0]!;
    expect(row.customerId).toBe("client");
    expect(row.churnDate).toBe("2025-04-01");
    expectDecimal(row.baseArr, 2_400_000); // 12 × 200,000
    expectDecimal(row.remainingMonths, 9);
    // days from 04-01 to 2026-01-01: 30+31+30+31+31+30+31+30+31 = 275
    expect(row.remainingDays).toBe(275);
    expectDecimal(row.lostRevenue, 1_800_000);
  });

  it("with day proration: ¥2,400,000 × 275 / 365 = 132,000,000 / 73", () => {
    // 2,400,000 × 275 / 365 = 660,000,000 / 365 = 132,000,000 / 73 ≈ 1,808,219.18
    const lost = lostRevenue(records, year(2025), { proration: "day" });
    expect(lost.proration).toBe("day");
    expectDecimal(lost.total, fraction(132_000_000, 73));
    // remaining months = 275 × 12 / 365 = 3300 / 365 = 660 / 73
    expectDecimal(lost.customers[0]?.remainingMonths, fraction(660, 73));
  });
});

describe("lostRevenue: a mid-month churn under both prorations", () => {
  // MRR ¥310,000 (ARR ¥3,720,000); last active day 2025-03-16, churn date (end) 2025-03-17.
  const records = [line("1", "m", "2024-01-01", "2025-03-17", 310_000)];

  it("month: March counts 15/31 (days 17–31), April–December 9 → 294/31 months; 310,000 × 294/31 = 2,940,000", () => {
    // lost = 3,720,000 × (294/31) / 12 = 310,000 × 294 / 31 = 10,000 × 294 = 2,940,000
    const lost = lostRevenue(records, year(2025), { proration: "month" });
    expectDecimal(lost.customers[0]?.remainingMonths, fraction(294, 31));
    expect(lost.customers[0]?.remainingDays).toBe(290); // 15 + 275
    expectDecimal(lost.total, 2_940_000);
  });

  it("day: 290 remaining days / 365 → 3,720,000 × 290 / 365 = 215,760,000 / 73", () => {
    // 3,720,000 × 290 = 1,078,800,000; / 365 → divide both by 5: 215,760,000 / 73 ≈ 2,955,616.44
    const lost = lostRevenue(records, year(2025), { proration: "day" });
    expectDecimal(lost.total, fraction(215_760_000, 73));
    expectDecimal(lost.customers[0]?.remainingMonths, fraction(290 * 12, 365)); // 3480/365 = 696/73
  });
});

describe("lostRevenue: more cases", () => {
  it("an April fiscal year: churn on its first day loses the whole prior-year ARR", () => {
    // FY2025 = 2025-04-01 … 2026-04-01; end 2025-04-01 → churn date = period start → 12 months.
    const records = [line("1", "a", "2024-04-01", "2025-04-01", 100_000)];
    const lost = lostRevenue(records, fiscalYear(2025, { startMonth: 4 }));
    expectDecimal(lost.customers[0]?.remainingMonths, 12);
    expectDecimal(lost.total, 1_200_000); // 12 × 100,000 × 12/12
    // The same contract in FY2024 (2024-04-01 … 2025-04-01) is not a churn of FY2024: M1 on 2025-03-31 > 0.
    expect(lostRevenue(records, fiscalYear(2024, { startMonth: 4 })).customers).toEqual([]);
  });

  it("an annual-interval contract: base ARR is 12 × amount/12 = the annual amount", () => {
    // 2,400,000 / year → MRR 200,000; ends 2025-07-01 → July–December 6 months → 2,400,000 × 6/12 = 1,200,000
    const records: ContractInput[] = [{ id: "1", customerId: "a", start: "2024-07-01", end: "2025-07-01", amount: "2400000", interval: "year", currency: "JPY" }];
    const lost = lostRevenue(records, year(2025));
    expectDecimal(lost.customers[0]?.baseArr, 2_400_000);
    expectDecimal(lost.total, 1_200_000);
  });

  it("for a customer with several lines, the churn date is the day after the last one ends and the base is 12 × M0", () => {
    const records = [
      line("1", "a", "2024-01-01", "2025-02-01", 100_000), // in M0
      line("2", "a", "2024-06-01", "2025-06-01", 50_000), // in M0; the last to end → churn date 06-01
    ];
    // base ARR = 12 × (100,000 + 50,000) = 1,800,000; June–December = 7 months → 1,800,000 × 7/12 = 1,050,000
    const row = lostRevenue(records, year(2025)).customers[0]!;
    expect(row.churnDate).toBe("2025-06-01");
    expectDecimal(row.baseArr, 1_800_000);
    expectDecimal(row.lostRevenue, 1_050_000);
  });

  it("counts only churned customers of the starting cohort, sorted by id, and totals them exactly", () => {
    const records = [
      line("1", "zeta", "2024-01-01", "2025-10-01", 120_000), // churn 10-01: 3 months → 1,440,000 × 3/12 = 360,000
      line("2", "alpha", "2024-01-01", "2025-12-01", 60_000), // churn 12-01: 1 month → 720,000 × 1/12 = 60,000
      line("3", "beta", "2024-01-01", "2025-05-01", 100_000), // contraction, not churn
      line("4", "beta", "2025-05-01", null, 10_000),
      line("5", "gamma", "2025-02-01", "2025-04-01", 500_000), // new and gone inside the period: not in C0
      line("6", "delta", "2024-01-01", null, 70_000), // flat
    ];
    const lost = lostRevenue(records, year(2025));
    expect(lost.customers.map((row) => [row.customerId, row.churnDate, row.lostRevenue.toString()])).toEqual([
      ["alpha", "2025-12-01", "60000"],
      ["zeta", "2025-10-01", "360000"],
    ]);
    expectDecimal(lost.total, 420_000); // 60,000 + 360,000
  });

  it("sums the total exactly before rounding: two 10/31 remainders add up to 20/31", () => {
    // Both churn on 2025-12-22: December keeps 10/31 of a month. MRR 1 each → lost = 10/31 each, total 20/31.
    const records = [line("1", "a", "2024-01-01", "2025-12-22", 1), line("2", "b", "2024-01-01", "2025-12-22", 1)];
    const lost = lostRevenue(records, year(2025));
    expectDecimal(lost.customers[0]?.lostRevenue, fraction(10, 31));
    expectDecimal(lost.total, fraction(20, 31));
  });

  it("a leap year under day proration counts 366 / 365 of a year", () => {
    // churn on 2024-01-01 in year(2024): 366 remaining days → ARR 12 × 365 × 366/365 = 12 × 366 = 4392
    const records = [line("1", "a", "2023-01-01", "2024-01-01", 365)];
    expectDecimal(lostRevenue(records, year(2024), { proration: "day" }).total, 4392);
    expectDecimal(lostRevenue(records, year(2024), { proration: "month" }).total, 4380); // 12 × 365
  });

  it("is part of revenueReport with the same proration", () => {
    const records = [line("1", "m", "2024-01-01", "2025-03-17", 310_000)];
    expectDecimal(revenueReport(records, year(2025)).lostRevenue.total, 2_940_000);
    expectDecimal(revenueReport(records, year(2025), { proration: "day" }).lostRevenue.total, fraction(215_760_000, 73));
  });

  it("rejects an unknown proration", () => {
    const error = caught(() => lostRevenue([], year(2025), { proration: "week" as never })) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toEqual([{ path: "options.proration", message: 'must be "month" or "day" (got "week")' }]);
    expect(() => revenueReport([], year(2025), { proration: "days" as never })).toThrow(ValidationError);
  });
});
