/**
 * The Wilson interval, the pooled two-proportion z-test and the normal tail behind its p-value, against
 * published values and hand arithmetic.
 */
import { describe, expect, it } from "vitest";
import { ValidationError, twoProportionZTest, wilsonInterval } from "../../src/index.js";
import { normalUpperTail, twoSidedPValue } from "../../src/stats/normalDistribution.js";
import { caught } from "../support/caught.js";

const loosely = (fn: unknown) => fn as (...args: unknown[]) => unknown;

describe("wilsonInterval", () => {
  // R. G. Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven
  // methods", Statistics in Medicine 17 (1998) 857–872, Table I, method 3 (Wilson score, no continuity
  // correction), given to 4 decimals.
  it.each([
    [81, 263, "0.2553", "0.3662"],
    [15, 148, "0.0624", "0.1605"],
    [0, 20, "0.0000", "0.1611"],
    [1, 29, "0.0061", "0.1718"],
  ])("%i of %i: %s to %s (Newcombe 1998, Table I)", (k, n, lower, upper) => {
    const interval = wilsonInterval(k, n)!;
    expect([interval.lower.toFixed(4), interval.upper.toFixed(4)]).toEqual([lower, upper]);
  });

  it("all successes: the upper end is exactly 1, the lower end below it; no trials: null", () => {
    // 4 of 4: centre (1 + z²/8)/(1 + z²/4) = 1.4802/1.9604 = 0.7550, half = (z/1.9604)·√(z²/64) = 0.4740·… → lower 0.5101
    const interval = wilsonInterval(4, 4)!;
    expect(interval.upper).toBe(1);
    expect(interval.lower.toFixed(4)).toBe("0.5101");
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(0, 5)!.lower).toBe(0);
  });

  it("rejects counts that are not whole numbers ≥ 0 and successes above trials", () => {
    expect((caught(() => wilsonInterval(5, 4)) as ValidationError).issues).toEqual([{ path: "successes", message: "must be at most trials (4, got 5)" }]);
    expect((caught(() => wilsonInterval(1.5, 4)) as ValidationError).issues[0]!.path).toBe("successes");
    expect((caught(() => loosely(wilsonInterval)(1, "4")) as ValidationError).issues).toEqual([{ path: "trials", message: 'must be a whole number ≥ 0 (got "4")' }]);
    expect(caught(() => wilsonInterval(-1, 4))).toBeInstanceOf(ValidationError);
  });
});

describe("the normal upper tail (Abramowitz & Stegun 26.2.17, |error| < 7.5e-8)", () => {
  // Table values of Q(x) = 1 − Φ(x) (A&S Table 26.1): Q(0) = 0.5, Q(1) = 0.158655254, Q(1.96) = 0.024997895,
  // Q(3) = 0.001349898, Q(5) = 2.866516e-7.
  it.each([
    [0, 0.5],
    [1, 0.158655254],
    [1.96, 0.024997895],
    [3, 0.001349898],
    [5, 2.866516e-7],
  ])("Q(%d) = %d within 7.5e-8", (x, expected) => {
    expect(Math.abs(normalUpperTail(x) - expected)).toBeLessThan(7.5e-8);
    expect(Math.abs(1 - normalUpperTail(-x) - expected)).toBeLessThan(7.5e-8);
  });

  it("two-sided p-values: z = ±1.959964 gives 0.05; z = 0 gives 1 (not more)", () => {
    expect(Math.abs(twoSidedPValue(1.959963984540054) - 0.05)).toBeLessThan(1.5e-7); // 2 × the 7.5e-8 bound
    expect(Math.abs(twoSidedPValue(-1.959963984540054) - 0.05)).toBeLessThan(1.5e-7);
    expect(twoSidedPValue(0)).toBeLessThanOrEqual(1);
    expect(twoSidedPValue(0)).toBeCloseTo(1, 7);
  });
});

describe("twoProportionZTest", () => {
  it("45/50 vs 30/50: z = 2√3, p = 2·Q(3.4641) = 0.000532", () => {
    // p̂ = 0.9 and 0.6, pooled 75/100 = 0.75; SE = √(0.75 · 0.25 · (1/50 + 1/50)) = √0.0075;
    // z = 0.3 / √0.0075 = 0.3 / (0.05√3) = 2√3 = 3.46410; table Q(3.46) = 0.00027 → p ≈ 0.00053.
    const test = twoProportionZTest({ successes: 45, trials: 50 }, { successes: 30, trials: 50 });
    expect(test.difference).toBeCloseTo(0.3, 12);
    expect(test.z).toBeCloseTo(2 * Math.sqrt(3), 10);
    expect(test.pValue).toBeCloseTo(0.000532, 6);
  });

  it("by hand: 40 of 200 vs 60 of 200 (pooled 0.25): z = −0.1/√(0.25·0.75·0.01) = −2.3094, p = 0.0209", () => {
    // SE = √(0.1875 · 0.01) = 0.0433013; z = −0.1 / 0.0433013 = −2.30940; 2·Q(2.3094) = 2 · 0.010461 = 0.020921
    const test = twoProportionZTest({ successes: 40, trials: 200 }, { successes: 60, trials: 200 });
    expect(test.z).toBeCloseTo(-2.3094, 4);
    expect(test.pValue).toBeCloseTo(0.0209, 4);
  });

  it("z² equals Pearson's χ² of the 2×2 table, Σ (O − E)²/E, computed independently", () => {
    const cases: [number, number, number, number][] = [[45, 50, 30, 50], [40, 200, 60, 200], [140, 200, 255, 340], [28, 254, 36, 301], [3, 7, 9, 11]];
    for (const [s1, n1, s2, n2] of cases) {
      const total = n1 + n2;
      const successes = s1 + s2;
      const observed = [s1, n1 - s1, s2, n2 - s2];
      const expected = [(n1 * successes) / total, (n1 * (total - successes)) / total, (n2 * successes) / total, (n2 * (total - successes)) / total];
      const chiSquare = observed.reduce((sum, o, k) => sum + (o - expected[k]!) ** 2 / expected[k]!, 0);
      const { z } = twoProportionZTest({ successes: s1, trials: n1 }, { successes: s2, trials: n2 });
      expect(z! ** 2).toBeCloseTo(chiSquare, 10);
    }
  });

  it("symmetry: swapping the groups flips the sign of z, keeps the p-value", () => {
    const ab = twoProportionZTest({ successes: 7, trials: 12 }, { successes: 3, trials: 11 });
    const ba = twoProportionZTest({ successes: 3, trials: 11 }, { successes: 7, trials: 12 });
    expect(ba.z).toBe(-ab.z!);
    expect(ba.pValue).toBe(ab.pValue);
  });

  it("null where undefined: an empty group, or no variance (all retained in both)", () => {
    expect(twoProportionZTest({ successes: 0, trials: 0 }, { successes: 1, trials: 2 })).toEqual({ difference: null, z: null, pValue: null });
    expect(twoProportionZTest({ successes: 3, trials: 3 }, { successes: 5, trials: 5 })).toEqual({ difference: 0, z: null, pValue: null });
  });

  it("rejects bad counts with paths", () => {
    expect((caught(() => twoProportionZTest({ successes: 3, trials: 2 }, { successes: 1, trials: 2 })) as ValidationError).issues).toEqual([
      { path: "a.successes", message: "must be at most trials (2, got 3)" },
    ]);
    expect((caught(() => loosely(twoProportionZTest)({ successes: 1, trials: 2 }, null)) as ValidationError).issues[0]!.path).toBe("b");
    expect((caught(() => loosely(twoProportionZTest)({ successes: 1, trials: 2 }, { successes: 1, trials: 2.5 })) as ValidationError).issues[0]!.path).toBe("b.trials");
  });
});
