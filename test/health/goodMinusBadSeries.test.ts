/**
 * goodMinusBadSeries: TOWN's weekly Good−Bad index, worked by hand, on the sample and at the edges.
 */
import { describe, expect, it } from "vitest";
import { InvalidPeriodError, ValidationError, goodMinusBadSeries, month, quarter } from "../../src/index.js";
import history from "../../examples/data/usage-history.json" with { type: "json" };
import scorecard from "../../examples/data/scorecard.json" with { type: "json" };
import sample from "../../examples/data/contracts.json" with { type: "json" };
import type { ContractInput, ScorecardInput } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { deepFreeze } from "../support/deepFreeze.js";

// Score = logins (linear 0 → 0 points, 100 → 100 points); Good ≥ 70, Bad < 40.
const LOGINS: ScorecardInput = { measures: [{ metric: "logins", weight: 1, scale: { type: "linear", worst: 0, best: 100 } }], bands: { good: 70, bad: 40 } };
const snap = (customerId: string, at: string, logins: number) => ({ customerId, at, metrics: { logins } });

describe("goodMinusBadSeries: a TOWN-style weekly review", () => {
  // Five customers scored weekly in January 2026 (ISO weeks W02 = Jan 5–11, W03 = Jan 12–18, W04 = Jan 19–25).
  const snapshots = deepFreeze([
    snap("a", "2026-01-05", 90), snap("b", "2026-01-05", 75), snap("c", "2026-01-05", 50), snap("d", "2026-01-05", 30), snap("e", "2026-01-05", 20),
    snap("d", "2026-01-14", 72), // d: Bad → Good in W03
    snap("e", "2026-01-20", 45), snap("a", "2026-01-25", 60), // W04: e Bad → Normal, a Good → Normal (on the week's last day)
    snap("c", "2026-01-26", 10), // W05, after the period: not seen
  ]);
  const series = goodMinusBadSeries(snapshots, LOGINS, { period: { start: "2026-01-05", end: "2026-01-26" }, every: "week" });

  it("weekly steps by ISO week, each scored on its Sunday", () => {
    expect(series.every).toBe("week");
    expect(series.steps.map((s) => [s.label, s.start, s.end, s.asOf])).toEqual([
      ["2026-W02", "2026-01-05", "2026-01-12", "2026-01-11"],
      ["2026-W03", "2026-01-12", "2026-01-19", "2026-01-18"],
      ["2026-W04", "2026-01-19", "2026-01-26", "2026-01-25"],
    ]);
  });

  it("band counts and the index: W02 2G 1N 2B → 0; W03 3G 1N 1B → +40; W04 2G 3N 0B → +40", () => {
    // W02: good a, b; normal c; bad d, e → (2 − 2)/5 = 0.
    // W03: d becomes good → good a, b, d; normal c; bad e → 100·(3 − 1)/5 = +40.
    // W04: a 60 (normal), e 45 (normal) → good b, d; normal a, c, e; bad none → 100·(2 − 0)/5 = +40.
    expect(series.steps.map((s) => [s.bands.good, s.bands.normal, s.bands.bad, s.bands.index?.toString()])).toEqual([
      [2, 1, 2, "0"],
      [3, 1, 1, "40"],
      [2, 3, 0, "40"],
    ]);
    expect(series.steps[2]!.bands.normalPct?.toString()).toBe("60");
  });

  it("ISO weeks across a year end: 2025-12-29 … 2026-01-04 is 2026-W01; 2020-12-31 is in 2020-W53; a cut first week", () => {
    const yearEnd = goodMinusBadSeries([], LOGINS, { period: { start: "2025-12-24", end: "2026-01-06" } });
    expect(yearEnd.steps.map((s) => [s.label, s.start, s.end])).toEqual([
      ["2025-W52", "2025-12-24", "2025-12-29"],
      ["2026-W01", "2025-12-29", "2026-01-05"],
      ["2026-W02", "2026-01-05", "2026-01-06"],
    ]);
    expect(yearEnd.steps[0]!.bands.index).toBeNull();
    const w53 = goodMinusBadSeries([], LOGINS, { period: { start: "2020-12-31", end: "2021-01-01" } });
    expect(w53.steps.map((s) => s.label)).toEqual(["2020-W53"]);
  });
});

describe("goodMinusBadSeries on the sample usage history", () => {
  it("weekly over 2025-12-29 … 2026-03-01: 0 until nagoya-motors turns Normal (W05, +14.29), then Good (W09, +28.57)", () => {
    const series = goodMinusBadSeries(history, scorecard as ScorecardInput, { period: { start: "2025-12-29", end: "2026-03-02" } });
    // 7 customers; Good fuji-retail, hokuto-logistics, tohoku-energy; Normal minato-clinic; Bad aozora-bank, osaka-media
    // and nagoya-motors (28.57 on 2025-12-31) → 100·(3 − 3)/7 = 0. nagoya 60.90 on 2026-01-31 (Normal, seen from W05,
    // whose Sunday is 2026-02-01) → 100·(3 − 2)/7 = 14.2857…; 77.90 on 2026-02-28 (Good, W09, Sunday 2026-03-01) → 100·2/7.
    expect(series.steps.map((s) => `${s.label} ${s.bands.index?.toDecimalPlaces(2).toString()}`)).toEqual([
      "2026-W01 0", "2026-W02 0", "2026-W03 0", "2026-W04 0", "2026-W05 14.29", "2026-W06 14.29", "2026-W07 14.29", "2026-W08 14.29", "2026-W09 28.57",
    ]);
  });

  it("monthly, counting only paying customers (activeIn): the sample's customers all pay in Jan–Feb 2026", () => {
    const series = goodMinusBadSeries(history, scorecard as ScorecardInput, { period: quarter(2026, 1), every: "month", activeIn: sample as ContractInput[] });
    expect(series.steps.map((s) => [s.label, s.asOf, s.bands.total, s.bands.index?.toDecimalPlaces(2).toString()])).toEqual([
      ["2026-01", "2026-01-31", 7, "14.29"],
      ["2026-02", "2026-02-28", 7, "28.57"],
      ["2026-03", "2026-03-31", 7, "28.57"],
    ]);
    const cut = goodMinusBadSeries(history, scorecard as ScorecardInput, { period: { start: "2026-01-10", end: "2026-02-15" }, every: "month" });
    expect(cut.steps.map((s) => [s.label, s.start, s.end, s.asOf])).toEqual([
      ["2026-01", "2026-01-10", "2026-02-01", "2026-01-31"],
      ["2026-02", "2026-02-01", "2026-02-15", "2026-02-14"],
    ]);
  });

  it("rejects bad options with paths", () => {
    const loose = goodMinusBadSeries as unknown as (...args: unknown[]) => unknown;
    expect((caught(() => loose(history, scorecard, undefined)) as ValidationError).issues[0]!.path).toBe("options");
    expect((caught(() => loose(history, scorecard, { period: month(2026, 1), every: "day" })) as ValidationError).issues[0]).toEqual({
      path: "options.every",
      message: 'must be "week" or "month" (got "day")',
    });
    expect(caught(() => loose(history, scorecard, { period: { start: "2026-02-01", end: "2026-01-01" } }))).toBeInstanceOf(InvalidPeriodError);
    expect((caught(() => loose([{ customerId: "a", at: "x" }], scorecard, { period: month(2026, 1) })) as ValidationError).issues[0]!.path).toBe("snapshots[0].at");
    expect((caught(() => loose(history, scorecard, { period: month(2026, 1), activeIn: 3 })) as ValidationError).issues[0]!.path).toBe("options.activeIn");
  });
});
