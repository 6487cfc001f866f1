import { describe, expect, it } from "vitest";
import { type ScorecardInput, ValidationError, healthScore } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { deepFreeze, issueScorecard } from "./fixtures.js";

const base = { customerId: "acme", at: "2025-06-30" };

describe("healthScore — the issue's scorecard", () => {
  it("scores utilization 0.5, 2 open tickets and 3 of 10 features as 57.5, Normal", () => {
    // utilization 0.5 → 100·(0.5−0.2)/(0.8−0.2) = 50 points (weight 2)
    // 2 open tickets → 100·(10−2)/(10−0) = 80 points (weight 1)
    // 3/10 features = 0.3 → step from 0.3 = 50 points (weight 1)
    // score = (2·50 + 80 + 50) / 4 = 230/4 = 57.5 → 40 ≤ 57.5 < 70 → normal
    const snapshot = deepFreeze({ ...base, provisionedUsers: 40, activeUsers: 20, featuresUsed: 3, featuresAvailable: 10, metrics: { openTickets: 2 } });
    expect(healthScore(snapshot, deepFreeze(issueScorecard))).toEqual({
      customerId: "acme",
      at: "2025-06-30",
      score: 57.5,
      band: "normal",
      measures: [
        { key: "utilizationRate", value: 0.5, points: 50, weight: 2 },
        { key: "openTickets", value: 2, points: 80, weight: 1 },
        { key: "featureAdoption", value: 0.3, points: 50, weight: 1 },
      ],
      missing: [],
    });
  });

  it("clamps linear points to [0, 100] and scores below the first step as 0", () => {
    // utilization 0.9 > best 0.8 → 100; 15 tickets > worst 10 → 0; adoption 0.7 ≥ 0.6 → 100
    // score = (2·100 + 0 + 100)/4 = 75 → good
    const high = healthScore({ ...base, provisionedUsers: 10, activeUsers: 9, featuresUsed: 7, featuresAvailable: 10, metrics: { openTickets: 15 } }, issueScorecard);
    expect([high.score, high.band, high.measures.map((m) => m.points)]).toEqual([75, "good", [100, 0, 100]]);
    // utilization 0.1 < worst 0.2 → 0; 0 tickets → 100; adoption 0.2 → step 0 → 0; score = 100/4 = 25 → bad
    const low = healthScore({ ...base, provisionedUsers: 10, activeUsers: 1, featuresUsed: 2, featuresAvailable: 10, metrics: { openTickets: 0 } }, issueScorecard);
    expect([low.score, low.band]).toEqual([25, "bad"]);
    // a steps scale that does not start at the lowest value: below 0.5 → 0 points
    const steps: ScorecardInput = { measures: [{ signal: "stickiness", weight: 1, scale: { type: "steps", steps: [{ from: 0.5, score: 60 }] } }], bands: { good: 70, bad: 40 } };
    expect(healthScore({ ...base, dau: 1, mau: 4 }, steps).score).toBe(0);
    expect(healthScore({ ...base, dau: 2, mau: 4 }, steps).score).toBe(60);
  });

  it("is exact: a score that is mathematically 70 is Good, not 69.99999999999999", () => {
    // one measure, linear 0.2 → 0.8 (the issue's utilization scale); adoption 62/100 = 0.62 →
    // 100·(0.62−0.2)/(0.8−0.2) = 100·0.42/0.6 = 70 exactly. In binary floats it is 69.99999999999999.
    expect((100 * (0.62 - 0.2)) / (0.8 - 0.2)).toBeLessThan(70);
    const scorecard: ScorecardInput = { measures: [{ signal: "featureAdoption", weight: 1, scale: { type: "linear", worst: 0.2, best: 0.8 } }], bands: { good: 70, bad: 40 } };
    const result = healthScore({ ...base, featuresUsed: 62, featuresAvailable: 100 }, scorecard);
    expect(result.score).toBe(70);
    expect(result.band).toBe("good");
  });

  it("puts a score equal to the bad threshold in Normal (score < bad is Bad)", () => {
    // deploymentRate 0.4, linear 0 → 1: 40 points = bands.bad → normal
    const scorecard: ScorecardInput = { measures: [{ signal: "deploymentRate", weight: 1, scale: { type: "linear", worst: 0, best: 1 } }], bands: { good: 70, bad: 40 } };
    expect(healthScore({ ...base, licensedSeats: 10, provisionedUsers: 4 }, scorecard).band).toBe("normal");
    expect(healthScore({ ...base, licensedSeats: 100, provisionedUsers: 39 }, scorecard).band).toBe("bad");
  });

  it("rounds score and points half to even to 6 decimal places", () => {
    // weights 1 and 2: (1·100 + 2·0)/3 = 33.333333|33… → 33.333333
    const scorecard: ScorecardInput = {
      measures: [{ metric: "a", weight: 1, scale: { type: "linear", worst: 0, best: 1 } }, { metric: "b", weight: 2, scale: { type: "linear", worst: 0, best: 1 } }],
      bands: { good: 70, bad: 40 },
    };
    expect(healthScore({ ...base, metrics: { a: 1, b: 0 } }, scorecard).score).toBe(33.333333);
    // a = 0.5 → 50 points, b = 0.75 → 75 points: (50 + 2·75)/3 = 200/3 = 66.666666|67 → 66.666667
    expect(healthScore({ ...base, metrics: { a: 0.5, b: 0.75 } }, scorecard).score).toBe(66.666667);
    // ties go to the even digit: linear 0 → 100 over a metric, points = the metric itself
    const identity: ScorecardInput = { measures: [{ metric: "m", weight: 1, scale: { type: "linear", worst: 0, best: 100 } }], bands: { good: 70, bad: 40 } };
    expect(healthScore({ ...base, metrics: { m: 0.5000005 } }, identity).score).toBe(0.5); // 0.500000|5 → 0.500000
    expect(healthScore({ ...base, metrics: { m: 0.5000015 } }, identity).score).toBe(0.500002); // 0.500001|5 → 0.500002
    expect(healthScore({ ...base, metrics: { m: 0.50000051 } }, identity).measures[0]?.points).toBe(0.500001);
  });
});

describe("healthScore — missing measures", () => {
  const snapshot = { ...base, provisionedUsers: 40, activeUsers: 20, featuresUsed: 3, featuresAvailable: 0 };
  // utilization 0.5 → 50 (weight 2); openTickets missing; featureAdoption missing (0 features available)

  it("renormalizes by default: the remaining weights only", () => {
    // score = 2·50 / 2 = 50 → normal
    const result = healthScore(snapshot, issueScorecard);
    expect([result.score, result.band, result.missing]).toEqual([50, "normal", ["openTickets", "featureAdoption"]]);
    expect(result.measures[1]).toEqual({ key: "openTickets", value: null, points: null, weight: 1 });
  });

  it("scores missing measures 0 with missing: \"zero\"", () => {
    // score = (2·50 + 0 + 0)/4 = 25 → bad
    const result = healthScore(snapshot, { ...issueScorecard, missing: "zero" });
    expect([result.score, result.band, result.missing]).toEqual([25, "bad", ["openTickets", "featureAdoption"]]);
    expect(result.measures[2]).toEqual({ key: "featureAdoption", value: null, points: 0, weight: 1 });
  });

  it("throws with missing: \"error\"", () => {
    const error = caught(() => healthScore(snapshot, { ...issueScorecard, missing: "error" }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { path: "snapshot.metrics.openTickets", message: 'metric "openTickets" is missing and the scorecard says missing: "error"' },
    ]);
  });

  it("gives a null score and band when every measure is missing under renormalize", () => {
    const result = healthScore(base, issueScorecard);
    expect([result.score, result.band, result.missing]).toEqual([null, null, ["utilizationRate", "openTickets", "featureAdoption"]]);
    // …and 0 (bad) under "zero"
    expect(healthScore(base, { ...issueScorecard, missing: "zero" })).toMatchObject({ score: 0, band: "bad" });
  });

  it("does not read inherited properties as metrics", () => {
    const scorecard: ScorecardInput = { measures: [{ metric: "toString", weight: 1, scale: { type: "linear", worst: 0, best: 1 } }], bands: { good: 70, bad: 40 } };
    expect(healthScore(base, scorecard).missing).toEqual(["toString"]);
  });
});

describe("healthScore — extreme values", () => {
  it("stays exact where doubles overflow", () => {
    // weights 1e308 and 1e308: their float sum overflows; the score is still (100 + 0)/2 = 50
    const scorecard: ScorecardInput = {
      measures: [
        { metric: "a", weight: 1e308, scale: { type: "linear", worst: -1e308, best: 1e308 } },
        { metric: "b", weight: 1e308, scale: { type: "steps", steps: [{ from: -1e308, score: 0 }, { from: 1e308, score: 100 }] } },
      ],
      bands: { good: 70, bad: 40 },
    };
    // a = 1e308 → 100 points (best); b = 1.7e308 ≥ 1e308 → 100 points: score 100
    expect(healthScore({ ...base, metrics: { a: 1e308, b: 1.7e308 } }, scorecard)).toMatchObject({ score: 100, band: "good" });
    // a = 0 → 100·(0 + 1e308)/(2e308) = 50 points; b = 0 → 0 points: score 25
    expect(healthScore({ ...base, metrics: { a: 0, b: 0 } }, scorecard)).toMatchObject({ score: 25, band: "bad" });
  });

  it("stays exact when a scale's span overflows a double", () => {
    // best − worst = 2e308 (Infinity in doubles); a = 1e308 → 100·(1e308 + 1e308)/(2e308) = 100 points
    const scorecard: ScorecardInput = { measures: [{ metric: "a", weight: 1, scale: { type: "linear", worst: -1e308, best: 1e308 } }], bands: { good: 70, bad: 40 } };
    expect(healthScore({ ...base, metrics: { a: 1e308 } }, scorecard)).toMatchObject({ score: 100, band: "good" });
    // a = 5e307 → 100·(0.5e308 + 1e308)/(2e308) = 100·1.5/2 = 75 points
    expect(healthScore({ ...base, metrics: { a: 5e307 } }, scorecard)).toMatchObject({ score: 75, band: "good" });
  });
});
