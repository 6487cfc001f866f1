/**
 * The Good−Bad percentage (an NPS-like index over health bands), DOMAIN.md §5: a pure fold over band
 * counts, so tallies of disjoint customer sets add up to the tally of their union.
 * @module
 */
import type { Decimal } from "decimal.js";
import { ValidationError } from "../errors.js";
import { ratio } from "../money/exactDecimal.js";
import { describeValue } from "../schemas/primitives.js";
import type { HealthBand } from "./scorecardEvaluation.js";

/**
 * Counts of customers per band. Tallies of disjoint sets of customers merge by adding each field.
 * `unscored` counts results whose band is `null` (every measure missing); they are not in any percentage.
 */
export interface BandTally {
  readonly good: number;
  readonly normal: number;
  readonly bad: number;
  readonly unscored: number;
}

/** {@link goodMinusBad}'s result. Percentages are in points (0–100), exact Decimals, `null` when `total` is 0. */
export interface GoodMinusBad {
  readonly good: number;
  readonly normal: number;
  readonly bad: number;
  /** good + normal + bad (unscored results are not counted). */
  readonly total: number;
  /** Results without a band (every measure missing); not part of `total`. */
  readonly unscored: number;
  /** 100 · good / total. */
  readonly goodPct: Decimal | null;
  /** 100 · normal / total. */
  readonly normalPct: Decimal | null;
  /** 100 · bad / total. */
  readonly badPct: Decimal | null;
  /** %Good − %Bad = 100 · (good − bad) / total, in points from −100 to +100. */
  readonly index: Decimal | null;
}

/** An empty tally: the identity of adding tallies. */
export const EMPTY_BAND_TALLY: BandTally = { good: 0, normal: 0, bad: 0, unscored: 0 };

/**
 * Counts the bands of results (anything with a `band`).
 * @throws {@link ValidationError} when `results` is not an array (`results`) or an entry is not an object (`results[2]`).
 */
export function tallyBands(results: readonly { readonly band: HealthBand | null }[]): BandTally {
  if (!Array.isArray(results)) {
    throw new ValidationError([{ path: "results", message: `must be an array of health results (got ${describeValue(results)})` }]);
  }
  let good = 0;
  let normal = 0;
  let bad = 0;
  let unscored = 0;
  for (let index = 0; index < results.length; index++) {
    const result: unknown = results[index];
    if (typeof result !== "object" || result === null) {
      throw new ValidationError([{ path: `results[${index}]`, message: `must be a health result with a band (got ${describeValue(result)})` }]);
    }
    const band = (result as { readonly band?: unknown }).band;
    if (band === "good") good++;
    else if (band === "normal") normal++;
    else if (band === "bad") bad++;
    else unscored++;
  }
  return { good, normal, bad, unscored };
}

/** The Good−Bad figures of a tally (see {@link goodMinusBad}). */
export function goodMinusBadOfTally(tally: BandTally): GoodMinusBad {
  const total = tally.good + tally.normal + tally.bad;
  const percent = (count: number): Decimal | null => ratio(100n * BigInt(count), BigInt(total));
  return {
    good: tally.good,
    normal: tally.normal,
    bad: tally.bad,
    total,
    unscored: tally.unscored,
    goodPct: percent(tally.good),
    normalPct: percent(tally.normal),
    badPct: percent(tally.bad),
    index: percent(tally.good - tally.bad),
  };
}

/**
 * The Good−Bad percentage of a set of health results: %Good − %Bad, in points.
 *
 * @remarks
 * index = 100 · (good − bad) / (good + normal + bad), in points from −100 to +100 (DOMAIN.md §5; TOWN set
 * it as an OKR). E.g. 50 Good, 30 Normal, 20 Bad → 50 − 20 = +30. Percentages are exact Decimals in
 * points (50 means 50%, unlike the revenue rates, which are ratios), each one division rounded to 40
 * significant digits; `index` is computed from the counts directly, not from the rounded percentages.
 * Results with `band: null` are counted in `unscored` and left out of every percentage.
 * It is a fold over {@link BandTally} counts, so shards of customers can be tallied separately and added.
 *
 * @param results - Health results (e.g. from {@link scoreCustomers}); only `band` is read; not mutated.
 * @returns Counts, percentages and the index; percentages and index are `null` when no result has a band.
 * @throws {@link ValidationError} when `results` is not an array (`results`) or an entry is not an object (`results[2]`).
 * @example
 * ```ts
 * import { goodMinusBad } from "cs-metrics";
 * const bands = [...Array(50).fill("good"), ...Array(30).fill("normal"), ...Array(20).fill("bad")];
 * const result = goodMinusBad(bands.map((band) => ({ band })));
 * result.index?.toString(); //=> "30"
 * result.goodPct?.toString(); //=> "50"
 * goodMinusBad([]).index; //=> null
 * ```
 */
export function goodMinusBad(results: readonly { readonly band: HealthBand | null }[]): GoodMinusBad {
  return goodMinusBadOfTally(tallyBands(results));
}
