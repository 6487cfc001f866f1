/**
 * cs-metrics/charts: Vega-Lite specs for cs-metrics results — plain JSON objects, no vega import.
 * Render them with `vega-lite` + `vega`, a notebook or any Vega-Lite viewer.
 * @packageDocumentation
 */
export { VEGA_LITE_SCHEMA } from "./spec.js";
export type { ChartOptions, JsonValue, VegaLiteSpec } from "./spec.js";
export { mrrBridgeChart, mrrBridgeSteps } from "./mrrBridge.js";
export type { MrrBridgeInput, MrrBridgeStep } from "./mrrBridge.js";
export { cohortRetentionChart } from "./cohortHeatmap.js";
export type { CohortRetentionChartInput, CohortRetentionChartOptions } from "./cohortHeatmap.js";
export { priorityQuadrantChart, CONTACT_COLORS, DEFAULT_LABEL_TOP } from "./priorityQuadrant.js";
export type { PriorityQuadrantChartOptions, QuadrantChartCustomer } from "./priorityQuadrant.js";
export { bandDistributionChart, BAND_COLORS } from "./bandDistribution.js";
export type { BandDistributionPoint } from "./bandDistribution.js";
export { goodMinusBadSeriesChart } from "./goodMinusBadSeries.js";
export { mrrMovementsChart } from "./mrrMovementsSeries.js";
export type { MrrMovementsInput } from "./mrrMovementsSeries.js";
export { concentrationCurveChart } from "./concentrationCurve.js";
export type { ConcentrationCurveInput } from "./concentrationCurve.js";
export type { Serialized } from "./chartInput.js";
export { adoptionCurvesChart } from "./adoptionCurves.js";
export type { AdoptionCurvesChartInput } from "./adoptionCurves.js";
export { lifecycleStagesChart, STAGE_COLORS } from "./lifecycleStages.js";
export type { LifecycleStagesChartInput } from "./lifecycleStages.js";
