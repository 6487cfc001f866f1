import { describe, expect, it } from "vitest";
import { type ContractInput, cohortRetention, quarter, year } from "../../src/index.js";
import { expectDecimal } from "../support/decimals.js";

function line(id: string, customerId: string, start: string, end: string | null, amount: number): ContractInput {
  return { id, customerId, start, end, amount, currency: "USD" };
}

/** [month, activeCustomers, mrr, logoRetention, revenueRetention] per cell, as text. */
function cellsOf(result: ReturnType<typeof cohortRetention>, cohort: string): (string | number | null)[][] {
  const found = result.cohorts.find((c) => c.cohort === cohort);
  if (found === undefined) throw new Error(`no cohort ${cohort}`);
  return found.cells.map((c) => [c.month, c.activeCustomers, c.mrr.toString(), c.logoRetention?.toString() ?? null, c.revenueRetention?.toString() ?? null]);
}

describe("cohortRetention: worked example over Q1 2025", () => {
  const records = [
    line("a1", "a", "2025-01-05", null, 100), // cohort 2025-01
    line("b1", "b", "2025-01-20", "2025-03-01", 100), // cohort 2025-01, gone by March 31
    line("c1", "c", "2025-02-10", "2025-02-20", 50), // cohort 2025-02, starts and stops in February
    line("d1", "d", "2025-02-01", null, 200), // cohort 2025-02
    line("d2", "d", "2025-03-01", null, 100), // d expands in March
    line("e1", "e", "2024-12-01", null, 999), // cohort 2024-12: before the period, not followed
    line("f0", "f", "2024-06-01", "2024-08-01", 0), // f's free line does not make it a 2024-06 starter…
    line("f1", "f", "2025-03-03", "2025-03-10", 40), // …its first paid day is 2025-03-03: cohort 2025-03, base 0
  ];
  const result = cohortRetention(records, quarter(2025, 1));

  it("groups customers by the month of their first day with MRR > 0", () => {
    expect(result.currency).toBe("USD");
    expect(result.period).toEqual(quarter(2025, 1));
    expect(result.cohorts.map((c) => [c.cohort, c.customers, c.startingMrr.toString()])).toEqual([
      ["2025-01", 2, "200"], // a 100 + b 100 on 01-31
      ["2025-02", 2, "200"], // d 200 on 02-28 (c ended 02-20: in the size, not in the base)
      ["2025-03", 1, "0"], // f ended 03-10
    ]);
  });

  it("follows each cohort month by month on the months' last days", () => {
    // 2025-01: Jan 31 a+b 200 (2/2, 200/200) · Feb 28 a+b 200 · Mar 31 a 100 (1/2 = 0.5, 100/200 = 0.5)
    expect(cellsOf(result, "2025-01")).toEqual([
      ["2025-01", 2, "200", "1", "1"],
      ["2025-02", 2, "200", "1", "1"],
      ["2025-03", 1, "100", "0.5", "0.5"],
    ]);
    // 2025-02: Feb 28 d 200 (1/2, 200/200) · Mar 31 d 300 (1/2, 300/200 = 1.5: expansion shows as > 1)
    expect(cellsOf(result, "2025-02")).toEqual([
      ["2025-02", 1, "200", "0.5", "1"],
      ["2025-03", 1, "300", "0.5", "1.5"],
    ]);
    // 2025-03: Mar 31 nobody (0/1), revenue base 0 → revenue retention null
    expect(cellsOf(result, "2025-03")).toEqual([["2025-03", 0, "0", "0", null]]);
    expect(result.cohorts.map((c) => c.cells.map((cell) => cell.monthsSinceStart))).toEqual([[0, 1, 2], [0, 1], [0]]);
  });

  it("counts a reactivated customer as retained in the months it pays again", () => {
    const comeback = [
      line("g1", "g", "2025-01-01", "2025-02-01", 100),
      line("g2", "g", "2025-03-01", null, 100),
      line("h1", "h", "2025-01-10", null, 100),
    ];
    // Jan 31: g+h (2/2) · Feb 28: h only (1/2, 100/200) · Mar 31: g+h again (2/2)
    const cells = cohortRetention(comeback, quarter(2025, 1)).cohorts[0]!.cells;
    expect(cells.map((c) => c.logoRetention?.toString())).toEqual(["1", "0.5", "1"]);
    expectDecimal(cells[1]!.revenueRetention, "0.5");
  });

  it("over a year, a cohort has one cell per remaining month", () => {
    const cohorts = cohortRetention(records, year(2025)).cohorts;
    expect(cohorts.map((c) => [c.cohort, c.cells.length])).toEqual([
      ["2025-01", 12],
      ["2025-02", 11],
      ["2025-03", 10],
    ]);
  });

  it("follows only whole months: a period ending mid-month stops at the last full month", () => {
    const cohorts = cohortRetention(records, { start: "2025-01-01", end: "2025-03-20" }).cohorts;
    // March is not whole: no March cells and no 2025-03 cohort.
    expect(cohorts.map((c) => [c.cohort, c.cells.map((cell) => cell.month)])).toEqual([
      ["2025-01", ["2025-01", "2025-02"]],
      ["2025-02", ["2025-02"]],
    ]);
  });

  it("follows only whole months: a period starting mid-month begins with the next month", () => {
    // [2025-01-15, 2025-04-01): January is not whole, so no January cohort (a and b started in it);
    // February and March are followed as before.
    const cohorts = cohortRetention(records, { start: "2025-01-15", end: "2025-04-01" }).cohorts;
    expect(cohorts.map((c) => [c.cohort, c.customers, c.cells.map((cell) => cell.month)])).toEqual([
      ["2025-02", 2, ["2025-02", "2025-03"]],
      ["2025-03", 1, ["2025-03"]],
    ]);
  });

  it("an empty book or a period with no starters has no cohorts", () => {
    expect(cohortRetention([], year(2025)).cohorts).toEqual([]);
    expect(cohortRetention(records, year(2023)).cohorts).toEqual([]);
  });
});
