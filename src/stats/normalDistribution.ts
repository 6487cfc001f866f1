/**
 * The standard normal distribution's upper tail, for the p-values of the z-tests (internal).
 * @module
 */

/** φ(x) = e^(−x²/2) / √(2π), the standard normal density. */
function density(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

// Abramowitz & Stegun, Handbook of Mathematical Functions (1964), formula 26.2.17 (Hastings' approximation).
const P = 0.2316419;
const B = [0.31938153, -0.356563782, 1.781477937, -1.821255978, 1.330274429] as const;

/**
 * Q(x) = P(Z > x) = 1 − Φ(x) for a standard normal Z.
 *
 * @remarks For x ≥ 0, Abramowitz & Stegun 26.2.17: Q(x) = φ(x)·(b₁t + b₂t² + b₃t³ + b₄t⁴ + b₅t⁵),
 * t = 1/(1 + p·x), p = 0.2316419, with |error| < 7.5·10⁻⁸ (their stated bound); for x < 0,
 * Q(x) = 1 − Q(−x). A two-sided p-value 2·Q(|z|) is therefore within 1.5·10⁻⁷ of the exact one,
 * ample for a test read at the 5% or 1% level.
 */
export function normalUpperTail(x: number): number {
  if (x < 0) return 1 - normalUpperTail(-x);
  const t = 1 / (1 + P * x);
  let polynomial = 0;
  for (let k = B.length - 1; k >= 0; k--) polynomial = (polynomial + B[k]!) * t;
  return density(x) * polynomial;
}

/** Two-sided p-value of a z statistic: 2·Q(|z|), at most 1. */
export function twoSidedPValue(z: number): number {
  return Math.min(1, 2 * normalUpperTail(Math.abs(z)));
}

/** z₀.₉₇₅ = Φ⁻¹(0.975), the multiplier of a two-sided 95% interval (to double precision). */
export const Z_95 = 1.959963984540054;
