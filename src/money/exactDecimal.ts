/**
 * Exact arithmetic helpers. Amounts are held as scaled integers (`bigint` numerators over a common
 * denominator); Decimal appears only at the edges: parsing what the caller passed, and the divisions
 * that produce results.
 * @module
 */
import Decimal from "decimal.js";

/**
 * Significant digits of every division cs-metrics performs (rates, MRR of quarterly or multi-year
 * lines). Additions and comparisons never round: they are done on exact integers.
 */
export const RESULT_PRECISION = 40;

/** A private Decimal constructor, so nothing depends on (or changes) the caller's global Decimal settings. */
const Exact = Decimal.clone({ precision: RESULT_PRECISION, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -50, toExpPos: 50 });

/** An exact decimal as `coefficient × 10^-scale`. */
export interface ScaledInteger {
  readonly coefficient: bigint;
  readonly scale: number;
}

/** A decimal.js `Decimal` result, built from our private constructor's value without rounding. */
export function toPublicDecimal(value: Decimal.Value): Decimal {
  return new Decimal(value);
}

/** `numerator / denominator` as a Decimal rounded to {@link RESULT_PRECISION} significant digits. */
export function divide(numerator: bigint, denominator: bigint): Decimal {
  if (denominator === 1n) return new Decimal(numerator.toString());
  return new Decimal(new Exact(numerator.toString()).div(denominator.toString()));
}

/** `numerator / denominator`, or `null` when the denominator is 0 (an empty base). */
export function ratio(numerator: bigint, denominator: bigint): Decimal | null {
  return denominator === 0n ? null : divide(numerator, denominator);
}

/** Splits a finite Decimal into an exact coefficient and decimal scale (`12.50` → 1250n, 2). */
export function toScaledInteger(value: Decimal): ScaledInteger {
  const scale = Math.max(0, value.decimalPlaces());
  const coefficient = BigInt(value.times(new Decimal(10).pow(scale)).toFixed(0));
  return { coefficient, scale };
}

/** 10^n as a bigint. */
export function powerOfTen(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Greatest common divisor of two non-negative bigints. */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Least common multiple of two positive bigints. */
export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

export { Exact as ExactDecimal };
