/**
 * Alerts against the naive edge-trigger oracle (test/hardening/oracle/alertOracle.ts): the library must
 * fire exactly the alerts the oracle fires — not merely never twice in a row. Counters assert that
 * alerts of every kind fire, that a rule fires again after its condition went false, and that
 * conditions stay true across snapshots without firing, so an `evaluateAlerts` returning [] fails.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AlertRuleInput, type ScorecardInput, evaluateAlerts } from "../../../src/index.js";
import { daysFromCivil, formatDay } from "./calendar.js";
import { type OracleAlertRule, oracleAlerts } from "./alertOracle.js";
import type { OracleScorecard, OracleSnapshot } from "./healthOracle.js";
import { hitFloor, runs, timeoutFor } from "../support/runs.js";

const SCORECARD: OracleScorecard = {
  measures: [
    { signal: "utilizationRate", weight: 2, scale: { type: "linear", worst: 0, best: 1 } },
    { metric: "logins", weight: 1, scale: { type: "linear", worst: 0, best: 10 } },
  ],
  bands: { good: 60, bad: 30 },
};

const small = (max: number): fc.Arbitrary<number | undefined> => fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max }) }, { weight: 1, arbitrary: fc.constant(undefined) });

/** One customer's history: 2–8 snapshots 1–40 days apart, small counts so conditions flip often. */
const customerArbitrary = (customerId: string): fc.Arbitrary<OracleSnapshot[]> =>
  fc
    .array(fc.record({ gap: fc.integer({ min: 1, max: 40 }), provisioned: small(6), active: small(6), logins: small(10), contactAgo: fc.option(fc.integer({ min: -5, max: 60 }), { nil: undefined }) }), { minLength: 2, maxLength: 8 })
    .map((rows) => {
      let day = daysFromCivil(2024, 1, 1);
      return rows.map((row) => {
        day += row.gap;
        const snapshot: Record<string, unknown> = { customerId, at: formatDay(day), metrics: row.logins === undefined ? {} : { logins: row.logins } };
        if (row.provisioned !== undefined) snapshot["provisionedUsers"] = row.provisioned;
        if (row.active !== undefined) snapshot["activeUsers"] = row.active;
        if (row.contactAgo !== undefined) snapshot["lastContactAt"] = formatDay(day - row.contactAgo);
        return snapshot as unknown as OracleSnapshot;
      });
    });

const rulesArbitrary: fc.Arbitrary<OracleAlertRule[]> = fc
  .tuple(
    fc.integer({ min: 0, max: 10 }).map((below): OracleAlertRule => ({ id: "logins-low", metric: "logins", below })),
    fc.integer({ min: 0, max: 8 }).map((quarters): OracleAlertRule => ({ id: "util-high", signal: "utilizationRate", above: quarters / 4 })),
    fc.record({ below: fc.integer({ min: 0, max: 100 }), above: fc.integer({ min: 0, max: 100 }) }).map((r): OracleAlertRule => ({ id: "score-out", score: true, ...r })),
    fc.record({ dropsBy: fc.constantFrom(0.1, 0.25, 0.5, 1), days: fc.integer({ min: 1, max: 60 }) }).map((r): OracleAlertRule => ({ id: "logins-drop", metric: "logins", ...r })),
    fc.record({ dropsBy: fc.constantFrom(0.1, 0.3, 0.5), days: fc.integer({ min: 1, max: 60 }) }).map((r): OracleAlertRule => ({ id: "score-drop", score: true, ...r })),
    fc.constantFrom<OracleAlertRule>({ id: "band", bandBecomes: "bad" }, { id: "band", bandBecomes: "normal" }, { id: "band", bandBecomes: "good" }),
    fc.integer({ min: 0, max: 40 }).map((days): OracleAlertRule => ({ id: "quiet", noContactForDays: days })),
  )
  .map((rules) => rules);

describe("alerts differential oracle: library = naive edge trigger", () => {
  it(
    "fires exactly the oracle's alerts, and alerts of every kind do fire",
    () => {
      const counters: Record<string, number> = {};
      const bump = (key: string, by = 1): void => {
        counters[key] = (counters[key] ?? 0) + by;
      };
      fc.assert(
        fc.property(fc.array(fc.constant(null), { minLength: 1, maxLength: 3 }).chain((cs) => fc.tuple(...cs.map((_, c) => customerArbitrary(`c${c}`)))), rulesArbitrary, (histories, rules) => {
          const snapshots = histories.flat().reverse(); // input order must not matter
          const expected = oracleAlerts(snapshots, rules, SCORECARD);
          const actual = evaluateAlerts(snapshots, rules as unknown as AlertRuleInput[], { scorecard: SCORECARD as ScorecardInput });
          expect(actual.map((a) => ({ at: a.at, customerId: a.customerId, ruleId: a.ruleId, kind: a.kind }))).toEqual(expected);
          for (const alert of expected) bump(`fired:${alert.kind}`);
          // A re-fire: the same customer and rule firing twice (its condition went false in between).
          const seen = new Set<string>();
          for (const alert of expected) {
            const key = `${alert.customerId}|${alert.ruleId}`;
            if (seen.has(key)) bump("refired");
            seen.add(key);
          }
        }),
        { numRuns: runs(150) },
      );
      for (const key of ["fired:threshold", "fired:drop", "fired:band", "fired:noContact", "refired"]) {
        expect(counters[key] ?? 0, `${key}: ${JSON.stringify(counters)}`).toBeGreaterThanOrEqual(hitFloor(20));
      }
    },
    timeoutFor(30_000),
  );
});
