import { describe, expect, it } from "vitest";
import { type ContractInput, contractBook, month, mrrSeries, quarter, revenueMovements, year } from "../../src/index.js";
import { expectDecimal } from "../support/decimals.js";

/** A monthly JPY contract line. */
function line(id: string, customerId: string, start: string, end: string | null, amount: number): ContractInput {
  return { id, customerId, start, end, amount, currency: "JPY" };
}

/** [customerId, movement, M0, M1] of every row, M0 and M1 as text. */
function rowsOf(records: readonly ContractInput[], period: Parameters<typeof revenueMovements>[1]): [string, string, string, string][] {
  return revenueMovements(records, period).customers.map((row) => [row.customerId, row.movement, row.startingMrr.toString(), row.endingMrr.toString()]);
}

describe("revenueMovements: worked examples (DOMAIN.md §2)", () => {
  it("classifies new, reactivation, expansion, contraction, churn and flat over a year", () => {
    // year(2025): M0 on 2024-12-31, M1 on 2025-12-31.
    const records = [
      line("a1", "a", "2024-01-01", null, 100), // a: M0 100
      line("a2", "a", "2025-06-01", null, 50), //     M1 150 → expansion 50
      line("b1", "b", "2024-01-01", "2025-05-01", 200), // b: M0 200
      line("b2", "b", "2025-05-01", null, 120), //          M1 120 → contraction 80
      line("c1", "c", "2024-03-01", "2025-09-01", 300), // c: M0 300 → M1 0, churn 300
      line("d1", "d", "2023-01-01", null, 400), // d: 400 → 400, flat
      line("e1", "e", "2025-02-01", null, 70), // e: M0 0 → 70, never paid before: new
      line("f1", "f", "2023-01-01", "2024-06-01", 90), // f: paid in 2023–24, nothing on 2024-12-31
      line("f2", "f", "2025-05-01", null, 60), //        → M1 60: reactivation
    ];
    const m = revenueMovements(records, year(2025));
    expect(rowsOf(records, year(2025))).toEqual([
      ["a", "expansion", "100", "150"],
      ["b", "contraction", "200", "120"],
      ["c", "churn", "300", "0"],
      ["d", "flat", "400", "400"],
      ["e", "new", "0", "70"],
      ["f", "reactivation", "0", "60"],
    ]);
    // starting = 100 + 200 + 300 + 400 = 1000; ending = 150 + 120 + 0 + 400 + 70 + 60 = 800
    expectDecimal(m.startingMrr, 1000);
    expectDecimal(m.endingMrr, 800);
    expectDecimal(m.newMrr, 70);
    expectDecimal(m.reactivationMrr, 60);
    expectDecimal(m.expansionMrr, 50);
    expectDecimal(m.contractionMrr, 80);
    expectDecimal(m.churnedMrr, 300);
    // 800 − 1000 = −200 = 70 + 60 + 50 − 80 − 300
    expectDecimal(m.netNewMrr, -200);
    expect(m.customers.map((row) => row.change.toString())).toEqual(["50", "-80", "-300", "0", "70", "60"]);
    expect(m.currency).toBe("JPY");
    expect(m.period).toEqual({ start: "2025-01-01", end: "2026-01-01", label: "2025" });
    expect({
      starting: m.startingCustomers,
      ending: m.endingCustomers,
      new: m.newCustomers,
      reactivated: m.reactivatedCustomers,
      expanded: m.expandedCustomers,
      contracted: m.contractedCustomers,
      churned: m.churnedCustomers,
      flat: m.flatCustomers,
    }).toEqual({ starting: 4, ending: 5, new: 1, reactivated: 1, expanded: 1, contracted: 1, churned: 1, flat: 1 });
  });

  it("reactivation needs MRR > 0 before the period; a zero-amount line before does not count", () => {
    const records = [
      line("g0", "g", "2024-01-01", "2024-07-01", 0), // a free trial: MRR 0
      line("g1", "g", "2025-03-01", null, 500), // first paid line → new, not reactivation
      line("h0", "h", "2024-12-30", "2024-12-31", 10), // paid one day, ended the day before M0's day
      line("h1", "h", "2025-03-01", null, 500), // → reactivation
    ];
    expect(rowsOf(records, year(2025))).toEqual([
      ["g", "new", "0", "500"],
      ["h", "reactivation", "0", "500"],
    ]);
  });

  it("a customer that starts and stops inside one period moves nothing; the monthly series shows it", () => {
    const records = [line("s1", "shinsei", "2025-06-01", "2025-09-01", 1000), line("t1", "tohoku", "2024-01-01", null, 300)];
    const m = revenueMovements(records, year(2025));
    // shinsei: M0 (2024-12-31) = 0, M1 (2025-12-31) = 0 → no row, no movement.
    expect(m.customers.map((row) => row.customerId)).toEqual(["tohoku"]);
    for (const key of ["newMrr", "reactivationMrr", "expansionMrr", "contractionMrr", "churnedMrr", "netNewMrr"] as const) expectDecimal(m[key], 0);
    expect(m.newCustomers + m.churnedCustomers).toBe(0);
    // Month by month: new in June (M0 0 on 05-31, M1 1000 on 06-30) and churned in September.
    expect(revenueMovements(records, month("2025-06")).newMrr.toString()).toBe("1000");
    expect(revenueMovements(records, month("2025-09")).churnedMrr.toString()).toBe("1000");
    expect(mrrSeries(records, quarter(2025, 3)).points.map((p) => p.mrr.toString())).toEqual(["1300", "1300", "300"]);
  });

  it("a contract ending on April 1 churns in the period beginning April 1, and periods chain", () => {
    // 満期 at the end of March: end = 2025-04-01, last active day 2025-03-31.
    const records = [line("u1", "usonar-client", "2024-04-01", "2025-04-01", 200_000), line("n1", "newco", "2025-04-01", null, 50_000)];
    const march = revenueMovements(records, month("2025-03"));
    const april = revenueMovements(records, month("2025-04"));
    // March: M0 (02-28) 200,000, M1 (03-31) 200,000 → flat; newco not yet active.
    expect(rowsOf(records, month("2025-03"))).toEqual([["usonar-client", "flat", "200000", "200000"]]);
    // April: M0 (03-31) 200,000 → M1 (04-30) 0: churn; newco starts on April 1: new in April.
    expect(rowsOf(records, month("2025-04"))).toEqual([
      ["newco", "new", "0", "50000"],
      ["usonar-client", "churn", "200000", "0"],
    ]);
    expectDecimal(april.startingMrr, march.endingMrr);
    // Also with quarters: Q1 keeps it (flat), Q2 loses it.
    expect(revenueMovements(records, quarter(2025, 1)).churnedCustomers).toBe(0);
    expect(revenueMovements(records, quarter(2025, 2)).churnedCustomers).toBe(1);
    expectDecimal(revenueMovements(records, quarter(2025, 2)).startingMrr, revenueMovements(records, quarter(2025, 1)).endingMrr);
  });

  it("a mid-month change moves the month it happens in, read on the month's last day", () => {
    const records = [line("a1", "a", "2025-01-01", "2025-03-15", 100), line("a2", "a", "2025-03-15", null, 130)];
    // March: M0 (02-28) 100 → M1 (03-31) 130: expansion 30; February: flat.
    expect(rowsOf(records, month("2025-03"))).toEqual([["a", "expansion", "100", "130"]]);
    expect(rowsOf(records, month("2025-02"))).toEqual([["a", "flat", "100", "100"]]);
  });

  it("normalises annual, quarterly and multi-year contracts to MRR before comparing", () => {
    const records: ContractInput[] = [
      // 2,400,000 / 12 = 200,000 per month, renewed at 3,000,000 / 12 = 250,000 → expansion 50,000
      { id: "y1", customerId: "hokuto", start: "2024-04-01", end: "2025-04-01", amount: "2400000", interval: "year", currency: "JPY" },
      { id: "y2", customerId: "hokuto", start: "2025-04-01", end: "2026-04-01", amount: "3000000", interval: "year", currency: "JPY" },
      // 1,800,000 / 3 = 600,000 → 1,200,000 / 3 = 400,000: contraction 200,000
      { id: "q1", customerId: "aozora", start: "2024-10-01", end: "2025-07-01", amount: "1800000", interval: "quarter", currency: "JPY" },
      { id: "q2", customerId: "aozora", start: "2025-07-01", amount: "1200000", interval: "quarter", currency: "JPY" },
      // 3,600,000 for 3 years: 3,600,000 / 36 = 100,000 per month, flat
      { id: "t1", customerId: "tri", start: "2024-01-01", end: "2027-01-01", amount: "3600000", interval: "year", intervalCount: 3, currency: "JPY" },
    ];
    expect(rowsOf(records, year(2025))).toEqual([
      ["aozora", "contraction", "600000", "400000"],
      ["hokuto", "expansion", "200000", "250000"],
      ["tri", "flat", "100000", "100000"],
    ]);
  });

  it("a non-terminating MRR (100 / 3) is reported to 40 significant digits and still balances exactly", () => {
    const records: ContractInput[] = [{ id: "q", customerId: "a", start: "2025-01-01", end: "2025-02-01", amount: 100, interval: "quarter", currency: "USD" }];
    const m = revenueMovements(records, month("2025-02"));
    // 100 / 3 = 33.33…3 (40 significant digits: 2 before the point, 38 after)
    expectDecimal(m.churnedMrr, `33.${"3".repeat(38)}`);
    expectDecimal(m.netNewMrr, `-33.${"3".repeat(38)}`);
  });

  it("accepts a book or raw records, with the same result", () => {
    const records = [line("a1", "a", "2024-01-01", "2025-03-15", 100)];
    expect(JSON.stringify(revenueMovements(contractBook(records), year(2025)))).toBe(JSON.stringify(revenueMovements(records, year(2025))));
  });

  it("an empty book has zero totals and no rows", () => {
    const m = revenueMovements([], month("2025-01"));
    expectDecimal(m.startingMrr, 0);
    expectDecimal(m.endingMrr, 0);
    expect(m.customers).toEqual([]);
    expect(m.currency).toBe("XXX");
  });
});
