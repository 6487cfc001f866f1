/**
 * The cohort retention heat map: start cohorts down, months since start across, retention as colour.
 * @module
 */
import { formatPercent } from "../money/format.js";
import type { CohortRetention } from "../revenue/cohortRetention.js";
import { type ChartOptions, type JsonValue, VEGA_LITE_SCHEMA, type VegaLiteSpec, frame, plotPercent } from "./spec.js";

/** Options of {@link cohortRetentionChart}. */
export interface CohortRetentionChartOptions extends ChartOptions {
  /** `"revenue"` (default): revenue retention; `"logo"`: logo retention. */
  readonly basis?: "revenue" | "logo";
}

/**
 * A Vega-Lite heat map of cohort retention.
 *
 * @remarks One cell per (cohort, months since start) of {@link index!cohortRetention}; colour and label =
 * retention × 100 (revenue or logo basis). Cells whose retention is `null` (an empty base) are left
 * out rather than drawn as 0.
 * @param retention - {@link index!cohortRetention}'s result.
 * @param options - `basis`, title and size.
 * @returns A Vega-Lite spec (a plain object).
 * @example
 * ```ts
 * import { cohortRetention, quarter } from "cs-metrics";
 * import { cohortRetentionChart } from "cs-metrics/charts";
 * const retention = cohortRetention([
 *   { id: "1", customerId: "a", start: "2025-01-05", amount: 100, currency: "USD" },
 *   { id: "2", customerId: "b", start: "2025-01-20", end: "2025-03-01", amount: 100, currency: "USD" },
 * ], quarter(2025, 1));
 * const spec = cohortRetentionChart(retention, { basis: "logo" });
 * (spec.data as { values: { label: string }[] }).values.map((v) => v.label); //=> ["100.0%", "100.0%", "50.0%"]
 * ```
 */
export function cohortRetentionChart(retention: CohortRetention, options: CohortRetentionChartOptions = {}): VegaLiteSpec {
  const basis = options.basis ?? "revenue";
  const values: JsonValue[] = [];
  for (const cohort of retention.cohorts) {
    for (const cell of cohort.cells) {
      const rate = basis === "revenue" ? cell.revenueRetention : cell.logoRetention;
      if (rate === null) continue;
      values.push({
        cohort: cohort.cohort,
        customers: cohort.customers,
        monthsSinceStart: cell.monthsSinceStart,
        month: cell.month,
        retention: plotPercent(rate),
        label: formatPercent(rate),
      });
    }
  }
  const title = basis === "revenue" ? "Revenue retention by cohort (売上継続率)" : "Logo retention by cohort (継続率)";
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...frame(options, title),
    data: { values },
    encoding: {
      x: { field: "monthsSinceStart", type: "ordinal", title: "months since start", axis: { labelAngle: 0 } },
      y: { field: "cohort", type: "ordinal", title: "cohort" },
    },
    layer: [
      {
        mark: { type: "rect", tooltip: true },
        encoding: {
          color: { field: "retention", type: "quantitative", title: "retention %", scale: { scheme: "blues", domainMin: 0 } },
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
          color: { condition: { test: "datum.retention > 60", value: "white" }, value: "black" },
        },
      },
    ],
  };
}
