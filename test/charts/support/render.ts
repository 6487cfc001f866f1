/**
 * Rendering chart specs headlessly with vega-lite + vega (dev dependencies), and reading the rendered
 * scenegraph's text boxes, legend and plot area for the readability tests.
 */
import * as vega from "vega";
import * as vegaLite from "vega-lite";
import type { VegaLiteSpec } from "../../../src/charts/index.js";

/** An axis-aligned box in the rendered chart's pixels. */
export interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** What a readability test needs from a rendered single-view chart (boxes in the plot's pixels, origin top left). */
export interface Rendered {
  readonly svg: string;
  /** The data text marks (labels, cell text) with their boxes. */
  readonly labels: { text: string; box: Box }[];
  /** The box of each legend. */
  readonly legends: Box[];
  /** The box of each axis (ticks, labels and title). */
  readonly axes: Box[];
  /** The tick labels of each axis, in that axis' own coordinates (compare labels of one axis with each other). */
  readonly axisLabels: { text: string; box: Box }[][];
  /** The plot area (the data rectangle). */
  readonly plot: Box;
}

interface SceneMark {
  readonly marktype: string;
  readonly role: string;
  readonly bounds: Box;
  readonly items: SceneItem[];
}

interface SceneItem {
  readonly bounds: Box;
  readonly text?: unknown;
  readonly width?: number;
  readonly height?: number;
  readonly opacity?: number;
  readonly items?: SceneMark[];
}

/**
 * Compiles with vega-lite, renders without a browser (vega's text-width estimate), and reads the
 * scenegraph of the top-level group: a single view's layers, axes and legends all sit in it, in the
 * plot's coordinates.
 */
export async function render(spec: VegaLiteSpec): Promise<Rendered> {
  const compiled = vegaLite.compile(spec as unknown as vegaLite.TopLevelSpec);
  const view = new vega.View(vega.parse(compiled.spec), { renderer: "none" });
  try {
    await view.runAsync();
    const svg = await view.toSVG();
    const top = (view.scenegraph() as unknown as { root: SceneMark }).root.items[0]!;
    const marks = top.items ?? [];
    const labels = marks
      .filter((mark) => mark.marktype === "text" && mark.role === "mark")
      .flatMap((mark) => mark.items.map((item) => ({ text: String(item.text), box: item.bounds })));
    const groups = (role: string) => marks.filter((mark) => mark.marktype === "group" && mark.role === role);
    const boxesOf = (role: string) => groups(role).map((mark) => mark.bounds);
    // An axis group holds one item whose marks include the "axis-label" text mark; labels hidden by
    // labelOverlap stay in the scenegraph with opacity 0.
    const axisLabels = groups("axis").map((axis) =>
      (axis.items[0]?.items ?? [])
        .filter((mark) => mark.role === "axis-label")
        .flatMap((mark) => mark.items.filter((item) => item.opacity !== 0).map((item) => ({ text: String(item.text), box: item.bounds }))),
    );
    return { svg, labels, legends: boxesOf("legend"), axes: boxesOf("axis"), axisLabels, plot: { x1: 0, y1: 0, x2: top.width!, y2: top.height! } };
  } finally {
    view.finalize();
  }
}

/** Whether two boxes overlap (touching edges do not count). */
export function overlap(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** Pairs of labels whose boxes overlap, as "text × text". */
export function collisions(labels: readonly { text: string; box: Box }[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      if (overlap(labels[i]!.box, labels[j]!.box)) found.push(`${labels[i]!.text} × ${labels[j]!.text}`);
    }
  }
  return found;
}
