/**
 * Reading what a chart builder is given: a cs-metrics result as returned, or the same result after
 * `JSON.parse(JSON.stringify(result))` (every Decimal then a decimal string). Every problem is
 * collected with its path (`movements.newMrr`, `customers[3].deploymentRate`) and reported as one
 * {@link index!ValidationError}, as the core does.
 * @module
 */
import { Decimal } from "decimal.js";
import type { CalendarDate } from "../dates/calendarDate.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { NO_CURRENCY, canonicalCurrency } from "../money/currency.js";
import { describeValue, toAmount, toCalendarDate, toDecimalNumber } from "../schemas/primitives.js";

/**
 * A result as it comes back from `JSON.parse(JSON.stringify(result))`: every `Decimal` becomes its
 * decimal string (`"0.95"`); strings, numbers, booleans and `null` stay as they are.
 */
export type Serialized<T> = T extends Decimal
  ? string
  : T extends readonly (infer Item)[]
    ? readonly Serialized<Item>[]
    : T extends object
      ? { readonly [Key in keyof T]: Serialized<T[Key]> }
      : T;

/** Inclusive bounds of a number read by {@link ChartInput}. */
export interface Bounds {
  readonly min?: number;
  readonly max?: number;
}

/**
 * Collects the problems of one chart input. Each reader returns the value read, or `null` after
 * recording an issue; {@link ChartInput.check} then throws them all at once.
 */
export class ChartInput {
  readonly #issues: ValidationIssue[] = [];

  /** Records a problem at `path`. */
  fail(path: string, message: string): null {
    this.#issues.push({ path, message });
    return null;
  }

  /** Throws a {@link index!ValidationError} listing every problem recorded so far, if any. */
  check(): void {
    if (this.#issues.length > 0) throw new ValidationError(this.#issues);
  }

  /** A plain object (not `null`, not an array). */
  record(value: unknown, path: string, what: string): Readonly<Record<string, unknown>> | null {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    return this.fail(path, `must be ${what} (got ${describeValue(value)})`);
  }

  /** An array. */
  array(value: unknown, path: string, what: string): readonly unknown[] | null {
    if (Array.isArray(value)) return value;
    return this.fail(path, `must be an array of ${what} (got ${describeValue(value)})`);
  }

  /** A non-empty string. */
  text(value: unknown, path: string): string | null {
    if (typeof value === "string" && value.length > 0) return value;
    return this.fail(path, `must be a non-empty string (got ${describeValue(value)})`);
  }

  /** An ISO 4217 code the engine knows in any letter case (`"usd"` → `"USD"`), or `"XXX"` (the currency of an empty book). */
  currency(value: unknown, path: string): string | null {
    const code = typeof value === "string" ? (value === NO_CURRENCY ? value : canonicalCurrency(value)) : null;
    if (code !== null) return code;
    return this.fail(path, `must be an ISO 4217 currency code (got ${describeValue(value)})`);
  }

  /** A `YYYY-MM-DD` calendar date (the text a result holds, before and after JSON). */
  date(value: unknown, path: string): CalendarDate | null {
    if (typeof value === "string" && toCalendarDate(value) !== null) return value;
    return this.fail(path, `must be a calendar date "YYYY-MM-DD" (got ${describeValue(value)})`);
  }

  /** `true` or `false`. */
  boolean(value: unknown, path: string): boolean | null {
    if (typeof value === "boolean") return value;
    return this.fail(path, `must be true or false (got ${describeValue(value)})`);
  }

  /** One of the listed strings. */
  oneOf<const T extends string>(value: unknown, path: string, allowed: readonly T[]): T | null {
    if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
    return this.fail(path, `must be one of ${allowed.map((item) => JSON.stringify(item)).join(", ")} (got ${describeValue(value)})`);
  }

  /** A whole number ≥ `min` (a count, a priority, months since start). */
  integer(value: unknown, path: string, min: number): number | null {
    if (typeof value === "number" && Number.isSafeInteger(value) && value >= min) return value;
    return this.fail(path, `must be a whole number ≥ ${min} (got ${describeValue(value)})`);
  }

  /** A finite JavaScript number within `bounds` (an option such as a width or a threshold). */
  number(value: unknown, path: string, bounds: Bounds & { readonly positive?: boolean }): number | null {
    if (typeof value !== "number" || !Number.isFinite(value)) return this.fail(path, `must be a finite number (got ${describeValue(value)})`);
    if (bounds.positive === true && value <= 0) return this.fail(path, `must be greater than 0 (got ${value})`);
    return this.#inBounds(value, path, bounds) ? value : null;
  }

  /**
   * An exact decimal: a Decimal, a finite number or a plain decimal string (`"0.95"`), by the amount
   * schema's rules (no `"0x10"`, `"1e5"`, `""`), or the exponent text `JSON.stringify` writes for a
   * Decimal below 1e-7 or from 1e21 (see {@link jsonDecimal}). Negative values are read when
   * `bounds.min` allows them.
   */
  decimal(value: unknown, path: string, bounds: Bounds = {}): Decimal | null {
    const parsed = (bounds.min ?? 0) < 0 ? signedDecimal(value) : unsignedDecimal(value);
    if (typeof parsed === "string") return this.fail(path, parsed);
    return this.#inBounds(parsed.toNumber(), path, bounds) ? parsed : null;
  }

  /**
   * {@link ChartInput.decimal}, where `null` (an empty base) is also valid. Returns `null` for both a
   * `null` value and a recorded problem (then {@link ChartInput.check} throws).
   */
  nullableDecimal(value: unknown, path: string, bounds: Bounds = {}): Decimal | null {
    return value === null ? null : this.decimal(value, path, bounds);
  }

  #inBounds(value: number, path: string, bounds: Bounds): boolean {
    let problem: string | null = null;
    if (bounds.min !== undefined && value < bounds.min) problem = `must be ≥ ${bounds.min} (got ${value})`;
    else if (bounds.max !== undefined && value > bounds.max) problem = `must be ≤ ${bounds.max} (got ${value})`;
    if (problem !== null) this.fail(path, problem);
    return problem === null;
  }
}

/**
 * decimal.js with its default notation settings: its `toJSON` writes plain digits from 1e-7 up to
 * 1e21 and exponent notation outside, in one canonical form (`"4.1666e-9"`, `"1.5e+21"`).
 */
const DefaultNotation = Decimal.clone({ defaults: true });

/**
 * The Decimal a JSON-saved result holds as exponent text, or `null` when `text` is not exactly what
 * `JSON.stringify` writes for a Decimal (so `"1e5"`, `"1E-8"`, `"1.50e-8"` are not: a Decimal writes
 * 1e5 as `"100000"`).
 */
function jsonDecimal(text: string): Decimal | null {
  if (!/^\d(\.\d+)?e[+-]\d+$/.test(text)) return null;
  const decimal = new DefaultNotation(text);
  return decimal.toJSON() === text ? new Decimal(decimal) : null;
}

/** A non-negative decimal by the amount rules, or the exponent text of a JSON-saved Decimal. */
function unsignedDecimal(value: unknown): Decimal | string {
  const parsed = toAmount(value);
  if (typeof parsed !== "string" || typeof value !== "string") return parsed;
  const saved = jsonDecimal(value);
  return saved === null ? parsed : toAmount(saved);
}

/**
 * A signed decimal: the library's decimal reader ({@link toDecimalNumber}: a Decimal, a finite number
 * or plain decimal text, sign allowed), or a JSON-saved Decimal's exponent text with a sign; its
 * magnitude within the amount rules' bounds.
 */
function signedDecimal(value: unknown): Decimal | string {
  const negativeText = typeof value === "string" && /^\s*-/.test(value);
  const saved = typeof value === "string" ? jsonDecimal(value.trim().replace(/^-/, "")) : null;
  const parsed = saved === null ? toDecimalNumber(value) : negativeText ? saved.negated() : saved;
  if (typeof parsed === "string") return negativeText ? `must be a decimal number like "-12.5" (got ${describeValue(value)})` : parsed;
  const magnitude = toAmount(parsed.abs());
  if (typeof magnitude === "string") return magnitude;
  return parsed.isNegative() && !parsed.isZero() ? magnitude.negated() : magnitude;
}

/** Checks that `keys` has no repeats, reporting each repeat at `path(index)`. */
export function checkUnique(input: ChartInput, keys: readonly (string | null)[], path: (index: number) => string, what: string): void {
  const first = new Map<string, number>();
  keys.forEach((key, index) => {
    if (key === null) return;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, index);
    else input.fail(path(index), `duplicate ${what} ${JSON.stringify(key)} (also at ${path(seen)})`);
  });
}
