import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { goodMinusBad, goodMinusBadSeries, scoreCustomers } from "../../src/index.js";
import { deepFreeze } from "../support/deepFreeze.js";
import { dayText, historyArb, scorecardArb } from "./arbitraries.js";

const periodArb = fc
  .tuple(fc.integer({ min: 0, max: 380 }), fc.integer({ min: 1, max: 70 }))
  .map(([start, length]) => ({ start: dayText(start), end: dayText(start + length) }));

describe("goodMinusBadSeries properties", () => {
  test.prop([historyArb, scorecardArb("any", fc.constant("renormalize")), periodArb, fc.constantFrom("week" as const, "month" as const)])(
    "every step equals goodMinusBad(scoreCustomers(…, { asOf: the step's last day }))",
    (history, scorecard, period, every) => {
      const series = goodMinusBadSeries(deepFreeze(history), scorecard, { period, every });
      expect(series.steps.length).toBeGreaterThan(0);
      expect(series.steps[0]!.start).toBe(period.start);
      expect(series.steps[series.steps.length - 1]!.end).toBe(period.end);
      series.steps.slice(1).forEach((step, k) => expect(step.start).toBe(series.steps[k]!.end)); // contiguous, no gap
      for (const step of series.steps) {
        expect(step.bands).toEqual(goodMinusBad(scoreCustomers(history, scorecard, { asOf: step.asOf })));
      }
    },
  );

  test.prop([historyArb, scorecardArb("any", fc.constant("renormalize")), periodArb])("does not depend on the order of the snapshots", (history, scorecard, period) => {
    expect(goodMinusBadSeries([...history].reverse(), scorecard, { period })).toEqual(goodMinusBadSeries(history, scorecard, { period }));
  });
});
