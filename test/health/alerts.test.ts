import { describe, expect, it } from "vitest";
import { type ScorecardInput, ValidationError, evaluateAlerts } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { deepFreeze } from "./fixtures.js";

const snap = (customerId: string, at: string, extra: object = {}) => ({ customerId, at, ...extra });

describe("evaluateAlerts — threshold rules, edge-triggered", () => {
  // logins: 100, 40 (below 50: fires), 30 (still below: silent), 60 (clears), 45 (below again: fires)
  const history = deepFreeze([
    snap("acme", "2025-03-31", { metrics: { logins: 30 } }),
    snap("acme", "2025-01-31", { metrics: { logins: 100 } }),
    snap("acme", "2025-02-28", { metrics: { logins: 40 } }),
    snap("acme", "2025-04-30", { metrics: { logins: 60 } }),
    snap("acme", "2025-05-31", { metrics: { logins: 45 } }),
  ]);

  it("fires when the condition becomes true, not while it stays true, and again after it clears", () => {
    const alerts = evaluateAlerts(history, deepFreeze([{ id: "low-logins", metric: "logins", below: 50 }]));
    expect(alerts.map((a) => [a.at, a.kind === "threshold" ? a.value : null])).toEqual([
      ["2025-02-28", 40],
      ["2025-05-31", 45],
    ]);
  });

  it("treats a missing value as unknown: the state is unchanged", () => {
    const gap = [...history, snap("acme", "2025-06-30"), snap("acme", "2025-07-31", { metrics: { logins: 20 } })];
    // May 45 fires; June has no logins (unknown, still active); July 20 is still below → no new alert
    expect(evaluateAlerts(gap, [{ id: "low", metric: "logins", below: 50 }]).map((a) => a.at)).toEqual(["2025-02-28", "2025-05-31"]);
  });

  it("compares strictly (below 50 does not fire at 50) and supports above", () => {
    const alerts = evaluateAlerts(
      [snap("a", "2025-01-01", { metrics: { tickets: 50 } }), snap("a", "2025-01-02", { metrics: { tickets: 51 } })],
      [{ id: "b", metric: "tickets", below: 50 }, { id: "t", metric: "tickets", above: 50 }],
    );
    expect(alerts).toEqual([{ kind: "threshold", ruleId: "t", customerId: "a", at: "2025-01-02", measure: "tickets", value: 51, side: "above", limit: 50 }]);
  });

  it("watches a signal exactly", () => {
    // 活用率 = 3/10 = 0.3: not below 0.3; 29/100 = 0.29 is
    const alerts = evaluateAlerts(
      [snap("a", "2025-01-01", { provisionedUsers: 10, activeUsers: 3 }), snap("a", "2025-02-01", { provisionedUsers: 100, activeUsers: 29 })],
      [{ id: "u", signal: "utilizationRate", below: 0.3 }],
    );
    expect(alerts.map((a) => a.at)).toEqual(["2025-02-01"]);
  });
});

describe("evaluateAlerts — drop rules", () => {
  it("compares with the latest snapshot on or before at − days", () => {
    // rule: drops by ≥ 50% against 30 days earlier.
    // 01-01: 100 (no reference). 01-20: 60, reference = none ≤ 2024-12-21 → unknown.
    // 02-05: 50, reference ≤ 01-06 → 01-01 (100): 50 ≤ 100·0.5 → fires (drop 0.5).
    // 03-10: 20, reference ≤ 02-08 → 02-05 (50): 20 ≤ 25 → still true, silent.
    // 04-10: 19, reference ≤ 03-11 → 03-10 (20): 19 > 10 → clears.
    const history = [
      snap("a", "2025-01-01", { metrics: { logins: 100 } }),
      snap("a", "2025-01-20", { metrics: { logins: 60 } }),
      snap("a", "2025-02-05", { metrics: { logins: 50 } }),
      snap("a", "2025-03-10", { metrics: { logins: 20 } }),
      snap("a", "2025-04-10", { metrics: { logins: 19 } }),
    ];
    expect(evaluateAlerts(history, [{ id: "halved", metric: "logins", dropsBy: 0.5, days: 30 }])).toEqual([
      { kind: "drop", ruleId: "halved", customerId: "a", at: "2025-02-05", measure: "logins", value: 50, reference: 100, referenceAt: "2025-01-01", drop: 0.5 },
    ]);
  });

  it("does not evaluate against a reference of 0", () => {
    const history = [snap("a", "2025-01-01", { metrics: { x: 0 } }), snap("a", "2025-03-01", { metrics: { x: 0 } })];
    expect(evaluateAlerts(history, [{ id: "d", metric: "x", dropsBy: 0.5, days: 30 }])).toEqual([]);
  });
});

describe("evaluateAlerts — band and score rules", () => {
  const scorecard: ScorecardInput = {
    measures: [{ signal: "deploymentRate", weight: 1, scale: { type: "linear", worst: 0, best: 1 } }],
    bands: { good: 70, bad: 40 },
  };
  // deployment 0.8 (80, good), 0.5 (50, normal), 0.3 (30, bad), 0.35 (35, bad), 0.9 (90, good), 0.2 (20, bad)
  const history = [0.8, 0.5, 0.3, 0.35, 0.9, 0.2].map((rate, k) =>
    snap("a", `2025-0${k + 1}-01`, { licensedSeats: 100, provisionedUsers: rate * 100 }),
  );

  it("fires when the band becomes the rule's band, with the previous band", () => {
    const alerts = evaluateAlerts(history, [{ id: "to-bad", bandBecomes: "bad" }], { scorecard });
    expect(alerts).toEqual([
      { kind: "band", ruleId: "to-bad", customerId: "a", at: "2025-03-01", band: "bad", previousBand: "normal", score: 30 },
      { kind: "band", ruleId: "to-bad", customerId: "a", at: "2025-06-01", band: "bad", previousBand: "good", score: 20 },
    ]);
  });

  it("fires on the first scored snapshot when the customer is already in the band", () => {
    const alerts = evaluateAlerts(history, [{ id: "good", bandBecomes: "good" }], { scorecard });
    expect(alerts.map((a) => [a.at, a.kind === "band" ? a.previousBand : "?"])).toEqual([
      ["2025-01-01", null],
      ["2025-05-01", "bad"],
    ]);
  });

  it("watches the score with threshold rules, and needs a scorecard for it", () => {
    expect(evaluateAlerts(history, [{ id: "s", score: true, below: 40 }], { scorecard }).map((a) => a.at)).toEqual(["2025-03-01", "2025-06-01"]);
    const error = caught(() => evaluateAlerts(history, [{ id: "s", score: true, below: 40 }, { id: "b", bandBecomes: "bad" }]));
    expect((error as ValidationError).issues).toEqual([
      { path: "rules[0]", message: "watches the health score or band: pass options.scorecard" },
      { path: "rules[1]", message: "watches the health score or band: pass options.scorecard" },
    ]);
  });
});

describe("evaluateAlerts — no contact", () => {
  it("fires when at − lastContactAt ≥ n days; unknown contact leaves the state unchanged", () => {
    const history = [
      snap("a", "2025-01-31", { lastContactAt: "2025-01-10" }), // 21 days: no
      snap("a", "2025-02-28", { lastContactAt: "2025-01-10" }), // 49 days ≥ 30: fires
      snap("a", "2025-03-31"), // unknown: unchanged
      snap("a", "2025-04-30", { lastContactAt: "2025-01-10" }), // still true: silent
      snap("a", "2025-05-31", { lastContactAt: "2025-05-01" }), // 30 days ≥ 30: still true, silent
      snap("a", "2025-06-30", { lastContactAt: "2025-06-20" }), // 10 days: clears
      snap("a", "2025-07-31", { lastContactAt: "2025-06-20" }), // 41 days: fires
    ];
    expect(evaluateAlerts(history, [{ id: "quiet", noContactForDays: 30 }])).toEqual([
      { kind: "noContact", ruleId: "quiet", customerId: "a", at: "2025-02-28", lastContactAt: "2025-01-10", daysSinceContact: 49 },
      { kind: "noContact", ruleId: "quiet", customerId: "a", at: "2025-07-31", lastContactAt: "2025-06-20", daysSinceContact: 41 },
    ]);
  });
});

describe("evaluateAlerts — output and validation", () => {
  it("sorts by date, then customer, then rule id, and keeps customers apart", () => {
    const history = [snap("b", "2025-01-01", { metrics: { x: 1 } }), snap("a", "2025-01-01", { metrics: { x: 1 } }), snap("a", "2024-12-01", { metrics: { x: 1 } })];
    const alerts = evaluateAlerts(history, [{ id: "z", metric: "x", below: 5 }, { id: "y", metric: "x", above: 0 }]);
    expect(alerts.map((a) => [a.at, a.customerId, a.ruleId])).toEqual([
      ["2024-12-01", "a", "y"],
      ["2024-12-01", "a", "z"],
      ["2025-01-01", "b", "y"],
      ["2025-01-01", "b", "z"],
    ]);
  });

  it("names invalid rules and snapshots", () => {
    const error = caught(() =>
      evaluateAlerts([snap("a", "2025-13-01")], [
        { id: "a", metric: "x", dropsBy: 1.5, days: 0 },
        { id: "a", noContactForDays: 3 },
        { id: "c", signal: "mood", below: 1 } as never,
        { id: "d" } as never,
      ]),
    );
    expect((error as ValidationError).issues).toEqual([
      { path: "rules[0].dropsBy", message: "must be a fraction in (0, 1] (got 1.5)" },
      { path: "rules[0].days", message: "must be an integer ≥ 1 (got 0)" },
      { path: "rules[1].id", message: 'duplicate rule id "a" (also rules[0])' },
      { path: "rules[2].signal", message: 'unknown signal "mood" (known: deploymentRate, utilizationRate, stickiness, featureAdoption)' },
      { path: "rules[3]", message: "must have below/above (threshold), dropsBy and days (drop), bandBecomes, or noContactForDays" },
    ]);
    // ids must be non-empty strings; a metric key a non-empty string (an array has a length too)
    const idError = caught(() =>
      evaluateAlerts([snap("a", "2025-01-01")], [{ noContactForDays: 3 } as never, { id: "", noContactForDays: 3 }, { id: "m", metric: ["x"], below: 1 } as never]),
    );
    expect((idError as ValidationError).issues).toEqual([
      { path: "rules[0].id", message: "must be a non-empty string (got nothing)" },
      { path: "rules[1].id", message: 'must be a non-empty string (got "")' },
      { path: "rules[2].metric", message: "must be a non-empty metrics key (got an array)" },
    ]);
    const notRules = caught(() => evaluateAlerts([snap("a", "2025-01-01")], [5, null, [{ id: "x" }]] as never)) as ValidationError;
    expect(notRules.issues).toEqual([
      { path: "rules[0]", message: "must be an alert rule object (got 5)" },
      { path: "rules[1]", message: "must be an alert rule object (got null)" },
      { path: "rules[2]", message: "must be an alert rule object (got an array)" },
    ]);
    const snapshotError = caught(() => evaluateAlerts([snap("a", "2025-13-01")], [{ id: "q", noContactForDays: 3 }]));
    expect((snapshotError as ValidationError).issues).toEqual([{ path: "history[0].at", message: 'must be a calendar date YYYY-MM-DD (got "2025-13-01")' }]);
  });
});

describe("evaluateAlerts — limits and edges (found by mutation testing)", () => {
  it("names a watched signal in the alert", () => {
    const alerts = evaluateAlerts([snap("a", "2025-02-01", { provisionedUsers: 100, activeUsers: 29 })], [{ id: "u", signal: "utilizationRate", below: 0.3 }]);
    // 活用率 29/100 = 0.29 < 0.3
    expect(alerts).toEqual([{ kind: "threshold", ruleId: "u", customerId: "a", at: "2025-02-01", measure: "utilizationRate", value: 0.29, side: "below", limit: 0.3 }]);
  });

  it("noContactForDays fires from exactly that many days without contact, and never without a known contact", () => {
    // 2025-01-01 → 2025-01-31 is 30 days: fires; 2025-01-30 is 29 days: does not
    const rule = [{ id: "call", noContactForDays: 30 }];
    expect(evaluateAlerts([snap("a", "2025-01-30", { lastContactAt: "2025-01-01" })], rule)).toEqual([]);
    expect(evaluateAlerts([snap("a", "2025-01-31", { lastContactAt: "2025-01-01" })], rule)).toEqual([
      { kind: "noContact", ruleId: "call", customerId: "a", at: "2025-01-31", lastContactAt: "2025-01-01", daysSinceContact: 30 },
    ]);
    expect(evaluateAlerts([snap("a", "2025-06-30")], rule)).toEqual([]);
    // 0 days: any known contact, even today's, is "no contact for 0 days"
    expect(evaluateAlerts([snap("a", "2025-06-30", { lastContactAt: "2025-06-30" })], [{ id: "z", noContactForDays: 0 }])).toHaveLength(1);
  });

  it("checks each rule's numbers at their limits", () => {
    const history = [snap("a", "2025-01-01", { metrics: { x: 1 } })];
    const issues = (rule: object): unknown => (caught(() => evaluateAlerts(history, [{ id: "r", ...rule } as never])) as ValidationError).issues;
    expect(issues({ noContactForDays: -1 })).toEqual([{ path: "rules[0].noContactForDays", message: "must be an integer ≥ 0 (got -1)" }]);
    expect(issues({ noContactForDays: 1.5 })).toEqual([{ path: "rules[0].noContactForDays", message: "must be an integer ≥ 0 (got 1.5)" }]);
    expect(issues({ metric: "x", dropsBy: 0, days: 1 })).toEqual([{ path: "rules[0].dropsBy", message: "must be a fraction in (0, 1] (got 0)" }]);
    expect(issues({ metric: "x", dropsBy: Number.NaN, days: 1 })).toEqual([{ path: "rules[0].dropsBy", message: "must be a fraction in (0, 1] (got NaN)" }]);
    expect(issues({ metric: "x", dropsBy: 0.5, days: 0.5 })).toEqual([{ path: "rules[0].days", message: "must be an integer ≥ 1 (got 0.5)" }]);
    // the limits themselves are allowed: dropsBy 1 (to zero), days 1, noContactForDays 0
    expect(evaluateAlerts(history, [{ id: "a", metric: "x", dropsBy: 1, days: 1 }, { id: "b", noContactForDays: 0 }])).toEqual([]);
  });
});
