/**
 * evaluateAlerts properties on the health suite's broad arbitraries (random scorecards, three customers,
 * snapshots up to 400 days apart). Which alerts fire, and when, is checked against the naive
 * edge-trigger oracle in test/hardening/oracle/alertDifferential.test-prop.ts (it replaced the old
 * "never fires twice in a row" property here, which an evaluateAlerts returning [] passed). These
 * properties check what the differential does not: that each alert's payload is read from the
 * snapshot it names, and that rules and customers do not interact. Counters assert that alerts of
 * every kind fired, so neither property passes on an empty result.
 */
import { fc } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { type AlertRuleInput, type HealthAlert, type ScorecardInput, type UsageSnapshotInput, evaluateAlerts } from "../../src/index.js";
import { historyArb, scorecardArb } from "./arbitraries.js";
import { deepFreeze } from "./fixtures.js";
import { hitFloor, runs } from "../hardening/support/runs.js";

const ruleArb: fc.Arbitrary<AlertRuleInput[]> = fc.tuple(
  fc.integer({ min: 0, max: 100 }).map((limit): AlertRuleInput => ({ id: "score-low", score: true, below: limit })),
  fc.integer({ min: 0, max: 250 }).map((limit): AlertRuleInput => ({ id: "logins-low", metric: "logins", below: limit })),
  fc.integer({ min: 0, max: 150 }).map((limit): AlertRuleInput => ({ id: "util-high", signal: "utilizationRate", above: limit / 100 })),
  fc.record({ dropsBy: fc.integer({ min: 1, max: 100 }).map((p) => p / 100), days: fc.integer({ min: 1, max: 120 }) }).map((r): AlertRuleInput => ({ id: "drop", metric: "nps", ...r })),
  fc.constantFrom<AlertRuleInput>({ id: "band", bandBecomes: "bad" }, { id: "band", bandBecomes: "good" }),
  fc.integer({ min: 0, max: 90 }).map((days): AlertRuleInput => ({ id: "quiet", noContactForDays: days })),
);

/** Whole days from `from` to `to` (YYYY-MM-DD), by the civil calendar (no Date, no zone). */
function daysBetween(from: string, to: string): number {
  const day = (text: string): number => {
    const [y, m, d] = text.split("-").map(Number) as [number, number, number];
    const yy = m <= 2 ? y - 1 : y;
    const era = Math.floor(yy / 400);
    const yoe = yy - era * 400;
    const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
    return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  };
  return day(to) - day(from);
}

const canonical = (alerts: readonly HealthAlert[]): string[] => alerts.map((a) => JSON.stringify(a)).sort();

describe("evaluateAlerts properties", () => {
  it("each alert's payload is read from the snapshot it names, and alerts of every kind fire", () => {
    const fired: Record<string, number> = {};
    fc.assert(
      fc.property(historyArb, ruleArb, scorecardArb(), (history, rules, scorecard) => {
        const alerts = evaluateAlerts(deepFreeze(history), deepFreeze(rules), { scorecard: deepFreeze(scorecard) as ScorecardInput });
        const snapshotOf = (a: HealthAlert): UsageSnapshotInput => history.find((s) => s.customerId === a.customerId && s.at === a.at)!;
        const ruleOf = (a: HealthAlert): AlertRuleInput => rules.find((r) => r.id === a.ruleId && (a.kind !== "band" || ("bandBecomes" in r && r.bandBecomes === a.band)))!;
        for (const alert of alerts) {
          fired[alert.kind] = (fired[alert.kind] ?? 0) + 1;
          const snapshot = snapshotOf(alert);
          expect(snapshot, `${alert.customerId} has a snapshot on ${alert.at}`).toBeDefined();
          const rule = ruleOf(alert) as Record<string, unknown>;
          switch (alert.kind) {
            case "threshold":
              if (alert.measure === "logins") expect(alert.value).toBe(snapshot.metrics?.["logins"]);
              if (alert.measure === "utilizationRate") expect(alert.value).toBe(Number(snapshot.activeUsers) / Number(snapshot.provisionedUsers));
              expect(alert.limit).toBe(alert.side === "below" ? rule["below"] : rule["above"]);
              expect(alert.side === "below" ? alert.value < alert.limit : alert.value > alert.limit, JSON.stringify(alert)).toBe(true);
              break;
            case "drop":
              expect(alert.value).toBe(snapshot.metrics?.["nps"]);
              expect(daysBetween(alert.referenceAt, alert.at)).toBeGreaterThanOrEqual(Number(rule["days"]));
              expect(alert.reference).toBe(history.find((s) => s.customerId === alert.customerId && s.at === alert.referenceAt)?.metrics?.["nps"]);
              expect(alert.drop).toBeCloseTo((alert.reference - alert.value) / alert.reference, 12);
              expect(alert.drop).toBeGreaterThanOrEqual(Number(rule["dropsBy"]) - 1e-12);
              break;
            case "band":
              expect(alert.band).not.toBe(alert.previousBand);
              expect(alert.score).toBeGreaterThanOrEqual(0);
              expect(alert.score).toBeLessThanOrEqual(100);
              break;
            case "noContact":
              expect(alert.lastContactAt).toBe(snapshot.lastContactAt);
              expect(alert.daysSinceContact).toBe(daysBetween(alert.lastContactAt, alert.at));
              expect(alert.daysSinceContact).toBeGreaterThanOrEqual(Number(rule["noContactForDays"]));
              break;
          }
        }
      }),
      { numRuns: runs(200) },
    );
    for (const kind of ["threshold", "drop", "band", "noContact"]) expect(fired[kind] ?? 0, `${kind}: ${JSON.stringify(fired)}`).toBeGreaterThanOrEqual(hitFloor(20));
  });

  it("rules and customers do not interact: all rules on all customers = the union of one rule on one customer", () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(historyArb, ruleArb, scorecardArb(), (history, rules, scorecard) => {
        const options = { scorecard: scorecard as ScorecardInput };
        const together = evaluateAlerts(history, rules, options);
        const customers = [...new Set(history.map((s) => String(s.customerId)))];
        const apart = customers.flatMap((c) => rules.flatMap((rule) => evaluateAlerts(history.filter((s) => String(s.customerId) === c), [rule], options)));
        expect(canonical(together)).toEqual(canonical(apart));
        if (together.length > 0) nonEmpty++;
      }),
      { numRuns: runs(100) },
    );
    expect(nonEmpty).toBeGreaterThanOrEqual(hitFloor(50));
  });
});
