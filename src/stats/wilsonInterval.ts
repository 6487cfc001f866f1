/**
 * The Wilson score interval for a proportion (Wilson 1927), DOMAIN.md §3 "how sure we are".
 * @module
 */
import { ValidationError } from "../errors.js";
import { describeValue } from "../schemas/primitives.js";
import { Z_95 } from "./normalDistribution.js";

/** A two-sided confidence interval for a proportion, both ends in [0, 1]. */
export interface ProportionInterval {
  readonly lower: number;
  readonly upper: number;
}

/** Throws unless `value` is a whole number ≥ 0 (a count). */
export function checkCount(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new ValidationError([{ path, message: `must be a whole number ≥ 0 (got ${describeValue(value)})` }]);
  }
  return value;
}

/** The interval of already checked counts; `null` when `trials` is 0. @internal */
export function wilsonOf(successes: number, trials: number): ProportionInterval | null {
  if (trials === 0) return null;
  const z2 = Z_95 * Z_95;
  const p = successes / trials;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (Z_95 / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // At p = 0 (p = 1) the lower (upper) end is exactly 0 (1); rounding must not move it off.
  return {
    lower: successes === 0 ? 0 : Math.max(0, centre - half),
    upper: successes === trials ? 1 : Math.min(1, centre + half),
  };
}

/**
 * The Wilson score 95% confidence interval for a proportion `successes / trials`.
 *
 * @remarks
 * With p̂ = successes/trials, n = trials and z = Φ⁻¹(0.975) = 1.959964:
 * (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n) (E. B. Wilson, "Probable inference, the law of
 * succession, and statistical inference", JASA 22, 1927; method 3 of R. G. Newcombe, "Two-sided
 * confidence intervals for the single proportion: comparison of seven methods", Statistics in Medicine
 * 17, 1998). Unlike the textbook Wald interval p̂ ± z√(p̂(1 − p̂)/n), it stays inside [0, 1] and does not
 * collapse to a point when every customer renewed (p̂ = 1), which is common for small CS segments.
 * Computed in double precision (a statistic, not money).
 *
 * @param successes - How many succeeded (e.g. customers retained), a whole number ≤ `trials`.
 * @param trials - How many were observed (e.g. the starting cohort), a whole number ≥ 0.
 * @returns `{ lower, upper }` as ratios in [0, 1], or `null` when `trials` is 0.
 * @throws {@link ValidationError} when a count is not a whole number ≥ 0 (`successes`, `trials`) or
 * `successes` exceeds `trials` (`successes`).
 * @example
 * ```ts
 * import { wilsonInterval } from "cs-metrics";
 * // Newcombe (1998), Table I: 81 of 263 → 0.2553 to 0.3662
 * const { lower, upper } = wilsonInterval(81, 263)!;
 * [lower.toFixed(4), upper.toFixed(4)]; //=> ["0.2553", "0.3662"]
 * wilsonInterval(0, 0); //=> null
 * ```
 */
export function wilsonInterval(successes: number, trials: number): ProportionInterval | null {
  const n = checkCount(trials, "trials");
  const k = checkCount(successes, "successes");
  if (k > n) throw new ValidationError([{ path: "successes", message: `must be at most trials (${n}, got ${k})` }]);
  return wilsonOf(k, n);
}
