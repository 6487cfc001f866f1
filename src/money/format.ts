/**
 * Rendering rates and amounts for people, with `Intl.NumberFormat` on exact decimal strings (never
 * through binary floats).
 * @module
 */
import { Decimal } from "decimal.js";
import { ValidationError } from "../errors.js";
import { NO_CURRENCY, canonicalCurrency, minorUnitDigits } from "./currency.js";
import { readOptions } from "../schemas/options.js";
import { describeValue, toDecimalNumber } from "../schemas/primitives.js";

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

/**
 * Most digits before the decimal point that the formatters write out. `Intl.NumberFormat` reads
 * decimal text exactly but writes "∞" from about 1.8e308 (the double range) upwards, so larger values
 * are rejected rather than shown as infinity.
 */
const MAX_FORMAT_DIGITS = 300;

/** A Decimal constructor whose arithmetic keeps every digit (×100 never needs rounding). */
const Unrounded = Decimal.clone({ precision: 1e9 });

/**
 * Reads `value` with the contract schemas' number rules ({@link toDecimalNumber}: a plain decimal
 * string, a finite number or a finite Decimal; no exponent or hex text) and their messages, plus a
 * sign (a formatted amount may be a loss) and the formatters' own size limit.
 */
function toDecimal(value: unknown, path: string): Decimal {
  const decimal = toDecimalNumber(value);
  if (typeof decimal === "string") throw new ValidationError([{ path, message: decimal }]);
  // Also keeps Decimal("1e9000000") from being written out digit by digit (minutes, megabytes).
  if (decimal.e >= MAX_FORMAT_DIGITS) {
    throw new ValidationError([{ path, message: `must be less than 1e${MAX_FORMAT_DIGITS} in magnitude (got ${decimal.toExponential(3)})` }]);
  }
  return decimal;
}

function checkDecimals(decimals: number, path: string): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new ValidationError([{ path, message: `must be a whole number 0–20 (got ${describeValue(decimals)})` }]);
  }
  return decimals;
}

/** An `Intl.NumberFormat` for `locale` (default `"en-US"`); an unusable locale is a {@link ValidationError}. */
function numberFormat(locale: unknown, settings: Intl.NumberFormatOptions): Intl.NumberFormat {
  if (locale === undefined) return new Intl.NumberFormat("en-US", settings);
  try {
    if (typeof locale !== "string") throw new TypeError("not a string");
    return new Intl.NumberFormat(locale, settings);
  } catch {
    throw new ValidationError([{ path: "options.locale", message: `must be a BCP 47 locale like "ja-JP" (got ${describeValue(locale)})` }]);
  }
}

/**
 * Formats a ratio as a percentage, rounded half away from zero.
 *
 * @remarks percent = ratio × 100, shown with `decimals` digits.
 * @param rate - A ratio (0.99 = 99%), or `null` for an empty base. Read as a contract amount is (a plain
 *   decimal string, finite number or Decimal; no hex or exponent text), a sign allowed.
 * @throws {@link ValidationError} for a rate that is not such a number, bad `decimals`, `locale` or `nullText`, or options that are not an object.
 * @example
 * ```ts
 * import { formatPercent } from "cs-metrics";
 * formatPercent("0.99"); //=> "99.0%"
 * formatPercent("0.8864", { decimals: 2 }); //=> "88.64%"
 * formatPercent(null); //=> "—"
 * ```
 */
export function formatPercent(rate: Decimal.Value | null, options: FormatPercentOptions = {}): string {
  const { nullText = "—", decimals: decimalsOption = 1, locale, signed } = readOptions(options);
  if (rate === null) {
    if (typeof nullText !== "string") throw new ValidationError([{ path: "options.nullText", message: `must be a string (got ${describeValue(nullText)})` }]);
    return nullText;
  }
  const decimals = checkDecimals(decimalsOption, "options.decimals");
  // × 100 on a private constructor: the global Decimal would round the product to its precision
  // (20 digits by default, or whatever the caller set).
  const percent = new Unrounded(toDecimal(rate, "rate")).times(100).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  // The locale's percent pattern ("99,0 %" in German): Intl's percent style on percent / 100, passed
  // as exact text (`…e-2`), so Intl's own × 100 is exact and needs no further rounding.
  const format = numberFormat(locale, {
    style: "percent",
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    signDisplay: signed === true ? "exceptZero" : "auto",
  });
  return formatExactly(format, `${percent.toFixed(decimals)}e-2`);
}

/**
 * Formats an amount of money with its currency symbol, rounded half away from zero to the currency's
 * minor unit.
 *
 * @remarks Uses `Intl.NumberFormat` with `style: "currency"` on the exact decimal text.
 * @param amount - The amount: a plain decimal string, finite number or Decimal, read by the same rules and
 *   with the same messages as a contract's `amount` (`"0x10"` and `"1e5"` are refused); a sign is allowed.
 * @param currency - ISO 4217 code in any letter case (`"usd"` is USD); `"XXX"` (no currency, as an empty contract book reports) is accepted.
 * @throws {@link ValidationError} for an unknown currency, an amount that is not such a number, bad `decimals` or `locale`, or options that are not an object.
 * @example
 * ```ts
 * import { formatMoney } from "cs-metrics";
 * formatMoney("1800000", "JPY"); //=> "¥1,800,000"
 * formatMoney("12345.675", "USD"); //=> "$12,345.68"
 * formatMoney("19.5", "usd"); //=> "$19.50"
 * ```
 */
export function formatMoney(amount: Decimal.Value, currency: string, options: FormatMoneyOptions = {}): string {
  // "XXX" (no currency) is what an empty book without a currency reports; it formats with "¤".
  // Any letter case, as the schemas read codes: "usd" (as Stripe writes it) formats as USD.
  const code = typeof currency !== "string" ? null : currency === NO_CURRENCY ? currency : canonicalCurrency(currency);
  if (code === null) {
    throw new ValidationError([{ path: "currency", message: `must be an ISO 4217 currency code (got ${describeValue(currency)})` }]);
  }
  const { decimals: decimalsOption, locale } = readOptions(options);
  const decimals = checkDecimals(decimalsOption ?? minorUnitDigits(code), "options.decimals");
  const rounded = toDecimal(amount, "amount").toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  const format = numberFormat(locale, {
    style: "currency",
    currency: code,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  return formatExactly(format, rounded.toFixed(decimals));
}

/**
 * Formats exact decimal text with `format`. `Intl.NumberFormat` reads a string as an exact decimal
 * (ECMA-402 NumberFormat v3, Node ≥ 20), so no digit goes through a binary float and the locale's own
 * grouping applies at any size (Indian lakh/crore grouping included).
 */
function formatExactly(format: Intl.NumberFormat, text: string): string {
  // TypeScript's ES2022 lib types `format` as taking numbers only; the engine takes decimal strings.
  const write = format.format as unknown as (value: string) => string;
  return write(text);
}
