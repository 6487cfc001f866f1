/**
 * The Vega-Lite spec type the chart builders return, and the conversions they share. Specs are plain
 * JSON-serialisable objects: render them with `vega-lite` + `vega`, Observable, a Jupyter/Deno
 * notebook or any Vega-Lite viewer. Nothing here imports vega.
 * @module
 */
import { Decimal } from "decimal.js";
import { describeValue } from "../schemas/primitives.js";
import { ChartInput } from "./chartInput.js";

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
  /** Width of the plot area in pixels, a finite number > 0. Default 480 (the heat map and band chart widen with their data). */
  readonly width?: number;
  /** Height of the plot area in pixels, a finite number > 0. Default 320 (the heat map grows with its cohorts). */
  readonly height?: number;
}

/** A chart's title and plot size. */
export interface Frame {
  readonly title: string;
  readonly width: number;
  readonly height: number;
}

/** A number to plot: a Decimal (or decimal text) as a float, for display only. */
export function plotNumber(value: Decimal.Value): number {
  return new Decimal(value).toNumber();
}

/** A ratio (0.5) as points (50), exactly, then as a float for plotting. */
export function plotPercent(ratio: Decimal.Value): number {
  return new Decimal(ratio).times(100).toNumber();
}

/**
 * Title, width and height of a chart from its (already read) options, filled with defaults; a title
 * that is not a string or a size that is not a finite number > 0 is recorded on `input` at
 * `options.title`, `options.width`, `options.height`.
 */
export function frame(input: ChartInput, options: ChartOptions, defaults: Frame): Frame {
  const title = options.title === undefined ? defaults.title : typeof options.title === "string" ? options.title : input.fail("options.title", `must be a string (got ${describeValue(options.title)})`);
  const size = (key: "width" | "height"): number =>
    options[key] === undefined ? defaults[key] : (input.number(options[key], `options.${key}`, { positive: true }) ?? defaults[key]);
  return { title: title ?? defaults.title, width: size("width"), height: size("height") };
}

/** The default frame of a chart titled `title`: 480 × 320. */
export function defaultFrame(title: string): Frame {
  return { title, width: 480, height: 320 };
}
