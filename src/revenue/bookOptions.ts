/**
 * A contract book's options read once, before any record: the book currency and the exchange rates
 * into it, each checked with an issue path under `options`.
 * @module
 */
import { ValidationError, type ValidationIssue } from "../errors.js";
import { type ScaledInteger, toScaledInteger } from "../money/exactDecimal.js";
import { CurrencySchema, describeValue, formatPath, toAmount } from "../schemas/primitives.js";
import type { ContractBookOptions } from "./contractBookTypes.js";

/** The `currency` option, canonical. */
export function checkOptionCurrency(currency: string): string {
  const parsed = CurrencySchema.safeParse(currency);
  if (!parsed.success) throw new ValidationError([{ path: "options.currency", message: parsed.error.issues[0]!.message }]);
  return parsed.data;
}

/** The `exchangeRates` option as exact rates by currency code (empty without the option). */
export function readExchangeRates(options: ContractBookOptions, currency: string | undefined): Map<string, ScaledInteger> {
  const rates = new Map<string, ScaledInteger>();
  if (options.exchangeRates === undefined) return rates;
  if (typeof options.exchangeRates !== "object" || options.exchangeRates === null || Array.isArray(options.exchangeRates)) {
    throw new ValidationError([{ path: "options.exchangeRates", message: `must be an object of rates (got ${describeValue(options.exchangeRates)})` }]);
  }
  if (currency === undefined) {
    throw new ValidationError([{ path: "options.currency", message: "is required with exchangeRates" }]);
  }
  const issues: ValidationIssue[] = [];
  for (const [code, value] of Object.entries(options.exchangeRates)) {
    const path = formatPath("options.exchangeRates", [code]);
    const parsedCode = CurrencySchema.safeParse(code);
    if (!parsedCode.success) {
      issues.push({ path, message: `is not an ISO 4217 currency code` });
      continue;
    }
    const rate = toAmount(value);
    if (typeof rate === "string") issues.push({ path, message: rate });
    else if (rate.isZero()) issues.push({ path, message: "must be greater than 0" });
    else rates.set(parsedCode.data, toScaledInteger(rate));
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return rates;
}
