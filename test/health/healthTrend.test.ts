import { describe, expect, it } from "vitest";
import { ValidationError, healthTrend } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { deepFreeze } from "./fixtures.js";

const point = (at: string, score: number | null) => ({ customerId: "acme", at, score });

describe("healthTrend", () => {
  it("fits the least-squares slope per 30 days over the last `window` points", () => {
    // Last 3 points: x = 0, 30, 60 days (2025-03-02, 04-01, 05-01), y = 50, 56, 59.
    // n=3, Σx=90, Σy=165, Σxy=0+1680+3540=5220, Σx²=0+900+3600=4500
    // slope/day = (3·5220 − 90·165)/(3·4500 − 90²) = (15660 − 14850)/(13500 − 8100) = 810/5400 = 0.15
    // per 30 days = 4.5 > 1 → rising. The first point (90 on 2025-01-01) is outside the window.
    const history = deepFreeze([point("2025-04-01", 56), point("2025-01-01", 90), point("2025-05-01", 59), point("2025-03-02", 50)]);
    expect(healthTrend(history, { window: 3 })).toEqual({
      customerId: "acme",
      slope: 4.5,
      direction: "rising",
      points: 3,
      from: "2025-03-02",
      to: "2025-05-01",
    });
  });

  it("classifies |slope| ≤ flatThreshold as flat (default 1 point per 30 days), exactly at the boundary", () => {
    // 2 points 30 days apart, +1 point → slope exactly 1 → flat (not rising); −1.5 → falling
    expect(healthTrend([point("2025-01-01", 60), point("2025-01-31", 61)]).direction).toBe("flat");
    expect(healthTrend([point("2025-01-01", 60), point("2025-01-31", 58.5)])).toMatchObject({ slope: -1.5, direction: "falling" });
    // with flatThreshold 2, −1.5 is flat
    expect(healthTrend([point("2025-01-01", 60), point("2025-01-31", 58.5)], { flatThreshold: 2 }).direction).toBe("flat");
    // 0.1 + 0.2 style decimals stay exact: 60.1 → 60.3 over 6 days = 0.2·5 = 1.0 per 30 days → flat
    expect(healthTrend([point("2025-01-01", 60.1), point("2025-01-07", 60.3)])).toMatchObject({ slope: 1, direction: "flat" });
  });

  it("skips unscored points and returns null with fewer than 2 scored points", () => {
    expect(healthTrend([point("2025-01-01", 60), point("2025-02-01", null)])).toEqual({
      customerId: "acme", slope: null, direction: null, points: 1, from: "2025-01-01", to: "2025-01-01",
    });
    expect(healthTrend([])).toEqual({ customerId: null, slope: null, direction: null, points: 0, from: null, to: null });
  });

  it("rejects mixed customers, repeated dates and bad options", () => {
    const mixed = caught(() => healthTrend([point("2025-01-01", 1), { customerId: "other", at: "2025-01-02", score: 2 }]));
    expect((mixed as ValidationError).issues[0]?.path).toBe("history[1].customerId");
    // Found by the public-API fuzz: an id that is not a string was echoed into the result.
    const notAnId = caught(() => healthTrend([{ customerId: [[Number.NaN]] as unknown as string, at: "2025-01-01", score: null }]));
    expect((notAnId as ValidationError).issues).toEqual([
      { path: "history[0].customerId", message: "must be a non-empty string (got an array)" },
    ]);
    expect((caught(() => healthTrend([point("2025-01-01", 1), { customerId: "", at: "2025-01-02", score: 2 }])) as ValidationError).issues[0]?.path).toBe("history[1].customerId");
    const repeated = caught(() => healthTrend([point("2025-01-01", 1), point("2025-01-01", 2)]));
    expect((repeated as ValidationError).issues).toEqual([{ path: "history[1].at", message: "two scores on 2025-01-01" }]);
    expect((caught(() => healthTrend([], { window: 1 })) as ValidationError).issues[0]?.path).toBe("options.window");
    expect((caught(() => healthTrend([], { flatThreshold: -1 })) as ValidationError).issues[0]?.path).toBe("options.flatThreshold");
  });
});

describe("healthTrend: flatThreshold (found by mutation testing)", () => {
  const points = [
    { customerId: "a", at: "2025-01-31", score: 50 },
    { customerId: "a", at: "2025-02-28", score: 50 },
  ];

  it("must be a finite number ≥ 0; 0 is allowed", () => {
    for (const flatThreshold of [-1, Number.NaN, "1"]) {
      const error = caught(() => healthTrend(points, { flatThreshold: flatThreshold as number })) as ValidationError;
      expect(error.issues).toEqual([{ path: "options.flatThreshold", message: `must be a finite number ≥ 0 (got ${typeof flatThreshold === "string" ? `"${flatThreshold}"` : String(flatThreshold)})` }]);
    }
    // slope 0 with threshold 0: |0| ≤ 0 → flat
    expect(healthTrend(points, { flatThreshold: 0 }).direction).toBe("flat");
  });
});
