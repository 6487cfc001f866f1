import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { evaluateAlerts, healthTrend, priorityQuadrant, scoreCustomers } from "../../src/index.js";
import { dayText, historyArb, scorecardArb } from "./arbitraries.js";
import { deepFreeze } from "./fixtures.js";

/** The same snapshots twice, in two random orders. */
const twoOrdersArb = historyArb.chain((history) =>
  fc.tuple(fc.constant(history), fc.shuffledSubarray(history, { minLength: history.length, maxLength: history.length })),
);
const asOfArb = fc.integer({ min: 0, max: 420 }).map(dayText);

describe("snapshot order never changes a result", () => {
  test.prop([twoOrdersArb, scorecardArb(), asOfArb])("scoreCustomers, priorityQuadrant, evaluateAlerts, healthTrend", ([a, b], scorecard, asOf) => {
    deepFreeze(a);
    deepFreeze(b);
    expect(scoreCustomers(b, scorecard, { asOf })).toEqual(scoreCustomers(a, scorecard, { asOf }));
    const quadrantOptions = { asOf, deploymentThreshold: 0.5, utilizationThreshold: 0.4, contactWithinDays: 30 };
    expect(priorityQuadrant(b, quadrantOptions)).toEqual(priorityQuadrant(a, quadrantOptions));
    const rules = [
      { id: "low", score: true as const, below: 50 },
      { id: "drop", metric: "logins", dropsBy: 0.3, days: 30 },
      { id: "bad", bandBecomes: "bad" as const },
      { id: "quiet", noContactForDays: 45 },
    ];
    expect(evaluateAlerts(b, rules, { scorecard })).toEqual(evaluateAlerts(a, rules, { scorecard }));
    // the trend of customer a's scores, fed in each order
    const scoresOf = (snapshots: typeof a) =>
      snapshots.filter((s) => s.customerId === "a").map((s) => scoreCustomers([s], scorecard, { asOf: String(s.at) })[0]!);
    expect(healthTrend(scoresOf(b), { window: 4 })).toEqual(healthTrend(scoresOf(a), { window: 4 }));
  });
});
