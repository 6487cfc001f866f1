import { describe, expect, it } from "vitest";
import { ValidationError, scoreCustomers } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { deepFreeze, issueScorecard } from "./fixtures.js";

const snapshots = deepFreeze([
  // acme: utilization 0.8 → 100, 0 tickets → 100, adoption 0.6 → 100 → 100 (good); superseded by June
  { customerId: "acme", at: "2025-05-31", provisionedUsers: 10, activeUsers: 8, featuresUsed: 6, featuresAvailable: 10, metrics: { openTickets: 0 } },
  // acme June: utilization 0.5 → 50, 2 tickets → 80, adoption 0.3 → 50 → (100+80+50)/4 = 57.5 (normal)
  { customerId: "acme", at: "2025-06-30", provisionedUsers: 10, activeUsers: 5, featuresUsed: 3, featuresAvailable: 10, metrics: { openTickets: 2 } },
  // acme July: after asOf, ignored
  { customerId: "acme", at: "2025-07-31", provisionedUsers: 10, activeUsers: 1, featuresUsed: 0, featuresAvailable: 10, metrics: { openTickets: 9 } },
  // beta: utilization 0.2 → 0, 10 tickets → 0, adoption 0 → 0 → 0 (bad)
  { customerId: "beta", at: "2025-06-15", provisionedUsers: 10, activeUsers: 2, featuresUsed: 0, featuresAvailable: 10, metrics: { openTickets: 10 } },
  // zeta: only after asOf → left out
  { customerId: "zeta", at: "2025-07-01", provisionedUsers: 10, activeUsers: 2 },
]);

describe("scoreCustomers", () => {
  it("scores each customer's latest snapshot on or before asOf, sorted by customer", () => {
    const results = scoreCustomers(snapshots, issueScorecard, { asOf: "2025-06-30" });
    expect(results.map((r) => [r.customerId, r.at, r.score, r.band])).toEqual([
      ["acme", "2025-06-30", 57.5, "normal"],
      ["beta", "2025-06-15", 0, "bad"],
    ]);
  });

  it("includes a snapshot dated exactly asOf, and accepts a Date", () => {
    const results = scoreCustomers(snapshots, issueScorecard, { asOf: new Date(Date.UTC(2025, 4, 31)) });
    expect(results.map((r) => [r.customerId, r.score])).toEqual([["acme", 100]]);
  });

  it("names invalid snapshots snapshots[i].field, and rejects two snapshots of one customer on one day", () => {
    const bad = caught(() => scoreCustomers([snapshots[0]!, { customerId: "", at: "2025-06-31" }], issueScorecard, { asOf: "2025-06-30" }));
    expect((bad as ValidationError).issues).toEqual([
      { path: "snapshots[1].customerId", message: 'must be a non-empty string or an integer (got "")' },
      { path: "snapshots[1].at", message: 'must be a calendar date YYYY-MM-DD (got "2025-06-31")' },
    ]);
    const duplicate = caught(() => scoreCustomers([snapshots[1]!, snapshots[0]!, { ...snapshots[1]! }], issueScorecard, { asOf: "2025-06-30" }));
    expect((duplicate as ValidationError).issues).toEqual([
      { path: "snapshots[2].at", message: 'duplicate snapshot of customer "acme" on 2025-06-30 (also snapshots[0])' },
    ]);
    const asOf = caught(() => scoreCustomers(snapshots, issueScorecard, { asOf: "June" }));
    expect((asOf as ValidationError).issues).toEqual([{ path: "options.asOf", message: 'must be a calendar date YYYY-MM-DD (got "June")' }]);
  });

  it("names the snapshot in a missing: \"error\" failure", () => {
    const error = caught(() => scoreCustomers(snapshots, { ...issueScorecard, missing: "error" }, { asOf: "2025-07-31" }));
    // zeta (index 4) has no tickets and no features
    expect((error as ValidationError).issues).toEqual([
      { path: "snapshots[4].metrics.openTickets", message: 'metric "openTickets" is missing and the scorecard says missing: "error"' },
    ]);
  });
});
