/**
 * scoreCustomers' `activeIn` (issue 11): only the customers that pay on asOf are scored, and the ones
 * left without a band are listed with the reason.
 */
import { describe, expect, it } from "vitest";
import {
  ValidationError,
  contractBook,
  goodMinusBad,
  priorityQuadrant,
  scoreCustomers,
  scoreCustomersFromAsyncIterable,
  scoreCustomersFromIterable,
  type ContractInput,
  type UsageSnapshotInput,
} from "../../src/index.js";
import { caught } from "../support/caught.js";
import { deepFreeze, issueScorecard } from "./fixtures.js";

const asOf = "2025-12-31";

const contracts = deepFreeze<ContractInput[]>([
  { id: "1", customerId: "alpha", start: "2025-01-01", amount: 100000, currency: "JPY" },
  { id: "2", customerId: "beta", start: "2025-03-01", amount: 50000, currency: "JPY" },
  // churned on 2025-12-01 (its last paid day is 2025-11-30), but its users kept logging in
  { id: "3", customerId: "churned", start: "2025-01-01", end: "2025-12-01", amount: 80000, currency: "JPY" },
  { id: "4", customerId: "p1", start: "2025-06-01", amount: 10000, currency: "JPY" },
  { id: "5", customerId: "p2", start: "2025-06-01", amount: 10000, currency: "JPY" },
  { id: "6", customerId: "p3", start: "2025-12-31", amount: 10000, currency: "JPY" }, // starts on asOf: pays on asOf
  { id: "7", customerId: "future", start: "2026-01-01", amount: 30000, currency: "JPY" }, // a trial in December
  { id: "8", customerId: "free", start: "2025-01-01", amount: 0, currency: "JPY" }, // MRR 0: not paying
  { id: "9", customerId: "blank", start: "2025-01-01", amount: 20000, currency: "JPY" },
  { id: "10", customerId: "late", start: "2025-01-01", amount: 20000, currency: "JPY" },
]);

const snapshots = deepFreeze<UsageSnapshotInput[]>([
  // alpha: utilization 8/10 = 0.8 → 100, 0 tickets → 100, adoption 0.6 → 100; (2·100 + 100 + 100)/4 = 100 (good)
  { customerId: "alpha", at: "2025-12-15", provisionedUsers: 10, activeUsers: 8, featuresUsed: 6, featuresAvailable: 10, metrics: { openTickets: 0 } },
  // beta: utilization 0.5 → 100·(0.5 − 0.2)/0.6 = 50, 2 tickets → 100·(10 − 2)/10 = 80, adoption 0.3 → 50;
  // (2·50 + 80 + 50)/4 = 230/4 = 57.5 (normal)
  { customerId: "beta", at: "2025-11-30", provisionedUsers: 10, activeUsers: 5, featuresUsed: 3, featuresAvailable: 10, metrics: { openTickets: 2 } },
  // churned: utilization 0.1 → 0, 10 tickets → 0, adoption 0 → 0; score 0 (bad) — if it were scored
  { customerId: "churned", at: "2025-12-20", provisionedUsers: 10, activeUsers: 1, featuresUsed: 0, featuresAvailable: 10, metrics: { openTickets: 10 } },
  { customerId: "future", at: "2025-12-10", provisionedUsers: 10, activeUsers: 2 },
  { customerId: "free", at: "2025-12-01", provisionedUsers: 10, activeUsers: 2 },
  { customerId: "nobody", at: "2025-12-05", provisionedUsers: 10, activeUsers: 2 }, // in no contract
  { customerId: "blank", at: "2025-12-01" }, // no measure at all: score null under "renormalize"
  { customerId: "late", at: "2026-01-05", provisionedUsers: 10, activeUsers: 9 }, // only after asOf
]);

describe("scoreCustomers with activeIn", () => {
  it("without activeIn (the default) scores every snapshot: the churned customer counts as Bad", () => {
    const results = scoreCustomers(snapshots, issueScorecard, { asOf });
    expect(results.find((r) => r.customerId === "churned")?.band).toBe("bad");
    // churned, future, free and nobody all score 0 (utilization ≤ 0.2 → 0 points; the missing measures
    // renormalized away): 4 Bad, although none of them pays on asOf
    expect(goodMinusBad(results).bad).toBe(4);
    expect(results.map((r) => r.customerId)).toEqual(["alpha", "beta", "blank", "churned", "free", "future", "nobody"]);
    expect(Array.isArray(results)).toBe(true);
  });

  it("scores only the customers with MRR > 0 on asOf and lists the others with the reason", () => {
    const { scores, unscored } = scoreCustomers(snapshots, issueScorecard, { asOf, activeIn: contracts });
    expect(scores.map((r) => [r.customerId, r.at, r.score, r.band])).toEqual([
      ["alpha", "2025-12-15", 100, "good"],
      ["beta", "2025-11-30", 57.5, "normal"],
      ["blank", "2025-12-01", null, null],
    ]);
    expect(unscored).toEqual([
      { customerId: "blank", reason: "missing measures", at: "2025-12-01" },
      { customerId: "churned", reason: "not a customer on asOf", at: "2025-12-20" },
      { customerId: "free", reason: "not a customer on asOf", at: "2025-12-01" },
      { customerId: "future", reason: "not a customer on asOf", at: "2025-12-10" },
      { customerId: "late", reason: "no usage data", at: null },
      { customerId: "nobody", reason: "not a customer on asOf", at: "2025-12-05" },
      { customerId: "p1", reason: "no usage data", at: null },
      { customerId: "p2", reason: "no usage data", at: null },
      { customerId: "p3", reason: "no usage data", at: null },
    ]);
    // Good−Bad over the paying customers that were scored: good 1, normal 1, bad 0 of 2 banded →
    // 100 · (1 − 0)/2 = 50 points; the churned customer is no longer Bad.
    const bands = goodMinusBad(scores);
    expect([bands.good, bands.normal, bands.bad, bands.unscored]).toEqual([1, 1, 0, 1]);
    expect(bands.index?.toString()).toBe("50");
  });

  it("takes a contract book as well as records, with the same result", () => {
    const book = contractBook(contracts);
    expect(scoreCustomers(snapshots, issueScorecard, { asOf, activeIn: book })).toEqual(scoreCustomers(snapshots, issueScorecard, { asOf, activeIn: contracts }));
  });

  it("reads the as-of day as the contract's active day: start ≤ asOf < end", () => {
    // As of 2025-11-30 the churned customer still pays (its end is 2025-12-01) and p3 has not started.
    const { scores, unscored } = scoreCustomers(snapshots, issueScorecard, { asOf: "2025-11-30", activeIn: contracts });
    expect(scores.map((r) => r.customerId)).toEqual(["beta"]);
    expect(unscored.filter((u) => u.reason === "no usage data").map((u) => u.customerId)).toEqual(["alpha", "blank", "churned", "late", "p1", "p2"]);
  });

  it("does not score (or fail on) snapshots of customers it leaves out under missing: \"error\"", () => {
    const strict = { ...issueScorecard, missing: "error" } as const;
    // "nobody" lacks tickets and features: scored, it would stop the run
    expect(() => scoreCustomers(snapshots.filter((s) => s.customerId !== "blank"), strict, { asOf })).toThrow(ValidationError);
    const paying = contracts.filter((c) => ["alpha", "beta"].includes(String(c.customerId)));
    expect(scoreCustomers(snapshots, strict, { asOf, activeIn: paying }).scores.map((r) => r.band)).toEqual(["good", "normal"]);
  });

  it("rejects activeIn that is not contracts, and names a bad record under options.activeIn", () => {
    const notContracts = caught(() => scoreCustomers(snapshots, issueScorecard, { asOf, activeIn: {} as unknown as ContractInput[] }));
    expect((notContracts as ValidationError).issues).toEqual([{ path: "options.activeIn", message: "must be a contract book or an array of contract records" }]);
    const badRecord = caught(() => scoreCustomers(snapshots, issueScorecard, { asOf, activeIn: [{ ...contracts[0]!, amount: "-1" }] }));
    expect((badRecord as ValidationError).issues).toEqual([{ path: "options.activeIn[0].amount", message: "must not be negative (got -1)" }]);
    expect(() => scoreCustomersFromIterable(snapshots, issueScorecard, { asOf, activeIn: 5 as unknown as ContractInput[] })).toThrow(ValidationError);
  });

  it("treats activeIn: undefined (from JavaScript) as absent", () => {
    const options = { asOf, activeIn: undefined } as unknown as { asOf: string };
    expect(scoreCustomers(snapshots, issueScorecard, options)).toEqual(scoreCustomers(snapshots, issueScorecard, { asOf }));
  });

  it("gives the same result from an iterable and an async iterable", async () => {
    const expected = scoreCustomers(snapshots, issueScorecard, { asOf, activeIn: contracts });
    expect(scoreCustomersFromIterable(snapshots, issueScorecard, { asOf, activeIn: contracts })).toEqual(expected);
    async function* stream(): AsyncGenerator<UsageSnapshotInput> {
      yield* snapshots;
    }
    expect(await scoreCustomersFromAsyncIterable(stream(), issueScorecard, { asOf, activeIn: contracts })).toEqual(expected);
    expect(scoreCustomersFromIterable(snapshots, issueScorecard, { asOf })).toEqual(scoreCustomers(snapshots, issueScorecard, { asOf }));
  });

  it("does not mutate its inputs (frozen above)", () => {
    const copy = structuredClone(contracts);
    scoreCustomers(snapshots, issueScorecard, { asOf, activeIn: contracts });
    expect(contracts).toEqual(copy);
  });
});

describe("priorityQuadrant with activeIn", () => {
  const quadrant = { asOf, deploymentThreshold: 0.5, utilizationThreshold: 0.5, contactWithinDays: 30 } as const;

  it("does not rank a churned customer first to call", () => {
    const withRates = snapshots.filter((s) => s.customerId !== "blank");
    // Without activeIn: churned (utilization 1/10 = 0.1), future, free and nobody (2/10 = 0.2) have no
    // licensed seats (deployment missing → low) and low utilization: low-low, never contacted; the
    // lowest combined rate, churned's 0.1, is called first.
    expect(priorityQuadrant(withRates, quadrant)[0]?.customerId).toBe("churned");
    // Paying on 2025-12-31 with a snapshot: alpha (utilization 0.8) and beta (0.5), both low-high
    // (no seats, utilization ≥ 0.5); the lower combined rate first: beta, then alpha.
    const paying = priorityQuadrant(withRates, { ...quadrant, activeIn: contracts });
    expect(paying.map((r) => [r.customerId, r.quadrant, r.priority])).toEqual([
      ["beta", "low-high", 1],
      ["alpha", "low-high", 2],
    ]);
  });

  it("names an invalid activeIn like scoreCustomers", () => {
    const error = caught(() => priorityQuadrant(snapshots, { ...quadrant, activeIn: "contracts" as unknown as ContractInput[] }));
    expect((error as ValidationError).issues).toEqual([{ path: "options.activeIn", message: "must be a contract book or an array of contract records" }]);
  });
});
