/**
 * Correlation coefficients (Pearson, Spearman), DOMAIN.md §5 "health vs revenue": does the scorecard
 * predict revenue?
 * @module
 */
import { ValidationError, type ValidationIssue } from "../errors.js";
import { readOptions } from "../schemas/options.js";
import { describeValue } from "../schemas/primitives.js";

/** Which correlation coefficient to compute. */
export type CorrelationMethod = "pearson" | "spearman";

/** Options of {@link correlation}. */
export interface CorrelationOptions {
  /** `"pearson"` (default): linear association of the values; `"spearman"`: Pearson of their ranks. */
  readonly method?: CorrelationMethod;
}

/** A number or an exact decimal object with `toNumber()` (a Decimal rate such as NRR). */
export type CorrelationValue = number | { toNumber(): number };

function toFinite(values: readonly CorrelationValue[], name: string, issues: ValidationIssue[]): number[] {
  if (!Array.isArray(values)) {
    issues.push({ path: name, message: "must be an array of numbers" });
    return [];
  }
  return values.map((value, index) => {
    const converted = typeof value !== "number" && typeof value?.toNumber === "function";
    const number: unknown = typeof value === "number" ? value : converted ? value.toNumber() : Number.NaN;
    if (typeof number !== "number" || !Number.isFinite(number)) {
      // A Decimal is described by the number it converts to; anything else by its kind, never by String() (which can throw).
      issues.push({ path: `${name}[${index}]`, message: `must be a finite number (got ${describeValue(converted ? number : value)})` });
      return Number.NaN;
    }
    return number;
  });
}

/**
 * Ranks with ties given the average of the positions they span (1-based): [10, 20, 20, 30] → [1, 2.5, 2.5, 4].
 * @internal
 */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, index) => index).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && values[order[end]!] === values[order[start]!]) end++;
    const rank = (start + 1 + end) / 2; // mean of positions start+1 … end
    for (let k = start; k < end; k++) ranks[order[k]!] = rank;
    start = end;
  }
  return ranks;
}

function allEqual(values: readonly number[]): boolean {
  return values.every((value) => value === values[0]);
}

/**
 * The values multiplied by a power of two that brings the largest magnitude near 1 — exact (a power-of-two
 * factor changes only the exponent, applied in two halves so that the factor itself never overflows),
 * and Pearson's r does not change under scaling. Without it, 1e-200-sized deviations square to 0 and
 * 1e308-sized sums overflow.
 */
function rescaled(values: readonly number[]): number[] {
  let largest = 0;
  for (const value of values) largest = Math.max(largest, Math.abs(value));
  const exponent = -Math.floor(Math.log2(largest));
  const half = 2 ** Math.trunc(exponent / 2);
  const rest = 2 ** (exponent - Math.trunc(exponent / 2));
  return values.map((value) => value * half * rest);
}

function pearson(rawXs: readonly number[], rawYs: readonly number[]): number | null {
  if (rawXs.length < 2 || allEqual(rawXs) || allEqual(rawYs)) return null;
  const xs = rescaled(rawXs);
  const ys = rescaled(rawYs);
  const n = xs.length;
  let meanX = 0;
  let meanY = 0;
  for (let k = 0; k < n; k++) {
    meanX += xs[k]!;
    meanY += ys[k]!;
  }
  meanX /= n;
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  let sumDx = 0;
  let sumDy = 0;
  for (let k = 0; k < n; k++) {
    const dx = xs[k]! - meanX;
    const dy = ys[k]! - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
    sumDx += dx;
    sumDy += dy;
  }
  // The corrected two-pass sums (Chan, Golub & LeVeque 1983): the computed mean is off by up to an ulp,
  // which for values differing only in their last bits is as large as the deviations themselves
  // ([1, 1 + 3·2^-52] against [0, −1] gave −0.95, not −1). The deviations from it are exact
  // (Sterbenz), so subtracting (Σdx)(Σdy)/n recentres them on the true mean.
  sxy -= (sumDx * sumDy) / n;
  sxx -= (sumDx * sumDx) / n;
  syy -= (sumDy * sumDy) / n;
  const r = sxy / Math.sqrt(sxx * syy);
  // Unreachable after rescaling and recentring (both sums are positive and bounded); kept so that no NaN can escape.
  if (!Number.isFinite(r)) return null;
  return Math.min(1, Math.max(-1, r));
}

/**
 * The correlation coefficient of paired values: Pearson's r, or Spearman's ρ with average ranks for ties.
 *
 * @remarks
 * Pearson r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² · Σ(y − ȳ)²). Spearman ρ = Pearson r of the ranks, ties
 * taking the average of the ranks they span. Computed in double precision (a statistic, not money) on
 * values rescaled by a power of two (exact; r is scale-free), so that values as large as 1e308 or as
 * small as 1e-300 neither overflow nor underflow, with the centred sums corrected for the rounding of the
 * mean (so series that differ only in their last bits are right too), and clamped to [−1, 1]; symmetric in xs and ys. Use it to check whether health scores predict later
 * revenue (e.g. each customer's score against its NRR over the next year).
 *
 * @param xs - Values (numbers, or Decimals such as an NRR); not mutated.
 * @param ys - Values paired with `xs` by position; not mutated.
 * @param options - `method`: `"pearson"` (default) or `"spearman"`.
 * @returns A number in [−1, 1], or `null` when there are fewer than 2 pairs or either side has no variance.
 * @throws {@link ValidationError} when the arrays differ in length (`ys`) or hold a non-finite value (`xs[3]`),
 * when `xs` or `ys` is not an array, or for an invalid `options` (`options`, `options.method`).
 * @example
 * ```ts
 * import { correlation } from "cs-metrics";
 * correlation([1, 2, 3, 4], [2, 4, 6, 8]); //=> 1
 * correlation([1, 2, 3, 4], [1, 3, 2, 4], { method: "spearman" }); //=> 0.8
 * correlation([1, 1, 1], [1, 2, 3]); //=> null
 * ```
 */
export function correlation(xs: readonly CorrelationValue[], ys: readonly CorrelationValue[], options: CorrelationOptions = {}): number | null {
  const issues: ValidationIssue[] = [];
  const x = toFinite(xs, "xs", issues);
  const y = toFinite(ys, "ys", issues);
  if (issues.length === 0 && x.length !== y.length) issues.push({ path: "ys", message: `must have as many values as xs (${x.length}, got ${y.length})` });
  const method = readOptions(options).method ?? "pearson";
  if (method !== "pearson" && method !== "spearman") {
    issues.push({ path: "options.method", message: `must be "pearson" or "spearman" (got ${describeValue(method)})` });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return method === "pearson" ? pearson(x, y) : pearson(averageRanks(x), averageRanks(y));
}
