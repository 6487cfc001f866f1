/**
 * Mergeable health tallies: band counts of a shard of customers, merged by adding, and the Good−Bad
 * index of the merged tally — the same as {@link goodMinusBad} over all the shards' results.
 * @module
 */
import { ValidationError } from "../errors.js";
import { type BandTally, type GoodMinusBad, EMPTY_BAND_TALLY, goodMinusBadOfTally, tallyBands } from "./goodMinusBad.js";
import type { HealthBand } from "./scorecardEvaluation.js";

const BAND_FIELDS = ["good", "normal", "bad", "unscored"] as const;

/**
 * Counts the health bands of a shard's results (from {@link scoreCustomers} or
 * {@link scoreCustomersFromIterable}).
 *
 * @remarks good, normal, bad = results in that band; unscored = results with band `null`.
 * @param results - Anything with a `band`.
 * @returns A JSON-safe {@link BandTally}.
 * @throws {@link ValidationError} when `results` is not an array (`results`) or an entry is not an object (`results[2]`).
 * @example
 * ```ts
 * import { bandTally } from "cs-metrics";
 * bandTally([{ band: "good" }, { band: "bad" }, { band: null }]); //=> { good: 1, normal: 0, bad: 1, unscored: 1 }
 * ```
 */
export function bandTally(results: readonly { readonly band: HealthBand | null }[]): BandTally {
  return tallyBands(results);
}

/**
 * Merges band tallies of disjoint customer sets into the tally of their union.
 *
 * @remarks Field-wise sum: good = Σ good, normal = Σ normal, bad = Σ bad, unscored = Σ unscored.
 * @param tallies - {@link BandTally} values (e.g. parsed back from JSON); an empty list gives zeros.
 * @returns The merged {@link BandTally}.
 * @throws {@link ValidationError} when a count is not a whole number ≥ 0 (`tallies[1].bad`).
 * @example
 * ```ts
 * import { mergeBandTallies } from "cs-metrics";
 * mergeBandTallies([{ good: 2, normal: 1, bad: 0, unscored: 0 }, { good: 1, normal: 0, bad: 3, unscored: 1 }]);
 * //=> { good: 3, normal: 1, bad: 3, unscored: 1 }
 * ```
 */
export function mergeBandTallies(tallies: readonly BandTally[]): BandTally {
  if (!Array.isArray(tallies)) throw new ValidationError([{ path: "tallies", message: "must be an array of band tallies" }]);
  const merged = { ...EMPTY_BAND_TALLY };
  tallies.forEach((tally, index) => {
    for (const field of BAND_FIELDS) {
      const count = (tally as Partial<BandTally> | null)?.[field];
      if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0) {
        throw new ValidationError([{ path: `tallies[${index}].${field}`, message: "must be a whole number ≥ 0" }]);
      }
      merged[field] += count;
    }
  });
  return merged;
}

/**
 * The Good−Bad index of a (merged) band tally.
 *
 * @remarks As {@link goodMinusBad}: total = good + normal + bad; each percentage = 100 · count / total;
 * index = 100 · (good − bad) / total.
 * @param tally - A {@link BandTally}.
 * @returns {@link GoodMinusBad}; percentages `null` when total is 0.
 * @throws {@link ValidationError} for a malformed tally.
 * @example
 * ```ts
 * import { goodMinusBadFromTally } from "cs-metrics";
 * goodMinusBadFromTally({ good: 3, normal: 1, bad: 1, unscored: 0 }).index?.toString(); //=> "40"
 * ```
 */
export function goodMinusBadFromTally(tally: BandTally): GoodMinusBad {
  return goodMinusBadOfTally(mergeBandTallies([tally]));
}
