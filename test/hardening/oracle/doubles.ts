/**
 * Numbers as exact rationals (as the library reads them), and rationals back to the nearest IEEE
 * double (correctly rounded, half to even), for the oracles.
 * Independent of src/: written from the IEEE 754 binary64 definition (53-bit significand, smallest
 * subnormal 2^-1074, largest finite (2 − 2^-52)·2^1023).
 */
import { type Rational, mul, parseDecimal, rat } from "./rational.js";

/**
 * The decimal a finite number prints as (JavaScript's shortest round-trip text: `0.1` → 1/10,
 * `5e-324` → 5/10^324), exactly. This is how the library reads every number it is given
 * (docs/money.md: a number is taken "by its shortest decimal text").
 */
export function ratOfNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new Error(`oracle: not a finite number: ${x}`);
  const [mantissa = "", exponentText = "0"] = String(x).split("e");
  const scaled = parseDecimal(mantissa);
  const exponent = BigInt(Number(exponentText));
  return exponent >= 0n ? mul(scaled, rat(10n ** exponent)) : mul(scaled, rat(1n, 10n ** -exponent));
}

const bitLength = (v: bigint): number => v.toString(2).length;

/** The double nearest to `r` (ties to even significand); ±Infinity beyond the largest finite double. */
export function nearestDouble(r: Rational): number {
  if (r.n === 0n) return 0;
  const negative = r.n < 0n;
  const a = negative ? -r.n : r.n;
  const b = r.d;
  // Choose e with 2^52 ≤ a / (b·2^e) < 2^53, but never below 2^-1074 (the subnormal grid).
  let e = bitLength(a) - bitLength(b) - 53;
  const scaledFloor = (shift: number): bigint => (shift >= 0 ? a / (b << BigInt(shift)) : (a << BigInt(-shift)) / b);
  while (scaledFloor(e) >= 2n ** 53n) e++;
  while (scaledFloor(e) < 2n ** 52n) e--;
  if (e < -1074) e = -1074;
  const numerator = e >= 0 ? a : a << BigInt(-e);
  const denominator = e >= 0 ? b << BigInt(e) : b;
  let q = numerator / denominator;
  const twiceRemainder = 2n * (numerator % denominator);
  if (twiceRemainder > denominator || (twiceRemainder === denominator && q % 2n === 1n)) q++;
  if (e > 971 || (e === 971 && q >= 2n ** 53n)) return negative ? -Infinity : Infinity;
  // q ≤ 2^53 and 2^e is a double for −1074 ≤ e ≤ 971, so the product is exact.
  const value = Number(q) * 2 ** e;
  return negative ? -value : value;
}

/** `r` rounded half to even to `places` decimal places, as the nearest double (what `Number("…")` gives). */
export function roundedToDecimals(r: Rational, places: number): number {
  const scale = 10n ** BigInt(places);
  const scaled = r.n * scale;
  let q = scaled / r.d;
  let remainder = scaled % r.d;
  if (remainder < 0n) {
    q -= 1n;
    remainder += r.d;
  }
  const twice = 2n * remainder;
  if (twice > r.d || (twice === r.d && (q % 2n === 1n || q % 2n === -1n))) q++;
  return nearestDouble(rat(q, scale));
}

/** The next double above `x` (toward +Infinity). */
export function nextUp(x: number): number {
  if (x === 0) return 5e-324;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/** The next double below `x` (toward −Infinity). */
export const nextDown = (x: number): number => -nextUp(-x);

/**
 * The exact binary value of a finite double (sign · significand · 2^exponent from its IEEE 754 bits),
 * for computations done in double precision, such as a correlation, which see the binary value and
 * not the decimal the number prints as.
 */
export function ratOfBinary(x: number): Rational {
  if (!Number.isFinite(x)) throw new Error(`oracle: not a finite number: ${x}`);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const significand = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  const magnitude = exponent >= 0 ? rat(significand << BigInt(exponent)) : rat(significand, 1n << BigInt(-exponent));
  return negative ? rat(-magnitude.n, magnitude.d) : magnitude;
}
