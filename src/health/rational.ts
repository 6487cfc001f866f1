/**
 * Exact rational arithmetic for health scoring (internal). A JavaScript number is read as the decimal
 * it prints as (`0.2` is 2/10, as the caller wrote it, not the binary float nearest to 0.2), so a
 * scorecard computes exactly what its author wrote down, and a score that is mathematically 70 is 70.
 * @module
 */
import { ExactDecimal } from "../money/exactDecimal.js";

/** `numerator / denominator` with `denominator > 0` (not necessarily in lowest terms). */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const ZERO: Rational = { n: 0n, d: 1n };
const MAX_EXACT = 2 ** 53;

/** 0. */
export const RATIONAL_ZERO = ZERO;
/** 100 (points). */
export const RATIONAL_HUNDRED: Rational = { n: 100n, d: 1n };

/**
 * The decimal a finite number prints as, exactly (`0.1` → 1/10, `1e-7` → 1/10^7).
 * The caller guarantees `Number.isFinite(value)`.
 */
export function rationalOf(value: number): Rational {
  if (Number.isInteger(value) && Math.abs(value) < MAX_EXACT) return { n: BigInt(value), d: 1n };
  const text = String(value);
  const exponentAt = text.indexOf("e");
  const mantissa = exponentAt < 0 ? text : text.slice(0, exponentAt);
  let exponent = exponentAt < 0 ? 0 : Number(text.slice(exponentAt + 1));
  const point = mantissa.indexOf(".");
  let digits = mantissa;
  if (point >= 0) {
    exponent -= mantissa.length - point - 1;
    digits = mantissa.slice(0, point) + mantissa.slice(point + 1);
  }
  const n = BigInt(digits);
  return exponent >= 0 ? { n: n * 10n ** BigInt(exponent), d: 1n } : { n, d: 10n ** BigInt(-exponent) };
}

/** a + b. */
export function add(a: Rational, b: Rational): Rational {
  return a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

/** a − b. */
export function subtract(a: Rational, b: Rational): Rational {
  return a.d === b.d ? { n: a.n - b.n, d: a.d } : { n: a.n * b.d - b.n * a.d, d: a.d * b.d };
}

/** a × b. */
export function multiply(a: Rational, b: Rational): Rational {
  return { n: a.n * b.n, d: a.d * b.d };
}

/** a / b; the caller guarantees b ≠ 0. */
export function quotient(a: Rational, b: Rational): Rational {
  return b.n < 0n ? { n: -a.n * b.d, d: a.d * -b.n } : { n: a.n * b.d, d: a.d * b.n };
}

/** Sign of a − b: −1, 0 or 1. */
export function compare(a: Rational, b: Rational): number {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The value clamped to [low, high]. */
export function clamp(value: Rational, low: Rational, high: Rational): Rational {
  if (compare(value, low) < 0) return low;
  if (compare(value, high) > 0) return high;
  return value;
}

/**
 * The number nearest to the exact value: one IEEE division when both parts are exact doubles
 * (correctly rounded), else a 40-digit decimal quotient converted to a number.
 */
export function toNumber(value: Rational): number {
  const { n, d } = value;
  if (n === 0n) return 0;
  const absN = n < 0n ? -n : n;
  if (absN < BigInt(MAX_EXACT) && d < BigInt(MAX_EXACT)) return Number(n) / Number(d);
  return new ExactDecimal(n.toString()).div(d.toString()).toNumber();
}

/**
 * The value rounded half to even to `decimals` decimal places, as a number (the double nearest to that
 * decimal). The caller keeps |value| · 10^decimals below 2^53.
 */
export function roundToDecimals(value: Rational, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  const negative = value.n < 0n;
  const scaled = (negative ? -value.n : value.n) * scale;
  let whole = scaled / value.d;
  const twiceRemainder = 2n * (scaled - whole * value.d);
  if (twiceRemainder > value.d || (twiceRemainder === value.d && whole % 2n === 1n)) whole += 1n;
  const rounded = Number(whole) / Number(scale);
  return negative && whole !== 0n ? -rounded : rounded;
}
