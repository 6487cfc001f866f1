/**
 * The chart specs compile: each one, built from the bundled sample data, goes through vega-lite's
 * compiler and vega's parser, and renders to SVG headlessly with the expected marks and labels.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as vega from "vega";
import * as vegaLite from "vega-lite";
import { describe, expect, it } from "vitest";
import {
  type VegaLiteSpec,
  bandDistributionChart,
  cohortRetentionChart,
  concentrationCurveChart,
  mrrBridgeChart,
  mrrMovementsChart,
  mrrBridgeSteps,
  priorityQuadrantChart,
} from "../../src/charts/index.js";
import {
  cohortRetention,
  contractBook,
  customerConcentration,
  fiscalYear,
  goodMinusBad,
  priorityQuadrant,
  revenueReport,
  revenueSeries,
  scoreCustomers,
  type ContractInput,
  type ScorecardInput,
  type UsageSnapshotInput,
} from "../../src/index.js";

const ROOT = join(import.meta.dirname, "..", "..");
const read = <T>(name: string): T => JSON.parse(readFileSync(join(ROOT, "examples", "data", name), "utf8")) as T;

const book = contractBook(read<ContractInput[]>("contracts.json"));
const fy2025 = fiscalYear(2025, { startMonth: 4 });
const history = read<UsageSnapshotInput[]>("usage-history.json");
const scorecard = read<ScorecardInput>("scorecard.json");
const quadrantOptions = { asOf: "2026-02-28", deploymentThreshold: 0.5, utilizationThreshold: 0.5, contactWithinDays: 30 };

/** Compiles with vega-lite, parses with vega, renders to SVG without a browser. */
async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const compiled = vegaLite.compile(spec as unknown as vegaLite.TopLevelSpec);
  const view = new vega.View(vega.parse(compiled.spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function values(spec: VegaLiteSpec): Record<string, unknown>[] {
  return (spec.data as { values: Record<string, unknown>[] }).values;
}

describe("MRR bridge", () => {
  const movements = revenueReport(book, fy2025).movements;

  it("steps chain exactly from starting to ending MRR (sample data, FY2025)", () => {
    // 1,620,000 +250,000 → 1,870,000 +110,000 → 1,980,000 +100,000 → 2,080,000 −200,000 → 1,880,000 −290,000 → 1,590,000
    expect(mrrBridgeSteps(movements).map((step) => [step.step, step.from.toString(), step.to.toString()])).toEqual([
      ["starting MRR", "0", "1620000"],
      ["new", "1620000", "1870000"],
      ["expansion", "1870000", "1980000"],
      ["reactivation", "1980000", "2080000"],
      ["contraction", "2080000", "1880000"],
      ["churn", "1880000", "1590000"],
      ["ending MRR", "0", "1590000"],
    ]);
  });

  it("compiles and renders", async () => {
    const svg = await renderSvg(mrrBridgeChart(movements));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("MRR bridge");
    expect(svg).toContain("reactivation");
    expect(svg.match(/<path[^>]*aria-roledescription="bar"/g)?.length).toBe(7);
  });
});

describe("cohort retention heat map", () => {
  it("compiles and renders one cell per cohort month with retention", async () => {
    const retention = cohortRetention(book, fy2025);
    const spec = cohortRetentionChart(retention);
    // Cohorts starting in FY2025: nagoya (2025-05, 11 months), shinsei (2025-06, 10 months); fuji
    // first paid in 2023, so it is no cohort of this period.
    expect([...new Set(values(spec).map((value) => value.cohort))]).toEqual(["2025-05", "2025-06"]);
    expect(values(spec)).toHaveLength(11 + 10);
    // shinsei-edu ends 2025-12-01: 100% for June–November (months 0–5), then 0%.
    expect(values(spec).filter((value) => value.cohort === "2025-06").map((value) => value.label)).toEqual([
      ...Array(6).fill("100.0%"),
      ...Array(4).fill("0.0%"),
    ]);
    const svg = await renderSvg(spec);
    expect(svg).toContain("months since start");
    expect(svg).toContain("2025-06");
  });
});

describe("priority quadrant", () => {
  it("colours by recent contact and compiles", async () => {
    const ranked = priorityQuadrant(history, quadrantOptions);
    const spec = priorityQuadrantChart(ranked, quadrantOptions);
    // aozora: 展開率 200/500 = 40%, 活用率 60/200 = 30%, last contact 54 days before → red, priority 1.
    expect(values(spec)[0]).toEqual({
      customerId: "aozora-bank",
      priority: 1,
      quadrant: "low-low",
      deployment: 40,
      utilization: 30,
      contact: "not contacted",
      label: "1 aozora-bank",
      labelled: true,
    });
    const layers = spec.layer as { encoding: { x?: { scale?: { domain: number[] } }; y?: { scale?: { domain: number[] } } } }[];
    expect(layers[2]?.encoding.x?.scale?.domain).toEqual([0, 100]);
    // 120 provisioned of 100 licensed: 展開率 120%, so the y axis reaches 120.
    const over = priorityQuadrant([{ customerId: "x", at: "2026-02-28", licensedSeats: 100, provisionedUsers: 120, activeUsers: 60 }], quadrantOptions);
    const overLayers = priorityQuadrantChart(over).layer as typeof layers;
    expect(overLayers[2]?.encoding.y?.scale?.domain).toEqual([0, 120]);
    const svg = await renderSvg(spec);
    expect(svg).toContain("展開率");
    expect(svg).toContain("活用率");
    expect(svg).toContain('fill="#d1453b"'); // red: not contacted
    expect(svg).toContain('fill="#1f6fd1"'); // blue: contacted
  });
});

describe("health band distribution", () => {
  it("stacks the bands and draws Good−Bad, and compiles", async () => {
    const points = ["2025-12-31", "2026-01-31", "2026-02-28"].map((asOf) => ({
      label: asOf.slice(0, 7),
      bands: goodMinusBad(scoreCustomers(history, scorecard, { asOf })),
    }));
    const spec = bandDistributionChart(points);
    // Hand-scored (see test/cli/report.test.ts for February): December 3 Good / 1 Normal / 3 Bad
    // (nagoya 28.6, Bad) → 0; January nagoya 60.9 (Normal) → 3/2/2 → +100/7; February nagoya 77.9 (Good)
    // → 4/1/2 → +200/7.
    const good = values(spec).filter((value) => value.band === "Good");
    expect(good.map((value) => value.customers)).toEqual([3, 3, 4]);
    expect(good.map((value) => value.goodMinusBad)).toEqual([0, 100 / 7, 200 / 7]);
    const svg = await renderSvg(spec);
    expect(svg).toContain("Good−Bad (points)");
    expect(svg.match(/aria-roledescription="bar"/g)?.length).toBe(9);
  });
});

describe("MRR movements series", () => {
  it("stacks each month's movements (losses below zero) under the ending-MRR line (sample data, FY2025)", async () => {
    const spec = mrrMovementsChart(revenueSeries(book, fy2025));
    const [bars, line] = spec.layer as { data: { values: Record<string, unknown>[] } }[];
    // By hand: Apr hokuto +50,000 (expansion); May nagoya +250,000 (new); Jun shinsei +60,000 (new), osaka
    // +30,000 (expansion); Jul sakura −200,000 (churn); Aug fuji +100,000 (reactivation); Sep aozora −200,000
    // (contraction); Oct minato +30,000; Nov nothing; Dec shinsei −60,000; Jan kawasaki −90,000; Feb–Mar nothing.
    expect(bars?.data.values.map((v) => [v.step, v.movement, v.amount])).toEqual([
      ["2025-04", "expansion", 50_000],
      ["2025-05", "new", 250_000],
      ["2025-06", "new", 60_000],
      ["2025-06", "expansion", 30_000],
      ["2025-07", "churn", -200_000],
      ["2025-08", "reactivation", 100_000],
      ["2025-09", "contraction", -200_000],
      ["2025-10", "expansion", 30_000],
      ["2025-12", "churn", -60_000],
      ["2026-01", "churn", -90_000],
    ]);
    expect(bars?.data.values[4]?.label).toBe("−¥200,000");
    // 1,620,000 + 50,000 = 1,670,000; + 250,000; + 90,000; − 200,000; + 100,000; − 200,000; + 30,000; 0; − 60,000; − 90,000; 0; 0.
    expect(line?.data.values.map((v) => v.mrr)).toEqual([1_670_000, 1_920_000, 2_010_000, 1_810_000, 1_910_000, 1_710_000, 1_740_000, 1_740_000, 1_680_000, 1_590_000, 1_590_000, 1_590_000]);
    const svg = await renderSvg(spec);
    expect(svg).toContain("MRR movements");
    expect(svg.match(/aria-roledescription="bar"/g)?.length).toBe(10);
    expect(svg).toContain("MRR (JPY)");
  });

  it("names unlabelled steps by their start day", () => {
    const series = revenueSeries(book, { start: "2025-04-01", end: "2025-06-01" });
    const unlabelled = { ...series, steps: series.steps.map(({ step, report }) => ({ step: { start: step.start, end: step.end }, report })) };
    const [, line] = mrrMovementsChart(unlabelled).layer as { data: { values: Record<string, unknown>[] } }[];
    expect(line?.data.values.map((v) => v.step)).toEqual(["2025-04-01", "2025-05-01"]);
  });

  it("rejects what is not a series", () => {
    expect(() => mrrMovementsChart({} as never)).toThrow(/series\.steps: must be an array of steps of revenueSeries/);
  });
});

describe("concentration curve", () => {
  it("starts at the origin and climbs to 100% through the ranked customers (sample data, 2026-03-31)", async () => {
    const spec = concentrationCurveChart(customerConcentration(book, "2026-03-31"));
    const [curve, diagonal] = spec.layer as { data: { values: Record<string, unknown>[] } }[];
    // 7 paying customers: x = k/7 × 100; y: aozora 400,000 of 1,590,000 = 25.157…%, …, all 7 = 100%.
    expect(curve?.data.values.map((v) => v.customerId)).toEqual(["", "aozora-bank", "tohoku-energy", "hokuto-logistics", "nagoya-motors", "minato-clinic", "osaka-media", "fuji-retail"]);
    expect(curve?.data.values[1]?.mrr).toBeCloseTo((400_000 / 1_590_000) * 100, 10);
    expect(curve?.data.values[7]).toMatchObject({ customers: 100, mrr: 100 });
    expect(diagonal?.data.values).toEqual([{ customers: 0, mrr: 0 }, { customers: 100, mrr: 100 }]);
    // Herfindahl 429,500 / 2,528,100 = 0.16989… → "0.1699" in the subtitle.
    expect((spec.title as { subtitle: string }).subtitle).toBe("2026-03-31 · 7 customers · Herfindahl 0.1699");
    const svg = await renderSvg(spec);
    expect(svg).toContain("% of MRR");
    expect(svg).toContain("Customer concentration");
  });

  it("draws an empty book with a dash for the index, and rejects what is not a concentration", () => {
    const spec = concentrationCurveChart(customerConcentration([], "2026-03-31"), { title: "none", width: 200, height: 100 });
    expect((spec.title as { text: string; subtitle: string })).toEqual({ text: "none", subtitle: "2026-03-31 · 0 customers · Herfindahl –" });
    expect([spec.width, spec.height]).toEqual([200, 100]);
    expect(() => concentrationCurveChart(null as never)).toThrow(/concentration: must be a customerConcentration\(…\) result \(got null\)/);
  });
});

describe("packaging of the charts", () => {
  it("keeps vega out of the library: only cs-metrics/review's chartSvg imports it, lazily", () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
      );
    const importers = (pattern: RegExp) => sources(join(ROOT, "src")).filter((file) => pattern.test(readFileSync(file, "utf8")));
    // No static import anywhere; the one dynamic import is in the html page's chart renderer.
    expect(importers(/from\s+["']vega(-lite)?["']/)).toEqual([]);
    expect(importers(/import\(["']vega/)).toEqual([join(ROOT, "src", "review", "chartSvg.ts")]);
  });

  it("specs are plain JSON", () => {
    const spec = mrrBridgeChart(revenueReport(book, fy2025).movements);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });
});
