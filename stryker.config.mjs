// StrykerJS mutation testing (issue 6): `npm run test:mutation`, report in reports/mutation/.
// Not run by CI (slow). The fuzz suites run at a tenth of their size here (CS_METRICS_FUZZ_SCALE),
// the 100k-row regressions use 1,001 rows, the TZ matrix, which spawns processes, is skipped, and the
// generated SQL runs on DuckDB only (starting a PostgreSQL server per mutant would dominate the run).
process.env.CS_METRICS_FUZZ_SCALE ??= "0.1";
process.env.CS_METRICS_SKIP_TZ_MATRIX = "1";
process.env.CS_METRICS_LARGE_INPUT_ROWS = "1001";
process.env.CS_METRICS_SQL_ENGINES ??= "duckdb";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner", "./stryker/mutantLogReporter.mjs"],
  vitest: { configFile: "stryker.vitest.config.ts" },
  coverageAnalysis: "perTest",
  // All of src/ except the re-export barrels and the bin's process wiring (src/cli/main.ts: three
  // lines handing process.argv and the streams to runCli, which the CLI suites call in-process).
  mutate: ["src/**/*.ts", "!src/**/index.ts", "!src/cli/main.ts"],
  ignorePatterns: ["dist", "reports", "docs/api", "bench", ".stryker-tmp"],
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ["html", "json", "clear-text", "progress", "mutant-log"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
