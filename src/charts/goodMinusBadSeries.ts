/**
 * The weekly (or monthly) Good−Bad series with its band composition.
 * @module
 */
import type { GoodMinusBadSeries } from "../health/goodMinusBadSeries.js";
import { ValidationError } from "../errors.js";
import { describeValue } from "../schemas/primitives.js";
import { bandChartSpec } from "./bandDistribution.js";
import type { Serialized } from "./chartInput.js";
import type { ChartOptions, VegaLiteSpec } from "./spec.js";

/**
 * A Vega-Lite chart of a {@link index!goodMinusBadSeries}: per step a stacked bar of the Good, Normal
 * and Bad shares (%) and the Good−Bad index as a line on its own axis (−100…+100 points).
 *
 * @remarks Bars are each step's `bands.goodPct`, `normalPct` and `badPct`; the line is `bands.index`
 * = %Good − %Bad; the x axis is the step labels (`2026-W02` or `2026-01`), in order. A step with no
 * scored customer is drawn with no bar and no line point rather than as 0. The same drawing as
 * {@link bandDistributionChart}, fed from the series directly.
 * @param series - A {@link index!goodMinusBadSeries} result, or its JSON round trip.
 * @param options - Title and size.
 * @returns A Vega-Lite spec (a plain object).
 * @throws {@link index!ValidationError} when `series` is not a series (`series`, `series.steps`), a
 * step has no label or a repeated one, a count or percentage is invalid (`series.steps[2].bands.good`),
 * or an option is invalid (`options.width`).
 * @example
 * ```ts
 * import { goodMinusBadSeries } from "cs-metrics";
 * import { goodMinusBadSeriesChart } from "cs-metrics/charts";
 * const scorecard = { measures: [{ metric: "logins", weight: 1, scale: { type: "linear", worst: 0, best: 100 } }], bands: { good: 70, bad: 40 } } as const;
 * const series = goodMinusBadSeries(
 *   [{ customerId: "a", at: "2026-01-05", metrics: { logins: 80 } }, { customerId: "b", at: "2026-01-05", metrics: { logins: 20 } }],
 *   scorecard,
 *   { period: { start: "2026-01-05", end: "2026-01-12" } },
 * );
 * const spec = goodMinusBadSeriesChart(series);
 * (spec.data as { values: { label: string; band: string; share: number }[] }).values.map((v) => [v.label, v.band, v.share]);
 * //=> [["2026-W02", "Good", 50], ["2026-W02", "Normal", 0], ["2026-W02", "Bad", 50]]
 * ```
 */
export function goodMinusBadSeriesChart(series: GoodMinusBadSeries | Serialized<GoodMinusBadSeries>, options: ChartOptions = {}): VegaLiteSpec {
  if (typeof series !== "object" || series === null || Array.isArray(series)) {
    throw new ValidationError([{ path: "series", message: `must be a goodMinusBadSeries(…) result (got ${describeValue(series)})` }]);
  }
  const every = (series as { readonly every?: unknown }).every;
  const title = every === "month" ? "Monthly Good−Bad (月次 Good−Bad)" : "Weekly Good−Bad (週次 Good−Bad)";
  return bandChartSpec((series as { readonly steps?: unknown }).steps, options, "series.steps", title);
}
