/**
 * Setup file of stryker.vitest.config.ts: under mutation testing every property runs 20 cases (the
 * suites' own sizes still apply in `npm test`); a mutant is usually killed by the first few.
 */
import fc from "fast-check";

fc.configureGlobal({ numRuns: 20 });
