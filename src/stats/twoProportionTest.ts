/**
 * The two-proportion z-test with a pooled standard error: do two groups' rates differ?
 * @module
 */
import { ValidationError } from "../errors.js";
import { checkCount } from "./wilsonInterval.js";
import { twoSidedPValue } from "./normalDistribution.js";

/** Successes out of trials of one group. */
export interface ProportionCounts {
  readonly successes: number;
  readonly trials: number;
}

/** {@link twoProportionZTest}'s result. */
export interface TwoProportionTest {
  /** p̂₁ − p̂₂, as a ratio (−1…1); `null` when a group has no trials. */
  readonly difference: number | null;
  /** The z statistic; `null` when a group has no trials or the pooled rate is 0 or 1 (no variance). */
  readonly z: number | null;
  /** Two-sided p-value 2·(1 − Φ(|z|)); `null` with `z`. */
  readonly pValue: number | null;
}

/** The test of already checked counts. @internal */
export function twoProportionOf(a: ProportionCounts, b: ProportionCounts): TwoProportionTest {
  if (a.trials === 0 || b.trials === 0) return { difference: null, z: null, pValue: null };
  const difference = a.successes / a.trials - b.successes / b.trials;
  const pooled = (a.successes + b.successes) / (a.trials + b.trials);
  const variance = pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials);
  if (variance === 0) return { difference, z: null, pValue: null };
  const z = difference / Math.sqrt(variance);
  return { difference, z, pValue: twoSidedPValue(z) };
}

function readCounts(value: ProportionCounts, path: string): ProportionCounts {
  if (typeof value !== "object" || value === null) {
    throw new ValidationError([{ path, message: "must be { successes, trials }" }]);
  }
  const trials = checkCount(value.trials, `${path}.trials`);
  const successes = checkCount(value.successes, `${path}.successes`);
  if (successes > trials) throw new ValidationError([{ path: `${path}.successes`, message: `must be at most trials (${trials}, got ${successes})` }]);
  return { successes, trials };
}

/**
 * The two-sided two-proportion z-test (pooled): is group a's rate different from group b's?
 *
 * @remarks
 * p̂ᵢ = successesᵢ/trialsᵢ, pooled p = (s₁ + s₂)/(n₁ + n₂), z = (p̂₁ − p̂₂) / √(p(1 − p)(1/n₁ + 1/n₂)),
 * p-value = 2·(1 − Φ(|z|)) with Φ from Abramowitz & Stegun 26.2.17 (|error| < 7.5·10⁻⁸, so the p-value is
 * within 1.5·10⁻⁷). This is the
 * textbook large-sample test (equivalent to Pearson's χ² test of the 2×2 table without continuity
 * correction: z² = χ²); with fewer than about 5 successes or failures in a group prefer an exact test.
 * No correction for multiple comparisons is applied.
 *
 * @param a - `{ successes, trials }` of the first group.
 * @param b - `{ successes, trials }` of the second group.
 * @returns difference, z and p-value; `null` fields when a group is empty or both groups are all
 * successes (or all failures).
 * @throws {@link ValidationError} when a count is not a whole number ≥ 0 (`a.trials`) or successes
 * exceed trials (`b.successes`).
 * @example
 * ```ts
 * import { twoProportionZTest } from "cs-metrics";
 * // 45/50 vs 30/50: pooled 0.75, SE √(0.75·0.25·(2/50)) = √0.0075, z = 0.3/√0.0075 = 2√3
 * const test = twoProportionZTest({ successes: 45, trials: 50 }, { successes: 30, trials: 50 });
 * test.z?.toFixed(4); //=> "3.4641"
 * test.pValue?.toFixed(5); //=> "0.00053"
 * ```
 */
export function twoProportionZTest(a: ProportionCounts, b: ProportionCounts): TwoProportionTest {
  return twoProportionOf(readCounts(a, "a"), readCounts(b, "b"));
}
