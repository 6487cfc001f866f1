/**
 * `priorityQuadrant` against the exact quadrant oracle (quadrantOracle.ts: rationals, ranking by
 * counting who comes before whom, no src/). The generator aims at the edges: rates exactly on a
 * threshold and one ulp either side of it (thresholds 0.4 = 2/5 met by 4 of 10), missing rates (absent
 * counts, zero bases), last contact exactly `contactWithinDays` ago, one day more, after asOf or never,
 * snapshots after asOf, and customers that tie on quadrant, colour and 展開率 + 活用率 (copied counts,
 * or swapped rates) so that only the id orders them. Counters assert each edge was reached.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { priorityQuadrant } from "../../../src/index.js";
import { formatDay, parseDay } from "./calendar.js";
import { nearestDouble, nextDown, nextUp, ratOfNumber } from "./doubles.js";
import type { OracleSnapshot } from "./healthOracle.js";
import { oraclePriorityQuadrant } from "./quadrantOracle.js";
import { type Rational, add, cmp } from "./rational.js";
import { hitFloor, runs, timeoutFor } from "../support/runs.js";

const AS_OF = "2024-06-30";
const AS_OF_DAY = parseDay(AS_OF);
/** Ids whose code-unit order differs from a human sort ("B" < "a", "c10" < "c2"). */
const IDS = ["a", "B", "c10", "c2", "ä", "z-1", "7"] as const;
const BASE_THRESHOLDS = [0, 0.25, 0.4, 0.5, 0.6, 0.75, 1] as const;

/** A threshold: one of the bases, on it or one ulp either side (the base is kept to aim counts at it). */
const thresholdArbitrary = fc
  .tuple(fc.constantFrom(...BASE_THRESHOLDS), fc.constantFrom("on", "ulpAbove", "ulpBelow"))
  .map(([base, shift]) => ({ base, value: shift === "on" ? base : shift === "ulpAbove" ? nextUp(base) : Math.max(0, nextDown(base)) }));

const count = (max: number): fc.Arbitrary<number | undefined> =>
  fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max }) }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(1e300, 5e-324) });

const countsArbitrary = fc.record({ licensedSeats: count(20), provisionedUsers: count(20), activeUsers: count(20) });
type Counts = typeof countsArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** Days before asOf of the last contact (negative: after asOf), relative to contactWithinDays. */
const contactArbitrary = fc.constantFrom("never", "exactlyWithin", "oneDayMore", "oneDayLess", "afterAsOf", "today", "longAgo");
type Contact = typeof contactArbitrary extends fc.Arbitrary<infer T> ? T : never;

const customerArbitrary = fc.record({
  counts: countsArbitrary,
  /** Copy the first customer's counts (a tie), swap its two rates' counts, or use its own. */
  shape: fc.constantFrom("own", "own", "copyFirst", "swapFirst"),
  contact: contactArbitrary,
  /** Days before asOf of the snapshots (negative: after asOf, to be ignored). */
  days: fc.uniqueArray(fc.constantFrom(0, 1, 45, -1), { minLength: 1, maxLength: 3 }),
  older: countsArbitrary,
});

const scenarioArbitrary = fc.record({
  customers: fc.uniqueArray(fc.tuple(fc.constantFrom(...IDS), customerArbitrary), { minLength: 1, maxLength: 6, selector: ([id]) => id }),
  deploymentThreshold: thresholdArbitrary,
  utilizationThreshold: thresholdArbitrary,
  contactWithinDays: fc.constantFrom(0, 7, 30),
  /** Give the first customer rates exactly at the base thresholds (400 seats, 400·t₁ provisioned, 400·t₁·t₂ active). */
  aim: fc.boolean(),
});

function contactAt(contact: Contact, within: number): string | undefined {
  const ago = { never: undefined, exactlyWithin: within, oneDayMore: within + 1, oneDayLess: within - 1, afterAsOf: -3, today: 0, longAgo: 400 }[contact];
  return ago === undefined ? undefined : formatDay(AS_OF_DAY - ago);
}

/**
 * Counts whose 展開率 and 活用率 trade places with `c`'s (same sum, different quadrant): seats p·s,
 * provisioned a·s, active a·p give 展開率 a/p and 活用率 p/s. `c` itself when a count is absent, zero or large.
 */
function swapped(c: Counts): Counts {
  const { licensedSeats: s, provisionedUsers: p, activeUsers: a } = c;
  if (s === undefined || p === undefined || a === undefined || [s, p, a].some((v) => v === 0 || v > 1000 || !Number.isInteger(v))) return c;
  return { licensedSeats: p * s, provisionedUsers: a * s, activeUsers: a * p };
}

function snapshotsOf(scenario: typeof scenarioArbitrary extends fc.Arbitrary<infer T> ? T : never): OracleSnapshot[] {
  const { deploymentThreshold: d, utilizationThreshold: u } = scenario;
  const first = scenario.aim ? { licensedSeats: 400, provisionedUsers: 400 * d.base, activeUsers: 400 * d.base * u.base } : scenario.customers[0]![1].counts;
  return scenario.customers.flatMap(([customerId, c]) => {
    const latest = c === scenario.customers[0]![1] || c.shape === "copyFirst" ? first : c.shape === "swapFirst" ? swapped(first) : c.counts;
    const lastContactAt = contactAt(c.contact, scenario.contactWithinDays);
    const ordered = [...c.days].sort((x, y) => x - y);
    return ordered.map((ago, i) => {
      const counts = i === 0 ? latest : c.older;
      const snapshot: Record<string, unknown> = { customerId, at: formatDay(AS_OF_DAY - ago) };
      for (const [field, value] of Object.entries(counts)) if (value !== undefined) snapshot[field] = value;
      if (lastContactAt !== undefined) snapshot["lastContactAt"] = lastContactAt;
      return snapshot as unknown as OracleSnapshot;
    });
  });
}

const isExtreme = (s: OracleSnapshot): boolean => [s.licensedSeats, s.provisionedUsers, s.activeUsers].some((v) => v !== undefined && v !== 0 && (v < 2 ** -1022 || v >= 1e300));

function expectRate(label: string, actual: number | null, expected: Rational | null, extreme: boolean): void {
  if (expected === null) {
    expect(actual, label).toBeNull();
    return;
  }
  expect(actual, label).not.toBeNull();
  // One IEEE division of the two counts: within an ulp of the exact ratio (subnormal counts print far from their binary values).
  if (!extreme) expect([nextDown(nearestDouble(expected)), nearestDouble(expected), nextUp(nearestDouble(expected))], label).toContain(actual);
}

describe("priority quadrant differential oracle: library = exact §5 placement and ranking", () => {
  it(
    "quadrants on and one ulp around the thresholds, colour at the contact boundary, ties broken by id",
    () => {
      const counters: Record<string, number> = {};
      const bump = (key: string): void => {
        counters[key] = (counters[key] ?? 0) + 1;
      };
      fc.assert(
        fc.property(scenarioArbitrary, (scenario) => {
          const snapshots = snapshotsOf(scenario);
          const options = { asOf: AS_OF, deploymentThreshold: scenario.deploymentThreshold.value, utilizationThreshold: scenario.utilizationThreshold.value, contactWithinDays: scenario.contactWithinDays };
          const expected = oraclePriorityQuadrant(snapshots, options);
          const actual = priorityQuadrant(snapshots, options);
          expect(actual.map((r) => [r.priority, r.customerId, r.at, r.quadrant, r.contactedRecently, r.lastContactAt])).toEqual(
            expected.map((r) => [r.priority, r.customerId, r.at, r.quadrant, r.contactedRecently, r.lastContactAt]),
          );
          const byId = new Map(snapshots.filter((s) => parseDay(s.at) <= AS_OF_DAY).map((s) => [s.customerId, s]));
          actual.forEach((row, i) => {
            const o = expected[i]!;
            const extreme = isExtreme(byId.get(row.customerId)!);
            expectRate(`${row.customerId}.deploymentRate`, row.deploymentRate, o.deploymentRate, extreme);
            expectRate(`${row.customerId}.utilizationRate`, row.utilizationRate, o.utilizationRate, extreme);
          });

          for (const o of expected) {
            bump(`quadrant:${o.quadrant}`);
            bump(`contacted:${o.contactedRecently}`);
            if (o.deploymentRate === null || o.utilizationRate === null) bump("missingRate");
            if (o.deploymentRate !== null && cmp(o.deploymentRate, ratOfNumber(options.deploymentThreshold)) === 0) bump("deploymentOnThreshold");
            if (o.utilizationRate !== null && cmp(o.utilizationRate, ratOfNumber(options.utilizationThreshold)) === 0) bump("utilizationOnThreshold");
            if (o.lastContactAt !== null && AS_OF_DAY - parseDay(o.lastContactAt) === scenario.contactWithinDays) bump("contactOnBoundary");
            if (o.lastContactAt !== null && AS_OF_DAY - parseDay(o.lastContactAt) === scenario.contactWithinDays + 1) bump("contactOneDayLate");
          }
          const sum = (r: (typeof expected)[number]): Rational => add(r.deploymentRate ?? { n: 0n, d: 1n }, r.utilizationRate ?? { n: 0n, d: 1n });
          for (let i = 1; i < expected.length; i++) {
            const [a, b] = [expected[i - 1]!, expected[i]!];
            const sameGroup = (a.quadrant === "low-low") === (b.quadrant === "low-low") && (a.quadrant === "high-high") === (b.quadrant === "high-high");
            if (sameGroup && a.contactedRecently === b.contactedRecently && cmp(sum(a), sum(b)) === 0) bump("tieBrokenById");
          }
          if (snapshots.some((s) => parseDay(s.at) > AS_OF_DAY)) bump("snapshotAfterAsOf");
          if (expected.length > 1) bump("severalCustomers");
        }),
        { numRuns: runs(300) },
      );
      for (const key of ["quadrant:low-low", "quadrant:low-high", "quadrant:high-low", "quadrant:high-high", "contacted:true", "contacted:false", "missingRate"]) {
        expect(counters[key] ?? 0, `${key}: ${JSON.stringify(counters)}`).toBeGreaterThanOrEqual(hitFloor(30));
      }
      for (const key of ["deploymentOnThreshold", "utilizationOnThreshold", "contactOnBoundary", "contactOneDayLate", "tieBrokenById", "snapshotAfterAsOf", "severalCustomers"]) {
        expect(counters[key] ?? 0, `${key}: ${JSON.stringify(counters)}`).toBeGreaterThanOrEqual(hitFloor(10));
      }
    },
    timeoutFor(60_000),
  );
});
