/**
 * goodMinusBadSeriesChart: the weekly Good−Bad series drawn as band shares and the index line.
 */
import { describe, expect, it } from "vitest";
import { ValidationError, goodMinusBadSeries, type ScorecardInput } from "../../src/index.js";
import { bandDistributionChart, goodMinusBadSeriesChart } from "../../src/charts/index.js";
import history from "../../examples/data/usage-history.json" with { type: "json" };
import scorecard from "../../examples/data/scorecard.json" with { type: "json" };
import { caught } from "../support/caught.js";

const series = goodMinusBadSeries(history, scorecard as ScorecardInput, { period: { start: "2026-01-26", end: "2026-03-02" } });
type Row = { label: string; band: string; share: number; customers: number; goodMinusBad: number };

describe("goodMinusBadSeriesChart", () => {
  it("draws each week's band shares (stacked) and the index; the sample's W09 is 4 Good, 1 Normal, 2 Bad of 7", () => {
    const spec = goodMinusBadSeriesChart(series);
    expect(spec.title).toBe("Weekly Good−Bad (週次 Good−Bad)");
    const rows = (spec.data as { values: Row[] }).values;
    expect(rows.filter((r) => r.label === "2026-W09").map((r) => [r.band, r.customers, r.share.toFixed(2), r.goodMinusBad.toFixed(2)])).toEqual([
      // 4/7 = 57.14%, 1/7 = 14.29%, 2/7 = 28.57%; index 57.14 − 28.57 = 28.57
      ["Good", 4, "57.14", "28.57"],
      ["Normal", 1, "14.29", "28.57"],
      ["Bad", 2, "28.57", "28.57"],
    ]);
    expect(new Set(rows.map((r) => r.label))).toEqual(new Set(["2026-W05", "2026-W06", "2026-W07", "2026-W08", "2026-W09"]));
  });

  it("is the band chart of the steps, from the series or its JSON round trip; monthly series get a monthly title", () => {
    const points = series.steps.map((s) => ({ label: s.label, bands: s.bands }));
    expect(goodMinusBadSeriesChart(series, { title: "x" })).toEqual(bandDistributionChart(points, { title: "x" }));
    expect(goodMinusBadSeriesChart(JSON.parse(JSON.stringify(series)))).toEqual(goodMinusBadSeriesChart(series));
    expect(goodMinusBadSeriesChart({ ...series, every: "month" }).title).toBe("Monthly Good−Bad (月次 Good−Bad)");
  });

  it("names the series in its errors", () => {
    const loose = goodMinusBadSeriesChart as unknown as (...args: unknown[]) => unknown;
    expect((caught(() => loose(null)) as ValidationError).issues[0]!.path).toBe("series");
    expect((caught(() => loose({ every: "week" })) as ValidationError).issues[0]!.path).toBe("series.steps");
    const broken = { every: "week", steps: [{ label: "w", bands: { ...series.steps[0]!.bands, good: -1 } }] };
    expect((caught(() => loose(broken)) as ValidationError).issues[0]!.path).toBe("series.steps[0].bands.good");
  });
});
