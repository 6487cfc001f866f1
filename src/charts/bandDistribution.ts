/**
 * Health band distribution over time: stacked Good / Normal / Bad shares with the Good−Bad line.
 * @module
 */
import type { GoodMinusBad } from "../health/goodMinusBad.js";
import { type ChartOptions, type JsonValue, VEGA_LITE_SCHEMA, type VegaLiteSpec, frame, plotNumber } from "./spec.js";

/** One point in time of {@link bandDistributionChart}. */
export interface BandDistributionPoint {
  /** x-axis label, e.g. `"2025-06"`. */
  readonly label: string;
  /** {@link index!goodMinusBad} of the customers' health results at that time. */
  readonly bands: GoodMinusBad;
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
 * and no line point rather than as 0.
 * @param points - One {@link BandDistributionPoint} per month (or week…), in the order to draw.
 * @param options - Title and size.
 * @returns A Vega-Lite spec (a plain object).
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
  const values: JsonValue[] = [];
  for (const point of points) {
    const { goodPct, normalPct, badPct, index } = point.bands;
    if (goodPct === null || normalPct === null || badPct === null || index === null) continue;
    const shares: [string, number, number][] = [
      ["Good", plotNumber(goodPct), point.bands.good],
      ["Normal", plotNumber(normalPct), point.bands.normal],
      ["Bad", plotNumber(badPct), point.bands.bad],
    ];
    shares.forEach(([band, share, customers], order) => {
      values.push({ label: point.label, band, order, share, customers, goodMinusBad: plotNumber(index) });
    });
  }
  const x = { field: "label", type: "ordinal", title: null, sort: points.map((point) => point.label), axis: { labelAngle: 0 } } as const;
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...frame(options, "Health bands and Good−Bad (ヘルススコア分布)"),
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
        mark: { type: "line", point: true, color: "#222", tooltip: true },
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
