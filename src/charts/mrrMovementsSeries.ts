/**
 * The monthly MRR movements chart: stacked bars of each step's movements (gains up, losses down)
 * with the ending MRR as a line.
 * @module
 */
import type { Decimal } from "decimal.js";
import { formatMoney } from "../money/format.js";
import type { Period } from "../schemas/period.js";
import { readOptions } from "../schemas/options.js";
import { ChartInput, type Serialized, checkUnique } from "./chartInput.js";
import type { MrrBridgeInput } from "./mrrBridge.js";
import { MOVES, type Movements, readMovementTotals } from "./movementTotals.js";
import { type ChartOptions, type JsonValue, VEGA_LITE_SCHEMA, type VegaLiteSpec, frame, plotNumber } from "./spec.js";

/** The fields of {@link index!RevenueSeries} the movements chart reads, as returned or after a JSON round trip. */
export interface MrrMovementsInput {
  /** ISO 4217 code of every amount. */
  readonly currency: string;
  /** The steps in the order to draw: each step's period (its `label`, else its `start`, names the bar) and movement totals. */
  readonly steps: readonly {
    readonly step: Pick<Period, "start" | "label">;
    readonly report: { readonly movements: MrrBridgeInput };
  }[];
}

/** Colours of the movements, in {@link MOVES} order: gains green and blue, losses amber and red. */
const COLORS: Readonly<Record<(typeof MOVES)[number][0], string>> = {
  new: "#2e9e5b",
  expansion: "#7fc97f",
  reactivation: "#4a90d9",
  contraction: "#f4a259",
  churn: "#d1453b",
};

/** Pixels per step of the default width (the plot widens with the steps). */
const STEP_WIDTH = 24;

interface Step {
  readonly name: string;
  readonly movements: Movements;
}

/** Reads the series; problems recorded on `input` (`series.steps[3].report.movements.newMrr`). */
function readSeries(input: ChartInput, value: unknown): { currency: string | null; steps: Step[] } {
  const series = input.record(value, "series", "a revenueSeries(…) result");
  if (series === null) return { currency: null, steps: [] };
  const currency = input.currency(series["currency"], "series.currency");
  const rows = input.array(series["steps"], "series.steps", "steps of revenueSeries(…)") ?? [];
  const steps: Step[] = [];
  const names = rows.map((row, index) => {
    const path = `series.steps[${index}]`;
    const record = input.record(row, path, "a { step, report } step");
    if (record === null) return null;
    const period = input.record(record["step"], `${path}.step`, "the step's period { start, label }");
    const name = period === null ? null : period["label"] === undefined ? input.date(period["start"], `${path}.step.start`) : input.text(period["label"], `${path}.step.label`);
    const report = input.record(record["report"], `${path}.report`, "the step's revenueReport(…)");
    const movements = report === null ? null : readMovementTotals(input, report["movements"], `${path}.report.movements`);
    if (movements !== null && currency !== null && movements.currency !== currency) {
      input.fail(`${path}.report.movements.currency`, `must be the series' currency ${currency} (got ${movements.currency})`);
    } else if (name !== null && movements !== null) {
      steps.push({ name, movements });
    }
    return name;
  });
  checkUnique(input, names, (index) => `series.steps[${index}].step.label`, "step");
  return { currency, steps };
}

/**
 * A Vega-Lite chart of MRR movements step by step: stacked bars (new, expansion, reactivation above
 * zero; contraction and churn below) and the ending MRR as a line on a second axis.
 *
 * @remarks One bar group per step of {@link index!revenueSeries} (use `every: "month"` without a
 * window for the classic monthly movements chart of ChartMogul and Baremetrics); bar heights are
 * the step's movement totals, the line its ending MRR. Tooltips show exact amounts in the series'
 * currency. Empty movements are left out. The default width grows with the steps (24 px each, at
 * least 480); x-axis labels that would overlap are thinned out.
 * @param series - {@link index!revenueSeries}' result, or the same after a JSON round trip (amounts as
 * decimal strings); only the fields of {@link MrrMovementsInput} are read.
 * @param options - Title and size.
 * @returns A Vega-Lite spec (a plain object).
 * @throws {@link index!ValidationError} listing every problem with its path: `series` not an object,
 * `series.currency` not an ISO 4217 code, `series.steps` not an array, a step without a `label` or
 * `start` (`series.steps[3].step.start`) or with a repeated one, an amount that is not a
 * non-negative decimal (`series.steps[3].report.movements.newMrr`), a step in another currency, a
 * step whose endingMrr is not its chained movements (`series.steps[3].report.movements.endingMrr`),
 * or an invalid option (`options.width`).
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
export function mrrMovementsChart(series: MrrMovementsInput | Serialized<MrrMovementsInput>, options: ChartOptions = {}): VegaLiteSpec {
  const read = readOptions(options);
  const input = new ChartInput();
  const { currency, steps } = readSeries(input, series);
  const size = frame(input, read, { title: "MRR movements (MRR の増減推移)", width: Math.max(480, STEP_WIDTH * steps.length), height: 320 });
  input.check();
  const order = steps.map((s) => s.name);
  const bars: JsonValue[] = [];
  const line: JsonValue[] = [];
  for (const { name: step, movements } of steps) {
    for (const [movement, key, sign] of MOVES) {
      const amount: Decimal = movements.amounts[key];
      if (amount.isZero()) continue;
      // Signs as the MRR bridge writes them: "+¥50,000", "−¥200,000".
      bars.push({ step, movement, amount: plotNumber(sign === 1 ? amount : amount.negated()), label: `${sign === 1 ? "+" : "−"}${formatMoney(amount, currency!)}` });
    }
    const mrr = movements.amounts.endingMrr;
    line.push({ step, mrr: plotNumber(mrr), label: formatMoney(mrr, currency!) });
  }
  // Long series: 24 px a step, and axis labels that would overlap are thinned out.
  const x = { field: "step", type: "ordinal", sort: order, title: null, axis: { labelAngle: 0, labelOverlap: "greedy" } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...size,
    layer: [
      {
        data: { values: bars },
        mark: { type: "bar", tooltip: true },
        encoding: {
          x,
          y: { field: "amount", type: "quantitative", stack: true, title: `movement (${currency!})` },
          color: {
            field: "movement",
            type: "nominal",
            scale: { domain: Object.keys(COLORS), range: Object.values(COLORS) },
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
          y: { field: "mrr", type: "quantitative", title: `MRR (${currency!})` },
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
