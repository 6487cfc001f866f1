/**
 * Where the float scoring path must hand over to the exact one. Weights too small for floating-point
 * products (subnormal): in doubles 5e-324 × 33.33… rounds to 33 × 5e-324, so a float weighted mean of
 * one such measure is 33, not 33.333333. Points exactly halfway at the 6th decimal: only the exact
 * path can round them (half to even), also when the score itself is not at a tie.
 */
import { describe, expect, it } from "vitest";
import { healthScore } from "../../src/index.js";

const snapshot = { customerId: "a", at: "2025-06-30", metrics: { logins: 1, nps: 2 } };

describe("subnormal weights", () => {
  it("one measure of weight 5e-324: the score is its points", () => {
    // logins 1 on a linear 0 → 3 scale: 100 · 1/3 = 33.333333 (6 decimals); the weight cancels.
    const result = healthScore(snapshot, { measures: [{ metric: "logins", weight: 5e-324, scale: { type: "linear", worst: 0, best: 3 } }], bands: { good: 70, bad: 40 } });
    expect(result.score).toBe(33.333333);
    expect(result.band).toBe("bad");
  });

  it("two subnormal weights in ratio 1 : 2 weigh as 1 : 2", () => {
    // logins 1 of 3 → 33.3…; nps 2 of 3 → 66.6…; (1·100/3 + 2·200/3) / 3 = 500/9 = 55.555556.
    const result = healthScore(snapshot, {
      measures: [
        { metric: "logins", weight: 5e-324, scale: { type: "linear", worst: 0, best: 3 } },
        { metric: "nps", weight: 1e-323, scale: { type: "linear", worst: 0, best: 3 } },
      ],
      bands: { good: 70, bad: 40 },
    });
    expect(result.score).toBe(55.555556);
  });
});

describe("points exactly halfway at the 6th decimal", () => {
  it("are rounded half to even on the exact value, not left to the float path", () => {
    // logins 12.3456785 on a linear 0 → 100 scale: points 12.3456785 exactly, halfway → the even 12.345678;
    // 12.3456775 → 12.345678 too (7 is odd, rounds up).
    for (const [logins, expected] of [[12.3456785, 12.345678], [12.3456775, 12.345678]] as const) {
      const result = healthScore({ customerId: "a", at: "2025-06-30", metrics: { logins } }, { measures: [{ metric: "logins", weight: 1, scale: { type: "linear", worst: 0, best: 100 } }], bands: { good: 70, bad: 40 } });
      expect(result.measures[0]!.points).toBe(expected);
      expect(result.score).toBe(expected);
    }
  });

  it("a halfway measure beside one that moves the score off the tie keeps its points", () => {
    // logins 12.3456785 → 12.345678 (half to even); nps 50 on 0 → 100 → 50; score (12.3456785 + 50) / 2
    // = 31.17283925 → 31.172839 (…39|25 is below half).
    const result = healthScore(
      { customerId: "a", at: "2025-06-30", metrics: { logins: 12.3456785, nps: 50 } },
      { measures: [{ metric: "logins", weight: 1, scale: { type: "linear", worst: 0, best: 100 } }, { metric: "nps", weight: 1, scale: { type: "linear", worst: 0, best: 100 } }], bands: { good: 70, bad: 40 } },
    );
    expect(result.measures.map((m) => m.points)).toEqual([12.345678, 50]);
    expect(result.score).toBe(31.172839);
  });
});
