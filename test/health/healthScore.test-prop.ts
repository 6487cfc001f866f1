import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type ScorecardInput, healthScore } from "../../src/index.js";
import { METRICS, defined, scorecardArb, snapshotFieldsArb } from "./arbitraries.js";
import { deepFreeze } from "./fixtures.js";

const snapshotArb = snapshotFieldsArb.map((fields) => deepFreeze(defined({ customerId: "a", at: "2025-06-30", ...fields })));

describe("healthScore properties", () => {
  test.prop([snapshotArb, scorecardArb()])("the score stays in [0, 100] and the band matches the thresholds", (snapshot, scorecard) => {
    const result = healthScore(snapshot, deepFreeze(scorecard));
    if (result.score === null) {
      expect(result.band).toBeNull();
      expect(result.missing.length).toBe(scorecard.measures.length);
      return;
    }
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(100);
    for (const measure of result.measures) if (measure.points !== null) expect(measure.points >= 0 && measure.points <= 100).toBe(true);
    // the band is decided on the exact score; away from the thresholds the double agrees
    if (result.score >= scorecard.bands.good + 1e-9) expect(result.band).toBe("good");
    if (result.score < scorecard.bands.bad - 1e-9) expect(result.band).toBe("bad");
  });

  test.prop([snapshotArb, scorecardArb("up"), fc.constantFrom(...METRICS), fc.integer({ min: 1, max: 10_000 }).map((cents) => cents / 100)])(
    "raising a higher-is-better metric never lowers the score",
    (snapshot, scorecard, metric, raise) => {
      const before = healthScore(snapshot, scorecard);
      const current = snapshot.metrics[metric] ?? 0;
      const after = healthScore({ ...snapshot, metrics: { ...snapshot.metrics, [metric]: current + raise } }, scorecard);
      // only comparable when the metric was present before (a newly present measure changes the mean's weights)
      if (snapshot.metrics[metric] === undefined || before.score === null || after.score === null) return;
      expect(after.score).toBeGreaterThanOrEqual(before.score);
    },
  );

  test.prop([snapshotArb, scorecardArb("up"), fc.integer({ min: 1, max: 50 })])(
    "raising activeUsers (活用率's numerator) never lowers the score",
    (snapshot, scorecard, raise) => {
      if (snapshot.activeUsers === undefined) return;
      const before = healthScore(snapshot, scorecard);
      const after = healthScore({ ...snapshot, activeUsers: snapshot.activeUsers + raise }, scorecard);
      if (before.score === null || after.score === null) return;
      expect(after.score).toBeGreaterThanOrEqual(before.score);
    },
  );

  test.prop([snapshotArb, scorecardArb(), fc.constantFrom(2, 3, 10, 97, 1000, 0.5, 0.25, 0.125)])(
    "scaling every weight by k changes nothing",
    (snapshot, scorecard, k) => {
      const scaled: ScorecardInput = { ...scorecard, measures: scorecard.measures.map((measure) => ({ ...measure, weight: measure.weight * k })) };
      const a = healthScore(snapshot, scorecard);
      const b = healthScore(snapshot, scaled);
      expect([b.score, b.band, b.missing, b.measures.map((m) => m.points)]).toEqual([a.score, a.band, a.missing, a.measures.map((m) => m.points)]);
    },
  );
});
