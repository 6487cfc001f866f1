/**
 * Lifecycle stage counts over time: one stacked bar per date, a segment per stage.
 * @module
 */
import { LIFECYCLE_STAGES, type LifecycleStages } from "../lifecycle/lifecycleStages.js";
import { readOptions } from "../schemas/options.js";
import { ChartInput, checkUnique } from "./chartInput.js";
import { type ChartOptions, type JsonValue, VEGA_LITE_SCHEMA, type VegaLiteSpec, frame } from "./spec.js";

/** The fields of {@link index!LifecycleStages} the chart reads: the date and the counts. */
export type LifecycleStagesChartInput = Pick<LifecycleStages, "on" | "counts">;

/** Stage colours, in lifecycle order: trial grey, onboarding blue, adoption green, expansion dark green, churned red. */
export const STAGE_COLORS = { trial: "#95a5a6", onboarding: "#4a90d9", adoption: "#7fc97f", expansion: "#2e9e5b", churned: "#d1453b" } as const;

/** Pixels per date of the default width (the plot widens with the dates). */
const STEP_WIDTH = 32;

/**
 * A Vega-Lite chart of lifecycle stage counts over time: one stacked bar per date, trial at the
 * bottom and churned on top, in lifecycle order.
 *
 * @remarks Bar segments are {@link index!lifecycleStages}' `counts` on each `on` date, drawn in the order
 * given. Pair two of the dates with {@link index!stageFlow} to see who moved. The default width grows
 * with the dates (32 px each, at least 480).
 * @param stages - {@link index!lifecycleStages} results (one per date), as returned or after a JSON round trip.
 * @param options - Title and size.
 * @returns A Vega-Lite spec (a plain object).
 * @throws {@link index!ValidationError} naming the field: `stages` not an array, a date that is not a
 * calendar date or repeats (`stages[2].on`), a count that is not a whole number ≥ 0
 * (`stages[2].counts.trial`), or an invalid option (`options.width`).
 * @example
 * ```ts
 * import { lifecycleStages } from "cs-metrics";
 * import { lifecycleStagesChart } from "cs-metrics/charts";
 * const contracts = [{ id: "1", customerId: "acme", start: "2025-01-01", end: "2025-03-01", amount: 100, currency: "USD" }];
 * const spec = lifecycleStagesChart([lifecycleStages(contracts, { on: "2025-02-01" }), lifecycleStages(contracts, { on: "2025-04-01" })]);
 * (spec.data as { values: { on: string; stage: string }[] }).values.map((v) => `${v.on} ${v.stage}`); //=> ["2025-02-01 adoption", "2025-04-01 churned"]
 * ```
 */
export function lifecycleStagesChart(stages: readonly LifecycleStagesChartInput[], options: ChartOptions = {}): VegaLiteSpec {
  const read = readOptions(options);
  const input = new ChartInput();
  const bars: JsonValue[] = [];
  const rows = input.array(stages, "stages", "lifecycleStages(…) results") ?? [];
  const dates = rows.map((row, index) => {
    const path = `stages[${index}]`;
    const record = input.record(row, path, "a lifecycleStages(…) result");
    if (record === null) return null;
    const on = input.date(record["on"], `${path}.on`);
    const counts = input.record(record["counts"], `${path}.counts`, "counts per stage");
    if (counts === null) return on;
    LIFECYCLE_STAGES.forEach((stage, order) => {
      const customers = input.integer(counts[stage], `${path}.counts.${stage}`, 0);
      if (on !== null && customers !== null && customers > 0) bars.push({ on, stage, order, customers });
    });
    return on;
  });
  checkUnique(input, dates, (index) => `stages[${index}].on`, "date");
  const size = frame(input, read, { title: "Lifecycle stages (ライフサイクル段階)", width: Math.max(480, STEP_WIDTH * rows.length), height: 320 });
  input.check();
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...size,
    data: { values: bars },
    mark: { type: "bar", tooltip: true },
    encoding: {
      x: { field: "on", type: "ordinal", sort: dates as JsonValue[], title: null, axis: { labelAngle: 0, labelOverlap: "greedy" } },
      y: { field: "customers", type: "quantitative", stack: true, title: "customers" },
      color: { field: "stage", type: "nominal", scale: { domain: [...LIFECYCLE_STAGES], range: Object.values(STAGE_COLORS) }, title: "stage" },
      order: { field: "order", type: "quantitative", sort: "ascending" },
      tooltip: [{ field: "on", type: "ordinal" }, { field: "stage", type: "nominal" }, { field: "customers", type: "quantitative" }],
    },
  };
}
