/**
 * The MRR bridge (waterfall): starting MRR → new, expansion, reactivation, contraction, churn →
 * ending MRR.
 * @module
 */
import type { Decimal } from "decimal.js";
import { formatMoney } from "../money/format.js";
import type { MovementTotals } from "../revenue/revenueMovements.js";
import { type ChartOptions, type JsonValue, VEGA_LITE_SCHEMA, type VegaLiteSpec, frame, plotNumber } from "./spec.js";

/** One bar of the MRR bridge, as plotted. */
export interface MrrBridgeStep {
  /** Bar label, e.g. `"new"`. */
  readonly step: string;
  /** `"total"` (starting, ending), `"increase"` or `"decrease"`. */
  readonly kind: "total" | "increase" | "decrease";
  /** Exact amount of the bar (positive; a decrease is drawn downwards). */
  readonly amount: Decimal;
  /** Exact level where the bar starts. */
  readonly from: Decimal;
  /** Exact level where the bar ends. */
  readonly to: Decimal;
}

/**
 * The bars of the MRR bridge, computed exactly: each movement starts where the previous one ended.
 *
 * @remarks starting → +new → +expansion → +reactivation → −contraction → −churn → ending; the last
 * movement ends exactly at ending MRR (the movement identity of DOMAIN.md §2).
 * @param movements - {@link MovementTotals}, e.g. `revenueReport(…).movements` or `revenueMovements(…)`.
 * @returns Seven steps in bridge order.
 * @example
 * ```ts
 * import { revenueReport, year } from "cs-metrics";
 * import { mrrBridgeSteps } from "cs-metrics/charts";
 * const report = revenueReport([
 *   { id: "1", customerId: "a", start: "2024-01-01", amount: 100, currency: "USD" },
 *   { id: "2", customerId: "b", start: "2024-01-01", end: "2025-05-01", amount: 40, currency: "USD" },
 *   { id: "3", customerId: "c", start: "2025-02-01", amount: 25, currency: "USD" },
 * ], year(2025));
 * // starting 140 (a 100 + b 40) → new +25 (c) → churn −40 (b) → ending 125
 * const steps = mrrBridgeSteps(report.movements);
 * steps.map((s) => s.step); //=> ["starting MRR", "new", "expansion", "reactivation", "contraction", "churn", "ending MRR"]
 * steps.map((s) => s.to.toString()); //=> ["140", "165", "165", "165", "165", "125", "125"]
 * steps[5]?.from.toString(); //=> "165"
 * ```
 */
export function mrrBridgeSteps(movements: MovementTotals): MrrBridgeStep[] {
  const zero = movements.startingMrr.minus(movements.startingMrr);
  const steps: MrrBridgeStep[] = [{ step: "starting MRR", kind: "total", amount: movements.startingMrr, from: zero, to: movements.startingMrr }];
  let level = movements.startingMrr;
  const moves: [string, Decimal, 1 | -1][] = [
    ["new", movements.newMrr, 1],
    ["expansion", movements.expansionMrr, 1],
    ["reactivation", movements.reactivationMrr, 1],
    ["contraction", movements.contractionMrr, -1],
    ["churn", movements.churnedMrr, -1],
  ];
  for (const [step, amount, sign] of moves) {
    const to = sign === 1 ? level.plus(amount) : level.minus(amount);
    steps.push({ step, kind: sign === 1 ? "increase" : "decrease", amount, from: level, to });
    level = to;
  }
  steps.push({ step: "ending MRR", kind: "total", amount: movements.endingMrr, from: zero, to: movements.endingMrr });
  return steps;
}

/**
 * A Vega-Lite waterfall of a period's MRR movements (the MRR bridge).
 *
 * @remarks Bars from {@link mrrBridgeSteps}: totals in grey, increases in green, decreases in red;
 * tooltips show the exact amounts formatted in the report's currency.
 * @param movements - {@link MovementTotals}, e.g. `revenueReport(…).movements`.
 * @param options - Title and size.
 * @returns A Vega-Lite spec (a plain object).
 * @throws {@link index!ValidationError} when `movements.currency` is not an ISO 4217 code.
 * @example
 * ```ts
 * import { revenueReport, year } from "cs-metrics";
 * import { mrrBridgeChart } from "cs-metrics/charts";
 * const report = revenueReport([
 *   { id: "1", customerId: "a", start: "2024-01-01", end: "2025-05-01", amount: 40, currency: "USD" },
 * ], year(2025));
 * const spec = mrrBridgeChart(report.movements);
 * spec.mark; //=> { type: "bar", tooltip: true }
 * (spec.data as { values: { step: string; label: string }[] }).values.map((v) => v.label).at(-2); //=> "−$40.00"
 * ```
 */
export function mrrBridgeChart(movements: MovementTotals, options: ChartOptions = {}): VegaLiteSpec {
  const steps = mrrBridgeSteps(movements);
  const values: JsonValue[] = steps.map((s) => ({
    step: s.step,
    kind: s.kind,
    from: plotNumber(s.from),
    to: plotNumber(s.to),
    label: `${s.kind === "decrease" ? "−" : s.kind === "increase" ? "+" : ""}${formatMoney(s.amount, movements.currency)}`,
  }));
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...frame(options, "MRR bridge (MRR の増減)"),
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      x: { field: "step", type: "nominal", sort: steps.map((s) => s.step), title: null, axis: { labelAngle: 0 } },
      y: { field: "from", type: "quantitative", title: `MRR (${movements.currency})` },
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
  };
}
