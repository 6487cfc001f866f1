// The vitest configuration StrykerJS runs (stryker.config.mjs): every suite except test/examples
// (which runs the examples and the packed tarball in child processes, outside Stryker's reach).
// STRYKER_VITEST_EXCLUDE (comma-separated globs) leaves out more, e.g. a suite that is red while
// someone is mid-change.
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/*.{test,test-prop}.ts", "test/{revenue,lostRevenue,dates,money,schemas,health,stats,hardening,docs,scale,cli,charts,sql}/**/*.{test,test-prop}.ts"],
    // Instrumented code runs several times slower; the default 5 s per test is too tight.
    testTimeout: 120_000,
    setupFiles: ["test/hardening/support/strykerSetup.ts"],
    // test/dates/timeZone.test.ts runs the library in child processes, outside Stryker's instrumentation.
    exclude: [...configDefaults.exclude, "test/dates/timeZone.test.ts", ...(process.env.STRYKER_VITEST_EXCLUDE?.split(",") ?? [])],
  },
});
