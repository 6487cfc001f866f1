/**
 * Arguments of the wrong shape to the health functions: each is a ValidationError whose issue names
 * the argument and says what it must be (paths and messages asserted, so a dropped or emptied check
 * fails). These paths were not reached by any health suite (a mutation run listed them uncovered).
 */
import { describe, expect, it } from "vitest";
import {
  ValidationError,
  evaluateAlerts,
  expectedRetention,
  healthTrend,
  mergeBandTallies,
  renewalRateByBand,
  scoreCustomers,
  scoreCustomersFromIterable,
} from "../../src/index.js";
import { caught } from "../support/caught.js";

const scorecard = { measures: [{ signal: "deploymentRate", weight: 1, scale: { type: "linear", worst: 0, best: 1 } }], bands: { good: 70, bad: 40 } } as const;

/** The issues of the ValidationError `action` throws, as `path: message` lines. */
function issues(action: () => unknown): string[] {
  const error = caught(action);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((issue) => `${issue.path}: ${issue.message}`);
}

const loosely = (fn: (...args: never[]) => unknown, ...args: unknown[]): unknown => (fn as (...args: unknown[]) => unknown)(...args);

describe("health functions name an argument of the wrong shape", () => {
  it("evaluateAlerts: a threshold or drop must be a finite number, not NaN, Infinity or numeric text", () => {
    const history = [{ customerId: "a", at: "2025-01-31", metrics: { logins: 5 } }];
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, "10"]) {
      expect(issues(() => loosely(evaluateAlerts, history, [{ id: "r", metric: "logins", below: bad }]))).toEqual([`rules[0].below: must be a finite number (got ${typeof bad === "string" ? '"10"' : String(bad)})`]);
      expect(issues(() => loosely(evaluateAlerts, history, [{ id: "r", metric: "logins", above: bad }]))).toEqual([`rules[0].above: must be a finite number (got ${typeof bad === "string" ? '"10"' : String(bad)})`]);
    }
    expect(issues(() => loosely(evaluateAlerts, history, [{ id: "r", metric: "logins", dropsBy: "0.5", days: 30 }])).map((line) => line.split(":")[0])).toEqual(["rules[0].dropsBy"]);
    // A one-element array converts to its element as a property key; it is still not a signal name.
    expect(issues(() => loosely(evaluateAlerts, history, [{ id: "r", signal: ["deploymentRate"], below: 0.5 }])).map((line) => line.split(":")[0])).toEqual(["rules[0].signal"]);
    // Each bound alone is valid.
    expect(evaluateAlerts(history, [{ id: "low", metric: "logins", below: 10 }, { id: "high", metric: "logins", above: 1 }]).map((a) => a.ruleId)).toEqual(["high", "low"]);
  });

  it("evaluateAlerts: rules must be an array", () => {
    expect(issues(() => loosely(evaluateAlerts, [], { id: "r" }))).toEqual(["rules: must be an array of alert rules"]);
  });

  it("evaluateAlerts and scoreCustomers: the snapshots must be an array", () => {
    expect(issues(() => loosely(evaluateAlerts, "history", []))).toEqual(["history: must be an array of usage snapshots"]);
    expect(issues(() => loosely(scoreCustomers, {}, scorecard, { asOf: "2025-01-31" }))).toEqual(["snapshots: must be an array of usage snapshots"]);
  });

  it("duplicate snapshots are listed in input order, across customers", () => {
    const day = "2025-01-31";
    // a's duplicate is snapshots[3], b's is snapshots[2]: customers are grouped a, b, but the issues follow the input.
    const snapshots = [{ customerId: "a", at: day }, { customerId: "b", at: day }, { customerId: "b", at: day }, { customerId: "a", at: day }];
    expect(issues(() => scoreCustomers(snapshots, scorecard, { asOf: day })).map((line) => line.split(":")[0])).toEqual(["snapshots[2].at", "snapshots[3].at"]);
  });

  it("renewalRateByBand: history must be an array of records", () => {
    expect(issues(() => loosely(renewalRateByBand, null))).toEqual(["history: must be an array of renewal records"]);
    expect(issues(() => loosely(renewalRateByBand, [7]))).toEqual(["history[0]: must be a renewal record { customerId, band, renewed } (got 7)"]);
    expect(issues(() => loosely(renewalRateByBand, [null])).map((line) => line.split(":")[0])).toEqual(["history[0]"]);
  });

  it("expectedRetention: a band that is not one is named with what it must be", () => {
    expect(issues(() => loosely(expectedRetention, [{ band: "great" }], { good: 0.9, normal: 0.5, bad: 0.1 }))).toEqual(['currentBands[0].band: must be "good", "normal", "bad" or null (got "great")']);
  });

  it("expectedRetention: a rate that is not one is named by its band", () => {
    expect(issues(() => expectedRetention([], { good: 1.5, normal: 0.5, bad: 0.2 })).map((line) => line.split(":")[0])).toEqual(["renewalRateByBand.good"]);
    expect(issues(() => expectedRetention([], { good: 0.9, normal: -0.5, bad: 0.2 })).map((line) => line.split(":")[0])).toEqual(["renewalRateByBand.normal"]);
  });

  it("healthTrend: history must be an array of dated, scored points", () => {
    expect(issues(() => loosely(healthTrend, "acme"))).toEqual(["history: must be an array of scored points"]);
    expect(issues(() => loosely(healthTrend, [{ customerId: "a", at: "2025-02-30", score: 1 }]))).toEqual(["history[0].at: must be a calendar date YYYY-MM-DD (got \"2025-02-30\")"]);
    expect(issues(() => loosely(healthTrend, [{ customerId: "a", at: "2025-02-28", score: Number.NaN }]))).toEqual(["history[0].score: must be a finite number or null (got NaN)"]);
    expect(issues(() => loosely(healthTrend, [null]))).toContain("history[0].at: must be a calendar date YYYY-MM-DD (got nothing)");
  });

  it("mergeBandTallies: counts must be whole numbers ≥ 0", () => {
    expect(issues(() => mergeBandTallies([{ good: 1, normal: -1, bad: 0, unscored: 0 }]))).toEqual(["tallies[0].normal: must be a whole number ≥ 0"]);
    expect(issues(() => mergeBandTallies([{ good: 1, normal: 0, bad: 0.5, unscored: 0 }]))).toEqual(["tallies[0].bad: must be a whole number ≥ 0"]);
    expect(mergeBandTallies([{ good: 0, normal: 0, bad: 0, unscored: 0 }, { good: 2, normal: 1, bad: 3, unscored: 4 }, { good: 1, normal: 1, bad: 1, unscored: 1 }])).toEqual({ good: 3, normal: 2, bad: 4, unscored: 5 });
  });

  it("scoreCustomersFromIterable: an invalid snapshot, a duplicate day and a non-iterable are named", () => {
    const good = { customerId: "a", at: "2025-01-31", licensedSeats: 10, provisionedUsers: 5 };
    expect(issues(() => scoreCustomersFromIterable([good, { customerId: "b", at: "2025-01-31", licensedSeats: -1 }], scorecard, { asOf: "2025-01-31" }))[0]).toMatch(/^snapshots\[1\]\.licensedSeats: /);
    expect(issues(() => scoreCustomersFromIterable([good, { ...good }], scorecard, { asOf: "2025-01-31" }))).toEqual(['snapshots[1].at: duplicate snapshot of customer "a" on 2025-01-31 (also snapshots[0])']);
    expect(issues(() => loosely(scoreCustomersFromIterable, 42, scorecard, { asOf: "2025-01-31" }))).toEqual(["snapshots: must be an iterable of usage snapshots"]);
  });
});
