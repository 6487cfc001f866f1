import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { ScorecardInput } from "../../src/index.js";
import { scoreSnapshot } from "../../src/health/fastScore.js";
import { compileScorecard, scoreSnapshotExact } from "../../src/health/scorecardEvaluation.js";
import { parseScorecard } from "../../src/schemas/scorecard.js";
import { UsageSnapshotSchema } from "../../src/schemas/usageSnapshot.js";
import { defined, scorecardArb, snapshotFieldsArb } from "./arbitraries.js";
import { runs } from "../hardening/support/runs.js";

function bothPaths(fields: object, scorecard: ScorecardInput) {
  const compiled = compileScorecard(parseScorecard(scorecard));
  const snapshot = UsageSnapshotSchema.parse(defined({ customerId: "a", at: "2025-06-30", ...fields }));
  return [scoreSnapshot(compiled, snapshot, "s"), scoreSnapshotExact(compiled, snapshot, "s").result] as const;
}

/** Values on a grid of hundredths, so that points land exactly on band thresholds and step boundaries. */
const gridArb = fc.integer({ min: 0, max: 120 }).map((k) => k / 100);

describe("the float path with a certified error bound equals the exact path", () => {
  test.prop([snapshotFieldsArb, scorecardArb()], { numRuns: runs(500) })("random scorecards and snapshots", (fields, scorecard) => {
    const [fast, exact] = bothPaths(fields, scorecard);
    expect(fast).toEqual(exact);
  });

  test.prop([gridArb, gridArb, fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 10 })], { numRuns: runs(500) })(
    "values on thresholds and step boundaries",
    (m, n, good, badOffset, denominator) => {
      const bad = Math.max(0, good - badOffset);
      const scorecard: ScorecardInput = {
        measures: [
          { metric: "m", weight: 1, scale: { type: "linear", worst: 0.2, best: 0.8 } },
          { metric: "n", weight: 2, scale: { type: "steps", steps: [{ from: 0.3, score: 50 }, { from: 0.6, score: 100 }] } },
          { signal: "featureAdoption", weight: 1, scale: { type: "linear", worst: 1, best: 0 } },
        ],
        bands: { good, bad },
      };
      const [fast, exact] = bothPaths({ metrics: { m, n }, featuresUsed: Math.round(m * denominator), featuresAvailable: denominator }, scorecard);
      expect(fast).toEqual(exact);
    },
  );
});

describe("the float path equals the exact path at any magnitude", () => {
  const wideArb = fc.double({ min: -1e308, max: 1e308, noNaN: true, noDefaultInfinity: true });
  const weightArb = fc.oneof(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), fc.double({ min: 5e-324, max: 1e-300, noNaN: true }));
  test.prop([wideArb, wideArb, wideArb, wideArb, weightArb], { numRuns: runs(1000) })(
    "doubles from subnormals to 1e308",
    (a, worst, best, from, weight) => {
      fc.pre(worst !== best);
      const scorecard: ScorecardInput = {
        measures: [
          { metric: "a", weight, scale: { type: "linear", worst, best } },
          { metric: "b", weight: 1, scale: { type: "steps", steps: [{ from, score: 40 }] } },
        ],
        bands: { good: 70, bad: 20 },
      };
      const [fast, exact] = bothPaths({ metrics: { a, b: a } }, scorecard);
      expect(fast).toEqual(exact);
    },
  );
});

describe("the float path equals the exact path for signals of tiny counts", () => {
  const countArb = fc.oneof(fc.double({ min: 0, max: 1e-300, noNaN: true }), fc.constantFrom(5e-324, 7e-324, 1e-323, 2.5e-323, 3e-310), fc.integer({ min: 0, max: 100 }));
  test.prop([countArb, countArb, fc.double({ min: 0, max: 2, noNaN: true })], { numRuns: runs(1000) })("subnormal and tiny counts", (used, available, from) => {
    const linear: ScorecardInput = { measures: [{ signal: "featureAdoption", weight: 1, scale: { type: "linear", worst: 0.2, best: 0.8 } }], bands: { good: 70, bad: 40 } };
    const steps: ScorecardInput = { measures: [{ signal: "featureAdoption", weight: 1, scale: { type: "steps", steps: [{ from, score: 60 }] } }], bands: { good: 70, bad: 40 } };
    for (const card of [linear, steps]) {
      const [fast, exact] = bothPaths({ featuresUsed: used, featuresAvailable: available }, card);
      expect(fast).toEqual(exact);
    }
  });
});
