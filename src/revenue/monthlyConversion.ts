/**
 * How weekly and daily amounts become MRR: the number of weeks (days) in a month, an exact fraction
 * given as an option (DOMAIN.md §1). Shared by the contract book and the SQL compiler, so both read
 * the same option the same way.
 * @module
 */
import { ValidationError, type ValidationIssue } from "../errors.js";
import { gcd, toScaledInteger } from "../money/exactDecimal.js";
import type { Interval } from "../schemas/contract.js";
import { describeValue, toAmount } from "../schemas/primitives.js";

/** Months that one `amount` of a month, quarter or year covers (before `intervalCount`). */
export const MONTHS_PER_INTERVAL: Readonly<Record<"month" | "quarter" | "year", number>> = { month: 1, quarter: 3, year: 12 };

/**
 * Weeks or days per month: a positive number (`4`, `30`, `4.345`), a plain decimal string, or an
 * exact fraction `"p/q"` of whole numbers (`"52/12"`, `"365/12"`).
 */
export type PerMonth = number | string;

/** The MRR conversions of the `week` and `day` intervals (options of `contractBook` and `toSql`). */
export interface MonthlyConversionOptions {
  /**
   * Weeks in a month: MRR of a weekly amount = amount × weeksPerMonth / intervalCount. Default
   * `"52/12"` (52 weeks a year over 12 months, ≈ 4.33); the common alternative is `4` (a month of
   * four weeks, as in segmentio's stripe-cohort MRR normalisation).
   */
  readonly weeksPerMonth?: PerMonth;
  /**
   * Days in a month: MRR of a daily amount = amount × daysPerMonth / intervalCount. Default
   * `"365/12"` (365 days a year over 12 months, ≈ 30.42); the common alternative is `30`.
   */
  readonly daysPerMonth?: PerMonth;
}

/** A positive fraction `numerator / denominator` in lowest terms. */
export interface PositiveFraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** The default conversions: 52/12 weeks and 365/12 days a month. */
export const DEFAULT_WEEKS_PER_MONTH: PositiveFraction = { numerator: 13n, denominator: 3n };
export const DEFAULT_DAYS_PER_MONTH: PositiveFraction = { numerator: 365n, denominator: 12n };

/** Largest numerator or denominator of a conversion: keeps every MRR factor a safe integer. */
const MAX_TERM = 1_000_000n;

function reduced(numerator: bigint, denominator: bigint): PositiveFraction {
  const divisor = gcd(numerator, denominator);
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}

function readPerMonth(value: unknown, path: string, fallback: PositiveFraction, issues: ValidationIssue[]): PositiveFraction {
  if (value === undefined) return fallback;
  const problem = `must be a number > 0 or a fraction "p/q" of whole numbers, at most ${MAX_TERM} each (got ${describeValue(value)})`;
  let fraction: PositiveFraction | null = null;
  const match = typeof value === "string" ? /^(\d{1,7})\/(\d{1,7})$/.exec(value) : null;
  if (match !== null) {
    const numerator = BigInt(match[1]!);
    const denominator = BigInt(match[2]!);
    if (numerator > 0n && denominator > 0n) fraction = reduced(numerator, denominator);
  } else if (typeof value === "number" || typeof value === "string") {
    const amount = toAmount(value);
    if (typeof amount !== "string" && !amount.isZero()) {
      const { coefficient, scale } = toScaledInteger(amount);
      fraction = reduced(coefficient, 10n ** BigInt(scale));
    }
  }
  if (fraction === null || fraction.numerator > MAX_TERM || fraction.denominator > MAX_TERM) {
    issues.push({ path, message: problem });
    return fallback;
  }
  return fraction;
}

/** The two conversions read from options (defaults filled in); problems are added to `issues`. */
export interface MonthlyConversions {
  readonly week: PositiveFraction;
  readonly day: PositiveFraction;
}

/**
 * Reads `weeksPerMonth` and `daysPerMonth`.
 * @throws {@link ValidationError} (`options.weeksPerMonth: must be a number > 0 …`) unless `issues`
 * is given, in which case problems are added there.
 */
export function readMonthlyConversions(options: MonthlyConversionOptions, issues?: ValidationIssue[]): MonthlyConversions {
  const found: ValidationIssue[] = issues ?? [];
  const week = readPerMonth(options.weeksPerMonth, "options.weeksPerMonth", DEFAULT_WEEKS_PER_MONTH, found);
  const day = readPerMonth(options.daysPerMonth, "options.daysPerMonth", DEFAULT_DAYS_PER_MONTH, found);
  if (issues === undefined && found.length > 0) throw new ValidationError(found);
  return { week, day };
}

/**
 * Months that one amount of an interval covers (before `intervalCount`), as a fraction
 * `months / perMonth`: 1, 3, 12 months; a week is 1 / weeksPerMonth months, a day 1 / daysPerMonth.
 */
export function monthsPerInterval(interval: Interval, conversions: MonthlyConversions): { readonly months: number; readonly divisor: number } {
  switch (interval) {
    case "month":
      return { months: 1, divisor: 1 };
    case "quarter":
      return { months: 3, divisor: 1 };
    case "year":
      return { months: 12, divisor: 1 };
    case "week":
      return { months: Number(conversions.week.denominator), divisor: Number(conversions.week.numerator) };
    case "day":
      return { months: Number(conversions.day.denominator), divisor: Number(conversions.day.numerator) };
  }
}
