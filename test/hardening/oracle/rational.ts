/**
 * Exact rationals on bigint numerator / denominator for the reference implementation. Deliberately
 * naive and independent of src/ (no decimal.js either): the oracle must not share a bug with the
 * library.
 */

/** A reduced fraction with a positive denominator. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** n / d, reduced; throws on d = 0 (the oracle never divides by an empty base). */
export function rat(n: bigint | number, d: bigint | number = 1n): Rational {
  let num = BigInt(n);
  let den = BigInt(d);
  if (den === 0n) throw new Error("oracle: division by zero");
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g <= 1n ? { n: num, d: den } : { n: num / g, d: den / g };
}

export const ZERO = rat(0);
export const ONE = rat(1);

export const add = (a: Rational, b: Rational): Rational => rat(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rat(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rat(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rat(a.n * b.d, a.d * b.n);
export const cmp = (a: Rational, b: Rational): number => {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
};
export const isZero = (a: Rational): boolean => a.n === 0n;
export const min = (a: Rational, b: Rational): Rational => (cmp(a, b) <= 0 ? a : b);

/** Parses plain decimal text (`"-12.034"`) exactly. */
export function parseDecimal(text: string): Rational {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (match === null || (match[2] === "" && (match[3] ?? "") === "")) throw new Error(`oracle: not a decimal: ${text}`);
  const fractionDigits = match[3] ?? "";
  const digits = BigInt(`${match[2] ?? ""}${fractionDigits}` || "0");
  return rat(match[1] === "-" ? -digits : digits, 10n ** BigInt(fractionDigits.length));
}

/** Plain decimal text of a rational whose denominator divides a power of ten; `null` otherwise. */
export function exactDecimalText(a: Rational): string | null {
  let d = a.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  if (d !== 1n) return null;
  const places = Math.max(twos, fives);
  const scaled = (a.n * 10n ** BigInt(places)) / a.d;
  return placeDecimalPoint(scaled, places);
}

function placeDecimalPoint(scaled: bigint, places: number): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, "0");
  const integer = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, "");
  return `${negative ? "-" : ""}${integer}${fraction === "" ? "" : `.${fraction}`}`;
}

/**
 * The rational rounded to `digits` significant digits, half to even, as `mantissa e exponent` text
 * (what a correctly rounding decimal division to that precision returns).
 */
export function roundSignificant(a: Rational, digits = 40): string {
  if (a.n === 0n) return "0";
  const negative = a.n < 0n;
  const n = negative ? -a.n : a.n;
  const d = a.d;
  const low = 10n ** BigInt(digits - 1);
  const high = low * 10n;
  // Find k with low ≤ n·10^k / d < high.
  let k = digits - 1 - (n.toString().length - d.toString().length);
  const scaledFloor = (shift: number): bigint => (shift >= 0 ? (n * 10n ** BigInt(shift)) / d : n / (d * 10n ** BigInt(-shift)));
  while (scaledFloor(k) < low) k++;
  while (scaledFloor(k) >= high) k--;
  const numerator = k >= 0 ? n * 10n ** BigInt(k) : n;
  const denominator = k >= 0 ? d : d * 10n ** BigInt(-k);
  let mantissa = numerator / denominator;
  const remainder2 = 2n * (numerator % denominator);
  if (remainder2 > denominator || (remainder2 === denominator && mantissa % 2n === 1n)) mantissa++;
  if (mantissa === high) {
    mantissa /= 10n;
    k--;
  }
  return `${negative ? "-" : ""}${mantissa}e${-k}`;
}
