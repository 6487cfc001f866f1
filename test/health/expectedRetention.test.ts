import { describe, expect, it } from "vitest";
import { ValidationError, expectedRetention, renewalRateByBand } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { fraction } from "../support/fraction.js";
import { deepFreeze } from "./fixtures.js";

describe("renewalRateByBand and expectedRetention (見込み継続率)", () => {
  // history: good 9 of 10 renewed, normal 2 of 3, bad 1 of 4
  const history = deepFreeze([
    ...Array.from({ length: 10 }, (_, k) => ({ customerId: `g${k}`, band: "good" as const, renewed: k < 9 })),
    ...Array.from({ length: 3 }, (_, k) => ({ customerId: `n${k}`, band: "normal" as const, renewed: k < 2 })),
    ...Array.from({ length: 4 }, (_, k) => ({ customerId: `b${k}`, band: "bad" as const, renewed: k < 1 })),
  ]);

  it("computes each band's historical renewal rate", () => {
    const rates = renewalRateByBand(history);
    expect(rates.good?.equals("0.9")).toBe(true);
    expect(rates.normal?.equals(fraction(2, 3))).toBe(true);
    expect(rates.bad?.equals("0.25")).toBe(true);
    expect(rates.counts).toEqual({ good: { renewed: 9, total: 10 }, normal: { renewed: 2, total: 3 }, bad: { renewed: 1, total: 4 } });
    expect(renewalRateByBand([]).good).toBeNull();
  });

  it("applies them to today's bands", () => {
    // today: 4 good, 0 normal, 2 bad, 1 unscored → expected = 4·0.9 + 2·0.25 = 4.1; rate = 4.1/6
    const today = deepFreeze([
      ...Array.from({ length: 4 }, () => ({ band: "good" as const })),
      { band: "bad" as const },
      { band: "bad" as const },
      { band: null },
    ]);
    const result = expectedRetention(today, renewalRateByBand(history));
    expect(result.expectedRenewals?.equals("4.1")).toBe(true);
    expect(result.rate?.equals(fraction(41, 60))).toBe(true);
    expect([result.customers, result.unscored, result.byBand]).toEqual([6, 1, { good: 4, normal: 0, bad: 2 }]);
  });

  it("returns null when a band in use has no historical rate, or there is nobody to score", () => {
    expect(expectedRetention([{ band: "normal" }], { good: 1, normal: null, bad: 0 }).rate).toBeNull();
    // a band without a rate but without customers today does not matter
    expect(expectedRetention([{ band: "good" }], { good: "0.8", normal: null, bad: null }).rate?.equals("0.8")).toBe(true);
    const empty = expectedRetention([], { good: 1, normal: 1, bad: 1 });
    expect([empty.rate, empty.expectedRenewals?.isZero()]).toEqual([null, true]);
  });

  it("validates records and rates", () => {
    const records = caught(() => renewalRateByBand([{ customerId: "a", band: "great", renewed: "yes" } as never]));
    expect((records as ValidationError).issues).toEqual([
      { path: "history[0].band", message: 'must be "good", "normal" or "bad" (got "great")' },
      { path: "history[0].renewed", message: 'must be true or false (got "yes")' },
    ]);
    const rates = caught(() => expectedRetention([], { good: 1.2, normal: null, bad: "x" }));
    expect((rates as ValidationError).issues.map((issue) => issue.path)).toEqual(["renewalRateByBand.good", "renewalRateByBand.bad"]);
  });

  it("validates the current bands: an array of results whose band is good, normal, bad or null", () => {
    const rates = { good: 1, normal: 1, bad: 1 };
    const notArray = caught(() => expectedRetention({ band: "good" } as never, rates));
    expect(notArray).toBeInstanceOf(ValidationError);
    expect((notArray as ValidationError).issues.map((issue) => issue.path)).toEqual(["currentBands"]);
    const entries = caught(() => expectedRetention([{ band: "good" }, null, { band: "great" }, {}] as never, rates));
    expect((entries as ValidationError).issues.map((issue) => issue.path)).toEqual(["currentBands[1].band", "currentBands[2].band", "currentBands[3].band"]);
  });
});
