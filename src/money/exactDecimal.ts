/**
 * Exact arithmetic helpers. Amounts are held as scaled integers (`bigint` numerators over a common
 * denominator); Decimal appears only at the edges: parsing what the caller passed, and the divisions
 * that produce results.
 * @module
 */
import { Decimal } from "decimal.js";

/**
 * Significant digits of a division whose quotient does not terminate (a rate like 2/7, the MRR of a
 * ¥100 quarterly line). Terminating quotients are exact; additions and comparisons never round.
 */
export const RESULT_PRECISION = 40;

/** A private Decimal constructor, so nothing depends on (or changes) the caller's global Decimal settings. */
const Exact = Decimal.clone({ precision: RESULT_PRECISION, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -50, toExpPos: 50 });

/** An exact decimal as `coefficient × 10^-scale`. */
export interface ScaledInteger {
  readonly coefficient: bigint;
  readonly scale: number;
}

/**
 * `numerator / denominator` (denominator > 0) as a Decimal: exact whenever the quotient has a finite
 * decimal expansion (the reduced denominator is 2^a·5^b), however many digits that takes; otherwise
 * rounded half-even to {@link RESULT_PRECISION} significant digits.
 */
export function divide(numerator: bigint, denominator: bigint): Decimal {
  if (denominator === 1n) return new Decimal(numerator.toString());
  const divisor = gcd(numerator, denominator);
  const reducedNumerator = divisor === 0n ? numerator : numerator / divisor;
  const reducedDenominator = divisor === 0n ? denominator : denominator / divisor;
  const { exponent, rest } = decimalFactors(reducedDenominator);
  if (rest === 1n) {
    const scaled = reducedNumerator * (powerOfTen(exponent) / reducedDenominator);
    return new Decimal(`${scaled.toString()}e-${exponent}`);
  }
  return new Decimal(new Exact(reducedNumerator.toString()).div(reducedDenominator.toString()));
}

/** `denominator` = 2^a · 5^b · rest (rest coprime to 10), with exponent = max(a, b). */
function decimalFactors(denominator: bigint): { readonly exponent: number; readonly rest: bigint } {
  let twos = 0;
  let fives = 0;
  let rest = denominator;
  while (rest % 2n === 0n) {
    rest /= 2n;
    twos++;
  }
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives++;
  }
  return { exponent: Math.max(twos, fives), rest };
}

/**
 * {@link divide} by one denominator (> 0) for many numerators — a row of money per customer over a
 * book's denominator — with the same results. The denominator is factored once as 2^a · 5^b · r; a
 * numerator divisible by r is then (numerator / r) · 2^(e−a) · 5^(e−b) · 10^−e, e = max(a, b), with
 * no gcd; any other numerator goes through {@link divide}.
 */
export function divisionBy(denominator: bigint): (numerator: bigint) => Decimal {
  const { exponent, rest } = decimalFactors(denominator);
  const scale = powerOfTen(exponent) / (denominator / rest);
  const suffix = `e-${exponent}`;
  return (numerator) => (numerator % rest === 0n ? new Decimal(`${((numerator / rest) * scale).toString()}${suffix}`) : divide(numerator, denominator));
}

/** `numerator / denominator`, or `null` when the denominator is 0 (an empty base). */
export function ratio(numerator: bigint, denominator: bigint): Decimal | null {
  return denominator === 0n ? null : divide(numerator, denominator);
}

/** Splits a finite Decimal into an exact coefficient and decimal scale (`12.50` → 1250n, 2). */
export function toScaledInteger(value: Decimal): ScaledInteger {
  // toFixed() without arguments writes every digit and never rounds; Decimal arithmetic would round
  // to the (caller-configurable) global precision, silently truncating long amounts.
  // A sign stays in front of the digits: "-12.50" → BigInt("-1250").
  const [integerDigits = "0", fractionDigits = ""] = value.toFixed().split(".");
  return { coefficient: BigInt(integerDigits + fractionDigits), scale: fractionDigits.length };
}

/** 10^n as a bigint. */
export function powerOfTen(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Greatest common divisor of `|a|` and `b ≥ 0` (every caller's `b` is a positive denominator). */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Least common multiple of two positive bigints. */
export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

export { Exact as ExactDecimal };
