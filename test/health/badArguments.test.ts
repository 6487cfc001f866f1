/**
 * Regression tests: bad arguments to the health functions are a ValidationError naming the argument,
 * never a TypeError from reading a property of `undefined` / `null` (found by the public-API fuzz).
 */
import { describe, expect, it } from "vitest";
import {
  ValidationError,
  bandTally,
  evaluateAlerts,
  goodMinusBad,
  healthTrend,
  priorityQuadrant,
  renewalRateByBand,
  scoreCustomers,
} from "../../src/index.js";
import { caught } from "../support/caught.js";

const scorecard = {
  measures: [{ signal: "deploymentRate", weight: 1, scale: { type: "linear", worst: 0, best: 1 } }],
  bands: { good: 70, bad: 40 },
} as const;

/** The issue paths of the ValidationError `action` throws (fails on any other error). */
function issuePaths(action: () => unknown): string[] {
  const error = caught(action);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((issue) => issue.path);
}

/** Calls `fn` with arguments the type system forbids, as a JavaScript caller could. */
function callLoosely(fn: (...args: never[]) => unknown, ...args: unknown[]): unknown {
  return (fn as (...args: unknown[]) => unknown)(...args);
}

describe("health functions reject bad arguments with a ValidationError", () => {
  it("scoreCustomers without options: options.asOf is required", () => {
    const error = caught(() => callLoosely(scoreCustomers, [], scorecard)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toBe("options.asOf");
    expect(error.issues[0]!.message).toMatch(/^must be a calendar date/);
    expect(issuePaths(() => callLoosely(scoreCustomers, [], scorecard, null))).toEqual(["options"]);
    expect(issuePaths(() => callLoosely(scoreCustomers, [], scorecard, "2025-06-30"))).toEqual(["options"]);
  });

  it("goodMinusBad and bandTally: results must be an array of objects", () => {
    for (const fn of [goodMinusBad, bandTally]) {
      expect(issuePaths(() => callLoosely(fn))).toEqual(["results"]);
      expect(issuePaths(() => callLoosely(fn, null))).toEqual(["results"]);
      expect(issuePaths(() => callLoosely(fn, { band: "good" }))).toEqual(["results"]);
      expect(issuePaths(() => callLoosely(fn, [{ band: "good" }, null]))).toEqual(["results[1]"]);
      expect(issuePaths(() => callLoosely(fn, [{ band: "good" }, , { band: "bad" }]))).toEqual(["results[1]"]);
    }
    // Valid input unchanged: 1 good, 1 bad, 1 unscored.
    expect(bandTally([{ band: "good" }, { band: "bad" }, { band: null }])).toEqual({ good: 1, normal: 0, bad: 1, unscored: 1 });
  });

  it("healthTrend with null options", () => {
    expect(issuePaths(() => callLoosely(healthTrend, [], null))).toEqual(["options"]);
    expect(issuePaths(() => callLoosely(healthTrend, [], 6))).toEqual(["options"]);
    // Omitted options still mean the defaults: an empty history has no slope.
    expect(healthTrend([]).slope).toBeNull();
  });

  it("evaluateAlerts with null options", () => {
    expect(issuePaths(() => callLoosely(evaluateAlerts, [], [], null))).toEqual(["options"]);
    expect(issuePaths(() => callLoosely(evaluateAlerts, [], [], []))).toEqual(["options"]);
    expect(evaluateAlerts([], [])).toEqual([]);
  });

  it("priorityQuadrant without options: options.asOf is required", () => {
    const error = caught(() => callLoosely(priorityQuadrant, [])) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((issue) => issue.path)).toEqual(["options.asOf"]);
    expect(error.issues[0]!.message).toMatch(/^must be a calendar date/);
    expect(issuePaths(() => callLoosely(priorityQuadrant, [], null))).toEqual(["options"]);
  });
});

describe("exact messages of health options and records (uncovered under mutation testing)", () => {
  it("a threshold that is not a finite number is named with its kind", () => {
    const error = caught(() => priorityQuadrant([], { asOf: "2025-06-30", deploymentThreshold: "0.5" as unknown as number, utilizationThreshold: 0.5, contactWithinDays: 30 })) as ValidationError;
    expect(error.issues).toEqual([{ path: "options.deploymentThreshold", message: "must be a finite number (got string)" }]);
    const infinite = caught(() => priorityQuadrant([], { asOf: "2025-06-30", deploymentThreshold: 0.5, utilizationThreshold: Number.POSITIVE_INFINITY, contactWithinDays: 30 })) as ValidationError;
    expect(infinite.issues).toEqual([{ path: "options.utilizationThreshold", message: "must be a finite number (got Infinity)" }]);
  });

  it("a renewal record needs a non-empty customerId", () => {
    const error = caught(() => renewalRateByBand([{ customerId: "", band: "good", renewed: true }])) as ValidationError;
    expect(error.issues).toEqual([{ path: "history[0].customerId", message: 'must be a non-empty string (got "")' }]);
  });
});
