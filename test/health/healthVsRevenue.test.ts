import { describe, expect, it } from "vitest";
import { contractBook, correlation, fiscalYear, revenueMovements, scoreCustomers } from "../../src/index.js";

// DOMAIN.md §5 "health vs revenue": do the health scores at the start of FY2025 predict each customer's
// NRR over FY2025 (2025-04-01 … 2026-04-01)?
describe("health scores against next-year NRR", () => {
  // Scores on 2025-03-31 with one measure, 展開率 linear 0 → 1: c25 25, c50 50, c75 75, c100 100.
  const snapshots = [25, 50, 75, 100].map((provisioned) => ({
    customerId: `c${provisioned}`, at: "2025-03-31", licensedSeats: 100, provisionedUsers: provisioned,
  }));
  const scorecard = { measures: [{ signal: "deploymentRate", weight: 1, scale: { type: "linear", worst: 0, best: 1 } }], bands: { good: 70, bad: 40 } } as const;
  // Per-customer NRR = M1/M0 over FY2025:
  //   c25  100 → churns 2025-10-01 → 0;  c50 100 → 100 → 1;  c75 200 → 200 → 1;  c100 100 → 100 + 20 → 1.2
  const book = contractBook([
    { id: "1", customerId: "c25", start: "2024-01-01", end: "2025-10-01", amount: 100, currency: "USD" },
    { id: "2", customerId: "c50", start: "2024-01-01", amount: 100, currency: "USD" },
    { id: "3", customerId: "c75", start: "2024-01-01", amount: 200, currency: "USD" },
    { id: "4", customerId: "c100", start: "2024-01-01", amount: 100, currency: "USD" },
    { id: "5", customerId: "c100", start: "2025-09-01", amount: 20, currency: "USD" },
  ]);

  it("pairs each customer's score with its NRR and correlates them", () => {
    const scores = scoreCustomers(snapshots, scorecard, { asOf: "2025-03-31" });
    const nrrByCustomer = new Map(
      revenueMovements(book, fiscalYear(2025, { startMonth: 4 }))
        .customers.filter((row) => !row.startingMrr.isZero())
        .map((row) => [row.customerId, row.endingMrr.div(row.startingMrr)]),
    );
    const pairs = scores.map((result) => [result.score!, nrrByCustomer.get(result.customerId)!.toNumber()] as const);
    expect([...pairs].sort((a, b) => a[0] - b[0])).toEqual([[25, 0], [50, 1], [75, 1], [100, 1.2]]);
    const xs = pairs.map((pair) => pair[0]);
    const ys = pairs.map((pair) => pair[1]);
    // Pearson: x̄ = 62.5, ȳ = 0.8; dx = −37.5, −12.5, 12.5, 37.5; dy = −0.8, 0.2, 0.2, 0.4
    // Σdxdy = 30 − 2.5 + 2.5 + 15 = 45; Σdx² = 3125; Σdy² = 0.88 → r = 45/√2750 ≈ 0.8581
    expect(correlation(xs, ys)).toBeCloseTo(45 / Math.sqrt(2750), 12);
    // Spearman: ranks x 1,2,3,4; y 1, 2.5, 2.5, 4 → Σdxdy = 2.25 + 0 + 0 + 2.25 = 4.5; Σdx² = 5, Σdy² = 4.5
    // ρ = 4.5/√22.5 ≈ 0.9487
    expect(correlation(xs, ys, { method: "spearman" })).toBeCloseTo(4.5 / Math.sqrt(22.5), 12);
  });
});
