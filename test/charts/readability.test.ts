/**
 * The charts stay readable at real sizes: each is rendered with vega-lite + vega (headless, vega's own
 * text metrics) from seeded fixtures — the quadrant at 7, 65 and 500 customers, 36 monthly cohorts,
 * 36 months of health bands and of MRR movements, the concentration of 500 customers — and the
 * rendered scenegraph is checked: no two data labels or axis labels overlap, no label touches a
 * legend, no legend sits on the plot, and heat-map text stays inside its cell.
 *
 * Set CS_METRICS_CHART_REVIEW=<dir> to also write the SVGs there (and PNGs when `rsvg-convert` is
 * installed) for a person to look at.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type VegaLiteSpec,
  bandDistributionChart,
  cohortRetentionChart,
  concentrationCurveChart,
  mrrBridgeChart,
  mrrMovementsChart,
  priorityQuadrantChart,
} from "../../src/charts/index.js";
import { revenueReport, year } from "../../src/index.js";
import { QUADRANT_OPTIONS, bands36, cohorts36, concentration, quadrantCustomers, series36 } from "./support/fixtures.js";
import { type Rendered, collisions, overlap, render } from "./support/render.js";

const REVIEW_DIR = process.env["CS_METRICS_CHART_REVIEW"];

/** Renders, and writes the SVG (and a PNG if it can) when a review directory is set. */
async function rendered(name: string, spec: VegaLiteSpec): Promise<Rendered> {
  const result = await render(spec);
  if (REVIEW_DIR !== undefined) {
    mkdirSync(REVIEW_DIR, { recursive: true });
    const svg = join(REVIEW_DIR, `${name}.svg`);
    writeFileSync(svg, result.svg);
    try {
      execFileSync("rsvg-convert", ["-b", "white", "-o", join(REVIEW_DIR, `${name}.png`), svg]);
    } catch {
      // no rsvg-convert: the SVG is there
    }
  }
  return result;
}

/** Labels, axis labels, legends and plot of a rendered chart never cover each other. */
function expectNoCollisions(chart: Rendered): void {
  expect(collisions(chart.labels)).toEqual([]);
  for (const labels of chart.axisLabels) expect(collisions(labels)).toEqual([]);
  for (const legend of chart.legends) {
    expect(overlap(legend, chart.plot), "a legend sits on the plot").toBe(false);
    expect(chart.labels.filter((label) => overlap(label.box, legend)).map((label) => label.text)).toEqual([]);
  }
}

describe("priority quadrant at 7, 65 and 500 customers", { timeout: 60_000 }, () => {
  it.each([7, 65, 500])("%i customers: the first 10 by priority numbered, no overlaps, legends off the plot", async (count) => {
    const ranked = quadrantCustomers(count);
    expect(ranked).toHaveLength(count);
    const chart = await rendered(`quadrant-${count}`, priorityQuadrantChart(ranked, QUADRANT_OPTIONS));
    // Every one of the first min(10, count) customers gets its number on the plot, nobody else.
    const numbers = chart.labels.map((label) => Number(label.text)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: Math.min(10, count) }, (_, index) => index + 1));
    expectNoCollisions(chart);
    // Two legends: recent contact (below) and the call-first list (right), each outside the plot.
    expect(chart.legends).toHaveLength(2);
    expect(chart.svg).toContain(`1 ${ranked[0]!.customerId}`);
    // The numbers stay inside the plot area.
    for (const label of chart.labels) {
      expect(label.box.x1 >= chart.plot.x1 && label.box.x2 <= chart.plot.x2 && label.box.y1 >= chart.plot.y1 && label.box.y2 <= chart.plot.y2, label.text).toBe(true);
    }
  });

  it("labelTop 40 at 500 customers: still no overlaps (a label with no free spot is left out)", async () => {
    const chart = await rendered("quadrant-500-top40", priorityQuadrantChart(quadrantCustomers(500), { ...QUADRANT_OPTIONS, labelTop: 40 }));
    expect(chart.labels.length).toBeGreaterThanOrEqual(30);
    expectNoCollisions(chart);
  });

  it("the fixtures are the same on every run (seeded)", () => {
    const first = quadrantCustomers(65);
    expect(quadrantCustomers(65)).toEqual(first);
    expect(first.slice(0, 2).map((row) => row.customerId)).toEqual(["nagoya-foods-058", "osaka-systems-045"]);
  });
});

describe("the other charts at realistic sizes", { timeout: 60_000 }, () => {
  it("36 monthly cohorts: the heat map grows to 40 px columns, cell text fits its cell", async () => {
    const retention = cohorts36();
    expect(retention.cohorts).toHaveLength(36);
    const spec = cohortRetentionChart(retention);
    // 36 months since start (0–35) × 40 px = 1440 px; 36 cohorts × 20 px = 720 px
    expect([spec["width"], spec["height"]]).toEqual([1440, 720]);
    const chart = await rendered("cohorts-36", spec);
    // Cells of the triangle: cohort k (0-based) has 36 − k months → 36 + 35 + … + 1 = 666
    expect(chart.labels).toHaveLength(666);
    // "100.0%" (48 px by vega's estimate) does not fit 40 px: whole percents are shown
    expect(chart.labels.every((label) => /^\d+%$/.test(label.text))).toBe(true);
    for (const label of chart.labels) expect(label.box.x2 - label.box.x1).toBeLessThan(40);
    expectNoCollisions(chart);
  });

  it("a heat map squeezed into a small size drops the cell text rather than overlap it", async () => {
    const chart = await rendered("cohorts-36-small", cohortRetentionChart(cohorts36(), { width: 480, height: 320 }));
    expect(chart.labels).toEqual([]);
  });

  it("36 months of health bands: the plot widens, the legend stays right of it", async () => {
    const spec = bandDistributionChart(bands36());
    // 36 points × 24 px = 864 px
    expect(spec["width"]).toBe(864);
    expectNoCollisions(await rendered("bands-36", spec));
  });

  it("the MRR bridge: legend-free, all seven bars", async () => {
    const report = revenueReport(
      [
        { id: "1", customerId: "a", start: "2024-01-01", amount: 1_200_000, currency: "JPY" },
        { id: "2", customerId: "b", start: "2024-01-01", end: "2025-05-01", amount: 400_000, currency: "JPY" },
        { id: "3", customerId: "c", start: "2025-02-01", amount: 250_000, currency: "JPY" },
      ],
      year(2025),
    );
    const chart = await rendered("mrr-bridge", mrrBridgeChart(report.movements));
    expect(chart.legends).toEqual([]);
    expect(chart.svg.match(/aria-roledescription="bar"/g)).toHaveLength(7);
  });

  it("36 monthly MRR movement steps: the plot widens, axis labels thin out instead of overlapping", async () => {
    const series = series36();
    expect(series.steps).toHaveLength(36);
    const spec = mrrMovementsChart(series);
    // 36 steps × 24 px = 864 px
    expect(spec["width"]).toBe(864);
    const chart = await rendered("mrr-movements-36", spec);
    const months = chart.axisLabels.find((labels) => labels.some((label) => label.text === "2023-01"));
    // "2023-01" is about 7 × 0.8 × 10 px = 56 px by vega's estimate, so at most every third month shows.
    expect(months!.length).toBeGreaterThan(5);
    expect(months!.length).toBeLessThan(36);
    expectNoCollisions(chart);
  });

  it("500 customers' concentration: one curve, no overlapping labels, the subtitle names the count", async () => {
    const result = concentration(500);
    expect(result.customers).toBe(500);
    const spec = concentrationCurveChart(result);
    // 480 px / 500 customers < 8 px: no visible dots (they would merge into a band), transparent ones for tooltips
    expect((spec["layer"] as { mark: { point: unknown } }[])[0]?.mark.point).toBe("transparent");
    const chart = await rendered("concentration-500", spec);
    expect(chart.svg).toContain("500 customers");
    expectNoCollisions(chart);
  });
});
