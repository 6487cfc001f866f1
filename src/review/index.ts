/**
 * cs-metrics/review: the review as one self-contained HTML page (`reviewHtml`), in English or
 * Japanese. Loads vega and vega-lite (to draw the charts as inline SVG) on the first call; the main
 * `cs-metrics` entry never does.
 * @packageDocumentation
 */
export { reviewHtml } from "./reviewHtml.js";
export type { ReviewBandPoint, ReviewHtmlOptions, ReviewInput, ReviewSource, ReviewUsage } from "./reviewInput.js";
export type { ReviewLanguage } from "./labels.js";
