/**
 * The chart specs as designed: for small hand-made inputs, every builder's whole Vega-Lite spec is
 * compared with the spec written out here — the data rows derived by hand (arithmetic in comments),
 * the encodings, colours, titles and defaults as the chart design fixes them. charts.test.ts checks
 * that the specs compile and render; this file checks that they say what they should (a changed axis
 * title, colour, default size or skipped row would otherwise go unnoticed).
 */
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import {
  BAND_COLORS,
  CONTACT_COLORS,
  DEFAULT_LABEL_TOP,
  VEGA_LITE_SCHEMA,
  bandDistributionChart,
  cohortRetentionChart,
  mrrBridgeChart,
  priorityQuadrantChart,
} from "../../src/charts/index.js";
import { plotNumber, plotPercent } from "../../src/charts/spec.js";
import type { CohortRetention } from "../../src/revenue/cohortRetention.js";
import type { GoodMinusBad } from "../../src/health/goodMinusBad.js";
import type { QuadrantCustomer } from "../../src/health/priorityQuadrant.js";
import { year } from "../../src/index.js";
import { smallMovements as movements } from "./support/fixtures.js";

const d = (value: Decimal.Value): Decimal => new Decimal(value);

describe("shared conversions", () => {
  it("plotNumber and plotPercent give plain numbers", () => {
    expect(plotNumber("1234.5")).toBe(1234.5);
    // 0.625 × 100 = 62.5; 0.07 × 100 = 7 exactly (as a float 0.07 * 100 would be 7.000000000000001)
    expect(plotPercent("0.625")).toBe(62.5);
    expect(plotPercent("0.07")).toBe(7);
    expect(plotPercent(d(1))).toBe(100);
  });

  it("every builder has the Vega-Lite v6 schema and the default size 480 × 320, or the size given", () => {
    expect(VEGA_LITE_SCHEMA).toBe("https://vega.github.io/schema/vega-lite/v6.json");
    const specs = [
      mrrBridgeChart(movements()),
      cohortRetentionChart(cohorts()),
      priorityQuadrantChart(quadrantRows()),
      bandDistributionChart([{ label: "x", bands: bands(1, 0, 0) }]),
    ];
    for (const spec of specs) {
      expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
      expect([spec["width"], spec["height"]]).toEqual([480, 320]);
    }
    const sized = { title: "T", width: 640, height: 200 };
    for (const spec of [
      mrrBridgeChart(movements(), sized),
      cohortRetentionChart(cohorts(), sized),
      priorityQuadrantChart(quadrantRows(), sized),
      bandDistributionChart([], sized),
    ]) {
      expect([spec["title"], spec["width"], spec["height"]]).toEqual(["T", 640, 200]);
    }
  });
});

describe("mrrBridgeChart", () => {
  it("is the waterfall of the movements: grey totals, green increases, red decreases", () => {
    expect(mrrBridgeChart(movements())).toEqual({
      $schema: VEGA_LITE_SCHEMA,
      title: "MRR bridge (MRR の増減)",
      width: 480,
      height: 320,
      data: {
        values: [
          // totals start at 0; each movement starts where the previous ended: 140 → 165 → … → 125
          { step: "starting MRR", kind: "total", from: 0, to: 140, label: "$140.00" },
          { step: "new", kind: "increase", from: 140, to: 165, label: "+$25.00" },
          { step: "expansion", kind: "increase", from: 165, to: 165, label: "+$0.00" },
          { step: "reactivation", kind: "increase", from: 165, to: 165, label: "+$0.00" },
          { step: "contraction", kind: "decrease", from: 165, to: 165, label: "−$0.00" },
          { step: "churn", kind: "decrease", from: 165, to: 125, label: "−$40.00" },
          { step: "ending MRR", kind: "total", from: 0, to: 125, label: "$125.00" },
        ],
      },
      mark: { type: "bar", tooltip: true },
      encoding: {
        x: {
          field: "step",
          type: "nominal",
          sort: ["starting MRR", "new", "expansion", "reactivation", "contraction", "churn", "ending MRR"],
          title: null,
          axis: { labelAngle: 0 },
        },
        y: { field: "from", type: "quantitative", title: "MRR (USD)" },
        y2: { field: "to" },
        color: {
          field: "kind",
          type: "nominal",
          scale: { domain: ["total", "increase", "decrease"], range: ["#7f8c8d", "#2e9e5b", "#d1453b"] },
          legend: null,
        },
        tooltip: [
          { field: "step", type: "nominal", title: "step" },
          { field: "label", type: "nominal", title: "amount" },
        ],
      },
    });
  });
});

/**
 * Two cohorts: 2025-01 (2 customers, starting MRR 80; months 0–2 at 100%, 62.5%, then no revenue
 * retention known) and 2025-02 (1 customer, 100%).
 */
function cohorts(): CohortRetention {
  const cell = (monthsSinceStart: number, month: string, active: number, mrr: number, logo: Decimal | null, revenue: Decimal | null) => ({
    monthsSinceStart,
    month,
    activeCustomers: active,
    mrr: d(mrr),
    logoRetention: logo,
    revenueRetention: revenue,
  });
  return {
    currency: "JPY",
    period: year(2025),
    cohorts: [
      {
        cohort: "2025-01",
        customers: 2,
        startingMrr: d(80),
        cells: [
          cell(0, "2025-01", 2, 80, d(1), d(1)),
          // 50 of 80 = 62.5% of revenue, 1 of 2 = 50% of logos
          cell(1, "2025-02", 1, 50, d("0.5"), d("0.625")),
          cell(2, "2025-03", 0, 0, d(0), null),
        ],
      },
      { cohort: "2025-02", customers: 1, startingMrr: d(30), cells: [cell(0, "2025-02", 1, 30, null, d(1))] },
    ],
  };
}

const heatmapLayers = (colourTitle: string) => [
  {
    mark: { type: "rect", tooltip: true },
    encoding: {
      color: { field: "retention", type: "quantitative", title: colourTitle, scale: { scheme: "blues", domainMin: 0 } },
      tooltip: [
        { field: "cohort", type: "ordinal" },
        { field: "month", type: "ordinal" },
        { field: "customers", type: "quantitative" },
        { field: "label", type: "nominal", title: "retention" },
      ],
    },
  },
  {
    mark: { type: "text", fontSize: 10 },
    encoding: {
      text: { field: "label", type: "nominal" },
      // dark cells get white text
      color: { condition: { test: "datum.retention > 60", value: "white" }, value: "black" },
    },
  },
];

describe("cohortRetentionChart", () => {
  const encoding = {
    x: { field: "monthsSinceStart", type: "ordinal", title: "months since start", axis: { labelAngle: 0, labelOverlap: "greedy" } },
    y: { field: "cohort", type: "ordinal", title: "cohort", axis: { labelOverlap: "greedy" } },
  };

  // Two columns (months 0, 1) in the default 480 px: cells 240 px wide, so the one-decimal label
  // ("100.0%": 6 × 0.8 em × 10 px = 48 px, + 6 px margin) fits and is the cell text.
  it("plots revenue retention by default, one cell per month with a known rate", () => {
    expect(cohortRetentionChart(cohorts())).toEqual({
      $schema: VEGA_LITE_SCHEMA,
      title: "Revenue retention by cohort (売上継続率)",
      width: 480,
      height: 320,
      data: {
        values: [
          // short: the whole percent, rounded half up (62.5% → 63%)
          { cohort: "2025-01", customers: 2, monthsSinceStart: 0, month: "2025-01", retention: 100, label: "100.0%", short: "100%" },
          { cohort: "2025-01", customers: 2, monthsSinceStart: 1, month: "2025-02", retention: 62.5, label: "62.5%", short: "63%" },
          // 2025-03: revenue retention null → no cell (not a 0% cell)
          { cohort: "2025-02", customers: 1, monthsSinceStart: 0, month: "2025-02", retention: 100, label: "100.0%", short: "100%" },
        ],
      },
      encoding,
      layer: heatmapLayers("retention %"),
    });
  });

  it("plots logo retention on request", () => {
    const spec = cohortRetentionChart(cohorts(), { basis: "logo" });
    expect(spec["title"]).toBe("Logo retention by cohort (継続率)");
    expect(spec["data"]).toEqual({
      values: [
        { cohort: "2025-01", customers: 2, monthsSinceStart: 0, month: "2025-01", retention: 100, label: "100.0%", short: "100%" },
        { cohort: "2025-01", customers: 2, monthsSinceStart: 1, month: "2025-02", retention: 50, label: "50.0%", short: "50%" },
        // the logo rate is known (0) where the revenue rate was not
        { cohort: "2025-01", customers: 2, monthsSinceStart: 2, month: "2025-03", retention: 0, label: "0.0%", short: "0%" },
        // 2025-02's only cell has no logo rate → no cell
      ],
    });
    expect(spec["layer"]).toEqual(heatmapLayers("retention %"));
  });
});

/** A QuadrantCustomer row as priorityQuadrant returns it. */
function quadrantRow(row: Partial<QuadrantCustomer> & Pick<QuadrantCustomer, "customerId" | "priority">): QuadrantCustomer {
  return { at: "2025-06-30", quadrant: "low-low", deploymentRate: 0.4, utilizationRate: 0.25, contactedRecently: false, lastContactAt: null, ...row };
}

function quadrantRows(): QuadrantCustomer[] {
  return [
    quadrantRow({ customerId: "b", priority: 1 }),
    // 1/3 → 33.3333 (rounded to 4 places of a percent: 33.33333… → 33.3333)
    quadrantRow({ customerId: "a", priority: 2, quadrant: "high-high", deploymentRate: 0.9, utilizationRate: 1 / 3, contactedRecently: true, lastContactAt: "2025-06-01" }),
    // a missing rate cannot be placed: left out of the plot
    quadrantRow({ customerId: "z", priority: 3, quadrant: "low-high", deploymentRate: null }),
    quadrantRow({ customerId: "y", priority: 4, utilizationRate: null }),
  ];
}

describe("priorityQuadrantChart", () => {
  const axis = (top: { x: number; y: number }) => ({
    x: { field: "utilization", type: "quantitative", title: "活用率 utilization rate (%)", scale: { domain: [0, top.x] } },
    y: { field: "deployment", type: "quantitative", title: "展開率 deployment rate (%)", scale: { domain: [0, top.y] } },
  });
  const rule = (at: number, channel: "x" | "y") => ({
    data: { values: [{ at }] },
    mark: { type: "rule", strokeDash: [4, 4], color: "#888" },
    encoding: { [channel]: { field: "at", type: "quantitative" } },
  });
  const points = (top: { x: number; y: number }) => ({
    mark: { type: "point", filled: true, size: 90, opacity: 0.9, tooltip: true },
    encoding: {
      ...axis(top),
      color: {
        field: "contact",
        type: "nominal",
        title: "recent contact",
        scale: { domain: ["contacted", "not contacted"], range: ["#1f6fd1", "#d1453b"] },
        // below the plot, never on it
        legend: { orient: "bottom", direction: "horizontal" },
      },
      tooltip: [
        { field: "priority", type: "quantitative" },
        { field: "customerId", type: "nominal", title: "customer" },
        { field: "quadrant", type: "nominal" },
        { field: "deployment", type: "quantitative", title: "展開率 %" },
        { field: "utilization", type: "quantitative", title: "活用率 %" },
        { field: "contact", type: "nominal" },
      ],
    },
  });
  const rings = (top: { x: number; y: number }, labels: string[]) => ({
    transform: [{ filter: "datum.labelled" }],
    // 2.5 × the point's area of 90 px²
    mark: { type: "point", filled: false, size: 225, color: "#222", strokeWidth: 1.5 },
    encoding: {
      ...axis(top),
      shape: {
        field: "label",
        type: "nominal",
        title: "call first (優先順位)",
        scale: { domain: labels, range: labels.map(() => "circle") },
        legend: { orient: "right", symbolFillColor: "transparent", symbolStrokeColor: "#222", labelLimit: 200, symbolLimit: labels.length },
      },
    },
  });
  const numbers = (values: { priority: number; labelX: number; labelY: number }[], top: { x: number; y: number }) => ({
    data: { values },
    mark: { type: "text", align: "center", baseline: "middle", fontSize: 10, fontWeight: "bold", color: "#111" },
    encoding: {
      x: { field: "labelX", type: "quantitative", scale: { domain: [0, top.x] } },
      y: { field: "labelY", type: "quantitative", scale: { domain: [0, top.y] } },
      text: { field: "priority", type: "quantitative" },
    },
  });

  it("plots the placed customers in percent, thresholds at 50% by default, the first ones numbered and listed", () => {
    expect(CONTACT_COLORS).toEqual({ contacted: "#1f6fd1", notContacted: "#d1453b" });
    expect(DEFAULT_LABEL_TOP).toBe(10);
    expect(priorityQuadrantChart(quadrantRows())).toEqual({
      $schema: VEGA_LITE_SCHEMA,
      title: "Priority quadrant 展開率 × 活用率",
      width: 480,
      height: 320,
      data: {
        values: [
          // 0.4 → 40, 0.25 → 25
          { customerId: "b", priority: 1, quadrant: "low-low", deployment: 40, utilization: 25, contact: "not contacted", label: "1 b", labelled: true },
          { customerId: "a", priority: 2, quadrant: "high-high", deployment: 90, utilization: 33.3333, contact: "contacted", label: "2 a", labelled: true },
        ],
      },
      layer: [
        rule(50, "x"),
        rule(50, "y"),
        points({ x: 100, y: 100 }),
        rings({ x: 100, y: 100 }, ["1 b", "2 a"]),
        // Each number right of its ring, nothing in the way. The ring's radius is √(225/π) + 1 =
        // 9.46284 px; the number's box is 0.8 em × 10 px + 2 = 10 px wide, 2 px from the ring.
        // b at 25% of 480 px = 120 px: centre 120 + 9.46284 + 2 + 5 = 136.46284 px = 28.42976% → 28.4298;
        // a at 33.3333% = 159.99984 px: centre 176.46268 px = 36.76306% → 36.7631. Same heights as the points.
        numbers(
          [
            { priority: 1, labelX: 28.4298, labelY: 40 },
            { priority: 2, labelX: 36.7631, labelY: 90 },
          ],
          { x: 100, y: 100 },
        ),
      ],
    });
  });

  it("draws the thresholds given, widens an axis past 100% only when a rate or threshold does, labels only labelTop customers", () => {
    const rows = [quadrantRow({ customerId: "w", priority: 1, deploymentRate: 1.25, utilizationRate: 0.5 })];
    const spec = priorityQuadrantChart(rows, { deploymentThreshold: 0.3, utilizationThreshold: 0.75, labelTop: 0 });
    // 0.3 × 100 = 30 (deployment, horizontal rule on y); 0.75 × 100 = 75 (utilization, vertical rule on x);
    // 展開率 125% → y axis 0–125, x stays 0–100; labelTop 0: no rings, numbers or list
    expect(spec["layer"]).toEqual([rule(75, "x"), rule(30, "y"), points({ x: 100, y: 125 })]);
    const wide = priorityQuadrantChart([quadrantRow({ customerId: "v", priority: 1, deploymentRate: 0.5, utilizationRate: 1.5 })], { utilizationThreshold: 1.6 });
    // 活用率 150%, threshold 160% → x axis 0–160
    expect((wide["layer"] as { encoding: { x?: unknown } }[])[2]?.encoding.x).toEqual(axis({ x: 160, y: 100 }).x);
    // labelTop 1 of 2: only priority 1 is labelled, whatever the input order
    const one = priorityQuadrantChart([...quadrantRows()].reverse(), { labelTop: 1 });
    expect((one["data"] as { values: { label: string; labelled: boolean }[] }).values.map((v) => [v.label, v.labelled])).toEqual([
      ["2 a", false],
      ["1 b", true],
    ]);
  });

  it("cuts ids longer than 32 characters in the list (the tooltip keeps them whole)", () => {
    const id = "x".repeat(40);
    const spec = priorityQuadrantChart([quadrantRow({ customerId: id, priority: 1 })]);
    // "1 " + 31 characters + "…"
    expect((spec["data"] as { values: { label: string; customerId: string }[] }).values[0]).toMatchObject({ label: `1 ${"x".repeat(31)}…`, customerId: id });
  });
});

/** goodMinusBad's shape for good / normal / bad counts (percentages of the scored total). */
function bands(good: number, normal: number, bad: number): GoodMinusBad {
  const total = good + normal + bad;
  const pct = (count: number) => (total === 0 ? null : d(count).times(100).dividedBy(total));
  const goodPct = pct(good);
  const badPct = pct(bad);
  return {
    good,
    normal,
    bad,
    total,
    unscored: 0,
    goodPct,
    normalPct: pct(normal),
    badPct,
    index: goodPct === null || badPct === null ? null : goodPct.minus(badPct),
  } as GoodMinusBad;
}

describe("bandDistributionChart", () => {
  it("stacks Good, Normal, Bad shares per point with the Good−Bad line on its own axis; skips empty points", () => {
    expect(BAND_COLORS).toEqual({ Good: "#2e9e5b", Normal: "#e0a526", Bad: "#d1453b" });
    const spec = bandDistributionChart([
      // 2 / 1 / 1 of 4: 50%, 25%, 25%; Good−Bad 50 − 25 = +25
      { label: "2025-05", bands: bands(2, 1, 1) },
      // nobody scored: no bar, no line point
      { label: "2025-06", bands: bands(0, 0, 0) },
      // 1 / 0 / 3 of 4: 25%, 0%, 75%; Good−Bad 25 − 75 = −50
      { label: "2025-07", bands: bands(1, 0, 3) },
    ]);
    const x = { field: "label", type: "ordinal", title: null, sort: ["2025-05", "2025-06", "2025-07"], axis: { labelAngle: 0, labelOverlap: "greedy" } };
    expect(spec).toEqual({
      $schema: VEGA_LITE_SCHEMA,
      title: "Health bands and Good−Bad (ヘルススコア分布)",
      width: 480,
      height: 320,
      data: {
        values: [
          { label: "2025-05", band: "Good", order: 0, share: 50, customers: 2, goodMinusBad: 25 },
          { label: "2025-05", band: "Normal", order: 1, share: 25, customers: 1, goodMinusBad: 25 },
          { label: "2025-05", band: "Bad", order: 2, share: 25, customers: 1, goodMinusBad: 25 },
          { label: "2025-07", band: "Good", order: 0, share: 25, customers: 1, goodMinusBad: -50 },
          { label: "2025-07", band: "Normal", order: 1, share: 0, customers: 0, goodMinusBad: -50 },
          { label: "2025-07", band: "Bad", order: 2, share: 75, customers: 3, goodMinusBad: -50 },
        ],
      },
      layer: [
        {
          mark: { type: "bar", tooltip: true },
          encoding: {
            x,
            y: { field: "share", type: "quantitative", stack: "zero", title: "share of customers (%)", scale: { domain: [0, 100] } },
            color: { field: "band", type: "nominal", title: "band", scale: { domain: ["Good", "Normal", "Bad"], range: ["#2e9e5b", "#e0a526", "#d1453b"] } },
            order: { field: "order", type: "quantitative" },
            tooltip: [
              { field: "label", type: "ordinal", title: "when" },
              { field: "band", type: "nominal" },
              { field: "customers", type: "quantitative" },
              { field: "share", type: "quantitative", title: "%", format: ".1f" },
            ],
          },
        },
        {
          transform: [{ filter: "datum.band === 'Good'" }],
          mark: { type: "line", point: { filled: true, color: "#222" }, color: "#222", tooltip: true },
          encoding: {
            x,
            y: { field: "goodMinusBad", type: "quantitative", title: "Good−Bad (points)", scale: { domain: [-100, 100] } },
            tooltip: [
              { field: "label", type: "ordinal", title: "when" },
              { field: "goodMinusBad", type: "quantitative", title: "Good−Bad", format: "+.1f" },
            ],
          },
        },
      ],
      resolve: { scale: { y: "independent" } },
    });
  });

  it("skips a point with any one percentage unknown", () => {
    const partial = { ...bands(1, 1, 0), index: null } as GoodMinusBad;
    const onlyNormal = { ...bands(1, 1, 0), normalPct: null } as GoodMinusBad;
    const onlyBad = { ...bands(1, 1, 0), badPct: null } as GoodMinusBad;
    const onlyGood = { ...bands(1, 1, 0), goodPct: null } as GoodMinusBad;
    const spec = bandDistributionChart([
      { label: "a", bands: partial },
      { label: "b", bands: onlyNormal },
      { label: "c", bands: onlyBad },
      { label: "d", bands: onlyGood },
    ]);
    expect(spec["data"]).toEqual({ values: [] });
  });
});
