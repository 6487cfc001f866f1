/**
 * The cohort retention heat map: start cohorts down, months since start across, retention as colour.
 * @module
 */
import type { Decimal } from "decimal.js";
import { formatPercent } from "../money/format.js";
import type { CohortRetention } from "../revenue/cohortRetention.js";
import { readOptions } from "../schemas/options.js";
import { ChartInput, type Serialized, checkUnique } from "./chartInput.js";
import { type ChartOptions, type JsonValue, VEGA_LITE_SCHEMA, type VegaLiteSpec, frame, plotPercent } from "./spec.js";
import { textWidth } from "./textWidth.js";

/** Options of {@link cohortRetentionChart}. */
export interface CohortRetentionChartOptions extends ChartOptions {
  /** `"revenue"` (default): revenue retention; `"logo"`: logo retention. */
  readonly basis?: "revenue" | "logo";
}

/** The cohorts' cells the heat map reads, as returned or after a JSON round trip. */
export interface CohortRetentionChartInput {
  readonly cohorts: readonly {
    readonly cohort: string;
    readonly customers: number;
    readonly cells: readonly Pick<CohortRetention["cohorts"][number]["cells"][number], "monthsSinceStart" | "month" | "logoRetention" | "revenueRetention">[];
  }[];
}

interface Cell {
  readonly cohort: string;
  readonly customers: number;
  readonly monthsSinceStart: number;
  readonly month: string;
  readonly rate: Decimal;
}

/** Pixels per column and row of the default size (the plot widens and grows with the grid). */
const COLUMN_STEP = 40;
const ROW_STEP = 20;
const FONT_SIZE = 10;

/** The cells with a known rate on `basis`; problems recorded on `input` (`retention.cohorts[2].cells[5].revenueRetention`). */
function readCells(input: ChartInput, retention: unknown, basis: "revenue" | "logo"): Cell[] {
  const cells: Cell[] = [];
  const record = input.record(retention, "retention", "a cohort retention result (cohortRetention(…))");
  const cohorts = record === null ? [] : (input.array(record["cohorts"], "retention.cohorts", "cohorts") ?? []);
  const names = cohorts.map((value, index) => {
    const path = `retention.cohorts[${index}]`;
    const cohort = input.record(value, path, "a cohort");
    if (cohort === null) return null;
    const name = input.text(cohort["cohort"], `${path}.cohort`);
    const customers = input.integer(cohort["customers"], `${path}.customers`, 0);
    const rows = input.array(cohort["cells"], `${path}.cells`, "cohort cells") ?? [];
    const months = rows.map((row, column) => {
      const cellPath = `${path}.cells[${column}]`;
      const cell = input.record(row, cellPath, "a cohort cell");
      if (cell === null) return null;
      const monthsSinceStart = input.integer(cell["monthsSinceStart"], `${cellPath}.monthsSinceStart`, 0);
      const month = input.text(cell["month"], `${cellPath}.month`);
      const field = basis === "revenue" ? "revenueRetention" : "logoRetention";
      const rate = input.nullableDecimal(cell[field], `${cellPath}.${field}`);
      if (name !== null && customers !== null && monthsSinceStart !== null && month !== null && rate !== null) {
        cells.push({ cohort: name, customers, monthsSinceStart, month, rate });
      }
      return monthsSinceStart === null ? null : String(monthsSinceStart);
    });
    checkUnique(input, months, (column) => `${path}.cells[${column}].monthsSinceStart`, "month");
    return name;
  });
  checkUnique(input, names, (index) => `retention.cohorts[${index}].cohort`, "cohort");
  return cells;
}

/**
 * A Vega-Lite heat map of cohort retention.
 *
 * @remarks One cell per (cohort, months since start) of {@link index!cohortRetention}; colour and label =
 * retention × 100 (revenue or logo basis). Cells whose retention is `null` (an empty base) are left
 * out rather than drawn as 0. The default size grows with the grid (40 px a month, 20 px a cohort,
 * at least 480 × 320); each cell shows its retention to one decimal (`"62.5%"`) when that fits the
 * cell, else as a whole percent (`"63%"`), else only as colour and tooltip.
 * @param retention - {@link index!cohortRetention}'s result, or the same after a JSON round trip
 * (rates as decimal strings); only the fields of {@link CohortRetentionChartInput} are read.
 * @param options - `basis`, title and size.
 * @returns A Vega-Lite spec (a plain object).
 * @throws {@link index!ValidationError} when `retention` is not a cohort retention result, a field is
 * missing or invalid (`retention.cohorts[2].cells[5].revenueRetention`: a rate must be a decimal ≥ 0
 * or `null`), a cohort or a cohort's month appears twice, or an option is invalid (`options.basis`,
 * `options.width`).
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
export function cohortRetentionChart(
  retention: CohortRetention | CohortRetentionChartInput | Serialized<CohortRetentionChartInput>,
  options: CohortRetentionChartOptions = {},
): VegaLiteSpec {
  const read = readOptions(options);
  const input = new ChartInput();
  const basis = read.basis === undefined ? "revenue" : input.oneOf(read.basis, "options.basis", ["revenue", "logo"]);
  const cells = readCells(input, retention, basis ?? "revenue");
  const columns = new Set(cells.map((cell) => cell.monthsSinceStart)).size;
  const rows = new Set(cells.map((cell) => cell.cohort)).size;
  const title = basis === "logo" ? "Logo retention by cohort (継続率)" : "Revenue retention by cohort (売上継続率)";
  const size = frame(input, read, { title, width: Math.max(480, COLUMN_STEP * columns), height: Math.max(320, ROW_STEP * rows) });
  input.check();
  const values = cells.map((cell) => ({
    cohort: cell.cohort,
    customers: cell.customers,
    monthsSinceStart: cell.monthsSinceStart,
    month: cell.month,
    retention: plotPercent(cell.rate),
    label: formatPercent(cell.rate),
    short: formatPercent(cell.rate, { decimals: 0 }),
  }));
  const cellText = cellTextField(values, size.width / Math.max(columns, 1), size.height / Math.max(rows, 1));
  const layer: JsonValue[] = [
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
  ];
  if (cellText !== null) {
    layer.push({
      mark: { type: "text", fontSize: FONT_SIZE },
      encoding: {
        text: { field: cellText, type: "nominal" },
        color: { condition: { test: "datum.retention > 60", value: "white" }, value: "black" },
      },
    });
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...size,
    data: { values: values as JsonValue[] },
    encoding: {
      x: { field: "monthsSinceStart", type: "ordinal", title: "months since start", axis: { labelAngle: 0, labelOverlap: "greedy" } },
      y: { field: "cohort", type: "ordinal", title: "cohort", axis: { labelOverlap: "greedy" } },
    },
    layer,
  };
}

/**
 * Which text the cells can show: `"label"` (one decimal, `"62.5%"`) when the widest fits its cell,
 * else `"short"` (whole percent, `"63%"`) when that fits, else `null` (colour and tooltip only).
 */
function cellTextField(values: readonly { readonly label: string; readonly short: string }[], cellWidth: number, cellHeight: number): "label" | "short" | null {
  if (cellHeight < FONT_SIZE + 2) return null;
  const fits = (field: "label" | "short") => values.every((value) => textWidth(value[field], FONT_SIZE) + 6 <= cellWidth);
  return fits("label") ? "label" : fits("short") ? "short" : null;
}
