/**
 * Differential testing of the health half: the library against the exact health oracle
 * (test/hardening/oracle/healthOracle.ts, written from DOMAIN.md §5 with bigint rationals, no src/).
 * Band thresholds are placed on, one ulp and 1e-12 / 1e-10 / 1e-13 around the oracle's own score, so
 * the float scoring path is asked to decide bands it can only decide exactly. Counters assert that
 * each edge was actually reached, so no property passes vacuously.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError, expectedRetention, goodMinusBad, healthScore, healthTrend, scoreCustomers } from "../../../src/index.js";
import { formatDay, parseDay } from "./calendar.js";
import { nearestDouble, nextDown, nextUp, ratOfNumber, roundedToDecimals } from "./doubles.js";
import { type OracleScore, type OracleSnapshot, oracleExpectedRetention, oracleGoodMinusBad, oracleLatestOnOrBefore, oracleScore, oracleTrend } from "./healthOracle.js";
import { type Rational, cmp, parseDecimal, sub } from "./rational.js";
import { SNAPSHOT_DAYS, bandPlacementArbitrary, isExtreme, placeBands, scorecardArbitrary, snapshotArbitrary } from "../support/healthArbitrary.js";
import { expectSame } from "../support/exactMatch.js";
import { hitFloor, runs, timeoutFor } from "../support/runs.js";

type Counters = Record<string, number>;

/** Historical renewal rates per band: decimal text, numbers, or unknown (`null`, rarely). */
const rateArbitrary = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("0.9", "0.75", "0.333", "1", "0") },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const renewalRatesArbitrary = fc.record({ good: rateArbitrary, normal: rateArbitrary, bad: rateArbitrary });
const rateOf = (rate: string | number | null): Rational | null => (rate === null ? null : typeof rate === "string" ? parseDecimal(rate) : ratOfNumber(rate));
const bump = (counters: Counters, key: string): void => {
  counters[key] = (counters[key] ?? 0) + 1;
};

/** Customers with one or two snapshots on distinct days, and an as-of day. */
const batchArbitrary = fc
  .array(fc.uniqueArray(fc.constantFrom(...SNAPSHOT_DAYS), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 5 })
  .chain((days) =>
    fc.record({
      snapshots: fc.tuple(...days.flatMap((list, c) => list.map((at) => snapshotArbitrary(`c${c}`, at)))),
      asOf: fc.constantFrom(...SNAPSHOT_DAYS),
    }),
  );

const hasSubnormalCount = (s: OracleSnapshot): boolean => Object.values(s).some((v) => typeof v === "number" && v !== 0 && Math.abs(v) < 2 ** -1022);

function expectScoreMatches(label: string, actual: ReturnType<typeof healthScore>, expected: OracleScore & { error: false }, subnormalCounts: boolean): void {
  expect(actual.missing, `${label}.missing`).toEqual(expected.missing);
  expect(actual.band, `${label}.band (oracle score ${expected.score === null ? "null" : `${expected.score.n}/${expected.score.d}`})`).toBe(expected.band);
  expect(actual.score, `${label}.score`).toBe(expected.score === null ? null : roundedToDecimals(expected.score, 6));
  expect(actual.measures.map((m) => m.key), `${label}.measures`).toEqual(expected.measures.map((m) => m.key));
  actual.measures.forEach((m, i) => {
    const o = expected.measures[i]!;
    // `value` is informational: one IEEE division of the two counts, so within one ulp of the exact ratio
    // (the counts are read as printed, the division sees their binary values); points use the exact ratio.
    // Subnormal counts print far from their binary values, so only the exact ratio (the points) is checked.
    if (o.value === null) expect(m.value, `${label}.${m.key}.value`).toBeNull();
    else if (!subnormalCounts) expect([nextDown(nearestDouble(o.value)), nearestDouble(o.value), nextUp(nearestDouble(o.value))], `${label}.${m.key}.value`).toContain(m.value);
    expect(m.points, `${label}.${m.key}.points`).toBe(o.points === null ? null : roundedToDecimals(o.points, 6));
  });
}

describe("health differential oracle: library = exact §5 evaluation", () => {
  it(
    "scores, points, signals, missing policies, bands on and around their thresholds, and Good−Bad",
    () => {
      const counters: Counters = {};
      fc.assert(
        fc.property(scorecardArbitrary, batchArbitrary, bandPlacementArbitrary, renewalRatesArbitrary, (draft, { snapshots, asOf }, placement, renewalRates) => {
          const chosen = oracleLatestOnOrBefore(snapshots, asOf);
          // Place the bands against the first scored customer's exact score (a second pass of the oracle).
          const firstScore = chosen.map((s) => oracleScore(s, draft)).find((o) => !o.error && o.score !== null);
          const anchor = firstScore !== undefined && !firstScore.error ? firstScore.score : null;
          const scorecard = { ...draft, bands: placeBands(anchor, placement) };
          const expected = chosen.map((s) => oracleScore(s, scorecard));

          bump(counters, `policy:${scorecard.missing ?? "default"}`);
          if (scorecard.measures.length === 1) bump(counters, "singleMeasure");
          if ([...snapshots.flatMap((s) => Object.values(s).filter((v): v is number => typeof v === "number")), ...snapshots.flatMap((s) => Object.values(s.metrics ?? {}))].some(isExtreme)) bump(counters, "extremeInput");
          if (scorecard.measures.some((m) => isExtreme(m.weight) || (m.scale.type === "linear" && (isExtreme(m.scale.worst) || isExtreme(m.scale.best))))) bump(counters, "extremeScorecard");
          if (anchor !== null && placement.offset !== "random") {
            const threshold = ratOfNumber(placement.target === "good" ? scorecard.bands.good : scorecard.bands.bad);
            const gap = sub(anchor, threshold);
            const c = cmp(gap, { n: 0n, d: 1n });
            if (c === 0) bump(counters, `exactlyOn:${placement.target}`);
            else if (cmp(gap, ratOfNumber(-1e-12)) >= 0 && cmp(gap, ratOfNumber(1e-12)) <= 0) bump(counters, `within1e-12${c < 0 ? "Below" : "Above"}:${placement.target}`);
            if (c < 0 && cmp(gap, ratOfNumber(-1e-9)) > 0) bump(counters, `within1e-9Below:${placement.target}`);
          }

          if (expected.some((o) => o.error)) {
            bump(counters, "missingIsError");
            expect(() => scoreCustomers(snapshots, scorecard, { asOf })).toThrow(ValidationError);
            return;
          }
          const actual = scoreCustomers(snapshots, scorecard, { asOf });
          expect(actual.map((r) => [r.customerId, r.at])).toEqual(chosen.map((s) => [s.customerId, s.at]));
          actual.forEach((result, i) => {
            const o = expected[i] as OracleScore & { error: false };
            if (o.score === null) bump(counters, "allMissing");
            if (o.band !== null) bump(counters, `band:${o.band}`);
            expectScoreMatches(`${result.customerId}`, result, o, hasSubnormalCount(chosen[i]!));
          });
          // One snapshot alone through healthScore takes the same path.
          if (chosen[0] !== undefined) expectScoreMatches("healthScore", healthScore(chosen[0], scorecard), expected[0] as OracleScore & { error: false }, hasSubnormalCount(chosen[0]));

          const gmb = goodMinusBad(actual);
          const og = oracleGoodMinusBad(expected.map((o) => (o.error ? null : o.band)));
          expect([gmb.good, gmb.normal, gmb.bad, gmb.unscored, gmb.total]).toEqual([og.good, og.normal, og.bad, og.unscored, og.total]);
          expectSame("goodPct", gmb.goodPct, og.goodPct);
          expectSame("normalPct", gmb.normalPct, og.normalPct);
          expectSame("badPct", gmb.badPct, og.badPct);
          expectSame("index", gmb.index, og.index);

          const retention = expectedRetention(actual, renewalRates);
          const or = oracleExpectedRetention(
            expected.map((o) => (o.error ? null : o.band)),
            { good: rateOf(renewalRates.good), normal: rateOf(renewalRates.normal), bad: rateOf(renewalRates.bad) },
          );
          expect([retention.customers, retention.unscored]).toEqual([or.customers, or.unscored]);
          expectSame("expectedRenewals", retention.expectedRenewals, or.expectedRenewals);
          expectSame("retention rate", retention.rate, or.rate);
          if (or.rate !== null) bump(counters, "retentionRate");
        }),
        { numRuns: runs(200) },
      );
      const floor = (key: string, min: number): void => expect(counters[key] ?? 0, `${key} reached ${counters[key] ?? 0} times: ${JSON.stringify(counters)}`).toBeGreaterThanOrEqual(hitFloor(min));
      for (const key of ["policy:default", "policy:renormalize", "policy:zero", "policy:error", "missingIsError"]) floor(key, 10);
      for (const key of ["retentionRate", "band:good", "band:normal", "band:bad", "allMissing", "singleMeasure", "extremeInput", "extremeScorecard"]) floor(key, 10);
      for (const key of ["exactlyOn:good", "exactlyOn:bad", "within1e-12Below:good", "within1e-12Above:good", "within1e-12Below:bad", "within1e-9Below:good"]) floor(key, 5);
    },
    timeoutFor(60_000),
  );

  it(
    "trend: exact least-squares slope over the last 6 scored points (the default window), direction decided exactly",
    () => {
      const counters: Counters = {};
      const scoreArbitrary = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 100 }) }, { weight: 3, arbitrary: fc.double({ min: 0, max: 100, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(null) });
      fc.assert(
        fc.property(
          fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 7, max: 12 })).chain((length) =>
            fc.uniqueArray(fc.integer({ min: parseDay("2024-01-01"), max: parseDay("2025-12-31") }), { minLength: length, maxLength: length }),
          ),
          fc.array(scoreArbitrary, { minLength: 12, maxLength: 12 }),
          fc.oneof(fc.constant(undefined), fc.integer({ min: 2, max: 8 })),
          fc.option(fc.constantFrom(0, 0.5, 1, 3), { nil: undefined }),
          (days, scores, window, flatThreshold) => {
            const history = days.map((day, i) => ({ customerId: "acme", at: formatDay(day), score: scores[i]! }));
            const options = { ...(window === undefined ? {} : { window }), ...(flatThreshold === undefined ? {} : { flatThreshold }) };
            const trend = healthTrend(history, options);
            const o = oracleTrend(history, window, flatThreshold);
            const scored = history.filter((p) => p.score !== null).length;
            if (window === undefined && scored > 6) bump(counters, "defaultWindowTruncates");
            if (o.direction !== null) bump(counters, `direction:${o.direction}`);
            expect([trend.points, trend.from, trend.to]).toEqual([o.points, o.from, o.to]);
            expect(trend.direction).toBe(o.direction);
            expect(trend.slope).toBe(o.slope === null ? null : nearestDouble(o.slope));
          },
        ),
        { numRuns: runs(200) },
      );
      for (const key of ["defaultWindowTruncates", "direction:rising", "direction:flat", "direction:falling"]) {
        expect(counters[key] ?? 0, `${key}: ${JSON.stringify(counters)}`).toBeGreaterThanOrEqual(hitFloor(10));
      }
    },
    timeoutFor(30_000),
  );
});
