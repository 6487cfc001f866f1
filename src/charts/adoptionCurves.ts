/**
 * The adoption curves chart: one thin line per customer by months since its first paid day, its
 * cohort's mean curve bold, and the target as a dashed rule.
 * @module
 */
import type { AdoptionCurves } from "../adoption/adoptionCurves.js";
import { readOptions } from "../schemas/options.js";
import { ChartInput, checkUnique } from "./chartInput.js";
import { type ChartOptions, type JsonValue, VEGA_LITE_SCHEMA, type VegaLiteSpec, frame } from "./spec.js";

/** The fields of {@link index!AdoptionCurves} the chart reads (as returned, or after a JSON round trip). */
export type AdoptionCurvesChartInput = Pick<AdoptionCurves, "measure" | "target"> & {
  readonly customers: readonly Pick<AdoptionCurves["customers"][number], "customerId" | "cohort" | "values">[];
  readonly cohorts: readonly Pick<AdoptionCurves["cohorts"][number], "cohort" | "mean">[];
};

/** A finite number or `null` (a month without a value). */
function nullableNumber(input: ChartInput, value: unknown, path: string): number | null | undefined {
  if (value === null) return null;
  return input.number(value, path, {}) ?? undefined;
}

/** Reads `values[k]` lists as `{ month: k + 1, value }` points; problems at `${path}[k]`. */
function readValues(input: ChartInput, value: unknown, path: string): { month: number; value: number }[] {
  const points: { month: number; value: number }[] = [];
  (input.array(value, path, "numbers or nulls") ?? []).forEach((item, k) => {
    const read = nullableNumber(input, item, `${path}[${k}]`);
    if (read !== null && read !== undefined) points.push({ month: k + 1, value: read });
  });
  return points;
}

/**
 * A Vega-Lite chart of adoption curves: each customer's measure by months since its first paid day
 * (thin lines, coloured by start cohort), each cohort's mean curve (bold), and the target (dashed).
 *
 * @remarks Plots {@link index!adoptionCurves}' `values` and cohort `mean` as they are; months without a
 * value are gaps in the line's points (Vega-Lite joins the points around them). An early curve rises
 * above the rule in month 1, a late one crosses it later, a stalled one never does.
 * @param curves - {@link index!adoptionCurves}' result, or the same after a JSON round trip.
 * @param options - Title and size.
 * @returns A Vega-Lite spec (a plain object).
 * @throws {@link index!ValidationError} naming the field: `curves` not an object, `curves.measure`,
 * `curves.target`, a value that is neither a finite number nor `null`
 * (`curves.customers[2].values[3]`), a repeated `curves.customers[4].customerId` or
 * `curves.cohorts[1].cohort`, or an invalid option (`options.width`).
 * @example
 * ```ts
 * import { adoptionCurves } from "cs-metrics";
 * import { adoptionCurvesChart } from "cs-metrics/charts";
 * const curves = adoptionCurves(
 *   [{ customerId: "acme", at: "2025-01-20", featuresUsed: 8, featuresAvailable: 10 }],
 *   [{ id: "1", customerId: "acme", start: "2025-01-01", amount: 100, currency: "USD" }],
 *   { measure: { signal: "featureAdoption" }, months: 1, target: 0.6 },
 * );
 * const spec = adoptionCurvesChart(curves);
 * const [lines, means] = spec.layer as { data: { values: { month: number; value: number }[] } }[];
 * lines?.data.values.map((v) => `${v.month}: ${v.value}`); //=> ["1: 0.8"]
 * means?.data.values.length; //=> 1
 * ```
 */
export function adoptionCurvesChart(curves: AdoptionCurvesChartInput, options: ChartOptions = {}): VegaLiteSpec {
  const read = readOptions(options);
  const input = new ChartInput();
  const record = input.record(curves, "curves", "an adoptionCurves(…) result");
  const measure = record === null ? null : input.text(record["measure"], "curves.measure");
  const target = record === null ? null : input.number(record["target"], "curves.target", {});
  const lines: JsonValue[] = [];
  const ids = (record === null ? [] : (input.array(record["customers"], "curves.customers", "customer curves") ?? [])).map((row, index) => {
    const path = `curves.customers[${index}]`;
    const customer = input.record(row, path, "a { customerId, cohort, values } curve");
    if (customer === null) return null;
    const customerId = input.text(customer["customerId"], `${path}.customerId`);
    const cohort = input.text(customer["cohort"], `${path}.cohort`);
    for (const point of readValues(input, customer["values"], `${path}.values`)) lines.push({ customerId, cohort, ...point });
    return customerId;
  });
  checkUnique(input, ids, (index) => `curves.customers[${index}].customerId`, "customer");
  const means: JsonValue[] = [];
  const cohorts = (record === null ? [] : (input.array(record["cohorts"], "curves.cohorts", "cohort curves") ?? [])).map((row, index) => {
    const path = `curves.cohorts[${index}]`;
    const cohortRow = input.record(row, path, "a { cohort, mean } curve");
    if (cohortRow === null) return null;
    const cohort = input.text(cohortRow["cohort"], `${path}.cohort`);
    for (const { month, value } of readValues(input, cohortRow["mean"], `${path}.mean`)) means.push({ cohort, month, mean: value });
    return cohort;
  });
  checkUnique(input, cohorts, (index) => `curves.cohorts[${index}].cohort`, "cohort");
  const size = frame(input, read, { title: "Adoption curves (定着曲線)", width: 480, height: 320 });
  input.check();
  const x = { field: "month", type: "quantitative", title: "months since first paid day", axis: { tickMinStep: 1, format: "d" } };
  const color = { field: "cohort", type: "nominal", title: "start cohort" };
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...size,
    layer: [
      {
        data: { values: lines },
        mark: { type: "line", point: true, strokeWidth: 1, opacity: 0.5, tooltip: true },
        encoding: {
          x,
          y: { field: "value", type: "quantitative", title: measure! },
          color,
          detail: { field: "customerId", type: "nominal" },
          tooltip: [{ field: "customerId", type: "nominal" }, { field: "month", type: "quantitative" }, { field: "value", type: "quantitative" }],
        },
      },
      {
        data: { values: means },
        mark: { type: "line", strokeWidth: 3.5, tooltip: true },
        encoding: {
          x,
          y: { field: "mean", type: "quantitative" },
          color,
          tooltip: [{ field: "cohort", type: "nominal" }, { field: "month", type: "quantitative" }, { field: "mean", type: "quantitative", title: "cohort mean" }],
        },
      },
      { data: { values: [{ target: target! }] }, mark: { type: "rule", strokeDash: [6, 4], color: "#7f8c8d" }, encoding: { y: { field: "target", type: "quantitative" } } },
    ],
  };
}
