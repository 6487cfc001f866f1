/**
 * A fast reader for the common shape of a contract record — string ids, `YYYY-MM-DD` strings, a plain
 * decimal string or a number for `amount` — that yields exactly what {@link ContractSchema} would,
 * without building a `Decimal` per amount. It only ever accepts records the schema accepts; for
 * anything else it returns `null` and the caller validates with the schema, which stays the single
 * source of truth for what is valid and for every error message.
 * @module
 */
import type { EpochDay } from "../dates/calendarDate.js";
import { epochDayOfIsoText } from "../dates/isoDateText.js";
import { canonicalCurrency } from "../money/currency.js";
import type { Interval } from "../schemas/contract.js";
import { MAX_AMOUNT_DIGITS } from "../schemas/primitives.js";

/** A contract record read by {@link readPlainContract}: normalised fields plus its exact amount. */
export interface PlainContract {
  readonly id: string;
  readonly customerId: string;
  readonly startDay: EpochDay;
  /** `Infinity` when open-ended. */
  readonly endDay: EpochDay;
  /** The amount exactly, as `coefficient × 10^-scale` (`coefficient` a safe integer). */
  readonly coefficient: number;
  readonly scale: number;
  /** The `amount` value as passed (a number or a plain decimal string). */
  readonly amount: string | number;
  readonly interval: Interval;
  readonly intervalCount: number;
  readonly currency: string;
  readonly product: string | undefined;
  readonly plan: string | undefined;
  readonly seats: number | undefined;
}

const CODE_0 = 48;
const CODE_9 = 57;
const CODE_DOT = 46;

/** Largest number of significant digits read without `BigInt`: any 15-digit integer is exact in a double. */
const MAX_FAST_DIGITS = 15;

/**
 * Reads a non-negative plain decimal (`"1200.50"`, `1200.5`) into `coefficient × 10^-scale` with
 * trailing fractional zeros dropped (as `Decimal#decimalPlaces` counts), or `null` for anything
 * else (signs, exponents, whitespace, more than 15 significant digits, more than
 * {@link MAX_AMOUNT_DIGITS} decimal places, non-finite numbers).
 */
export function readPlainAmount(value: unknown): { coefficient: number; scale: number } | null {
  if (typeof value === "number") {
    if (Number.isSafeInteger(value) && value >= 0) return { coefficient: value === 0 ? 0 : value, scale: 0 };
    if (!(value > 0) || !Number.isFinite(value)) return null;
    // A finite double's shortest text is what decimal.js reads; exponent forms go to the schema.
    return readPlainAmount(String(value));
  }
  if (typeof value !== "string") return null;
  const length = value.length;
  if (length === 0) return null;
  let coefficient = 0;
  let digits = 0;
  let scale = 0;
  let seenDot = false;
  let trailingZeros = 0;
  for (let index = 0; index < length; index++) {
    const code = value.charCodeAt(index);
    if (code === CODE_DOT) {
      if (seenDot) return null;
      seenDot = true;
      continue;
    }
    if (code < CODE_0 || code > CODE_9) return null;
    const digit = code - CODE_0;
    if (digits > 0 || digit !== 0) digits++;
    coefficient = coefficient * 10 + digit;
    if (seenDot) {
      scale++;
      trailingZeros = digit === 0 ? trailingZeros + 1 : 0;
    }
  }
  // At least one digit ("." alone is not a number); at most 15 significant ones.
  if (length === (seenDot ? 1 : 0) || digits > MAX_FAST_DIGITS) return null;
  if (trailingZeros > 0) {
    coefficient /= 10 ** trailingZeros;
    scale -= trailingZeros;
  }
  // More decimal places than an amount may have: the schema reports it.
  if (scale > MAX_AMOUNT_DIGITS) return null;
  return { coefficient, scale };
}

function readId(value: unknown): string | null {
  if (typeof value === "string") return value.length > 0 ? value : null;
  if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
  return null;
}

const INTERVALS: ReadonlySet<unknown> = new Set(["month", "quarter", "year", "week", "day"]);

/**
 * Reads a contract record of the common shape without the schema; `null` when the record needs the
 * schema (anything invalid or unusual: `Date` objects, exponent amounts, signs, …).
 */
export function readPlainContract(record: unknown): PlainContract | null {
  if (typeof record !== "object" || record === null || Array.isArray(record)) return null;
  const raw = record as Record<string, unknown>;
  return readPlainContractFields(raw["id"], raw["customerId"], raw["start"], raw["end"], raw["amount"], raw["interval"], raw["intervalCount"], raw["currency"], raw["product"], raw["plan"], raw["seats"]);
}

/**
 * Reads a contract given field by field (`undefined` for an absent field) — what
 * {@link readPlainContract} does for a record, for readers that hold a row's cells rather than an
 * object (the CLI's CSV reader) — or `null` when the record needs the schema.
 */
export function readPlainContractFields(
  idValue: unknown,
  customerIdValue: unknown,
  start: unknown,
  end: unknown,
  amountValue: unknown,
  intervalValue: unknown,
  intervalCountValue: unknown,
  currencyValue: unknown,
  product: unknown,
  plan: unknown,
  seats: unknown,
): PlainContract | null {
  const id = readId(idValue);
  const customerId = readId(customerIdValue);
  if (id === null || customerId === null) return null;
  if (typeof start !== "string") return null;
  const startDay = epochDayOfIsoText(start);
  if (startDay === null) return null;
  let endDay = Number.POSITIVE_INFINITY;
  if (end !== undefined && end !== null) {
    if (typeof end !== "string") return null;
    const day = epochDayOfIsoText(end);
    if (day === null || day <= startDay) return null;
    endDay = day;
  }
  let coefficient: number;
  let scale = 0;
  if (typeof amountValue === "number" && Number.isSafeInteger(amountValue) && amountValue >= 0) {
    // The common whole amount, without the object readPlainAmount returns (-0 reads as 0).
    coefficient = amountValue === 0 ? 0 : amountValue;
  } else {
    if (typeof amountValue !== "string" && typeof amountValue !== "number") return null;
    const amount = readPlainAmount(amountValue);
    if (amount === null) return null;
    coefficient = amount.coefficient;
    scale = amount.scale;
  }
  if (intervalValue !== undefined && !INTERVALS.has(intervalValue)) return null;
  let intervalCount = 1;
  if (intervalCountValue !== undefined) {
    if (typeof intervalCountValue !== "number" || !Number.isSafeInteger(intervalCountValue) || intervalCountValue < 1) return null;
    intervalCount = intervalCountValue;
  }
  const currency = typeof currencyValue === "string" ? canonicalCurrency(currencyValue) : null;
  if (currency === null) return null;
  if (product !== undefined && typeof product !== "string") return null;
  if (plan !== undefined && typeof plan !== "string") return null;
  if (seats !== undefined && (typeof seats !== "number" || !Number.isSafeInteger(seats) || seats < 0)) return null;
  return {
    id,
    customerId,
    startDay,
    endDay,
    coefficient,
    scale,
    amount: amountValue,
    interval: (intervalValue as Interval | undefined) ?? "month",
    intervalCount,
    currency,
    product,
    plan,
    seats,
  };
}
