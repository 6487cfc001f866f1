/**
 * The MRR bridge (waterfall): starting MRR → new, expansion, reactivation, contraction, churn →
 * ending MRR.
 * @module
 */
import { Decimal } from "decimal.js";
import { formatMoney } from "../money/format.js";
import type { MovementTotals } from "../revenue/revenueMovements.js";
import { readOptions } from "../schemas/options.js";
import { ChartInput, type Serialized } from "./chartInput.js";
import { MOVES, type Movements, Sum, readMovementTotals } from "./movementTotals.js";
import { type ChartOptions, type JsonValue, VEGA_LITE_SCHEMA, type VegaLiteSpec, defaultFrame, frame, plotNumber } from "./spec.js";

/** The fields of {@link MovementTotals} the MRR bridge reads, as returned or after a JSON round trip. */
export type MrrBridgeInput = Pick<
  MovementTotals,
  "currency" | "startingMrr" | "endingMrr" | "newMrr" | "expansionMrr" | "reactivationMrr" | "contractionMrr" | "churnedMrr"
>;

/** Validates the movements (`movements.newMrr`, …) and the bridge identity; throws ValidationError. */
function readMovements(value: unknown): Movements {
  const input = new ChartInput();
  const movements = readMovementTotals(input, value, "movements");
  input.check();
  return movements!;
}

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
 * @param movements - {@link MovementTotals}, e.g. `revenueReport(…).movements` or `revenueMovements(…)`,
 * or the same after a JSON round trip (amounts as decimal strings); only the fields of {@link MrrBridgeInput} are read.
 * @returns Seven steps in bridge order.
 * @throws {@link index!ValidationError} when `movements` is not an object, an amount is not a
 * non-negative decimal (`movements.newMrr`), `movements.currency` is not an ISO 4217 code, or
 * endingMrr is not the chained movements (`movements.endingMrr`).
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
export function mrrBridgeSteps(movements: MrrBridgeInput | Serialized<MrrBridgeInput>): MrrBridgeStep[] {
  return stepsOf(readMovements(movements));
}

function stepsOf({ amounts }: Movements): MrrBridgeStep[] {
  const zero = new Decimal(0);
  const steps: MrrBridgeStep[] = [{ step: "starting MRR", kind: "total", amount: amounts.startingMrr, from: zero, to: amounts.startingMrr }];
  let level = amounts.startingMrr;
  for (const [step, key, sign] of MOVES) {
    const amount = amounts[key];
    // Exact: Sum keeps every digit; the result is handed back as a plain Decimal.
    const to = new Decimal(sign === 1 ? new Sum(level).plus(amount) : new Sum(level).minus(amount));
    steps.push({ step, kind: sign === 1 ? "increase" : "decrease", amount, from: level, to });
    level = to;
  }
  steps.push({ step: "ending MRR", kind: "total", amount: amounts.endingMrr, from: zero, to: amounts.endingMrr });
  return steps;
}

/**
 * A Vega-Lite waterfall of a period's MRR movements (the MRR bridge).
 *
 * @remarks Bars from {@link mrrBridgeSteps}: totals in grey, increases in green, decreases in red;
 * tooltips show the exact amounts formatted in the report's currency.
 * @param movements - {@link MovementTotals}, e.g. `revenueReport(…).movements`, or the same after a JSON
 * round trip (amounts as decimal strings).
 * @param options - Title and size.
 * @returns A Vega-Lite spec (a plain object).
 * @throws {@link index!ValidationError} for the inputs {@link mrrBridgeSteps} rejects, and for options
 * that are not an object, a title that is not a string or a size that is not a finite number > 0
 * (`options.width`).
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
export function mrrBridgeChart(movements: MrrBridgeInput | Serialized<MrrBridgeInput>, options: ChartOptions = {}): VegaLiteSpec {
  const read = readMovements(movements);
  const input = new ChartInput();
  const size = frame(input, readOptions(options), defaultFrame("MRR bridge (MRR の増減)"));
  input.check();
  const steps = stepsOf(read);
  const currency = read.currency;
  const values: JsonValue[] = steps.map((s) => ({
    step: s.step,
    kind: s.kind,
    from: plotNumber(s.from),
    to: plotNumber(s.to),
    label: `${s.kind === "decrease" ? "−" : s.kind === "increase" ? "+" : ""}${formatMoney(s.amount, currency)}`,
  }));
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...size,
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      x: { field: "step", type: "nominal", sort: steps.map((s) => s.step), title: null, axis: { labelAngle: 0 } },
      y: { field: "from", type: "quantitative", title: `MRR (${currency})` },
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
