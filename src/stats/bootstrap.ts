/**
 * The percentile bootstrap of a difference of two group means (internal; used by interventionEffect).
 * @module
 */
import { quantileSorted } from "./percentile.js";
import { seededIntegers } from "./seededRandom.js";

/** A two-sided percentile interval. */
export interface BootstrapInterval {
  readonly lower: number;
  readonly upper: number;
}

function resampledMean(deviations: readonly number[], next: (bound: number) => number): number {
  let sum = 0;
  for (let k = 0; k < deviations.length; k++) sum += deviations[next(deviations.length)]!;
  return sum / deviations.length;
}

/**
 * 95% percentile bootstrap interval of mean(a) − mean(b), resampling each group separately (stratified).
 *
 * @remarks Each group is given as its deviations from its own mean, and the estimate as `estimate`
 * (computed exactly by the caller): a resample's difference is estimate + (mean of a's resampled
 * deviations − mean of b's). Mathematically the same as resampling the values; numerically, a group
 * whose values are all equal has deviations of exactly 0, so the interval is exactly [estimate, estimate].
 * The interval is the 2.5% and 97.5% quantiles ({@link quantileSorted}) of the `resamples` differences.
 */
export function bootstrapDifference(
  deviationsA: readonly number[],
  deviationsB: readonly number[],
  estimate: number,
  resamples: number,
  seed: number,
): BootstrapInterval {
  const next = seededIntegers(seed);
  const differences = new Array<number>(resamples);
  for (let r = 0; r < resamples; r++) {
    differences[r] = estimate + (resampledMean(deviationsA, next) - resampledMean(deviationsB, next));
  }
  differences.sort((x, y) => x - y);
  return { lower: quantileSorted(differences, 0.025), upper: quantileSorted(differences, 0.975) };
}
