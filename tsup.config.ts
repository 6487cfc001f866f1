import { defineConfig } from "tsup";

export default defineConfig({
  // charts, sql, stripe, review, slack, parquet: separate entry points (cs-metrics/charts, …/sql, …/stripe,
  // …/review, …/slack, …/parquet); cli: the
  // `cs-metrics` command (bin). review loads vega and vega-lite (dependencies, so tsup leaves them external)
  // lazily, and only it does; parquet loads hyparquet (a dependency, ESM only) lazily with import(), which
  // CommonJS on every Node 20 can do.
  entry: {
    index: "src/index.ts",
    charts: "src/charts/index.ts",
    sql: "src/sql/index.ts",
    stripe: "src/stripe/index.ts",
    review: "src/review/index.ts",
    slack: "src/slack/index.ts",
    parquet: "src/parquet/index.ts",
    cli: "src/cli/main.ts",
    // The CLI's worker thread for reading a large events CSV in parts (src/cli/eventParts.ts).
    "events-worker": "src/cli/eventsWorker.ts",
  },
  format: ["esm", "cjs"],
  dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
  sourcemap: true,
  clean: true,
  target: "node20",
  treeshake: true,
  // Shared chunks in CommonJS too: one ValidationError class (and one of every other module) across
  // cs-metrics, /charts, /sql and /stripe, so `instanceof` holds for errors thrown by any entry point.
  splitting: true,
});
