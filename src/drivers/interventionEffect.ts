/**
 * The effect of a CS intervention on any per-customer signal: difference-in-differences of the
 * treated and untreated customers' before/after means, with a seeded bootstrap interval.
 * @module
 */
import { z } from "zod";
import { type EpochDay, formatCalendarDate, parseCalendarDate } from "../dates/calendarDate.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { type Rational, RATIONAL_ZERO, add, quotient, rationalOf, subtract, toNumber } from "../health/rational.js";
import { gcd } from "../money/exactDecimal.js";
import { compareIds } from "../ids/compareIds.js";
import { readOptions } from "../schemas/options.js";
import { CalendarDateSchema, type CalendarDateInput, describeValue, formatPath } from "../schemas/primitives.js";
import { type BootstrapInterval, bootstrapDifference } from "../stats/bootstrap.js";

/** One dated observation of a customer's signal (a health score, a usage rate, logins…). */
export interface DatedValue {
  readonly customerId: string;
  /** `YYYY-MM-DD`, or a `Date` read as its UTC calendar date. */
  readonly date: CalendarDateInput;
  /** A finite number. */
  readonly value: number;
}

/** Options of {@link interventionEffect}. */
export interface InterventionEffectOptions {
  /** The customers who received the intervention (ids); every other customer in `values` is a control. */
  readonly treated: readonly string[] | ReadonlySet<string>;
  /** The day the intervention took effect (`YYYY-MM-DD` or a `Date`'s UTC date). */
  readonly at: CalendarDateInput;
  /** Length in days of the window before `at`: [at − before, at). Whole number 1–3660, default 30. */
  readonly before?: number;
  /** Length in days of the window from `at` on: [at, at + after). Whole number 1–3660, default 30. */
  readonly after?: number;
  /** Seed of the bootstrap's generator, a whole number 0 … 2³² − 1; default 0. The same seed gives the same interval. */
  readonly seed?: number;
  /** Number of bootstrap resamples, 100 … 100000; default 2000. */
  readonly resamples?: number;
}

/** One group of {@link InterventionEffect}. */
export interface InterventionGroup {
  /** Customers with at least one value in each window (the ones measured). */
  readonly customers: number;
  /** Customers of the group left out for lacking a value in one window or both (treated ids with no values at all included). */
  readonly excluded: number;
  /** Mean over the measured customers of (mean after − mean before); `null` when none was measured. */
  readonly meanChange: number | null;
}

/** {@link interventionEffect}'s result. */
export interface InterventionEffect {
  /** Treated mean change − control mean change; `null` when either group has no measured customer. */
  readonly effect: number | null;
  /** 95% percentile bootstrap interval of `effect`; `null` with it. */
  readonly interval: BootstrapInterval | null;
  readonly treated: InterventionGroup;
  readonly control: InterventionGroup;
  /** The windows used: before = [from, to), after = [from, to) (`to` exclusive). */
  readonly windows: { readonly before: DateRange; readonly after: DateRange };
  readonly resamples: number;
  readonly seed: number;
}

/** A half-open range of days, `to` exclusive. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

const Days = z.number().int().min(1).max(3660);
const OptionsSchema = z.object({
  treated: z.union([z.array(z.string()), z.instanceof(Set)], { error: "must be an array or a Set of customer ids" }),
  at: CalendarDateSchema,
  before: Days.default(30),
  after: Days.default(30),
  seed: z.number().int().min(0).max(0xffffffff).default(0),
  resamples: z.number().int().min(100).max(100_000).default(2000),
});

const ValueSchema = z.object({
  customerId: z.string().min(1),
  date: CalendarDateSchema,
  value: z.number().finite(),
});

function reduced(value: Rational): Rational {
  const divisor = gcd(value.n < 0n ? -value.n : value.n, value.d);
  return divisor > 1n ? { n: value.n / divisor, d: value.d / divisor } : value;
}

/** Σ and count of one customer's values in one window. */
interface WindowSum {
  sum: Rational;
  count: number;
}

interface CustomerWindows {
  readonly before: WindowSum;
  readonly after: WindowSum;
}

function readValues(values: readonly DatedValue[], beforeStart: EpochDay, at: EpochDay, afterEnd: EpochDay): Map<string, CustomerWindows> {
  if (!Array.isArray(values)) throw new ValidationError([{ path: "values", message: `must be an array of { customerId, date, value } (got ${describeValue(values)})` }]);
  const issues: ValidationIssue[] = [];
  const customers = new Map<string, CustomerWindows>();
  values.forEach((record, index) => {
    const parsed = ValueSchema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ path: formatPath(`values[${index}]`, issue.path), message: issue.message });
      return;
    }
    const { customerId, date, value } = parsed.data;
    let windows = customers.get(customerId);
    if (windows === undefined) {
      windows = { before: { sum: RATIONAL_ZERO, count: 0 }, after: { sum: RATIONAL_ZERO, count: 0 } };
      customers.set(customerId, windows);
    }
    const day = parseCalendarDate(date)!;
    const window = day >= beforeStart && day < at ? windows.before : day >= at && day < afterEnd ? windows.after : null;
    if (window === null) return;
    window.sum = reduced(add(window.sum, rationalOf(value)));
    window.count++;
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return customers;
}

/** Exact changes of one group's measured customers, in customer-id order (so the result does not depend on input order). */
function groupChanges(customers: readonly [string, CustomerWindows][]): { changes: Rational[]; excluded: number } {
  const changes: Rational[] = [];
  let excluded = 0;
  for (const [, { before, after }] of customers) {
    if (before.count === 0 || after.count === 0) {
      excluded++;
      continue;
    }
    const meanBefore = quotient(before.sum, { n: BigInt(before.count), d: 1n });
    const meanAfter = quotient(after.sum, { n: BigInt(after.count), d: 1n });
    changes.push(reduced(subtract(meanAfter, meanBefore)));
  }
  return { changes, excluded };
}

function meanOf(changes: readonly Rational[]): Rational | null {
  if (changes.length === 0) return null;
  let sum = RATIONAL_ZERO;
  for (const change of changes) sum = reduced(add(sum, change));
  return reduced(quotient(sum, { n: BigInt(changes.length), d: 1n }));
}

/**
 * The effect of an intervention on a per-customer signal, by difference-in-differences, with a seeded
 * bootstrap 95% interval.
 *
 * @remarks
 * For each customer: change = mean of its values in [at, at + after) − mean of its values in
 * [at − before, at) (days; every value in a window counts once). A customer is measured when it has
 * a value in both windows. effect = mean change of the treated − mean change of the untreated
 * (difference-in-differences: the untreated customers' change stands for what would have happened
 * anyway — seasonality, a product release — so a before/after comparison of the treated alone does not
 * take credit for it). It estimates the intervention's effect only if, without it, both groups would
 * have changed alike (the parallel-trends assumption); customers chosen for CS support because they
 * were failing tend to recover anyway (regression to the mean), which the untreated group corrects only
 * if it was chosen alike. Means are computed exactly on the values as printed (`0.1` is 1/10) and
 * rounded once to a number: when every treated customer's values rise by exactly s and the untreated
 * ones' do not move, effect is exactly s.
 *
 * Interval: the percentile bootstrap (Efron & Tibshirani, An Introduction to the Bootstrap, 1993,
 * ch. 13): `resamples` times, draw as many treated customers as were measured, with replacement, from
 * the measured treated customers, and the same for the untreated (resampling customers within each
 * group, so each customer's own before/after pairing is kept); the interval is the 2.5% and 97.5%
 * quantiles (Hyndman–Fan definition 7) of the resampled effects. Draws come from mulberry32 seeded with
 * `seed`, so a seed always gives the same interval. CSuP's "+3.3% expected retention after the
 * release" is the kind of figure this puts an interval around.
 *
 * @param values - Dated values of any customers, in any order (`{ customerId, date, value }`); not mutated.
 * @param options - `treated`, `at`, and optionally `before`, `after` (days, default 30 each), `seed`
 * (default 0), `resamples` (default 2000).
 * @returns The effect, its interval, each group's counts and mean change, the windows used.
 * @throws {@link ValidationError} for a record with a missing customer id, an invalid date or a value
 * that is not a finite number (`values[3].value`), `values` that is not an array (`values`), or an
 * invalid option (`options.at`, `options.treated`, `options.seed`; also `options` when it is missing or
 * not an object).
 * @example
 * ```ts
 * import { interventionEffect } from "cs-metrics";
 * const values = [
 *   { customerId: "a", date: "2025-05-20", value: 50 }, { customerId: "a", date: "2025-06-10", value: 62 },
 *   { customerId: "b", date: "2025-05-20", value: 40 }, { customerId: "b", date: "2025-06-10", value: 50 },
 *   { customerId: "c", date: "2025-05-20", value: 60 }, { customerId: "c", date: "2025-06-10", value: 62 },
 *   { customerId: "d", date: "2025-05-20", value: 70 }, { customerId: "d", date: "2025-06-10", value: 70 },
 * ];
 * // treated a, b change +12 and +10 (mean 11); untreated c, d change +2 and 0 (mean 1): 11 − 1 = 10
 * const result = interventionEffect(values, { treated: ["a", "b"], at: "2025-06-01", seed: 7 });
 * result.effect; //=> 10
 * result.treated; //=> { customers: 2, excluded: 0, meanChange: 11 }
 * result.interval!.lower <= 10 && 10 <= result.interval!.upper; //=> true
 * ```
 */
export function interventionEffect(values: readonly DatedValue[], options: InterventionEffectOptions): InterventionEffect {
  if (options === undefined) throw new ValidationError([{ path: "options", message: "is required: { treated, at }" }]);
  const parsed = OptionsSchema.safeParse(readOptions(options));
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((issue) => ({ path: formatPath("options", issue.path), message: issue.message })));
  }
  const { at: atDate, before, after, seed, resamples } = parsed.data;
  const treatedIds = new Set<unknown>(parsed.data.treated);
  for (const id of treatedIds) {
    if (typeof id !== "string") throw new ValidationError([{ path: "options.treated", message: `must hold customer ids (strings) (got ${describeValue(id)})` }]);
  }
  const at = parseCalendarDate(atDate)!;
  const customers = readValues(values, at - before, at, at + after);
  const sorted = [...customers].sort(([a], [b]) => compareIds(a, b));
  const treatedGroup = groupChanges(sorted.filter(([id]) => treatedIds.has(id)));
  const controlGroup = groupChanges(sorted.filter(([id]) => !treatedIds.has(id)));
  let missingTreated = 0;
  for (const id of treatedIds) if (!customers.has(id as string)) missingTreated++;
  const treatedMean = meanOf(treatedGroup.changes);
  const controlMean = meanOf(controlGroup.changes);
  const group = (changes: readonly Rational[], excluded: number, mean: Rational | null): InterventionGroup => ({
    customers: changes.length,
    excluded,
    meanChange: mean === null ? null : toNumber(mean),
  });
  let effect: number | null = null;
  let interval: BootstrapInterval | null = null;
  if (treatedMean !== null && controlMean !== null) {
    effect = toNumber(subtract(treatedMean, controlMean));
    const deviations = (changes: readonly Rational[], mean: Rational) => changes.map((change) => toNumber(subtract(change, mean)));
    interval = bootstrapDifference(deviations(treatedGroup.changes, treatedMean), deviations(controlGroup.changes, controlMean), effect, resamples, seed);
  }
  return {
    effect,
    interval,
    treated: group(treatedGroup.changes, treatedGroup.excluded + missingTreated, treatedMean),
    control: group(controlGroup.changes, controlGroup.excluded, controlMean),
    windows: {
      before: { from: formatCalendarDate(at - before), to: formatCalendarDate(at) },
      after: { from: formatCalendarDate(at), to: formatCalendarDate(at + after) },
    },
    resamples,
    seed,
  };
}
