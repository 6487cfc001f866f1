/**
 * interventionEffect worked by hand on the sample usage history, and its edges.
 */
import { describe, expect, it } from "vitest";
import { ValidationError, interventionEffect } from "../../src/index.js";
import history from "../../examples/data/usage-history.json" with { type: "json" };
import { caught } from "../support/caught.js";
import { deepFreeze } from "../support/deepFreeze.js";

// 活用率 (utilization) = activeUsers / provisionedUsers of every snapshot (2025-12-31, 2026-01-31, 2026-02-28).
const utilization = deepFreeze(history.map((s) => ({ customerId: s.customerId, date: s.at, value: s.activeUsers / s.provisionedUsers })));

describe("interventionEffect on the sample", () => {
  it("nagoya-motors and osaka-media supported from 2026-01-15: effect +0.25, interval [0, 0.5]", () => {
    // Windows: before [2025-12-16, 2026-01-15) holds 12-31; after [2026-01-15, 2026-03-01) holds 01-31 and 02-28.
    // nagoya: before 10/40 = 0.25, after (25/40 + 35/40)/2 = 0.75 → +0.5; osaka 5/15 throughout → 0;
    // treated mean +0.25. The 5 others are flat → control mean 0. Effect = 0.25 − 0 = 0.25.
    // Bootstrap: resampling the 2 treated changes {0.5, 0} gives means 0, 0.25 or 0.5 (¼, ½, ¼), controls
    // always 0, so the 2.5% and 97.5% quantiles of 2000 resamples are 0 and 0.5.
    const result = interventionEffect(utilization, { treated: ["nagoya-motors", "osaka-media"], at: "2026-01-15", before: 30, after: 45, seed: 42 });
    expect(result.effect).toBe(0.25);
    expect(result.treated).toEqual({ customers: 2, excluded: 0, meanChange: 0.25 });
    expect(result.control).toEqual({ customers: 5, excluded: 0, meanChange: 0 });
    expect(result.interval).toEqual({ lower: 0, upper: 0.5 });
    expect(result.windows).toEqual({ before: { from: "2025-12-16", to: "2026-01-15" }, after: { from: "2026-01-15", to: "2026-03-01" } });
    expect([result.resamples, result.seed]).toEqual([2000, 42]);
  });

  it("defaults: 30-day windows, seed 0, 2000 resamples; customers without a value in a window are excluded", () => {
    // after [2026-01-15, 2026-02-14) holds only 01-31: nagoya 25/40 − 10/40 = +0.375
    const result = interventionEffect(utilization, { treated: new Set(["nagoya-motors", "unknown"]), at: "2026-01-15" });
    expect(result.effect).toBe(0.375);
    expect(result.treated).toEqual({ customers: 1, excluded: 1, meanChange: 0.375 });
    expect(result.interval).toEqual({ lower: 0.375, upper: 0.375 });
    expect([result.resamples, result.seed]).toEqual([2000, 0]);
    const late = interventionEffect(utilization, { treated: ["nagoya-motors"], at: "2026-02-20", before: 10, after: 10 });
    expect(late.treated).toEqual({ customers: 0, excluded: 1, meanChange: null });
    expect(late.control.excluded).toBe(6);
    expect([late.effect, late.interval]).toEqual([null, null]);
  });

  it("values are read as the decimals they print as: 0.1 and 0.2 change by exactly 0.1", () => {
    const values = [
      { customerId: "t", date: "2025-01-01", value: 0.1 },
      { customerId: "t", date: "2025-02-01", value: 0.2 },
      { customerId: "c", date: "2025-01-01", value: 0.3 },
      { customerId: "c", date: "2025-02-01", value: 0.3 },
    ];
    expect(interventionEffect(values, { treated: ["t"], at: "2025-01-15" }).effect).toBe(0.1);
  });

  it("rejects bad values and options with paths", () => {
    const loose = interventionEffect as unknown as (...args: unknown[]) => unknown;
    expect((caught(() => loose("x", { treated: [], at: "2025-01-01" })) as ValidationError).issues[0]!.path).toBe("values");
    const bad = caught(() => loose([{ customerId: "a", date: "2025-02-30", value: Number.NaN }], { treated: [], at: "2025-01-01" })) as ValidationError;
    expect(bad.issues.map((i) => i.path)).toEqual(["values[0].date", "values[0].value"]);
    expect((caught(() => loose([], undefined)) as ValidationError).issues[0]!.path).toBe("options");
    expect((caught(() => loose([], null)) as ValidationError).issues[0]!.path).toBe("options");
    expect((caught(() => loose([], { treated: "a", at: "2025-01-01" })) as ValidationError).issues[0]!.path).toBe("options.treated");
    expect((caught(() => loose([], { treated: new Set([1]), at: "2025-01-01" })) as ValidationError).issues[0]!.path).toBe("options.treated");
    expect((caught(() => loose([], { treated: [], at: "2025-13-01" })) as ValidationError).issues[0]!.path).toBe("options.at");
    expect((caught(() => loose([], { treated: [], at: "2025-01-01", seed: -1 })) as ValidationError).issues[0]!.path).toBe("options.seed");
    expect((caught(() => loose([], { treated: [], at: "2025-01-01", resamples: 10 })) as ValidationError).issues[0]!.path).toBe("options.resamples");
    expect((caught(() => loose([], { treated: [], at: "2025-01-01", before: 0 })) as ValidationError).issues[0]!.path).toBe("options.before");
  });
});
