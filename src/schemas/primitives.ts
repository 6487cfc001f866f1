/**
 * Field-level schemas shared by the record schemas: calendar dates, exact amounts, currency codes,
 * identifiers. Each accepts the forms the caller is likely to have and normalises them, with
 * messages that say what was expected and what was found.
 * @module
 */
import { Decimal } from "decimal.js";
import { z } from "zod";
import { type CalendarDate, epochDayOfDate, formatCalendarDate, parseCalendarDate } from "../dates/calendarDate.js";
import { canonicalCurrency } from "../money/currency.js";

/** Describes a value for an error message, briefly. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString() : "Invalid Date";
  if (Array.isArray(value)) return "an array";
  return `a value of type ${typeof value}`;
}

/** What a calendar-date field accepts: `YYYY-MM-DD` text, or a `Date` read as its UTC calendar date. */
export type CalendarDateInput = string | Date;

/** Parses a calendar-date input; `null` when it is not one. */
export function toCalendarDate(value: unknown): CalendarDate | null {
  if (typeof value === "string") {
    const day = parseCalendarDate(value);
    return day === null ? null : value;
  }
  if (value instanceof Date) {
    const day = epochDayOfDate(value);
    return day === null ? null : formatCalendarDate(day);
  }
  return null;
}

/**
 * A calendar date: `"YYYY-MM-DD"` text of an existing date (years 0001–9999), or a valid `Date`
 * (its UTC calendar date; the time of day is ignored). Output: the `YYYY-MM-DD` text.
 */
export const CalendarDateSchema = z.custom<CalendarDateInput>(() => true).transform((value, ctx): CalendarDate => {
  const date = toCalendarDate(value);
  if (date === null) {
    ctx.addIssue({ code: "custom", message: `must be a calendar date YYYY-MM-DD (got ${describeValue(value)})` });
    return z.NEVER;
  }
  return date;
});

/** What an amount field accepts: a plain decimal string (`"1200.50"`), a finite number or a Decimal. */
export type AmountInput = string | number | Decimal;

const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Most decimal places an amount may have, and most digits before its decimal point. */
export const MAX_AMOUNT_DIGITS = 100;

/**
 * Reads a decimal number the way every door of cs-metrics reads one (the contract schemas, the builder,
 * the formatters): a plain decimal string (`"1200.50"`, `"-0.25"`, `".5"`; surrounding white space
 * ignored; no exponent, hex, `Infinity` or digit separators), a finite number, or a finite Decimal.
 * Returns an error message instead when the value is not one. The sign is kept: callers that need a
 * non-negative value check it themselves.
 */
export function toDecimalNumber(value: unknown): Decimal | string {
  if (typeof value === "string") {
    const text = value.trim();
    if (!PLAIN_DECIMAL.test(text)) return `must be a decimal number like "1200.50" (got ${describeValue(value)})`;
    return new Decimal(text);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return `must be a finite number (got ${describeValue(value)})`;
    return new Decimal(value);
  }
  if (Decimal.isDecimal(value)) {
    const decimal = value as Decimal;
    if (!decimal.isFinite()) return `must be a finite number (got ${decimal.toString()})`;
    return new Decimal(decimal);
  }
  return `must be a decimal string, number or Decimal (got ${describeValue(value)})`;
}

/** Parses an amount input to a finite Decimal; returns an error message instead when it is not one. */
export function toAmount(value: unknown): Decimal | string {
  const amount = toDecimalNumber(value);
  if (typeof amount === "string") return amount;
  if (amount.isNegative() && !amount.isZero()) return `must not be negative (got ${amount.toString()})`;
  // Amounts are held as exact integers over 10^(decimal places): bound both sides so that a short
  // input such as Decimal("1e-9000000") cannot demand a nine-million-digit integer.
  if (amount.decimalPlaces() > MAX_AMOUNT_DIGITS) return `must have at most ${MAX_AMOUNT_DIGITS} decimal places (got ${amount.decimalPlaces()})`;
  if (amount.e >= MAX_AMOUNT_DIGITS) return `must be less than 1e${MAX_AMOUNT_DIGITS} (got ${amount.toExponential(3)})`;
  return amount.isZero() ? new Decimal(0) : amount;
}

/**
 * A non-negative exact amount (string, number or Decimal) with at most 100 decimal places and less
 * than 1e100. Output: a `Decimal`.
 */
export const AmountSchema = z.custom<AmountInput>(() => true).transform((value, ctx): Decimal => {
  const amount = toAmount(value);
  if (typeof amount === "string") {
    ctx.addIssue({ code: "custom", message: amount });
    return z.NEVER;
  }
  return amount;
});

/**
 * An ISO 4217 currency code known to `Intl` (`"JPY"`, `"USD"`), in any letter case: `"usd"` (as Stripe
 * writes codes) is read as `"USD"`. Output: the upper-case code.
 */
export const CurrencySchema = z.custom<string>(() => true).transform((value, ctx): string => {
  const code = typeof value === "string" ? canonicalCurrency(value) : null;
  if (code === null) {
    ctx.addIssue({ code: "custom", message: `must be an ISO 4217 currency code like "JPY" (got ${describeValue(value)})` });
    return z.NEVER;
  }
  return code;
});

/** An identifier: a non-empty string or a safe integer (turned into its decimal text). */
export const IdSchema = z.custom<string | number>(() => true).transform((value, ctx): string => {
  if (typeof value === "string" && value.length > 0) return value;
  if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
  ctx.addIssue({ code: "custom", message: `must be a non-empty string or an integer (got ${describeValue(value)})` });
  return z.NEVER;
});

/** A non-negative finite count (seats, users, features). */
export const CountSchema = z.custom<number>(() => true).transform((value, ctx): number => {
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value;
  ctx.addIssue({ code: "custom", message: `must be a finite number ≥ 0 (got ${describeValue(value)})` });
  return z.NEVER;
});

/** Turns a zod issue path into the caller's notation: `contracts[12].end`. */
export function formatPath(root: string, path: readonly PropertyKey[]): string {
  let text = root;
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) text += `.${key}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text;
}
