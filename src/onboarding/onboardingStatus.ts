/**
 * Onboarding completion: per customer the day it met the onboarding criteria, its days to complete
 * and its status on a date; per start cohort the share complete within the allowed days and the
 * median days to complete.
 * @module
 */
import type { Decimal } from "decimal.js";
import { z } from "zod";
import { type CalendarDate, type EpochDay, formatCalendarDate, formatMonth } from "../dates/calendarDate.js";
import { ValidationError } from "../errors.js";
import { firstPaidDay, trialsByCustomer } from "../lifecycle/customerStart.js";
import { ratio } from "../money/exactDecimal.js";
import { type ContractsInput, toContractBook } from "../revenue/contractBook.js";
import { compareIds } from "../ids/compareIds.js";
import { DayOptionSchema, optionsObject } from "../schemas/optionFields.js";
import { parseOptions } from "../schemas/options.js";
import type { CalendarDateInput } from "../schemas/primitives.js";
import type { TrialInput } from "../schemas/trial.js";
import { checkTimeZone } from "../schemas/usageEvent.js";
import { median } from "../stats/median.js";
import { readTrials } from "../trials/trialConversion.js";
import { type OnboardingCriteria, type ReadCriteria, readOnboardingCriteria } from "./onboardingCriteria.js";
import { type Observation, type OnboardingUsage, usageObservations } from "./usageObservations.js";

/** Where a customer's onboarding starts. */
export type OnboardingStart = "firstPaidDay" | "trialStart";

/** Options of {@link onboardingStatus}. */
export interface OnboardingStatusOptions {
  /** The "as of" date (required): usage after it is not seen, and statuses are as known at the end of that day. */
  readonly on: CalendarDateInput;
  /**
   * `"firstPaidDay"` (default): onboarding starts on the customer's first day with MRR > 0.
   * `"trialStart"`: on the start of its first trial (its first paid day when it had none); needs `trials`.
   */
  readonly from?: OnboardingStart;
  /** Trial records `{ customerId, start, end }`, for `from: "trialStart"`. */
  readonly trials?: readonly TrialInput[];
  /** IANA time zone in which events' date-times are read (as in {@link index!usageSnapshots}). */
  readonly timeZone?: string;
}

/** Where a customer stands on the `on` date. */
export type OnboardingState = "complete" | "inProgress" | "overdue";

/** One customer's onboarding. */
export interface CustomerOnboarding {
  readonly customerId: string;
  /** Its start: the first paid day, or the first trial's start. */
  readonly startedAt: CalendarDate;
  /** The day the criteria were met (on or before `on`), else `null`. */
  readonly completedAt: CalendarDate | null;
  /** completedAt − startedAt in days (0 when met on the start day); `null` when not complete. */
  readonly daysToComplete: number | null;
  /** `complete`; `overdue` when not complete and on − startedAt ≥ within (its last allowed day is over); else `inProgress`. */
  readonly status: OnboardingState;
}

/** The customers that started in one calendar month. */
export interface OnboardingCohort {
  /** The start month, `YYYY-MM`. */
  readonly cohort: string;
  readonly customers: number;
  /** Of them, complete by `on`. */
  readonly complete: number;
  /** Of them, the ones whose `within` days were all over by `on` (startedAt + within ≤ on): the base of the share. */
  readonly judged: number;
  /** Of the judged, complete within `within` days. */
  readonly completeWithin: number;
  /** completeWithin / judged, a ratio 0–1; `null` when none is judged yet. */
  readonly shareCompleteWithin: Decimal | null;
  /** Median days to complete of the complete customers (mean of the middle two for an even count); `null` when none. */
  readonly medianDaysToComplete: Decimal | null;
}

/** {@link onboardingStatus}'s result. */
export interface OnboardingStatusResult {
  readonly on: CalendarDate;
  readonly from: OnboardingStart;
  readonly within: number;
  /** Customers that started on or before `on`, by id. */
  readonly customers: readonly CustomerOnboarding[];
  /** How many customers are in each state. */
  readonly counts: Readonly<Record<OnboardingState, number>>;
  /** One row per start month, oldest first. */
  readonly cohorts: readonly OnboardingCohort[];
}

const OptionsSchema = optionsObject({
  on: DayOptionSchema,
  from: z.enum(["firstPaidDay", "trialStart"], { error: () => 'must be "firstPaidDay" or "trialStart"' }).optional(),
  trials: z.unknown().optional(),
  timeZone: z.unknown().optional(),
}, "an options object { on, from?, trials?, timeZone? }");

/** The day the criteria were met (combined by `criteria.combine`), or `null`. */
function completionDay(observations: readonly Observation[], startDay: EpochDay, onDay: EpochDay, criteria: ReadCriteria): EpochDay | null {
  const { activeDays, features, event } = criteria;
  const activeEnd = activeDays?.within === undefined ? Infinity : startDay + activeDays.within;
  let activeCount = 0;
  let lastActive = -Infinity;
  let activeMet: EpochDay | null = null;
  let featuresMet: EpochDay | null = null;
  let eventMet: EpochDay | null = null;
  const seen = new Set<string>();
  for (const observation of observations) {
    const { day } = observation;
    if (day < startDay) continue;
    if (day > onDay) break;
    if (activeDays !== undefined && activeMet === null && observation.active && day < activeEnd && day !== lastActive) {
      lastActive = day;
      if (++activeCount === activeDays.atLeast) activeMet = day;
    }
    if (observation.feature !== null) seen.add(observation.feature);
    if (features !== undefined && featuresMet === null) {
      const met = Array.isArray(features)
        ? features.every((name) => seen.has(name))
        : seen.size >= features.atLeast || (observation.featuresUsed !== null && observation.featuresUsed >= features.atLeast);
      if (met) featuresMet = day;
    }
    if (event !== undefined && eventMet === null && observation.milestones.includes(event)) eventMet = day;
  }
  const days: (EpochDay | null)[] = [];
  if (activeDays !== undefined) days.push(activeMet);
  if (features !== undefined) days.push(featuresMet);
  if (event !== undefined) days.push(eventMet);
  const met = days.filter((day): day is EpochDay => day !== null);
  if (criteria.combine === "any") return met.length === 0 ? null : Math.min(...met);
  return met.length < days.length ? null : Math.max(...met);
}

/** Each customer's start day: first paid day, or first trial start (else first paid day). */
function startDays(contracts: ContractsInput, trials: readonly TrialInput[] | undefined, from: OnboardingStart): Map<string, EpochDay> {
  const book = toContractBook(contracts);
  const starts = new Map<string, EpochDay>();
  for (const customer of book.customers) {
    const day = firstPaidDay(customer.lines);
    if (day !== null) starts.set(customer.customerId, day);
  }
  if (from === "trialStart") {
    for (const [customerId, list] of trialsByCustomer(readTrials(trials, "options.trials"))) {
      const paid = starts.get(customerId);
      // A trial that starts after the customer already paid is an add-on trial: the paid day stays the start.
      if (paid === undefined || list[0]!.startDay < paid) starts.set(customerId, list[0]!.startDay);
    }
  }
  return starts;
}

function cohortRows(rows: readonly CustomerOnboarding[], startOf: ReadonlyMap<string, EpochDay>, onDay: EpochDay, within: number): OnboardingCohort[] {
  const groups = new Map<string, CustomerOnboarding[]>();
  for (const row of rows) {
    const cohort = formatMonth(startOf.get(row.customerId)!);
    const group = groups.get(cohort);
    if (group === undefined) groups.set(cohort, [row]);
    else group.push(row);
  }
  return [...groups.keys()].sort(compareIds).map((cohort) => {
    const group = groups.get(cohort)!;
    const judged = group.filter((row) => startOf.get(row.customerId)! + within <= onDay);
    const completeWithin = judged.filter((row) => row.daysToComplete !== null && row.daysToComplete <= within).length;
    const days = group.flatMap((row) => (row.daysToComplete === null ? [] : [row.daysToComplete])).sort((a, b) => a - b);
    return {
      cohort,
      customers: group.length,
      complete: days.length,
      judged: judged.length,
      completeWithin,
      shareCompleteWithin: ratio(BigInt(completeWithin), BigInt(judged.length)),
      medianDaysToComplete: days.length === 0 ? null : median(days),
    };
  });
}

/**
 * Onboarding completion per customer, as of a date: when each customer met the onboarding criteria,
 * its days to complete and its status; per start cohort the share complete within the allowed days.
 *
 * @remarks
 * A customer starts on its first paid day (first day with MRR > 0), or with `from: "trialStart"` on
 * its first trial's start. Only usage from the start day to `on` counts. Each criterion is met on a
 * day: `activeDays` on the `atLeast`-th distinct active day inside its window, `features` on the day
 * the `atLeast`-th distinct feature (or the last named one) is first used, `event` on the milestone's
 * first day. `combine: "all"` completes on the latest of those days, `"any"` on the earliest
 * (uSonar: training done and every operation learned, *or* used for a set period). daysToComplete =
 * completedAt − startedAt. Status on `on`: `complete`; `overdue` when on − startedAt ≥ within (the
 * last allowed day, startedAt + within, is over: `on` is read at the end of its day); else
 * `inProgress`. There is no "today": `on` is
 * required, so a result never depends on the clock. Cohort share = customers complete within
 * `within` days / customers whose window ended by `on` (startedAt + within ≤ on), so younger
 * customers do not pull the share down (right-censoring). GitLab's CS handbook computes Time to
 * First Value in Gainsight as First Value Date − Original Contract Date, the first value date set
 * when license utilization first reaches 10% — the same difference from a start, with a usage
 * threshold as the criterion; SmartHR moved its completion point to "the first step of using a
 * feature" — `features: ["…"]` or `event`.
 *
 * @param contracts - A {@link ContractBook} or raw contract records; not mutated.
 * @param usage - `{ events }` (see {@link UsageEventSchema}) or `{ snapshots }` (see {@link UsageSnapshotSchema}); not mutated.
 * @param criteria - See {@link OnboardingCriteria}.
 * @param options - `on` (required), `from`, `trials`, `timeZone`.
 * @returns One row per customer that started on or before `on`, counts per status and per-cohort aggregates.
 * @throws {@link ValidationError} naming the field: `criteria.activeDays.atLeast`, `criteria.within`,
 * `options.on`, `usage.events[3].at`, `usage.snapshots[2].activeUsers`, `options.trials[1].end`;
 * feature names with snapshots (`criteria.features`: snapshots carry only a count of features).
 * @example
 * ```ts
 * import { onboardingStatus } from "cs-metrics";
 * const result = onboardingStatus(
 *   [
 *     { id: "1", customerId: "acme", start: "2025-04-01", amount: 100, currency: "USD" },
 *     { id: "2", customerId: "beta", start: "2025-04-10", amount: 100, currency: "USD" },
 *   ],
 *   { events: [
 *     { customerId: "acme", userId: 1, at: "2025-04-03", feature: "training-started" },
 *     { customerId: "beta", userId: 1, at: "2025-04-11" },
 *   ] },
 *   { event: "training-started", within: 30 },
 *   { on: "2025-05-20" },
 * );
 * result.customers.map((c) => `${c.customerId} ${c.completedAt} ${c.status}`); //=> ["acme 2025-04-03 complete", "beta null overdue"]
 * result.cohorts[0]?.shareCompleteWithin?.toString(); //=> "0.5"
 * ```
 */
export function onboardingStatus(contracts: ContractsInput, usage: OnboardingUsage, criteria: OnboardingCriteria, options: OnboardingStatusOptions): OnboardingStatusResult {
  const read = readOnboardingCriteria(criteria);
  const { on, from = "firstPaidDay", trials, timeZone } = parseOptions(OptionsSchema, options);
  if (from === "trialStart" && trials === undefined) throw new ValidationError([{ path: "options.trials", message: 'is required with from: "trialStart"' }]);
  const observations = usageObservations(usage, checkTimeZone(timeZone));
  if (observations.kind === "snapshots" && Array.isArray(read.features)) {
    throw new ValidationError([{ path: "criteria.features", message: "feature names need usage events: snapshots carry only a count of features (use { atLeast })" }]);
  }
  const starts = startDays(contracts, trials as readonly TrialInput[] | undefined, from);
  const counts: Record<OnboardingState, number> = { complete: 0, inProgress: 0, overdue: 0 };
  const rows: CustomerOnboarding[] = [];
  for (const customerId of [...starts.keys()].sort(compareIds)) {
    const startDay = starts.get(customerId)!;
    if (startDay > on.day) continue;
    const done = completionDay(observations.byCustomer.get(customerId) ?? [], startDay, on.day, read);
    const status: OnboardingState = done !== null ? "complete" : on.day - startDay >= read.within ? "overdue" : "inProgress";
    counts[status]++;
    rows.push({
      customerId,
      startedAt: formatCalendarDate(startDay),
      completedAt: done === null ? null : formatCalendarDate(done),
      daysToComplete: done === null ? null : done - startDay,
      status,
    });
  }
  return { on: on.date, from, within: read.within, customers: rows, counts, cohorts: cohortRows(rows, starts, on.day, read.within) };
}
