/**
 * The naive correlation oracle: DOMAIN.md §5 "health vs revenue" (Pearson, Spearman), from the
 * textbook definitions, with exact bigint rationals. Independent of src/: every value is read as its
 * exact binary value (a statistic computed in double precision sees that, not the decimal the number
 * prints as), the means and centred sums are exact fractions, and the coefficient is kept as its
 * exact square r² = Sxy² / (Sxx·Syy) with the sign of Sxy — so only the final square root is
 * inexact, and it is exact too when r² is the square of a fraction.
 */
import { nearestDouble, ratOfBinary } from "./doubles.js";
import { type Rational, ZERO, add, cmp, div, isZero, mul, rat, sub } from "./rational.js";

export interface OracleCorrelation {
  /** r², exactly. */
  readonly squared: Rational;
  /** The sign of r (of Sxy). */
  readonly sign: -1 | 0 | 1;
  /** r itself when it is a fraction (r² the square of one), else `null`. */
  readonly exact: Rational | null;
}

/** ⌊√v⌋ of a non-negative bigint (Newton's method from a power of two above the root). */
function isqrt(v: bigint): bigint {
  if (v < 2n) return v;
  let x = 1n << BigInt(Math.ceil(v.toString(2).length / 2));
  for (;;) {
    const next = (x + v / x) >> 1n;
    if (next >= x) return x;
    x = next;
  }
}

function exactRoot(v: bigint): bigint | null {
  const r = isqrt(v);
  return r * r === v ? r : null;
}

/**
 * Spearman's ranks: each value's rank is 1 + the number of values below it, ties taking the mean of the
 * positions they span (#below + (#equal + 1) / 2).
 */
export function oracleAverageRanks(values: readonly number[]): Rational[] {
  const exact = values.map(ratOfBinary);
  return exact.map((v) => {
    const below = exact.filter((w) => cmp(w, v) < 0).length;
    const equal = exact.filter((w) => cmp(w, v) === 0).length;
    return rat(2 * below + equal + 1, 2);
  });
}

/**
 * Pearson's r of paired exact values: Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² · Σ(y − ȳ)²). `null` (undefined)
 * with fewer than two pairs or when either side has no variance.
 */
export function oraclePearson(xs: readonly Rational[], ys: readonly Rational[]): OracleCorrelation | null {
  const n = xs.length;
  if (n < 2) return null;
  const meanX = div(xs.reduce(add, ZERO), rat(n));
  const meanY = div(ys.reduce(add, ZERO), rat(n));
  let sxy = ZERO;
  let sxx = ZERO;
  let syy = ZERO;
  for (let k = 0; k < n; k++) {
    const dx = sub(xs[k]!, meanX);
    const dy = sub(ys[k]!, meanY);
    sxy = add(sxy, mul(dx, dy));
    sxx = add(sxx, mul(dx, dx));
    syy = add(syy, mul(dy, dy));
  }
  if (isZero(sxx) || isZero(syy)) return null;
  const squared = div(mul(sxy, sxy), mul(sxx, syy));
  const sign = sxy.n < 0n ? -1 : sxy.n > 0n ? 1 : 0;
  const top = exactRoot(squared.n);
  const bottom = exactRoot(squared.d);
  return { squared, sign, exact: top === null || bottom === null ? null : rat(BigInt(sign) * top, bottom) };
}

/** The coefficient of `method` for plain numbers (read as their exact binary values). */
export function oracleCorrelation(xs: readonly number[], ys: readonly number[], method: "pearson" | "spearman" = "pearson"): OracleCorrelation | null {
  return method === "pearson" ? oraclePearson(xs.map(ratOfBinary), ys.map(ratOfBinary)) : oraclePearson(oracleAverageRanks(xs), oracleAverageRanks(ys));
}

/** r as a double: exact-then-rounded when r is a fraction, else sign · √(r² rounded) (within 2 ulp of r). */
export function approximateR(r: OracleCorrelation): number {
  return r.exact !== null ? nearestDouble(r.exact) : r.sign * Math.sqrt(nearestDouble(r.squared));
}
