/**
 * Random scorecards and snapshots for the health oracle, aimed at the edges DOMAIN.md §5 leaves:
 * bases of 0 and absent counts (missing signals), all-missing and single-measure scorecards,
 * subnormal and huge values, linear scales both ways, steps whose thresholds the values hit exactly.
 * Band thresholds are chosen by the property itself from the oracle's score (see {@link placeBands}).
 */
import fc from "fast-check";
import { nearestDouble, nextDown, nextUp } from "../oracle/doubles.js";
import type { OracleMeasure, OracleScale, OracleScorecard, OracleSignal, OracleSnapshot } from "../oracle/healthOracle.js";
import type { Rational } from "../oracle/rational.js";

export const SUBNORMALS = [5e-324, 2 ** -1060, 2 ** -1030] as const;
export const HUGE = [1e300, Number.MAX_VALUE, 2 ** 1000] as const;

/** A value that is subnormal or huge (≥ 1e300) — counted by the properties. */
export const isExtreme = (x: number): boolean => (x !== 0 && Math.abs(x) < 2 ** -1022) || Math.abs(x) >= 1e300;

const countArbitrary: fc.Arbitrary<number | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 60 }) },
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1000, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(...SUBNORMALS, ...HUGE) },
);

const metricArbitrary: fc.Arbitrary<number | undefined> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -20, max: 40 }) },
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(...SUBNORMALS, ...HUGE, -1e300) },
);

const COUNT_FIELDS = ["licensedSeats", "provisionedUsers", "activeUsers", "dau", "mau", "featuresUsed", "featuresAvailable"] as const;
export const METRIC_KEYS = ["openTickets", "nps"] as const;
const SIGNALS: readonly OracleSignal[] = ["deploymentRate", "utilizationRate", "stickiness", "featureAdoption"];

/** One snapshot of `customerId` on `at`: counts and metrics each possibly absent. */
export function snapshotArbitrary(customerId: string, at: string): fc.Arbitrary<OracleSnapshot> {
  return fc
    .record({ counts: fc.tuple(...COUNT_FIELDS.map(() => countArbitrary)), metrics: fc.tuple(metricArbitrary, metricArbitrary) })
    .map(({ counts, metrics }) => {
      const snapshot: Record<string, unknown> = { customerId, at };
      COUNT_FIELDS.forEach((field, i) => {
        if (counts[i] !== undefined) snapshot[field] = counts[i];
      });
      const m: Record<string, number> = {};
      METRIC_KEYS.forEach((key, i) => {
        if (metrics[i] !== undefined) m[key] = metrics[i];
      });
      snapshot["metrics"] = m;
      return snapshot as unknown as OracleSnapshot;
    });
}

const endpoint = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(0, 1, 0.2, 0.9, 0.5, 10, -5, 40) },
  { weight: 1, arbitrary: fc.double({ min: -100, max: 100, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(...SUBNORMALS, ...HUGE, -1e300) },
);

const linearArbitrary: fc.Arbitrary<OracleScale> = fc
  .tuple(endpoint, endpoint)
  .filter(([worst, best]) => worst !== best)
  .map(([worst, best]) => ({ type: "linear", worst, best }));

const stepsArbitrary: fc.Arbitrary<OracleScale> = fc
  .uniqueArray(fc.oneof(fc.constantFrom(0, 0.5, 1, 2, 5, 10, 20), fc.double({ min: -10, max: 50, noNaN: true }), fc.constantFrom(...SUBNORMALS, 1e300)), { minLength: 1, maxLength: 4, comparator: (a, b) => a === b || (a === 0 && b === 0) })
  .chain((froms) =>
    fc.array(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })), { minLength: froms.length, maxLength: froms.length }).map((scores) => ({
      type: "steps" as const,
      steps: [...froms].sort((a, b) => a - b).map((from, i) => ({ from, score: scores[i]! })),
    })),
  );

const weightArbitrary = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(1, 2, 3, 0.1, 0.3, 5) },
  { weight: 1, arbitrary: fc.double({ min: 1e-3, max: 1e3, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(...SUBNORMALS, ...HUGE) },
);

const KEYS: readonly ({ signal: OracleSignal } | { metric: string })[] = [...SIGNALS.map((signal) => ({ signal })), ...METRIC_KEYS.map((metric) => ({ metric }))];

/** A scorecard of 1–4 distinct measures; its bands are placeholders until {@link placeBands}. */
export const scorecardArbitrary: fc.Arbitrary<OracleScorecard> = fc
  .record({
    measures: fc.uniqueArray(
      fc.record({ key: fc.constantFrom(...KEYS), weight: weightArbitrary, scale: fc.oneof(linearArbitrary, stepsArbitrary) }),
      { minLength: 1, maxLength: 4, selector: (m) => JSON.stringify(m.key) },
    ),
    missing: fc.constantFrom<OracleScorecard["missing"]>(undefined, "renormalize", "zero", "error"),
  })
  .map(({ measures, missing }) => ({
    measures: measures.map((m): OracleMeasure => ({ ...m.key, weight: m.weight, scale: m.scale })),
    bands: { good: 70, bad: 40 },
    ...(missing === undefined ? {} : { missing }),
  }));

/** How a property places a band threshold against a score S: on it, a unit in the last place off, or ±1e-12, ±1e-10. */
export const BAND_OFFSETS = ["on", "ulpAbove", "ulpBelow", "1e-12Above", "1e-12Below", "1e-10Below", "1e-13Below", "random"] as const;
export type BandOffset = (typeof BAND_OFFSETS)[number];

export const bandPlacementArbitrary = fc.record({
  target: fc.constantFrom("good" as const, "bad" as const),
  offset: fc.constantFrom(...BAND_OFFSETS),
  other: fc.double({ min: 0, max: 1, noNaN: true }),
  randomGood: fc.integer({ min: 0, max: 100 }),
  randomBad: fc.integer({ min: 0, max: 100 }),
});
export type BandPlacement = typeof bandPlacementArbitrary extends fc.Arbitrary<infer T> ? T : never;

/**
 * Band thresholds placed against the oracle's exact score `s` (the double nearest to it, moved by the
 * placement's offset, clamped to 0–100), the other threshold anywhere on the valid side.
 */
export function placeBands(s: Rational | null, placement: BandPlacement): OracleScorecard["bands"] {
  if (s === null || placement.offset === "random") {
    return { good: Math.max(placement.randomGood, placement.randomBad), bad: Math.min(placement.randomGood, placement.randomBad) };
  }
  const near = nearestDouble(s);
  const moved = { on: near, ulpAbove: nextUp(near), ulpBelow: nextDown(near), "1e-12Above": near + 1e-12, "1e-12Below": near - 1e-12, "1e-10Below": near - 1e-10, "1e-13Below": near - 1e-13 }[placement.offset];
  const t = Math.min(100, Math.max(0, moved));
  return placement.target === "good" ? { good: t, bad: t * placement.other } : { bad: t, good: Math.min(100, t + (100 - t) * placement.other) };
}

/** Snapshot dates of the histories (a month end, a leap day, a year end). */
export const SNAPSHOT_DAYS = ["2024-01-31", "2024-02-29", "2024-06-30", "2024-12-31"] as const;
