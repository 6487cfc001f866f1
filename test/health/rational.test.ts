/**
 * The health half's exact rationals (src/health/rational.ts), on the negative values the scores never
 * reach (points and scores are clamped to 0–100) but a drop below its reference and a falling trend
 * do. Expected values worked by hand.
 */
import { describe, expect, it } from "vitest";
import { roundToDecimals, toNumber } from "../../src/health/rational.js";

describe("health rationals: negative values", () => {
  it("roundToDecimals rounds a negative value half to even, by its magnitude", () => {
    // −1/8 = −0.125: halfway between −0.12 and −0.13 → the even −0.12.
    expect(roundToDecimals({ n: -1n, d: 8n }, 2)).toBe(-0.12);
    // −3/8 = −0.375: halfway → the even −0.38.
    expect(roundToDecimals({ n: -3n, d: 8n }, 2)).toBe(-0.38);
    // −2/3 = −0.6666…: → −0.666667.
    expect(roundToDecimals({ n: -2n, d: 3n }, 6)).toBe(-0.666667);
    // −1/10^9 rounds to 0 at 6 places: +0, not −0.
    expect(Object.is(roundToDecimals({ n: -1n, d: 1_000_000_000n }, 6), 0)).toBe(true);
  });

  it("toNumber keeps the sign on both paths (one division, and the 40-digit quotient for large parts)", () => {
    // −1/4 exactly.
    expect(toNumber({ n: -1n, d: 4n })).toBe(-0.25);
    // −10^30 / (2·10^30 + 1) ≈ −0.5 (to 30 digits): parts beyond 2^53, so the 40-digit decimal path.
    expect(toNumber({ n: -(10n ** 30n), d: 2n * 10n ** 30n + 1n })).toBeCloseTo(-0.5, 15);
    expect(toNumber({ n: 0n, d: 7n })).toBe(0);
  });
});
