/**
 * The Vega-Lite spec type the chart builders return, and the conversions they share. Specs are plain
 * JSON-serialisable objects: render them with `vega-lite` + `vega`, Observable, a Jupyter/Deno
 * notebook or any Vega-Lite viewer. Nothing here imports vega.
 * @module
 */
import { Decimal } from "decimal.js";

/** The Vega-Lite JSON schema the specs are written against. */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** A JSON value, as found in a Vega-Lite spec. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A Vega-Lite specification: a plain JSON object with its `$schema`. */
export interface VegaLiteSpec {
  /** The Vega-Lite JSON schema URL ({@link VEGA_LITE_SCHEMA}). */
  readonly $schema: string;
  /** Any other top-level Vega-Lite property (`data`, `mark`, `encoding`, `layer`, …). */
  readonly [property: string]: JsonValue;
}

/** Options shared by every chart builder. */
export interface ChartOptions {
  /** Chart title. Each builder has a bilingual default. */
  readonly title?: string;
  /** Width in pixels. Default 480. */
  readonly width?: number;
  /** Height in pixels. Default 320. */
  readonly height?: number;
}

/** A number to plot: a Decimal (or decimal text) as a float, for display only. */
export function plotNumber(value: Decimal.Value): number {
  return new Decimal(value).toNumber();
}

/** A ratio (0.5) as points (50), exactly, then as a float for plotting. */
export function plotPercent(ratio: Decimal.Value): number {
  return new Decimal(ratio).times(100).toNumber();
}

/** Title, width and height of a chart, filled with defaults. */
export function frame(options: ChartOptions, defaultTitle: string): { title: string; width: number; height: number } {
  return { title: options.title ?? defaultTitle, width: options.width ?? 480, height: options.height ?? 320 };
}
