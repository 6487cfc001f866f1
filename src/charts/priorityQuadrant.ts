/**
 * The 展開率 × 活用率 priority quadrant (WingArc1st's CSuP view) as a Vega-Lite scatter plot.
 * @module
 */
import { Decimal } from "decimal.js";
import type { QuadrantCustomer } from "../health/priorityQuadrant.js";
import { readOptions } from "../schemas/options.js";
import { ChartInput, type Serialized } from "./chartInput.js";
import { type LabelRequest, placeLabels } from "./labelLayout.js";
import { type ChartOptions, type JsonValue, VEGA_LITE_SCHEMA, type VegaLiteSpec, defaultFrame, frame } from "./spec.js";
import { textWidth } from "./textWidth.js";

/** Options of {@link priorityQuadrantChart}. */
export interface PriorityQuadrantChartOptions extends ChartOptions {
  /** Where the horizontal divider (展開率) is drawn, a ratio ≥ 0; the value given to `priorityQuadrant`. Default 0.5. */
  readonly deploymentThreshold?: number;
  /** Where the vertical divider (活用率) is drawn, a ratio ≥ 0. Default 0.5. */
  readonly utilizationThreshold?: number;
  /**
   * How many customers to label with priority and id: the first N by priority (the ones to call).
   * A whole number ≥ 0; default {@link DEFAULT_LABEL_TOP} (10). Every point keeps its tooltip.
   */
  readonly labelTop?: number;
}

/** How many customers {@link priorityQuadrantChart} labels by default. */
export const DEFAULT_LABEL_TOP = 10;

/** Blue: contacted recently; red: not. */
export const CONTACT_COLORS = { contacted: "#1f6fd1", notContacted: "#d1453b" } as const;

/** Largest rate accepted (a ratio: 1e6 = 100,000,000%), so that every plotted number stays finite. */
const MAX_RATE = 1e6;
const FONT_SIZE = 10;
/** Longest customer id shown in a label; longer ones end in "…" (the tooltip has the whole id). */
const MAX_LABEL_ID = 32;

/** The fields of a {@link QuadrantCustomer} the chart reads. */
export type QuadrantChartCustomer = Pick<QuadrantCustomer, "customerId" | "priority" | "quadrant" | "deploymentRate" | "utilizationRate" | "contactedRecently">;

interface Placed {
  readonly customerId: string;
  readonly priority: number;
  readonly quadrant: string;
  readonly deployment: number;
  readonly utilization: number;
  readonly contactedRecently: boolean;
}

/** The customers with both rates known; problems recorded on `input` (`customers[3].deploymentRate`). */
function readCustomers(input: ChartInput, value: unknown): Placed[] {
  const placed: Placed[] = [];
  const rows = input.array(value, "customers", "quadrant customers (priorityQuadrant(…))") ?? [];
  rows.forEach((row, index) => {
    const path = `customers[${index}]`;
    const customer = input.record(row, path, "a quadrant customer");
    if (customer === null) return;
    const customerId = input.text(customer["customerId"], `${path}.customerId`);
    const priority = input.integer(customer["priority"], `${path}.priority`, 1);
    const quadrant = input.oneOf(customer["quadrant"], `${path}.quadrant`, ["low-low", "low-high", "high-low", "high-high"]);
    const deployment = input.nullableDecimal(customer["deploymentRate"], `${path}.deploymentRate`, { max: MAX_RATE });
    const utilization = input.nullableDecimal(customer["utilizationRate"], `${path}.utilizationRate`, { max: MAX_RATE });
    const contactedRecently = input.boolean(customer["contactedRecently"], `${path}.contactedRecently`);
    if (customerId === null || priority === null || quadrant === null || contactedRecently === null) return;
    // A missing rate cannot be placed: the customer keeps its rank in priorityQuadrant's result only.
    if (deployment === null || utilization === null) return;
    placed.push({
      customerId,
      priority,
      quadrant,
      deployment: deployment.times(100).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toNumber(),
      utilization: utilization.times(100).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toNumber(),
      contactedRecently,
    });
  });
  return placed;
}

/** Point area (px²) by the number of points: smaller as the plot fills up. */
function pointSize(count: number): number {
  return count <= 50 ? 90 : count <= 200 ? 50 : 30;
}

/**
 * A Vega-Lite scatter plot of the priority quadrant: x = 活用率 (utilization rate), y = 展開率
 * (deployment rate), blue when contacted recently, red when not, with the two thresholds drawn.
 *
 * @remarks Points are {@link index!priorityQuadrant}'s rows with both rates known, plotted in percent
 * (rate × 100, to 4 decimals); customers with a missing rate cannot be placed and are left out of the
 * plot (they keep their rank in `priorityQuadrant`'s result). Low-low and red (bottom left) is the
 * first to call. Only the first `labelTop` placed customers by priority are labelled (`"1 aozora"`) and
 * ringed; their labels are laid out in the builder so that none overlaps another label or a labelled
 * point (a label moved away from its point gets a leader line; one with no free spot is left out), and
 * the legend sits below the plot. Axes run 0–100%, wider when a rate or threshold is above 1.
 * @param customers - {@link index!priorityQuadrant}'s result, or the same after a JSON round trip.
 * @param options - Thresholds (ratios, as given to `priorityQuadrant`), `labelTop`, title and size.
 * @returns A Vega-Lite spec (a plain object).
 * @throws {@link index!ValidationError} when `customers` is not an array, a customer lacks a field or
 * has a bad one (`customers[3].deploymentRate`: a rate must be a finite number ≥ 0 or `null`), or an
 * option is invalid (`options.labelTop`, `options.deploymentThreshold`, `options.width`).
 * @example
 * ```ts
 * import { priorityQuadrant } from "cs-metrics";
 * import { priorityQuadrantChart } from "cs-metrics/charts";
 * const ranked = priorityQuadrant([
 *   { customerId: "a", at: "2025-06-30", licensedSeats: 100, provisionedUsers: 90, activeUsers: 81, lastContactAt: "2025-06-01" },
 *   { customerId: "b", at: "2025-06-30", licensedSeats: 100, provisionedUsers: 40, activeUsers: 10 },
 * ], { asOf: "2025-06-30", deploymentThreshold: 0.5, utilizationThreshold: 0.5, contactWithinDays: 30 });
 * const spec = priorityQuadrantChart(ranked);
 * // b: 展開率 40/100 = 40%, 活用率 10/40 = 25%, never contacted → red, priority 1
 * (spec.data as { values: unknown[] }).values[0];
 * //=> { customerId: "b", priority: 1, quadrant: "low-low", deployment: 40, utilization: 25, contact: "not contacted", label: "1 b", labelled: true }
 * ```
 */
export function priorityQuadrantChart(
  customers: readonly (QuadrantChartCustomer | Serialized<QuadrantChartCustomer>)[],
  options: PriorityQuadrantChartOptions = {},
): VegaLiteSpec {
  const read = readOptions(options);
  const input = new ChartInput();
  const placed = readCustomers(input, customers);
  const threshold = (key: "deploymentThreshold" | "utilizationThreshold") =>
    read[key] === undefined ? 50 : (input.number(read[key], `options.${key}`, { min: 0, max: MAX_RATE }) ?? 0.5) * 100;
  const deploymentLine = threshold("deploymentThreshold");
  const utilizationLine = threshold("utilizationThreshold");
  const labelTop = read.labelTop === undefined ? DEFAULT_LABEL_TOP : (input.integer(read.labelTop, "options.labelTop", 0) ?? 0);
  const size = frame(input, read, defaultFrame("Priority quadrant 展開率 × 活用率"));
  input.check();

  // 0–100% on both axes, wider only when a rate (more users provisioned than licensed) or a threshold is.
  const xTop = Math.max(100, utilizationLine, ...placed.map((row) => row.utilization));
  const yTop = Math.max(100, deploymentLine, ...placed.map((row) => row.deployment));
  const labelled = new Set([...placed].sort((a, b) => a.priority - b.priority).slice(0, labelTop));
  const values: JsonValue[] = placed.map((row) => ({
    customerId: row.customerId,
    priority: row.priority,
    quadrant: row.quadrant,
    deployment: row.deployment,
    utilization: row.utilization,
    contact: row.contactedRecently ? "contacted" : "not contacted",
    label: labelText(row),
    labelled: labelled.has(row),
  }));
  const x = { field: "utilization", type: "quantitative", title: "活用率 utilization rate (%)", scale: { domain: [0, xTop] } } as const;
  const y = { field: "deployment", type: "quantitative", title: "展開率 deployment rate (%)", scale: { domain: [0, yTop] } } as const;
  const area = pointSize(placed.length);
  const layer: JsonValue[] = [
    { data: { values: [{ at: utilizationLine }] }, mark: { type: "rule", strokeDash: [4, 4], color: "#888" }, encoding: { x: { field: "at", type: "quantitative" } } },
    { data: { values: [{ at: deploymentLine }] }, mark: { type: "rule", strokeDash: [4, 4], color: "#888" }, encoding: { y: { field: "at", type: "quantitative" } } },
    {
      mark: { type: "point", filled: true, size: area, opacity: placed.length > 50 ? 0.7 : 0.9, tooltip: true },
      encoding: {
        x,
        y,
        color: {
          field: "contact",
          type: "nominal",
          title: "recent contact",
          scale: { domain: ["contacted", "not contacted"], range: [CONTACT_COLORS.contacted, CONTACT_COLORS.notContacted] },
          legend: { orient: "bottom", direction: "horizontal" },
        },
        tooltip: [
          { field: "priority", type: "quantitative" },
          { field: "customerId", type: "nominal", title: "customer" },
          { field: "quadrant", type: "nominal" },
          { field: "deployment", type: "quantitative", title: "展開率 %" },
          { field: "utilization", type: "quantitative", title: "活用率 %" },
          { field: "contact", type: "nominal" },
        ],
      },
    },
  ];
  if (labelled.size > 0) {
    const ringArea = area * 2.5;
    const top = [...labelled];
    // The ringed points, and the list of who to call first as their legend, right of the plot.
    layer.push({
      transform: [{ filter: "datum.labelled" }],
      mark: { type: "point", filled: false, size: ringArea, color: "#222", strokeWidth: 1.5 },
      encoding: {
        x,
        y,
        shape: {
          field: "label",
          type: "nominal",
          title: "call first (優先順位)",
          scale: { domain: top.map(labelText), range: top.map(() => "circle") },
          legend: { orient: "right", symbolFillColor: "transparent", symbolStrokeColor: "#222", labelLimit: 200, symbolLimit: top.length },
        },
      },
    });
    layer.push(...labelLayers(top, { xTop, yTop, width: size.width, height: size.height, ringRadius: Math.sqrt(ringArea / Math.PI) + 1, others: placed }));
  }
  return { $schema: VEGA_LITE_SCHEMA, ...size, data: { values }, layer };
}

/** `"1 aozora-bank"`: priority and id, the id cut at {@link MAX_LABEL_ID} characters. */
function labelText(row: Placed): string {
  const characters = [...row.customerId];
  const id = characters.length > MAX_LABEL_ID ? `${characters.slice(0, MAX_LABEL_ID - 1).join("")}…` : row.customerId;
  return `${row.priority} ${id}`;
}

interface Plot {
  readonly xTop: number;
  readonly yTop: number;
  readonly width: number;
  readonly height: number;
  readonly ringRadius: number;
  readonly others: readonly Placed[];
}

/** The priority numbers at the spots {@link placeLabels} found, and the leader lines to moved ones. */
function labelLayers(rows: readonly Placed[], plot: Plot): JsonValue[] {
  const pixel = (row: Placed) => ({ x: (row.utilization / plot.xTop) * plot.width, y: plot.height - (row.deployment / plot.yTop) * plot.height });
  const requests: LabelRequest[] = rows.map((row) => {
    // Vega's text box is one font size high; one pixel of slack on every side.
    return { point: { ...pixel(row), radius: plot.ringRadius }, width: textWidth(String(row.priority), FONT_SIZE) + 2, height: FONT_SIZE + 2 };
  });
  const others = plot.others.filter((row) => !rows.includes(row)).map((row) => ({ ...pixel(row), radius: 2 }));
  const placements = placeLabels(requests, others, plot.width, plot.height);
  // Back from pixels to the axes' percent, to 4 decimals (well under a pixel).
  const u = (px: number) => Math.round((px / plot.width) * plot.xTop * 1e4) / 1e4;
  const d = (py: number) => Math.round(((plot.height - py) / plot.height) * plot.yTop * 1e4) / 1e4;
  const labels: JsonValue[] = [];
  const leaders: JsonValue[] = [];
  placements.forEach((placement, index) => {
    const row = rows[index]!;
    if (placement === null) return;
    labels.push({ priority: row.priority, labelX: u(placement.x), labelY: d(placement.y) });
    if (placement.leader) leaders.push({ x: row.utilization, y: row.deployment, x2: u(placement.x), y2: d(placement.y) });
  });
  const scale = (top: number) => ({ domain: [0, top] });
  const layers: JsonValue[] = [];
  if (leaders.length > 0) {
    layers.push({
      data: { values: leaders },
      mark: { type: "rule", color: "#555", strokeWidth: 0.75 },
      encoding: {
        x: { field: "x", type: "quantitative", scale: scale(plot.xTop) },
        y: { field: "y", type: "quantitative", scale: scale(plot.yTop) },
        x2: { field: "x2" },
        y2: { field: "y2" },
      },
    });
  }
  layers.push({
    data: { values: labels },
    mark: { type: "text", align: "center", baseline: "middle", fontSize: FONT_SIZE, fontWeight: "bold", color: "#111" },
    encoding: {
      x: { field: "labelX", type: "quantitative", scale: scale(plot.xTop) },
      y: { field: "labelY", type: "quantitative", scale: scale(plot.yTop) },
      text: { field: "priority", type: "quantitative" },
    },
  });
  return layers;
}
