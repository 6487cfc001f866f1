/**
 * The 展開率 × 活用率 priority quadrant (WingArc1st's CSuP view) as a Vega-Lite scatter plot.
 * @module
 */
import type { QuadrantCustomer } from "../health/priorityQuadrant.js";
import { type ChartOptions, type JsonValue, VEGA_LITE_SCHEMA, type VegaLiteSpec, frame } from "./spec.js";

/** Options of {@link priorityQuadrantChart}. */
export interface PriorityQuadrantChartOptions extends ChartOptions {
  /** Where the horizontal divider (展開率) is drawn, a ratio; the value given to `priorityQuadrant`. Default 0.5. */
  readonly deploymentThreshold?: number;
  /** Where the vertical divider (活用率) is drawn, a ratio. Default 0.5. */
  readonly utilizationThreshold?: number;
  /** Label the points with priority and customer id. Default `true`. */
  readonly labels?: boolean;
}

/** Blue: contacted recently; red: not. */
export const CONTACT_COLORS = { contacted: "#1f6fd1", notContacted: "#d1453b" } as const;

/**
 * A Vega-Lite scatter plot of the priority quadrant: x = 活用率 (utilization rate), y = 展開率
 * (deployment rate), blue when contacted recently, red when not, with the two thresholds drawn.
 *
 * @remarks Points are {@link index!priorityQuadrant}'s rows with both rates known, plotted in percent
 * (rate × 100); customers with a missing rate cannot be placed and are left out of the plot (they
 * keep their rank in `priorityQuadrant`'s result). Low-low and red (bottom left) is the first to call.
 * @param customers - {@link index!priorityQuadrant}'s result.
 * @param options - Thresholds (ratios, as given to `priorityQuadrant`), labels, title and size.
 * @returns A Vega-Lite spec (a plain object).
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
 * //=> { customerId: "b", priority: 1, quadrant: "low-low", deployment: 40, utilization: 25, contact: "not contacted", label: "1 b" }
 * ```
 */
export function priorityQuadrantChart(customers: readonly QuadrantCustomer[], options: PriorityQuadrantChartOptions = {}): VegaLiteSpec {
  const values: JsonValue[] = [];
  for (const customer of customers) {
    if (customer.deploymentRate === null || customer.utilizationRate === null) continue;
    values.push({
      customerId: customer.customerId,
      priority: customer.priority,
      quadrant: customer.quadrant,
      deployment: Math.round(customer.deploymentRate * 1e6) / 1e4,
      utilization: Math.round(customer.utilizationRate * 1e6) / 1e4,
      contact: customer.contactedRecently ? "contacted" : "not contacted",
      label: `${customer.priority} ${customer.customerId}`,
    });
  }
  const deploymentLine = (options.deploymentThreshold ?? 0.5) * 100;
  const utilizationLine = (options.utilizationThreshold ?? 0.5) * 100;
  // 0–100% on both axes, wider only when a rate exceeds 1 (more users provisioned than licensed).
  const top = (field: "deployment" | "utilization"): number =>
    Math.max(100, ...values.map((value) => (value as Record<typeof field, number>)[field]));
  const x = { field: "utilization", type: "quantitative", title: "活用率 utilization rate (%)", scale: { domain: [0, top("utilization")] } } as const;
  const y = { field: "deployment", type: "quantitative", title: "展開率 deployment rate (%)", scale: { domain: [0, top("deployment")] } } as const;
  const layer: JsonValue[] = [
    { data: { values: [{ at: utilizationLine }] }, mark: { type: "rule", strokeDash: [4, 4], color: "#888" }, encoding: { x: { field: "at", type: "quantitative" } } },
    { data: { values: [{ at: deploymentLine }] }, mark: { type: "rule", strokeDash: [4, 4], color: "#888" }, encoding: { y: { field: "at", type: "quantitative" } } },
    {
      mark: { type: "point", filled: true, size: 90, tooltip: true },
      encoding: {
        x,
        y,
        color: {
          field: "contact",
          type: "nominal",
          title: "recent contact",
          scale: { domain: ["contacted", "not contacted"], range: [CONTACT_COLORS.contacted, CONTACT_COLORS.notContacted] },
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
  if (options.labels ?? true) {
    layer.push({ mark: { type: "text", align: "left", dx: 7, fontSize: 10 }, encoding: { x, y, text: { field: "label", type: "nominal" } } });
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...frame(options, "Priority quadrant 展開率 × 活用率"),
    data: { values },
    layer,
  };
}
