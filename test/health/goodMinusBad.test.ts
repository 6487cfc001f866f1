import { describe, expect, it } from "vitest";
import { type HealthBand, goodMinusBad } from "../../src/index.js";
import { EMPTY_BAND_TALLY, goodMinusBadOfTally, tallyBands } from "../../src/health/goodMinusBad.js";
import { fraction } from "../support/fraction.js";
import { deepFreeze } from "./fixtures.js";

function results(counts: Partial<Record<HealthBand | "null", number>>): { band: HealthBand | null }[] {
  const out: { band: HealthBand | null }[] = [];
  for (const [band, count] of Object.entries(counts)) for (let k = 0; k < count; k++) out.push({ band: band === "null" ? null : (band as HealthBand) });
  return out;
}

describe("goodMinusBad (DOMAIN.md §5)", () => {
  it("50 Good, 30 Normal, 20 Bad → 50% − 20% = +30 points", () => {
    const result = goodMinusBad(deepFreeze(results({ good: 50, normal: 30, bad: 20 })));
    expect([result.good, result.normal, result.bad, result.total, result.unscored]).toEqual([50, 30, 20, 100, 0]);
    expect(result.goodPct?.equals(50)).toBe(true);
    expect(result.normalPct?.equals(30)).toBe(true);
    expect(result.badPct?.equals(20)).toBe(true);
    expect(result.index?.equals(30)).toBe(true);
  });

  it("divides exactly: 1 Good, 1 Normal, 1 Bad → 33.3…% each, index 0; 0 Good, 1 Normal, 2 Bad → −66.6…", () => {
    const even = goodMinusBad(results({ good: 1, normal: 1, bad: 1 }));
    expect(even.goodPct?.equals(fraction(100, 3))).toBe(true);
    expect(even.index?.isZero()).toBe(true);
    // 100·(0 − 2)/3 = −200/3
    expect(goodMinusBad(results({ normal: 1, bad: 2 })).index?.equals(fraction(-200, 3))).toBe(true);
  });

  it("leaves unscored results (band null) out of the percentages", () => {
    // 3 good, 1 bad, 2 unscored → total 4; index = 100·(3−1)/4 = 50
    const result = goodMinusBad(results({ good: 3, bad: 1, null: 2 }));
    expect([result.total, result.unscored]).toEqual([4, 2]);
    expect(result.index?.equals(50)).toBe(true);
  });

  it("returns null percentages for an empty set", () => {
    expect(goodMinusBad([])).toEqual({ good: 0, normal: 0, bad: 0, total: 0, unscored: 0, goodPct: null, normalPct: null, badPct: null, index: null });
    expect(goodMinusBad(results({ null: 3 })).index).toBeNull();
  });

  it("is a fold over tallies: adding the tallies of two shards gives the whole", () => {
    const a = tallyBands(results({ good: 2, bad: 1 }));
    const b = tallyBands(results({ normal: 4, bad: 3, null: 1 }));
    const merged = { good: a.good + b.good, normal: a.normal + b.normal, bad: a.bad + b.bad, unscored: a.unscored + b.unscored };
    expect(goodMinusBadOfTally(merged)).toEqual(goodMinusBad([...results({ good: 2, bad: 1 }), ...results({ normal: 4, bad: 3, null: 1 })]));
    expect(tallyBands([])).toEqual(EMPTY_BAND_TALLY);
  });
});
