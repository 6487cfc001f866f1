/**
 * Adoption curves: each customer's usage measure month by month since its first paid day, the month
 * it reached a target, and the curve's shape (early, late, stalled); the mean curve per start cohort.
 * @module
 */
import { Decimal } from "decimal.js";
import { z } from "zod";
import { type CalendarDate, type EpochDay, addMonthsToDay, formatCalendarDate, formatMonth } from "../dates/calendarDate.js";
import { ValidationError } from "../errors.js";
import { SIGNAL_NAMES, type SignalName, signalValue } from "../health/signals.js";
import { type DatedSnapshot, latestIndexOnOrBefore, snapshotHistories } from "../health/snapshotHistory.js";
import { firstPaidDay } from "../lifecycle/customerStart.js";
import { type ContractsInput, toContractBook } from "../revenue/contractBook.js";
import { compareIds } from "../ids/compareIds.js";
import { DayOptionSchema, FiniteNumberSchema, optionsObject, wholeNumberSchema } from "../schemas/optionFields.js";
import { parseOptions } from "../schemas/options.js";
import { type CalendarDateInput, describeValue } from "../schemas/primitives.js";
import type { UsageSnapshotInput } from "../schemas/usageSnapshot.js";

/** What a curve plots: a derived signal (`{ signal: "featureAdoption" }`) or a `metrics` key (`{ metric: "reportsBuilt" }`). */
export type AdoptionMeasure = { readonly signal: SignalName } | { readonly metric: string };

/** Options of {@link adoptionCurves}. */
export interface AdoptionCurvesOptions {
  /** The measure to follow (required). */
  readonly measure: AdoptionMeasure;
  /** Months to follow, 1 … months since the first paid day (a whole number 1–120; required). */
  readonly months: number;
  /** The level that counts as adopted: the measure ≥ target (a signal as a ratio, 0.6 = 60%; required). */
  readonly target: number;
  /** A curve reaching the target by this month is `early` (a whole number 1 … months; default 1). */
  readonly earlyBy?: number;
  /** The "as of" date: later snapshots are not read. Default: the latest snapshot's date. */
  readonly on?: CalendarDateInput;
}

/** A curve's shape. */
export type AdoptionShape = "early" | "late" | "stalled" | "ongoing" | "unobserved";

/** One customer's curve. */
export interface AdoptionCurve {
  readonly customerId: string;
  /** Its first paid day. */
  readonly startedAt: CalendarDate;
  /** Its start month, `YYYY-MM`. */
  readonly cohort: string;
  /** values[k − 1] = the measure in month k (its latest snapshot in the month); `null` without one or when the measure is missing. */
  readonly values: readonly (number | null)[];
  /** The first month whose value is ≥ target; `null` when none. */
  readonly reachedMonth: number | null;
  /**
   * `early` (reached by month earlyBy), `late` (reached later, by month `months`), `stalled` (not
   * reached and month `months` is over by `on`: the churn-risk pattern), `ongoing` (not reached yet,
   * months still to come), `unobserved` (no value in any of its months: no snapshot, or the measure
   * missing in each — nothing to judge).
   */
  readonly shape: AdoptionShape;
}

/** The mean curve of the customers that started in one month. */
export interface AdoptionCohort {
  readonly cohort: string;
  readonly customers: number;
  /** mean[k − 1] = mean of the customers' month-k values that are not `null`; `null` when none. */
  readonly mean: readonly (number | null)[];
  /** observed[k − 1] = how many values the month-k mean is over. */
  readonly observed: readonly number[];
}

/** {@link adoptionCurves}' result. */
export interface AdoptionCurves {
  /** The measure's name: the signal, or `metrics.<key>`. */
  readonly measure: string;
  readonly months: number;
  readonly target: number;
  readonly earlyBy: number;
  /** The "as of" date; `null` when defaulted with no snapshot at all. */
  readonly on: CalendarDate | null;
  /** Customers whose first paid day is on or before `on`, by id. */
  readonly customers: readonly AdoptionCurve[];
  /** One mean curve per start month, oldest first. */
  readonly cohorts: readonly AdoptionCohort[];
  /** Customers per shape. */
  readonly counts: Readonly<Record<AdoptionShape, number>>;
}

const SignalSchema = z.enum(SIGNAL_NAMES, { error: (issue) => `must be one of ${SIGNAL_NAMES.map((name) => JSON.stringify(name)).join(", ")} (got ${describeValue(issue.input)})` });
const MetricSchema = z.string({ error: (issue) => `must be a metrics key (got ${describeValue(issue.input)})` }).min(1, { error: "must be a non-empty metrics key" });
const MEASURE = '{ signal } or { metric }';

/** `{ signal }` or `{ metric }`, with the message of the one the caller wrote. */
const MeasureSchema = z.custom<AdoptionMeasure>(() => true).transform((value, ctx): AdoptionMeasure => {
  const isMetric = typeof value === "object" && value !== null && "metric" in value && !("signal" in value);
  const schema = isMetric ? optionsObject({ metric: MetricSchema }, MEASURE) : optionsObject({ signal: SignalSchema }, MEASURE);
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  return z.NEVER;
});

const OptionsSchema = optionsObject({
  measure: MeasureSchema,
  months: wholeNumberSchema(1).refine((months) => months <= 120, { error: "must be at most 120" }),
  target: FiniteNumberSchema,
  earlyBy: wholeNumberSchema(1).optional(),
  on: DayOptionSchema.optional(),
}, "an options object { measure, months, target, earlyBy?, on? }");

type Measure = z.output<typeof MeasureSchema>;

function measureOf(measure: Measure): (snapshot: DatedSnapshot) => number | null {
  if ("signal" in measure) return ({ snapshot }) => signalValue(snapshot, measure.signal);
  return ({ snapshot }) => snapshot.metrics[measure.metric] ?? null;
}

/** The mean of the non-null values (exact sum of the doubles, rounded once), and their count. */
function meanOf(values: readonly (number | null)[]): [number | null, number] {
  const present = values.filter((value): value is number => value !== null);
  if (present.length === 0) return [null, 0];
  const sum = present.reduce((total, value) => total.plus(value), new Decimal(0));
  return [sum.dividedBy(present.length).toNumber(), present.length];
}

/**
 * Each customer's adoption curve by months since its first paid day, the month it reached a target
 * and its shape; the mean curve per start cohort.
 *
 * @remarks
 * Month k of a customer with first paid day d is [d + (k − 1) months, d + k months) (calendar months,
 * date-fns' addMonths); its value is the measure of the customer's latest snapshot in that month on
 * or before `on`. reachedMonth = the first k with value ≥ target. Shape: `early` when reachedMonth ≤
 * earlyBy, `late` when later, `stalled` when never within `months` months and the last of them is
 * over by `on`, `ongoing` when not reached yet but months remain — so a young customer is not
 * called stalled — and `unobserved` when none of its months has a value (monitoring began later, or
 * the measure is missing): no data is not read as a stalled curve. CX Value Lab's three customers are the three shapes: many features from the start
 * (early), struggling until month three then taking off (late), a slow ramp (stalled). Mixpanel's and
 * Amplitude's retention-by-cohort curves use the same months-since-start axis; there the value is a
 * share of users, here any signal or metric.
 *
 * @param snapshots - Usage snapshots (see {@link UsageSnapshotSchema}); not mutated.
 * @param contracts - A {@link ContractBook} or raw contract records (first paid days); not mutated.
 * @param options - `measure`, `months`, `target` (required), `earlyBy`, `on`.
 * @returns Curves, cohort means and counts per shape.
 * @throws {@link ValidationError} naming the field: `options.measure`, `options.months`,
 * `options.earlyBy` (above months), `options.target`, `options.on`, `snapshots[3].activeUsers`, a
 * duplicate `snapshots[4].at`, or a contract.
 * @example
 * ```ts
 * import { adoptionCurves } from "cs-metrics";
 * const curves = adoptionCurves(
 *   [
 *     { customerId: "acme", at: "2025-01-20", featuresUsed: 8, featuresAvailable: 10 },
 *     { customerId: "beta", at: "2025-01-20", featuresUsed: 2, featuresAvailable: 10 },
 *     { customerId: "beta", at: "2025-02-20", featuresUsed: 7, featuresAvailable: 10 },
 *   ],
 *   [
 *     { id: "1", customerId: "acme", start: "2025-01-01", amount: 100, currency: "USD" },
 *     { id: "2", customerId: "beta", start: "2025-01-01", amount: 100, currency: "USD" },
 *   ],
 *   { measure: { signal: "featureAdoption" }, months: 2, target: 0.6 },
 * );
 * curves.customers.map((c) => `${c.customerId} ${c.values.join("/")} ${c.shape}`); //=> ["acme 0.8/ early", "beta 0.2/0.7 late"]
 * curves.cohorts[0]?.mean; //=> [0.5, 0.7]
 * ```
 */
export function adoptionCurves(snapshots: readonly UsageSnapshotInput[], contracts: ContractsInput, options: AdoptionCurvesOptions): AdoptionCurves {
  const read = parseOptions(OptionsSchema, options);
  const { months, target } = read;
  const earlyBy = read.earlyBy ?? 1;
  if (earlyBy > months) throw new ValidationError([{ path: "options.earlyBy", message: `must be at most months (${months}) (got ${earlyBy})` }]);
  const histories = new Map(snapshotHistories(snapshots).map((history) => [history.customerId, history.snapshots]));
  let onDay: EpochDay = read.on?.day ?? -Infinity;
  if (read.on === undefined) for (const list of histories.values()) onDay = Math.max(onDay, list.at(-1)!.day);
  const valueOf = measureOf(read.measure);
  const book = toContractBook(contracts);
  const counts: Record<AdoptionShape, number> = { early: 0, late: 0, stalled: 0, ongoing: 0, unobserved: 0 };
  const curves: AdoptionCurve[] = [];
  for (const customer of book.customers) {
    const paidDay = firstPaidDay(customer.lines);
    if (paidDay === null || paidDay > onDay) continue;
    const history = histories.get(customer.customerId) ?? [];
    const values: (number | null)[] = [];
    for (let k = 1; k <= months; k++) {
      const monthStart = addMonthsToDay(paidDay, k - 1);
      const index = latestIndexOnOrBefore(history, Math.min(addMonthsToDay(paidDay, k) - 1, onDay));
      values.push(index >= 0 && history[index]!.day >= monthStart ? valueOf(history[index]!) : null);
    }
    const reached = values.findIndex((value) => value !== null && value >= target);
    const reachedMonth = reached === -1 ? null : reached + 1;
    let shape: AdoptionShape;
    if (reachedMonth !== null) shape = reachedMonth <= earlyBy ? "early" : "late";
    else if (values.every((value) => value === null)) shape = "unobserved";
    else shape = addMonthsToDay(paidDay, months) - 1 <= onDay ? "stalled" : "ongoing";
    counts[shape]++;
    curves.push({ customerId: customer.customerId, startedAt: formatCalendarDate(paidDay), cohort: formatMonth(paidDay), values, reachedMonth, shape });
  }
  const cohortNames = [...new Set(curves.map((curve) => curve.cohort))].sort(compareIds);
  const cohorts = cohortNames.map((cohort): AdoptionCohort => {
    const members = curves.filter((curve) => curve.cohort === cohort);
    const means = Array.from({ length: months }, (_, k) => meanOf(members.map((curve) => curve.values[k]!)));
    return { cohort, customers: members.length, mean: means.map(([mean]) => mean), observed: means.map(([, n]) => n) };
  });
  return {
    measure: "signal" in read.measure ? read.measure.signal : `metrics.${read.measure.metric}`,
    months,
    target,
    earlyBy,
    on: onDay === -Infinity ? null : formatCalendarDate(onDay),
    customers: curves,
    cohorts,
    counts,
  };
}
