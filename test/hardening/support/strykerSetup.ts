/**
 * Setup file of stryker.vitest.config.ts: under mutation testing every property runs 20 cases (the
 * suites' own sizes still apply in `npm test`); a mutant is usually killed by the first few.
 *
 * The seed is fixed because @fast-check/vitest names each `test.prop` test "<label> (with seed=N)":
 * with a fresh seed per run, the name Stryker recorded in its coverage run matched no test in the
 * mutant runs, so every `test.prop` property was silently left out of judging mutants.
 */
import fc from "fast-check";

fc.configureGlobal({ numRuns: 20, seed: 20_261_122 });
