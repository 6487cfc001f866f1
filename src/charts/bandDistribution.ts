/**
 * Health band distribution over time: stacked Good / Normal / Bad shares with the Good−Bad line.
 * @module
 */
import type { Decimal } from "decimal.js";
import type { GoodMinusBad } from "../health/goodMinusBad.js";
import { readOptions } from "../schemas/options.js";
import { ChartInput, type Serialized, checkUnique } from "./chartInput.js";
import { type ChartOptions, type JsonValue, VEGA_LITE_SCHEMA, type VegaLiteSpec, frame, plotNumber } from "./spec.js";

/** One point in time of {@link bandDistributionChart}. */
export interface BandDistributionPoint {
  /** x-axis label, e.g. `"2025-06"`. */
  readonly label: string;
  /** {@link index!goodMinusBad} of the customers' health results at that time (or its JSON round trip). */
  readonly bands: GoodMinusBad | Serialized<GoodMinusBad>;
}

/** Pixels per point of the default width (the plot widens with the points). */
const POINT_STEP = 24;

interface Point {
  readonly label: string;
  readonly counts: readonly [number, number, number];
  /** Good, Normal, Bad shares and the index; `null` when nobody was scored. */
  readonly shares: readonly [Decimal, Decimal, Decimal, Decimal] | null;
}

/** Reads the points; problems recorded on `input` (`points[2].bands.goodPct`, with `root` = "points"). */
function readPoints(input: ChartInput, value: unknown, root: string): Point[] {
  const points: Point[] = [];
  const rows = input.array(value, root, "{ label, bands } points") ?? [];
  const labels = rows.map((row, index) => {
    const path = `${root}[${index}]`;
    const point = input.record(row, path, "a { label, bands } point");
    if (point === null) return null;
    const label = input.text(point["label"], `${path}.label`);
    const bands = input.record(point["bands"], `${path}.bands`, "a goodMinusBad(…) result");
    if (bands === null) return label;
    const count = (key: string) => input.integer(bands[key], `${path}.bands.${key}`, 0);
    const counts = [count("good"), count("normal"), count("bad")] as const;
    const share = (key: string, min: number) => input.nullableDecimal(bands[key], `${path}.bands.${key}`, { min, max: 100 });
    const shares = [share("goodPct", 0), share("normalPct", 0), share("badPct", 0), share("index", -100)] as const;
    if (label !== null && counts[0] !== null && counts[1] !== null && counts[2] !== null) {
      // Any one percentage unknown (nobody scored): no bar and no line point, rather than a 0.
      const known = shares[0] !== null && shares[1] !== null && shares[2] !== null && shares[3] !== null;
      points.push({ label, counts: [counts[0], counts[1], counts[2]], shares: known ? (shares as [Decimal, Decimal, Decimal, Decimal]) : null });
    }
    return label;
  });
  checkUnique(input, labels, (index) => `${root}[${index}].label`, "label");
  return points;
}

/** Band colours: Good green, Normal amber, Bad red. */
export const BAND_COLORS = { Good: "#2e9e5b", Normal: "#e0a526", Bad: "#d1453b" } as const;

/**
 * A Vega-Lite chart of the health band distribution over time: one stacked bar per point (the
 * shares of Good, Normal and Bad, in %), with the Good−Bad index (points, −100…+100) as a line on
 * its own axis.
 *
 * @remarks Bar heights are {@link index!goodMinusBad}'s `goodPct`, `normalPct`, `badPct`; the line is its
 * `index` = %Good − %Bad. Points with no scored customer (percentages `null`) are drawn with no bar
 * and no line point rather than as 0. The default width grows with the points (24 px each, at least
 * 480); x-axis labels that would overlap are thinned out.
 * @param points - One {@link BandDistributionPoint} per month (or week…), in the order to draw; `bands`
 * may be a JSON round trip of `goodMinusBad`'s result (percentages as decimal strings).
 * @param options - Title and size.
 * @returns A Vega-Lite spec (a plain object).
 * @throws {@link index!ValidationError} when `points` is not an array, a point has no `label` or a
 * repeated one, a count is not a whole number ≥ 0 (`points[2].bands.good`), a percentage is not a
 * decimal within 0…100 or `null` (`points[2].bands.goodPct`; the index within −100…+100), or an
 * option is invalid (`options.width`).
 * @example
 * ```ts
 * import { goodMinusBad } from "cs-metrics";
 * import { bandDistributionChart } from "cs-metrics/charts";
 * const bands = (good: number, normal: number, bad: number) =>
 *   goodMinusBad([...Array(good).fill({ band: "good" }), ...Array(normal).fill({ band: "normal" }), ...Array(bad).fill({ band: "bad" })]);
 * const spec = bandDistributionChart([
 *   { label: "2025-05", bands: bands(40, 30, 30) },
 *   { label: "2025-06", bands: bands(50, 30, 20) },
 * ]);
 * // June: 50% Good − 20% Bad = +30 points
 * (spec.data as { values: { label: string; band: string; share: number; goodMinusBad: number }[] }).values
 *   .filter((v) => v.label === "2025-06" && v.band === "Good")[0]?.goodMinusBad; //=> 30
 * ```
 */
export function bandDistributionChart(points: readonly BandDistributionPoint[], options: ChartOptions = {}): VegaLiteSpec {
  return bandChartSpec(points, options, "points", "Health bands and Good−Bad (ヘルススコア分布)");
}

/**
 * The band chart of `points` read at `root` (`points`, or `series.steps` for the Good−Bad series
 * chart), with `title` by default.
 * @internal
 */
export function bandChartSpec(points: unknown, options: ChartOptions, root: string, title: string): VegaLiteSpec {
  const read = readOptions(options);
  const input = new ChartInput();
  const parsed = readPoints(input, points, root);
  const size = frame(input, read, {
    title,
    width: Math.max(480, POINT_STEP * parsed.length),
    height: 320,
  });
  input.check();
  const values: JsonValue[] = [];
  for (const point of parsed) {
    if (point.shares === null) continue;
    const [goodPct, normalPct, badPct, index] = point.shares;
    const shares: [string, number, number][] = [
      ["Good", plotNumber(goodPct), point.counts[0]],
      ["Normal", plotNumber(normalPct), point.counts[1]],
      ["Bad", plotNumber(badPct), point.counts[2]],
    ];
    shares.forEach(([band, share, customers], order) => {
      values.push({ label: point.label, band, order, share, customers, goodMinusBad: plotNumber(index) });
    });
  }
  const x = { field: "label", type: "ordinal", title: null, sort: parsed.map((point) => point.label), axis: { labelAngle: 0, labelOverlap: "greedy" } } as const;
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...size,
    data: { values },
    layer: [
      {
        mark: { type: "bar", tooltip: true },
        encoding: {
          x,
          y: { field: "share", type: "quantitative", stack: "zero", title: "share of customers (%)", scale: { domain: [0, 100] } },
          color: { field: "band", type: "nominal", title: "band", scale: { domain: Object.keys(BAND_COLORS), range: Object.values(BAND_COLORS) } },
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
  };
}
