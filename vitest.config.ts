import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test-prop.ts"],
    // The JSON report is what .ci/run counts ("N passed, N failed").
    reporters: ["default", ["json", { outputFile: `reports/vitest-${(process.env.TZ ?? "local").replace(/\//g, "_")}.json` }]],
  },
});
