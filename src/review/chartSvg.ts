/**
 * Vega-Lite specs (from cs-metrics/charts) rendered to inline SVG when the page is built, so the page
 * needs no script and makes no request when opened. vega and vega-lite are loaded here, lazily, and
 * nowhere else: `import "cs-metrics"` and the CLI's other formats never load them.
 * @module
 */
import type { VegaLiteSpec } from "../charts/spec.js";

/** The SVG text of a Vega-Lite spec, rendered headless (no canvas, no DOM, no network). */
export async function chartSvg(spec: VegaLiteSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
  // A loader that refuses every URL: the specs carry their data inline, so nothing may be fetched.
  const loader = vega.loader({ mode: "file" });
  const refuse = (): Promise<never> => Promise.reject(new Error("cs-metrics/review: charts load no external data"));
  // vega logs a dataflow error or a refused load ("Loading failed …", a warning) instead of throwing
  // it: collect both and throw the first, so that a chart is never drawn from missing data.
  const errors: unknown[] = [];
  const base = vega.logger(vega.Warn);
  const collect = (...args: readonly unknown[]): typeof base => (errors.push(args.map(String).join(" ")), logger);
  const logger: typeof base = { ...base, error: collect, warn: collect };
  const view = new vega.View(vega.parse(compiled), { renderer: "none", logger, loader: { ...loader, load: refuse, sanitize: refuse, http: refuse, file: refuse } as typeof loader });
  try {
    const svg = await view.toSVG();
    if (errors.length > 0) throw new Error(`cs-metrics/review: chart not drawn: ${String(errors[0])}`);
    return svg;
  } finally {
    view.finalize();
  }
}
