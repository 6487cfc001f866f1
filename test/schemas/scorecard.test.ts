import { describe, expect, it } from "vitest";
import { CsMetricsError, type ScorecardInput, ScorecardSchema, ValidationError, healthScore } from "../../src/index.js";
import { caught } from "../support/caught.js";

const snapshot = { customerId: "a", at: "2025-06-30", provisionedUsers: 10, activeUsers: 5 };

function issuesOf(scorecard: unknown): unknown {
  const error = caught(() => healthScore(snapshot, scorecard as ScorecardInput));
  expect(error).toBeInstanceOf(CsMetricsError);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

const linear = { type: "linear", worst: 0, best: 1 } as const;

describe("ScorecardSchema", () => {
  it("defaults missing to renormalize", () => {
    const parsed = ScorecardSchema.parse({ measures: [{ signal: "stickiness", weight: 1, scale: linear }], bands: { good: 70, bad: 40 } });
    expect(parsed.missing).toBe("renormalize");
  });

  it("rejects a weight ≤ 0 with its path", () => {
    expect(
      issuesOf({ measures: [{ signal: "stickiness", weight: 1, scale: linear }, { metric: "nps", weight: 0, scale: linear }], bands: { good: 70, bad: 40 } }),
    ).toEqual([{ path: "scorecard.measures[1].weight", message: "must be greater than 0" }]);
    expect(issuesOf({ measures: [{ metric: "nps", weight: -2, scale: linear }], bands: { good: 70, bad: 40 } })).toEqual([
      { path: "scorecard.measures[0].weight", message: "must be greater than 0" },
    ]);
  });

  it("rejects steps out of order (or repeated)", () => {
    const steps = [{ from: 0, score: 0 }, { from: 0.6, score: 100 }, { from: 0.6, score: 50 }];
    expect(issuesOf({ measures: [{ metric: "nps", weight: 1, scale: { type: "steps", steps } }], bands: { good: 70, bad: 40 } })).toEqual([
      { path: "scorecard.measures[0].scale.steps[2].from", message: "steps must be in increasing order of from (0.6 is not above 0.6)" },
    ]);
  });

  it("rejects good < bad, an unknown signal, and bands outside 0–100", () => {
    expect(issuesOf({ measures: [{ metric: "nps", weight: 1, scale: linear }], bands: { good: 30, bad: 40 } })).toEqual([
      { path: "scorecard.bands.good", message: "must be ≥ bands.bad (30 < 40)" },
    ]);
    expect(issuesOf({ measures: [{ signal: "happiness", weight: 1, scale: linear }], bands: { good: 70, bad: 40 } })).toEqual([
      {
        path: "scorecard.measures[0].signal",
        message: 'unknown signal "happiness" (known: deploymentRate, utilizationRate, stickiness, featureAdoption)',
      },
    ]);
    expect(issuesOf({ measures: [{ metric: "nps", weight: 1, scale: linear }], bands: { good: 170, bad: 40 } })).toEqual([
      { path: "scorecard.bands.good", message: "must be between 0 and 100 points" },
    ]);
  });

  it("rejects a measure naming both or neither source, worst = best, duplicates, and an unknown missing policy", () => {
    expect(issuesOf({ measures: [{ signal: "stickiness", metric: "x", weight: 1, scale: linear }], bands: { good: 70, bad: 40 } })).toEqual([
      { path: "scorecard.measures[0]", message: "must name exactly one of signal or metric" },
    ]);
    expect(issuesOf({ measures: [{ metric: "x", weight: 1, scale: { type: "linear", worst: 3, best: 3 } }], bands: { good: 70, bad: 40 } })).toEqual([
      { path: "scorecard.measures[0].scale.best", message: "worst and best must differ" },
    ]);
    expect(
      issuesOf({ measures: [{ metric: "x", weight: 1, scale: linear }, { metric: "x", weight: 2, scale: linear }], bands: { good: 70, bad: 40 } }),
    ).toEqual([{ path: "scorecard.measures[1]", message: 'duplicate measure "x" (also measures[0])' }]);
    expect(issuesOf({ measures: [{ metric: "x", weight: 1, scale: linear }], bands: { good: 70, bad: 40 }, missing: "skip" })).toEqual([
      { path: "scorecard.missing", message: 'must be "renormalize", "zero" or "error"' },
    ]);
    expect(issuesOf({ measures: [], bands: { good: 70, bad: 40 } })).toEqual([{ path: "scorecard.measures", message: "must list at least one measure" }]);
  });

  it("rejects non-finite numbers in a scale", () => {
    expect(issuesOf({ measures: [{ metric: "x", weight: 1, scale: { type: "linear", worst: 0, best: Number.POSITIVE_INFINITY } }], bands: { good: 70, bad: 40 } })).toEqual([
      { path: "scorecard.measures[0].scale.best", message: "must be a finite number (got Infinity)" },
    ]);
  });
});
