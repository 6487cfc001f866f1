/**
 * Trial-to-paid conversion (DOMAIN.md §8): trials started in a period, and how many of their
 * customers paid within a number of days after the trial.
 * @module
 */
import type { Decimal } from "decimal.js";
import { type CalendarDate, type EpochDay, formatCalendarDate, parseCalendarDate } from "../dates/calendarDate.js";
import { resolvePeriod } from "../dates/period.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { ratio } from "../money/exactDecimal.js";
import { compareIds } from "../ids/compareIds.js";
import { type ContractLine, type ContractsInput, toContractBook } from "../revenue/contractBook.js";
import { readOptions } from "../schemas/options.js";
import { median } from "../stats/median.js";
import type { Period, PeriodInput } from "../schemas/period.js";
import { describeValue, formatPath } from "../schemas/primitives.js";
import { type Trial, type TrialInput, TrialSchema } from "../schemas/trial.js";

/** Options of {@link trialConversion}. */
export interface TrialConversionOptions {
  /** Days after the trial's end a first payment still counts as a conversion (a whole number ≥ 0); required. */
  readonly within: number;
}

/** One trial and whether it converted. */
export interface TrialRow {
  readonly customerId: string;
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  /** The first day on or after the trial's start with MRR > 0, if within the window; else `null`. */
  readonly convertedOn: CalendarDate | null;
  /** Days from the trial's end to `convertedOn` (0 when paying by the end); `null` when not converted. */
  readonly daysToConvert: number | null;
}

/** {@link trialConversion}'s result. */
export interface TrialConversion {
  readonly period: Period;
  readonly within: number;
  /** Trials that started in the period. */
  readonly trials: number;
  /** Of them, the converted ones. */
  readonly converted: number;
  /** converted / trials, a ratio 0–1; `null` when no trial started in the period. */
  readonly rate: Decimal | null;
  /** Median of the converted trials' days to convert (the mean of the middle two for an even count); `null` when none converted. */
  readonly medianDaysToConvert: Decimal | null;
  /** The period's trials, by start, customer id, then end. */
  readonly rows: readonly TrialRow[];
}

/** Validates trial records, naming fields `trials[3].end`. */
export function readTrials(trials: unknown, root = "trials"): Trial[] {
  if (!Array.isArray(trials)) throw new ValidationError([{ path: root, message: `must be an array of trial records (got ${describeValue(trials)})` }]);
  const issues: ValidationIssue[] = [];
  const parsed: Trial[] = [];
  trials.forEach((record: unknown, index) => {
    const result = TrialSchema.safeParse(record);
    if (result.success) parsed.push(result.data);
    else for (const issue of result.error.issues) issues.push({ path: formatPath(`${root}[${index}]`, issue.path), message: issue.message });
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return parsed;
}

function readWithin(value: unknown): number {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  throw new ValidationError([{ path: "options.within", message: `must be a whole number of days ≥ 0 (got ${describeValue(value)})` }]);
}

/** The first day in `[from, to]` with MRR > 0 on some line, or `null`. */
function firstPaidDay(lines: readonly ContractLine[], from: EpochDay, to: EpochDay): EpochDay | null {
  let first: EpochDay | null = null;
  for (const line of lines) {
    if (line.startDay > to) break;
    if (line.mrrUnits === 0n || line.endDay <= from) continue;
    const day = Math.max(line.startDay, from);
    if (first === null || day < first) first = day;
  }
  return first;
}

/**
 * Trial-to-paid conversion of the trials that started in a period: how many converted, the rate and
 * the median days to convert.
 *
 * @remarks
 * A trial started in the period (start ∈ [period start, period end)) **converted** when its customer
 * has MRR > 0 on some day from the trial's start up to `within` days after its end (DOMAIN.md §8);
 * days to convert = max(0, first such day − end). rate = converted / trials started. With Stripe's
 * convention that revenue starts at `trial_end`, a customer that pays as the trial ends converts on
 * day 0, and `within: 0` counts only those. ChartMogul's and ProfitWell's trial-to-paid rates use the
 * same cohort (trials by start date) with a fixed window; some teams instead count conversions that
 * happened in the period (whatever the trial's start) — compute that by passing the trials of an
 * earlier period. A customer already paying when its trial starts counts as converted on day 0
 * (filter such add-on trials out first if they should not count). A trial whose window is not over
 * yet may still convert: judge recent cohorts once `end + within` has passed.
 *
 * @param trials - Trial records `{ customerId, start, end }` (see {@link TrialSchema}); not mutated.
 * @param contracts - A {@link ContractBook} or raw contract records; not mutated.
 * @param period - `[start, end)`: trials that started in it are counted.
 * @param options - `within`: days after the trial's end (required).
 * @returns Counts, the rate, the median days to convert and one row per trial.
 * @throws {@link ValidationError} for an invalid trial (`trials[3].end: must be after start (…)`), an
 * invalid `options.within` or contract; {@link CurrencyMismatchError}; {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { month, trialConversion } from "cs-metrics";
 * const result = trialConversion(
 *   [
 *     { customerId: "acme", start: "2025-04-01", end: "2025-04-15" },
 *     { customerId: "beta", start: "2025-04-10", end: "2025-04-24" },
 *     { customerId: "chiyoda", start: "2025-04-20", end: "2025-05-04" },
 *   ],
 *   [
 *     { id: "1", customerId: "acme", start: "2025-04-15", amount: 100, currency: "USD" },
 *     { id: "2", customerId: "beta", start: "2025-05-04", amount: 100, currency: "USD" },
 *   ],
 *   month("2025-04"),
 *   { within: 14 },
 * );
 * result.converted; //=> 2
 * result.rate?.toString(); //=> "0.6666666666666666666666666666666666666667"
 * result.medianDaysToConvert?.toString(); //=> "5"
 * ```
 */
export function trialConversion(trials: readonly TrialInput[], contracts: ContractsInput, period: PeriodInput, options: TrialConversionOptions): TrialConversion {
  const within = readWithin(readOptions(options).within);
  const resolved = resolvePeriod(period);
  const parsed = readTrials(trials);
  const book = toContractBook(contracts);
  const linesOf = new Map(book.customers.map((customer) => [customer.customerId, customer.lines]));
  const rows: TrialRow[] = [];
  const days: number[] = [];
  for (const trial of parsed) {
    const startDay = parseCalendarDate(trial.start)!;
    if (startDay < resolved.startDay || startDay >= resolved.endDay) continue;
    const endDay = parseCalendarDate(trial.end)!;
    const paid = firstPaidDay(linesOf.get(trial.customerId) ?? [], startDay, endDay + within);
    const daysToConvert = paid === null ? null : Math.max(0, paid - endDay);
    if (daysToConvert !== null) days.push(daysToConvert);
    rows.push({ ...trial, convertedOn: paid === null ? null : formatCalendarDate(paid), daysToConvert });
  }
  rows.sort((a, b) => compareIds(a.start, b.start) || compareIds(a.customerId, b.customerId) || compareIds(a.end, b.end));
  days.sort((a, b) => a - b);
  return {
    period: resolved.period,
    within,
    trials: rows.length,
    converted: days.length,
    rate: ratio(BigInt(days.length), BigInt(rows.length)),
    medianDaysToConvert: days.length === 0 ? null : median(days),
    rows,
  };
}
