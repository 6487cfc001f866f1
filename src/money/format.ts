/**
 * Rendering rates and amounts for people, with `Intl.NumberFormat` on exact decimal strings (never
 * through binary floats).
 * @module
 */
import Decimal from "decimal.js";
import { ValidationError } from "../errors.js";
import { isKnownCurrency, minorUnitDigits } from "./currency.js";
import { describeValue } from "../schemas/primitives.js";

/** Options shared by the formatters. */
export interface FormatOptions {
  /** BCP 47 locale. Default `"en-US"`, so output never depends on the machine. */
  readonly locale?: string;
}

/** Options of {@link formatPercent}. */
export interface FormatPercentOptions extends FormatOptions {
  /** Digits after the decimal point. Default 1. */
  readonly decimals?: number;
  /** Text for a `null` rate (an empty base). Default `"—"`. */
  readonly nullText?: string;
  /** Prefix positive values with `+` (for net churn or Good−Bad). Default `false`. */
  readonly signed?: boolean;
}

/** Options of {@link formatMoney}. */
export interface FormatMoneyOptions extends FormatOptions {
  /** Digits after the decimal point. Default: the currency's minor unit (0 for JPY, 2 for USD). */
  readonly decimals?: number;
}

function toDecimal(value: Decimal.Value, path: string): Decimal {
  let decimal: Decimal;
  try {
    decimal = new Decimal(value);
  } catch {
    throw new ValidationError([{ path, message: `must be a decimal number (got ${describeValue(value)})` }]);
  }
  if (!decimal.isFinite()) throw new ValidationError([{ path, message: `must be finite (got ${decimal.toString()})` }]);
  return decimal;
}

function checkDecimals(decimals: number, path: string): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new ValidationError([{ path, message: `must be a whole number 0–20 (got ${String(decimals)})` }]);
  }
  return decimals;
}

/**
 * Formats a ratio as a percentage, rounded half away from zero.
 *
 * @remarks percent = ratio × 100, shown with `decimals` digits.
 * @param rate - A ratio (0.99 = 99%), or `null` for an empty base.
 * @throws {@link ValidationError} for a non-finite rate or bad `decimals`.
 * @example
 * ```ts
 * import { formatPercent } from "cs-metrics";
 * formatPercent("0.99"); //=> "99.0%"
 * formatPercent("0.8864", { decimals: 2 }); //=> "88.64%"
 * formatPercent(null); //=> "—"
 * ```
 */
export function formatPercent(rate: Decimal.Value | null, options: FormatPercentOptions = {}): string {
  if (rate === null) return options.nullText ?? "—";
  const decimals = checkDecimals(options.decimals ?? 1, "options.decimals");
  const percent = toDecimal(rate, "rate").times(100).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  const format = new Intl.NumberFormat(options.locale ?? "en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    signDisplay: options.signed === true ? "exceptZero" : "auto",
  });
  return `${formatExactly(format, percent, decimals)}%`;
}

/**
 * Formats an amount of money with its currency symbol, rounded half away from zero to the currency's
 * minor unit.
 *
 * @remarks Uses `Intl.NumberFormat` with `style: "currency"` on the exact decimal text.
 * @param amount - The amount (a Decimal, decimal string or number).
 * @param currency - ISO 4217 code.
 * @throws {@link ValidationError} for an unknown currency or non-finite amount.
 * @example
 * ```ts
 * import { formatMoney } from "cs-metrics";
 * formatMoney("1800000", "JPY"); //=> "¥1,800,000"
 * formatMoney("12345.675", "USD"); //=> "$12,345.68"
 * ```
 */
export function formatMoney(amount: Decimal.Value, currency: string, options: FormatMoneyOptions = {}): string {
  if (typeof currency !== "string" || !isKnownCurrency(currency)) {
    throw new ValidationError([{ path: "currency", message: `must be an ISO 4217 currency code (got ${describeValue(currency)})` }]);
  }
  const decimals = checkDecimals(options.decimals ?? minorUnitDigits(currency), "options.decimals");
  const rounded = toDecimal(amount, "amount").toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  const format = new Intl.NumberFormat(options.locale ?? "en-US", {
    style: "currency",
    currency,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  return formatExactly(format, rounded, decimals);
}

/** Largest number of significant digits a double carries exactly through `Intl`. */
const SAFE_SIGNIFICANT_DIGITS = 15;

/**
 * Formats an already rounded Decimal with `format`'s symbols and grouping, without ever losing digits:
 * small values go through `Intl` as numbers (exact up to 15 significant digits); larger ones take the
 * locale's symbols from `formatToParts` and get their digits from the Decimal.
 */
function formatExactly(format: Intl.NumberFormat, value: Decimal, decimals: number): string {
  if (value.precision(true) <= SAFE_SIGNIFICANT_DIGITS) return format.format(value.toNumber());
  const [integerDigits = "0", fractionDigits = ""] = value.abs().toFixed(decimals).split(".");
  const parts = format.formatToParts(value.isNegative() ? -1234.5 : 1234.5);
  const group = parts.find((part) => part.type === "group")?.value ?? ",";
  const grouped = integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  let integerWritten = false;
  return parts
    .map((part) => {
      if (part.type === "integer") {
        if (integerWritten) return "";
        integerWritten = true;
        return grouped;
      }
      if (part.type === "group") return "";
      if (part.type === "fraction") return fractionDigits;
      return part.value;
    })
    .join("");
}
