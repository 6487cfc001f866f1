import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type AlertRuleInput, type ScorecardInput, evaluateAlerts } from "../../src/index.js";
import { historyArb, scorecardArb } from "./arbitraries.js";
import { deepFreeze } from "./fixtures.js";

const ruleArb: fc.Arbitrary<AlertRuleInput[]> = fc.tuple(
  fc.integer({ min: 0, max: 100 }).map((limit): AlertRuleInput => ({ id: "score-low", score: true, below: limit })),
  fc.integer({ min: 0, max: 250 }).map((limit): AlertRuleInput => ({ id: "logins-low", metric: "logins", below: limit })),
  fc.integer({ min: 0, max: 150 }).map((limit): AlertRuleInput => ({ id: "util-high", signal: "utilizationRate", above: limit / 100 })),
  fc.record({ dropsBy: fc.integer({ min: 1, max: 100 }).map((p) => p / 100), days: fc.integer({ min: 1, max: 120 }) }).map((r): AlertRuleInput => ({ id: "drop", metric: "nps", ...r })),
  fc.constantFrom<AlertRuleInput>({ id: "band", bandBecomes: "bad" }, { id: "band", bandBecomes: "good" }),
  fc.integer({ min: 0, max: 90 }).map((days): AlertRuleInput => ({ id: "quiet", noContactForDays: days })),
).map((rules) => rules);

describe("evaluateAlerts properties", () => {
  test.prop([historyArb, ruleArb, scorecardArb()])("a rule never fires on two consecutive snapshots of a customer", (history, rules, scorecard) => {
    const alerts = evaluateAlerts(deepFreeze(history), deepFreeze(rules), { scorecard: deepFreeze(scorecard) as ScorecardInput });
    const datesOf = new Map<string, string[]>();
    for (const snapshot of history) datesOf.set(String(snapshot.customerId), [...(datesOf.get(String(snapshot.customerId)) ?? []), String(snapshot.at)]);
    for (const dates of datesOf.values()) dates.sort();
    const last = new Map<string, number>();
    for (const alert of alerts) {
      const position = datesOf.get(alert.customerId)!.indexOf(alert.at);
      expect(position).toBeGreaterThanOrEqual(0);
      const key = `${alert.customerId}|${alert.ruleId}`;
      const previous = last.get(key);
      if (previous !== undefined) expect(position - previous).toBeGreaterThanOrEqual(2);
      last.set(key, position);
    }
  });
});
