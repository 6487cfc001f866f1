import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type HealthBand, goodMinusBad } from "../../src/index.js";
import { goodMinusBadOfTally, tallyBands } from "../../src/health/goodMinusBad.js";
import { deepFreeze } from "./fixtures.js";

const resultsArb = fc.array(fc.record({ band: fc.constantFrom<HealthBand | null>("good", "normal", "bad", null) }), { maxLength: 300 });

describe("goodMinusBad properties", () => {
  test.prop([resultsArb])("good + normal + bad = total, and the index lies in [−100, 100]", (results) => {
    const result = goodMinusBad(deepFreeze(results));
    expect(result.good + result.normal + result.bad).toBe(result.total);
    expect(result.total + result.unscored).toBe(results.length);
    if (result.total === 0) {
      expect(result.index).toBeNull();
      return;
    }
    expect(result.index!.gte(-100) && result.index!.lte(100)).toBe(true);
    // index = goodPct − badPct (each exact or rounded at the 40th digit; Decimal's default 20-digit subtraction here)
    expect(result.index!.minus(result.goodPct!.minus(result.badPct!)).abs().lte("1e-15")).toBe(true);
  });

  test.prop([resultsArb, resultsArb])("tallies of two shards add up to the tally of their union", (a, b) => {
    const ta = tallyBands(a);
    const tb = tallyBands(b);
    const merged = { good: ta.good + tb.good, normal: ta.normal + tb.normal, bad: ta.bad + tb.bad, unscored: ta.unscored + tb.unscored };
    expect(goodMinusBadOfTally(merged)).toEqual(goodMinusBad([...a, ...b]));
  });
});
