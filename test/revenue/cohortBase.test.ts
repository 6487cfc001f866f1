/**
 * cohortRetention's `base` option: month-end MRR (default) vs MRR at conversion (ChartMogul's cohort value).
 */
import { describe, expect, it } from "vitest";
import { type ContractInput, ValidationError, cohortRetention, quarter } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { expectDecimal } from "../support/decimals.js";
import { fraction } from "../support/fraction.js";

describe("cohortRetention base", () => {
  // January cohort: a converts at 100 on Jan 10 and downgrades to 60 on Jan 25; b converts at 50 on Jan 20 and
  // leaves on Jan 28 (inside its start month); c converts at 40 on Jan 15 and upgrades to 80 on Feb 1.
  const contracts: ContractInput[] = [
    { id: "1", customerId: "a", start: "2025-01-10", end: "2025-01-25", amount: 100, currency: "USD" },
    { id: "2", customerId: "a", start: "2025-01-25", amount: 60, currency: "USD" },
    { id: "3", customerId: "b", start: "2025-01-20", end: "2025-01-28", amount: 50, currency: "USD" },
    { id: "4", customerId: "c", start: "2025-01-15", end: "2025-02-01", amount: 40, currency: "USD" },
    { id: "5", customerId: "c", start: "2025-02-01", amount: 80, currency: "USD" },
  ];

  it("conversion base = Σ MRR on each first paid day = 100 + 50 + 40 = 190", () => {
    const cohort = cohortRetention(contracts, quarter(2025, 1), { base: "conversion" }).cohorts[0]!;
    expectDecimal(cohort.startingMrr, 190);
    // Month-end MRR: Jan 60 + 0 + 40 = 100; Feb 60 + 80 = 140; Mar 140 → 100/190, 140/190, 140/190.
    expect(cohort.cells.map((c) => c.mrr.toString())).toEqual(["100", "140", "140"]);
    expect(cohort.cells.map((c) => c.revenueRetention?.toString())).toEqual([fraction(100, 190), fraction(140, 190), fraction(140, 190)].map(String));
  });

  it("month-end base (default) = January's month-end MRR 100: month 0 is 100%", () => {
    const byDefault = cohortRetention(contracts, quarter(2025, 1)).cohorts[0]!;
    expect(cohortRetention(contracts, quarter(2025, 1), { base: "monthEnd" })).toEqual(cohortRetention(contracts, quarter(2025, 1)));
    expectDecimal(byDefault.startingMrr, 100);
    expect(byDefault.cells.map((c) => c.revenueRetention?.toString())).toEqual(["1", "1.4", "1.4"]);
    // Logo retention does not depend on the base: 2 of 3 at every month end.
    expect(byDefault.cells.map((c) => c.activeCustomers)).toEqual([2, 2, 2]);
  });

  it("rejects an unknown base", () => {
    expect((caught(() => cohortRetention([], quarter(2025, 1), { base: "start" as "monthEnd" })) as ValidationError).issues).toEqual([
      { path: "options.base", message: 'must be "monthEnd" or "conversion" (got "start")' },
    ]);
  });
});
