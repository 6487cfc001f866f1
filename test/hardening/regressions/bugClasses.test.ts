/**
 * Regression tests for the classes of bugs that have hit real metric code elsewhere, each named
 * after its class. Expected values are derived by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import {
  ValidationError,
  arrOn,
  contractBook,
  logoChurnRate,
  lostRevenue,
  month,
  mrrOn,
  mrrSeries,
  netLogoChurnRate,
  nrr,
  revenueMovements,
  revenueReport,
  year,
} from "../../../src/index.js";
import { expectDecimal } from "../../support/decimals.js";
import { fraction } from "../../support/fraction.js";
import { largeInputRows } from "../support/runs.js";

const y2025 = year(2025);

describe("yearly plans counted as monthly (12× overstatement; 24× and 36× for 2- and 3-year terms)", () => {
  it.each([
    // amount, interval, intervalCount → MRR = amount / (12 × count)
    ["1-year plan", "1200000", 1, 100_000],
    ["2-year term", "2400000", 2, 100_000],
    ["3-year term", "3600000", 3, 100_000],
  ] as const)("%s of ¥%s has MRR ¥100,000 and ARR ¥1,200,000", (_, amount, intervalCount, expectedMrr) => {
    const contracts = [{ id: "1", customerId: "a", start: "2025-01-01", amount, interval: "year" as const, intervalCount, currency: "JPY" }];
    expectDecimal(mrrOn(contracts, "2025-06-30").amount, expectedMrr);
    expectDecimal(arrOn(contracts, "2025-06-30").amount, 12 * expectedMrr);
  });

  it("a yearly plan churning is a churn of amount/12, not of the amount", () => {
    const m = revenueMovements([{ id: "1", customerId: "a", start: "2024-01-01", end: "2025-04-01", amount: "1200000", interval: "year" as const, currency: "JPY" }], y2025);
    expectDecimal(m.churnedMrr, 100_000);
    // Lost revenue: ARR 1,200,000 × 9/12 = 900,000 (not 12 × that).
    expectDecimal(lostRevenue([{ id: "1", customerId: "a", start: "2024-01-01", end: "2025-04-01", amount: "1200000", interval: "year" as const, currency: "JPY" }], y2025).total, 900_000);
  });
});

describe("quarterly amounts divided wrongly", () => {
  it("a quarterly amount is divided by 3 (not 4, not multiplied)", () => {
    const contracts = [{ id: "1", customerId: "a", start: "2025-01-01", amount: 300, interval: "quarter" as const, currency: "USD" }];
    expectDecimal(mrrOn(contracts, "2025-02-01").amount, 100); // 300 / 3
  });

  it("a half-year billed as quarter × 2 is divided by 6", () => {
    const contracts = [{ id: "1", customerId: "a", start: "2025-01-01", amount: 600, interval: "quarter" as const, intervalCount: 2, currency: "USD" }];
    expectDecimal(mrrOn(contracts, "2025-02-01").amount, 100); // 600 / 6
  });

  it("thirds are not rounded before summing: three quarterly 100s make MRR exactly 100", () => {
    const contracts = ["a", "b", "c"].map((c) => ({ id: c, customerId: c, start: "2025-01-01", amount: 100, interval: "quarter" as const, currency: "USD" }));
    expectDecimal(mrrOn(contracts, "2025-02-01").amount, 100);
    expectDecimal(mrrOn(contracts.slice(0, 1), "2025-02-01").amount, fraction(100, 3));
  });
});

describe("churn recorded one day late against the active count", () => {
  // A contract with end 2025-04-01 is active through March 31 and gone on April 1.
  const contracts = [
    { id: "1", customerId: "a", start: "2024-01-01", end: "2025-04-01", amount: 100, currency: "USD" },
    { id: "2", customerId: "b", start: "2024-01-01", amount: 50, currency: "USD" },
  ];

  it("MRR drops on the end date itself, not the day after", () => {
    expectDecimal(mrrOn(contracts, "2025-03-31").amount, 150);
    expectDecimal(mrrOn(contracts, "2025-04-01").amount, 50);
  });

  it("March still counts the customer as active at its end; April records the churn", () => {
    const march = revenueMovements(contracts, month("2025-03"));
    expect([march.endingCustomers, march.churnedCustomers]).toEqual([2, 0]);
    const april = revenueMovements(contracts, month("2025-04"));
    expect([april.startingCustomers, april.endingCustomers, april.churnedCustomers]).toEqual([2, 1, 1]);
    expectDecimal(logoChurnRate(contracts, month("2025-04")), "0.5");
  });

  it("the churn date is the end date, and the month-end series agrees with the movements", () => {
    expect(lostRevenue(contracts, month("2025-04")).customers[0]?.churnDate).toBe("2025-04-01");
    const series = mrrSeries(contracts, { start: "2025-03-01", end: "2025-05-01" });
    expect(series.points.map((p) => [p.month, p.customers, p.mrr.toString()])).toEqual([
      ["2025-03", 2, "150"],
      ["2025-04", 1, "50"],
    ]);
  });
});

describe("a cancellation subtracted twice", () => {
  it("two lines of one customer ending together churn its MRR once", () => {
    // Lines 60 + 40 both end 2025-05-01: churned MRR = M0 = 100, once; one churned logo.
    const contracts = [
      { id: "1", customerId: "a", start: "2024-01-01", end: "2025-05-01", amount: 60, currency: "USD" },
      { id: "2", customerId: "a", start: "2024-06-01", end: "2025-05-01", amount: 40, currency: "USD" },
      { id: "3", customerId: "b", start: "2024-01-01", amount: 100, currency: "USD" },
    ];
    const report = revenueReport(contracts, y2025);
    expectDecimal(report.movements.churnedMrr, 100);
    expect(report.movements.churnedCustomers).toBe(1);
    // ending − starting = 100 − 200 = −100 = −churn (nothing else moved).
    expectDecimal(report.movements.netNewMrr, -100);
    // Lost: ARR 1,200 × 8/12 (May–December) = 800, one row.
    expect(report.lostRevenue.customers.length).toBe(1);
    expectDecimal(report.lostRevenue.total, 800);
  });

  it("a contraction is counted as contraction only, not also as churn", () => {
    const contracts = [
      { id: "1", customerId: "a", start: "2024-01-01", end: "2025-05-01", amount: 60, currency: "USD" },
      { id: "2", customerId: "a", start: "2024-01-01", amount: 40, currency: "USD" },
    ];
    const m = revenueMovements(contracts, y2025);
    expectDecimal(m.contractionMrr, 60);
    expectDecimal(m.churnedMrr, 0);
    expectDecimal(m.endingMrr.minus(m.startingMrr), -60);
  });
});

describe("a customer with several lines churned when only one line ended", () => {
  it("one line ending while another runs is a contraction, not a logo churn, and loses no revenue", () => {
    const contracts = [
      { id: "seats", customerId: "a", start: "2024-01-01", end: "2025-03-01", amount: 300, currency: "USD" },
      { id: "support", customerId: "a", start: "2024-01-01", amount: 50, currency: "USD" },
    ];
    const report = revenueReport(contracts, y2025);
    expect(report.movements.churnedCustomers).toBe(0);
    expect(report.movements.contractedCustomers).toBe(1);
    expectDecimal(report.rates.logoChurnRate, 0);
    // GRR = (350 − 300) / 350 = 1/7.
    expectDecimal(report.rates.grr, fraction(1, 7));
    expect(report.lostRevenue.customers).toEqual([]);
  });

  it("a line replaced by its renewal the same day is no movement at all", () => {
    const contracts = [
      { id: "old", customerId: "a", start: "2024-01-01", end: "2025-04-01", amount: 100, currency: "USD" },
      { id: "renewal", customerId: "a", start: "2025-04-01", amount: 100, currency: "USD" },
    ];
    expect(revenueMovements(contracts, y2025).customers.map((c) => c.movement)).toEqual(["flat"]);
  });

  it("the churn date of a several-line customer is the day after its last line ends", () => {
    const contracts = [
      { id: "1", customerId: "a", start: "2024-01-01", end: "2025-03-01", amount: 100, currency: "USD" },
      { id: "2", customerId: "a", start: "2024-01-01", end: "2025-09-01", amount: 100, currency: "USD" },
    ];
    // Churned (M1 = 0) with M0 = 200; churn date 2025-09-01 → Sep–Dec = 4 months; ARR 2,400 × 4/12 = 800.
    const lost = lostRevenue(contracts, y2025);
    expect(lost.customers.map((r) => r.churnDate)).toEqual(["2025-09-01"]);
    expectDecimal(lost.total, 800);
  });
});

describe("customers who join and leave inside a period counted in the churn base", () => {
  const contracts = [
    { id: "1", customerId: "stays", start: "2024-01-01", amount: 100, currency: "USD" },
    { id: "2", customerId: "blip", start: "2025-03-05", end: "2025-06-10", amount: 900, currency: "USD" },
  ];

  it("is not in the starting cohort, not churned, not new at the end", () => {
    const m = revenueMovements(contracts, y2025);
    expect([m.startingCustomers, m.churnedCustomers, m.newCustomers]).toEqual([1, 0, 0]);
    expect(m.customers.map((c) => c.customerId)).toEqual(["stays"]);
    expectDecimal(logoChurnRate(contracts, y2025), 0);
    expectDecimal(nrr(contracts, y2025), 1);
    expect(lostRevenue(contracts, y2025).customers).toEqual([]);
  });

  it("monthly periods do show it arriving and leaving", () => {
    expect(revenueMovements(contracts, month("2025-03")).newCustomers).toBe(1);
    expect(revenueMovements(contracts, month("2025-06")).churnedCustomers).toBe(1);
  });
});

describe("large inputs silently truncated (every row counts, 100k+ rows)", () => {
  // 100,001 rows by default; fewer under mutation testing (see test/hardening/support/runs.ts).
  const rows = largeInputRows();
  const customers = rows > 100_000 ? 60_000 : 600;

  it(`${2 * customers} contract lines: every one is in the totals`, () => {
    // C customers × 2 lines of 1 each: MRR 2C at the start; customers with an even index lose both
    // lines on 2025-07-01: C/2 churned logos, churned MRR C/2 × 2 = C, logo churn exactly 1/2.
    // Lost: C/2 customers × ARR 24 × 6/12 (July–December) = 6C. (C = 60,000: 120,000 lines.)
    const contracts = [];
    for (let i = 0; i < customers; i++) {
      const end = i % 2 === 0 ? "2025-07-01" : null;
      contracts.push({ id: `${i}a`, customerId: `c${i}`, start: "2024-01-01", end, amount: 1, currency: "USD" });
      contracts.push({ id: `${i}b`, customerId: `c${i}`, start: "2024-06-01", end, amount: 1, currency: "USD" });
    }
    const report = revenueReport(contractBook(contracts), y2025);
    expectDecimal(report.movements.startingMrr, 2 * customers);
    expectDecimal(report.movements.churnedMrr, customers);
    expect([report.movements.startingCustomers, report.movements.churnedCustomers]).toEqual([customers, customers / 2]);
    expectDecimal(report.rates.logoChurnRate, "0.5");
    expect(report.lostRevenue.customers.length).toBe(customers / 2);
    expectDecimal(report.lostRevenue.total, 6 * customers);
  }, 120_000);

  it(`${rows} invalid rows: every one is reported, the message lists the first 20`, () => {
    const records = Array.from({ length: rows }, (_, i) => ({ id: `${i}`, customerId: "a", start: "2025-02-30", amount: 1, currency: "USD" }));
    let error: unknown;
    try {
      contractBook(records);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.length).toBe(rows);
    expect(issues[rows - 1]?.path).toBe(`contracts[${rows - 1}].start`);
    expect((error as ValidationError).message).toContain(`… and ${rows - 20} more`);
  }, 120_000);
});

describe("reactivation counted as new", () => {
  const contracts = [
    { id: "1", customerId: "back", start: "2023-01-01", end: "2024-07-01", amount: 100, currency: "USD" },
    { id: "2", customerId: "back", start: "2025-03-01", amount: 80, currency: "USD" },
    { id: "3", customerId: "fresh", start: "2025-03-01", amount: 70, currency: "USD" },
    { id: "4", customerId: "base", start: "2023-01-01", amount: 200, currency: "USD" },
  ];

  it("a returning customer is a reactivation, a first-time one is new", () => {
    const m = revenueMovements(contracts, y2025);
    expect(m.customers.map((c) => [c.customerId, c.movement])).toEqual([
      ["back", "reactivation"],
      ["base", "flat"],
      ["fresh", "new"],
    ]);
    expect([m.newCustomers, m.reactivatedCustomers]).toEqual([1, 1]);
    expectDecimal(m.newMrr, 70);
    expectDecimal(m.reactivationMrr, 80);
  });

  it("net logo churn subtracts new logos only; NRR ignores the returning customer", () => {
    // C0 = {base}: net logo churn = (0 churned − 1 new) / 1 = −1; NRR = 200/200 = 1.
    expectDecimal(netLogoChurnRate(contracts, y2025), -1);
    expectDecimal(nrr(contracts, y2025), 1);
  });
});
