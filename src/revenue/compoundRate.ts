/**
 * Converting a rate between period lengths (DOMAIN.md §3, compounding).
 * @module
 */
import { Decimal } from "decimal.js";
import { ValidationError } from "../errors.js";
import { ExactDecimal } from "../money/exactDecimal.js";
import { readOptions } from "../schemas/options.js";
import { describeValue } from "../schemas/primitives.js";

/** A period length for {@link compoundRate}. */
export type RateUnit = "month" | "quarter" | "year";

/** Options of {@link compoundRate}. */
export interface CompoundRateOptions {
  /** The length of period the rate is measured over. */
  readonly from: RateUnit;
  /** The length of period to convert it to. */
  readonly to: RateUnit;
}

const MONTHS: Readonly<Record<RateUnit, number>> = { month: 1, quarter: 3, year: 12 };

/** Months in a unit; `undefined` for anything else (checked as a string first: a key lookup would call its toString). */
function monthsOf(unit: unknown): number | undefined {
  return typeof unit === "string" && Object.hasOwn(MONTHS, unit) ? MONTHS[unit as RateUnit] : undefined;
}

/**
 * Converts a retention-style rate (1 = everything kept) from one period length to another by
 * compounding.
 *
 * @remarks r_b = r_a^(b/a), with a and b the lengths in months: a monthly NRR of 0.99 is an annual
 * 0.99^12 ≈ 0.8864; an annual 1.17 is a monthly 1.17^(1/12). Computed to 40 significant digits.
 * @param rate - A ratio ≥ 0 (not a percentage).
 * @param options - `from` and `to` period lengths.
 * @throws {@link ValidationError} for a negative or non-finite rate, an unknown unit, or a rate so large or
 * small that its compounded value leaves Decimal's exponent range (±9e15).
 * @example
 * ```ts
 * import { compoundRate } from "cs-metrics";
 * compoundRate("0.99", { from: "month", to: "year" }).toDecimalPlaces(4).toString(); //=> "0.8864"
 * ```
 */
export function compoundRate(rate: Decimal.Value, options: CompoundRateOptions): Decimal {
  let value: Decimal;
  try {
    value = new ExactDecimal(rate);
  } catch {
    throw new ValidationError([{ path: "rate", message: `must be a decimal number (got ${describeValue(rate)})` }]);
  }
  if (!value.isFinite() || value.isNegative()) {
    throw new ValidationError([{ path: "rate", message: `must be a finite ratio ≥ 0 (got ${value.toString()})` }]);
  }
  const { from: fromUnit, to: toUnit } = readOptions(options);
  const from = monthsOf(fromUnit);
  const to = monthsOf(toUnit);
  if (from === undefined) throw new ValidationError([{ path: "options.from", message: `must be "month", "quarter" or "year"` }]);
  if (to === undefined) throw new ValidationError([{ path: "options.to", message: `must be "month", "quarter" or "year"` }]);
  if (value.isZero()) return new Decimal(0);
  const exponent = new ExactDecimal(to).div(from);
  const result = value.pow(exponent);
  // Decimal exponents stop at ±9e15: a rate such as 1e8e14 compounded 12 times would overflow to
  // Infinity (or underflow to 0) instead of giving a number.
  if (!result.isFinite() || result.isZero()) {
    const size = result.isZero() ? "small" : "large";
    throw new ValidationError([{ path: "rate", message: `is too ${size} to compound from ${String(fromUnit)} to ${String(toUnit)} (got ${value.toExponential(3)})` }]);
  }
  return new Decimal(result);
}
