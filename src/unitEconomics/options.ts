/**
 * Option fragments shared by the unit-economics figures (gross margin, an amount of money, a whole
 * number of months) and their checks: a bad value is a {@link ValidationError} naming the option.
 * @module
 */
import { Decimal } from "decimal.js";
import { ValidationError } from "../errors.js";
import { type ScaledInteger, toScaledInteger } from "../money/exactDecimal.js";
import { describeValue, toAmount } from "../schemas/primitives.js";

/** The gross-margin option of {@link ltv} and {@link cacPayback}. */
export interface GrossMarginOptions {
  /**
   * Gross margin as a ratio in (0, 1] (`0.8` for 80%), applied to revenue before it is set against
   * cost or summed into a lifetime. Default `1` (revenue, as ChartMogul and Baremetrics report LTV).
   */
  readonly grossMargin?: Decimal.Value;
}

/** A checked gross margin: the Decimal and its exact scaled-integer form. */
export interface GrossMargin {
  readonly value: Decimal;
  readonly scaled: ScaledInteger;
}

/** Reads `grossMargin` (default 1); a ratio in (0, 1], else a {@link ValidationError} at `path`. */
export function readGrossMargin(value: unknown, path = "options.grossMargin"): GrossMargin {
  if (value === undefined) return { value: new Decimal(1), scaled: { coefficient: 1n, scale: 0 } };
  const amount = toAmount(value);
  if (typeof amount === "string" || amount.isZero() || amount.greaterThan(1)) {
    throw new ValidationError([{ path, message: `must be a ratio greater than 0 and at most 1, e.g. 0.8 for 80% (got ${describeValue(value)})` }]);
  }
  return { value: amount, scaled: toScaledInteger(amount) };
}

/** Reads a required amount of money ≥ 0 (a string, number or Decimal); else a {@link ValidationError} at `path`. */
export function readMoneyAmount(value: unknown, path: string): { value: Decimal; scaled: ScaledInteger } {
  const amount = toAmount(value);
  if (typeof amount === "string") throw new ValidationError([{ path, message: value === undefined ? "is required: an amount ≥ 0" : amount }]);
  return { value: amount, scaled: toScaledInteger(amount) };
}

/** Reads a whole number in `[min, max]` (default `fallback` when absent); else a {@link ValidationError} at `path`. */
export function readWholeNumber(value: unknown, fallback: number, min: number, max: number, path: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError([{ path, message: `must be a whole number from ${min} to ${max} (got ${describeValue(value)})` }]);
  }
  return value;
}

/** Reads an optional boolean (default `false`); else a {@link ValidationError} at `path`. */
export function readFlag(value: unknown, path: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== "boolean") throw new ValidationError([{ path, message: `must be true or false (got ${describeValue(value)})` }]);
  return value;
}
