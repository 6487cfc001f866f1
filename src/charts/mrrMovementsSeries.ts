/**
 * The monthly MRR movements chart: stacked bars of each step's movements (gains up, losses down)
 * with the ending MRR as a line.
 * @module
 */
import type { Decimal } from "decimal.js";
import { ValidationError } from "../errors.js";
import { formatMoney } from "../money/format.js";
import type { RevenueSeries } from "../revenue/revenueSeries.js";
import { type ChartOptions, type JsonValue, VEGA_LITE_SCHEMA, type VegaLiteSpec, optionsFrame, plotNumber } from "./spec.js";

/** The movements drawn, in stacking order, with their sign and colour. */
const MOVEMENTS: readonly { name: string; sign: 1 | -1; color: string; pick: (r: RevenueSeries["steps"][number]["report"]) => Decimal }[] = [
  { name: "new", sign: 1, color: "#2e9e5b", pick: (r) => r.movements.newMrr },
  { name: "expansion", sign: 1, color: "#7fc97f", pick: (r) => r.movements.expansionMrr },
  { name: "reactivation", sign: 1, color: "#4a90d9", pick: (r) => r.movements.reactivationMrr },
  { name: "contraction", sign: -1, color: "#f4a259", pick: (r) => r.movements.contractionMrr },
  { name: "churn", sign: -1, color: "#d1453b", pick: (r) => r.movements.churnedMrr },
];

/**
 * A Vega-Lite chart of MRR movements step by step: stacked bars (new, expansion, reactivation above
 * zero; contraction and churn below) and the ending MRR as a line on a second axis.
 *
 * @remarks One bar group per step of {@link index!revenueSeries} (use `every: "month"` without a
 * window for the classic monthly movements chart of ChartMogul and Baremetrics); bar heights are
 * the step's movement totals, the line its ending MRR. Tooltips show exact amounts in the series'
 * currency. Empty movements are left out.
 * @param series - {@link index!revenueSeries}' result.
 * @param options - Title and size.
 * @returns A Vega-Lite spec (a plain object).
 * @throws {@link index!ValidationError} when `series` has no `steps` array or its currency is not an ISO 4217 code.
 * @example
 * ```ts
 * import { revenueSeries, quarter } from "cs-metrics";
 * import { mrrMovementsChart } from "cs-metrics/charts";
 * const series = revenueSeries([
 *   { id: "1", customerId: "a", start: "2024-01-01", amount: 100, currency: "USD" },
 *   { id: "2", customerId: "b", start: "2025-02-01", amount: 30, currency: "USD" },
 *   { id: "3", customerId: "a", start: "2024-01-01", end: "2025-03-01", amount: 10, currency: "USD" },
 * ], quarter(2025, 1));
 * const spec = mrrMovementsChart(series);
 * const [bars, line] = spec.layer as { data: { values: { step: string; movement?: string; amount?: number; mrr?: number }[] } }[];
 * bars?.data.values.map((v) => `${v.step} ${v.movement} ${v.amount}`); //=> ["2025-02 new 30", "2025-03 contraction -10"]
 * line?.data.values.map((v) => v.mrr); //=> [110, 140, 130]
 * ```
 */
export function mrrMovementsChart(series: RevenueSeries, options: ChartOptions = {}): VegaLiteSpec {
  if (typeof series !== "object" || series === null || !Array.isArray(series.steps)) {
    throw new ValidationError([{ path: "series.steps", message: "must be the steps of revenueSeries(…)" }]);
  }
  const order = series.steps.map((s) => s.step.label ?? s.step.start);
  const bars: JsonValue[] = [];
  const line: JsonValue[] = [];
  series.steps.forEach((s, index) => {
    const step = order[index]!;
    for (const movement of MOVEMENTS) {
      const amount = movement.pick(s.report);
      if (amount.isZero()) continue;
      const signed = movement.sign === 1 ? amount : amount.negated();
      // Signs as the MRR bridge writes them: "+¥50,000", "−¥200,000".
      bars.push({ step, movement: movement.name, amount: plotNumber(signed), label: `${movement.sign === 1 ? "+" : "−"}${formatMoney(amount, series.currency)}` });
    }
    const mrr = s.report.movements.endingMrr;
    line.push({ step, mrr: plotNumber(mrr), label: formatMoney(mrr, series.currency) });
  });
  const x = { field: "step", type: "ordinal", sort: order, title: null, axis: { labelAngle: 0 } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...optionsFrame(options, "MRR movements (MRR の増減推移)"),
    layer: [
      {
        data: { values: bars },
        mark: { type: "bar", tooltip: true },
        encoding: {
          x,
          y: { field: "amount", type: "quantitative", stack: true, title: `movement (${series.currency})` },
          color: {
            field: "movement",
            type: "nominal",
            scale: { domain: MOVEMENTS.map((m) => m.name), range: MOVEMENTS.map((m) => m.color) },
            title: "movement",
          },
          order: { field: "movement", sort: "ascending" },
          tooltip: [
            { field: "step", type: "ordinal" },
            { field: "movement", type: "nominal" },
            { field: "label", type: "nominal", title: "amount" },
          ],
        },
      },
      {
        data: { values: line },
        mark: { type: "line", point: true, color: "#34495e", tooltip: true },
        encoding: {
          x,
          y: { field: "mrr", type: "quantitative", title: `MRR (${series.currency})` },
          tooltip: [
            { field: "step", type: "ordinal" },
            { field: "label", type: "nominal", title: "ending MRR" },
          ],
        },
      },
    ],
    resolve: { scale: { y: "independent" } },
  };
}
