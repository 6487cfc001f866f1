import { describe, expect, it } from "vitest";
import { Decimal, ValidationError, correlation } from "../../src/index.js";
import { averageRanks } from "../../src/stats/correlation.js";
import { caught } from "../support/caught.js";

describe("correlation", () => {
  it("Pearson r on a hand-computed example", () => {
    // x = 1,2,3,4,5 (mean 3), y = 2,4,5,4,5 (mean 4)
    // dx = −2,−1,0,1,2; dy = −2,0,1,0,1; Σdxdy = 4+0+0+0+2 = 6; Σdx² = 10; Σdy² = 4+0+1+0+1 = 6
    // r = 6/√60 = 0.7745966692414834
    expect(correlation([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 14);
    expect(correlation([1, 2, 3], [3, 2, 1])).toBe(-1);
  });

  it("Spearman ρ with average ranks for ties", () => {
    // y = 2,4,5,4,5 → ranks 1, 2.5, 4.5, 2.5, 4.5; x ranks 1..5
    expect(averageRanks([2, 4, 5, 4, 5])).toEqual([1, 2.5, 4.5, 2.5, 4.5]);
    // ranks of y: mean 3, d = −2,−0.5,1.5,−0.5,1.5; Σdx·dy = 4+0.5+0+(−0.5)+3 = 7; Σdy² = 4+0.25+2.25+0.25+2.25 = 9
    // ρ = 7/√(10·9) = 7/√90
    expect(correlation([1, 2, 3, 4, 5], [2, 4, 5, 4, 5], { method: "spearman" })).toBeCloseTo(7 / Math.sqrt(90), 14);
    // a monotone but non-linear relation has ρ = 1
    expect(correlation([1, 2, 3, 4], [1, 8, 27, 64], { method: "spearman" })).toBe(1);
  });

  it("returns null with fewer than 2 points or zero variance", () => {
    expect(correlation([], [])).toBeNull();
    expect(correlation([1], [2])).toBeNull();
    expect(correlation([0.1, 0.1, 0.1], [1, 2, 3])).toBeNull();
    expect(correlation([1, 2, 3], [5, 5, 5], { method: "spearman" })).toBeNull();
  });

  it("accepts Decimals (rates such as NRR)", () => {
    expect(correlation([new Decimal("0.9"), new Decimal("1.1")], [1, 2])).toBe(1);
  });

  it("rejects different lengths, non-finite values and unknown methods", () => {
    expect((caught(() => correlation([1, 2], [1])) as ValidationError).issues).toEqual([{ path: "ys", message: "must have as many values as xs (2, got 1)" }]);
    expect((caught(() => correlation([1, Number.NaN], [1, 2])) as ValidationError).issues).toEqual([{ path: "xs[1]", message: "must be a finite number (got NaN)" }]);
    expect((caught(() => correlation([1], [1], { method: "kendall" as never })) as ValidationError).issues[0]?.path).toBe("options.method");
  });
});
