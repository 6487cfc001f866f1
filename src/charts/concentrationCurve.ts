/**
 * The customer concentration curve: cumulative share of MRR against the share of customers, largest
 * customers first, with the line of perfect equality.
 * @module
 */
import { ValidationError } from "../errors.js";
import { formatMoney, formatPercent } from "../money/format.js";
import type { CustomerConcentration } from "../revenue/customerConcentration.js";
import { type ChartOptions, type JsonValue, VEGA_LITE_SCHEMA, type VegaLiteSpec, optionsFrame, plotPercent } from "./spec.js";

/**
 * A Vega-Lite line chart of {@link index!customerConcentration}'s curve.
 *
 * @remarks x = share of customers (largest first), y = their cumulative share of MRR, both in
 * percent, from (0, 0) to (100, 100); the dashed diagonal is an even spread. The further the curve
 * bows above it, the more a few accounts carry the revenue. The subtitle gives the Herfindahl index.
 * @param concentration - {@link index!customerConcentration}'s result.
 * @param options - Title and size.
 * @returns A Vega-Lite spec (a plain object).
 * @throws {@link index!ValidationError} when `concentration` has no `curve` array or its currency is not an ISO 4217 code.
 * @example
 * ```ts
 * import { customerConcentration } from "cs-metrics";
 * import { concentrationCurveChart } from "cs-metrics/charts";
 * const spec = concentrationCurveChart(customerConcentration([
 *   { id: "1", customerId: "a", start: "2025-01-01", amount: 75, currency: "USD" },
 *   { id: "2", customerId: "b", start: "2025-01-01", amount: 25, currency: "USD" },
 * ], "2025-01-31"));
 * const [curve] = spec.layer as { data: { values: { customers: number; mrr: number }[] } }[];
 * curve?.data.values.map((v) => [v.customers, v.mrr]); //=> [[0, 0], [50, 75], [100, 100]]
 * ```
 */
export function concentrationCurveChart(concentration: CustomerConcentration, options: ChartOptions = {}): VegaLiteSpec {
  if (typeof concentration !== "object" || concentration === null || !Array.isArray(concentration.curve)) {
    throw new ValidationError([{ path: "concentration.curve", message: "must be the curve of customerConcentration(…)" }]);
  }
  const values: JsonValue[] = [{ customers: 0, mrr: 0, rank: 0, customerId: "", label: "" }];
  for (const point of concentration.curve) {
    values.push({
      customers: plotPercent(point.customerShare),
      mrr: plotPercent(point.mrrShare),
      rank: point.rank,
      customerId: point.customerId,
      label: `${formatMoney(point.mrr, concentration.currency)} (cumulative ${formatPercent(point.mrrShare)})`,
    });
  }
  const herfindahl = concentration.herfindahl === null ? "–" : concentration.herfindahl.toDecimalPlaces(4).toString();
  const { title, width, height } = optionsFrame(options, "Customer concentration (顧客集中度)");
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: title, subtitle: `${concentration.date} · ${concentration.customers} customers · Herfindahl ${herfindahl}` },
    width,
    height,
    layer: [
      {
        data: { values },
        mark: { type: "line", point: true, tooltip: true },
        encoding: {
          x: { field: "customers", type: "quantitative", scale: { domain: [0, 100] }, title: "% of customers (largest first)" },
          y: { field: "mrr", type: "quantitative", scale: { domain: [0, 100] }, title: "% of MRR" },
          tooltip: [
            { field: "rank", type: "quantitative" },
            { field: "customerId", type: "nominal", title: "customer" },
            { field: "label", type: "nominal", title: "MRR" },
          ],
        },
      },
      {
        data: { values: [{ customers: 0, mrr: 0 }, { customers: 100, mrr: 100 }] },
        mark: { type: "line", strokeDash: [4, 4], color: "#95a5a6" },
        encoding: { x: { field: "customers", type: "quantitative" }, y: { field: "mrr", type: "quantitative" } },
      },
    ],
  };
}
