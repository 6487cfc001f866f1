/**
 * What a threshold or drop alert rule watches: exactly one of `signal`, `metric` (a non-empty metrics
 * key) or `score: true`. Each other shape is named by its path.
 */
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/errors.js";
import { evaluateAlerts } from "../../src/health/alerts.js";
import { caught } from "../support/caught.js";

function issuesOf(rules: readonly unknown[]): unknown {
  const error = caught(() => evaluateAlerts([{ customerId: "a", at: "2025-01-01" }], rules as never));
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

describe("alert rule subjects", () => {
  it("needs exactly one subject", () => {
    expect(issuesOf([{ id: "none", below: 1 }, { id: "two", metric: "tickets", score: true, dropsBy: 0.5, days: 7 }])).toEqual([
      { path: "rules[0]", message: "must watch exactly one of signal, metric or score" },
      { path: "rules[1]", message: "must watch exactly one of signal, metric or score" },
    ]);
  });

  it("needs a non-empty metrics key", () => {
    expect(issuesOf([{ id: "empty", metric: "", above: 3 }, { id: "number", metric: 5, dropsBy: 0.2, days: 30 }])).toEqual([
      { path: "rules[0].metric", message: 'must be a non-empty metrics key (got "")' },
      { path: "rules[1].metric", message: "must be a non-empty metrics key (got 5)" },
    ]);
  });

  it("takes score: true only", () => {
    expect(issuesOf([{ id: "off", score: false, below: 40 }])).toEqual([{ path: "rules[0].score", message: "must be true (got false)" }]);
  });

  it("accepts a metric rule with a valid key (no scorecard needed)", () => {
    // One snapshot without the metric: nothing to compare, so no alert, and no error.
    expect(evaluateAlerts([{ customerId: "a", at: "2025-01-01" }], [{ id: "t", metric: "tickets", above: 3 }])).toEqual([]);
  });
});
