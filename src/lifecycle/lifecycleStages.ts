/**
 * Lifecycle stages: where each customer stands on a date — trial, onboarding, adoption, expansion or
 * churned — and how many are in each stage.
 * @module
 */
import { z } from "zod";
import { type CalendarDate, type EpochDay, parseCalendarDate } from "../dates/calendarDate.js";
import { ValidationError } from "../errors.js";
import { type ContractsInput, toContractBook } from "../revenue/contractBook.js";
import { compareIds } from "../ids/compareIds.js";
import { unitsOn } from "../revenue/periodRows.js";
import { DayOptionSchema, optionsObject } from "../schemas/optionFields.js";
import { parseOptions } from "../schemas/options.js";
import { CalendarDateSchema, type CalendarDateInput, IdSchema, describeValue } from "../schemas/primitives.js";
import type { TrialInput } from "../schemas/trial.js";
import { readTrials } from "../trials/trialConversion.js";
import { type TrialDays, firstPaidDay, trialsByCustomer } from "./customerStart.js";

/** The lifecycle stages, in lifecycle order. */
export const LIFECYCLE_STAGES = ["trial", "onboarding", "adoption", "expansion", "churned"] as const;

/** A lifecycle stage. */
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** Which paying customers are still onboarding: a fixed number of days, or the completion dates of {@link onboardingStatus}. */
export type OnboardingSource = number | { readonly customers: readonly { readonly customerId: string; readonly completedAt: CalendarDate | null }[] };

/** Options of {@link lifecycleStages}. */
export interface LifecycleStagesOptions {
  /** The date the stages are read on (required). */
  readonly on: CalendarDateInput;
  /**
   * Which paying customers are in `onboarding`. A number n: the first n days from the first paid day
   * (days 0 … n − 1). An {@link onboardingStatus} result (or any `{ customers: [{ customerId,
   * completedAt }] }`): until its `completedAt` (a paying customer it does not list, or lists with
   * `completedAt: null` or after `on`, is onboarding). Omitted: no customer is in `onboarding`.
   */
  readonly onboarding?: OnboardingSource;
  /** Trial records `{ customerId, start, end }`: a non-paying customer inside a trial on `on` is in `trial`. */
  readonly trials?: readonly TrialInput[];
}

/** One customer's stage. */
export interface CustomerStage {
  readonly customerId: string;
  readonly stage: LifecycleStage;
}

/** {@link lifecycleStages}' result. */
export interface LifecycleStages {
  readonly on: CalendarDate;
  /** Customers with a stage on `on`, by id (not yet customers, and lapsed trials that never paid, are left out). */
  readonly customers: readonly CustomerStage[];
  /** Customers per stage (every stage present, 0 when empty). */
  readonly counts: Readonly<Record<LifecycleStage, number>>;
}

const CompletionSchema = z.object({
  customers: z.array(z.object({ customerId: IdSchema, completedAt: CalendarDateSchema.nullable() }, {
    error: (issue) => `must be { customerId, completedAt } (got ${describeValue(issue.input)})`,
  }), { error: (issue) => `must be an array (got ${describeValue(issue.input)})` }),
});

const OptionsSchema = optionsObject({
  on: DayOptionSchema,
  onboarding: z.unknown().optional(),
  trials: z.unknown().optional(),
}, "an options object { on, onboarding?, trials? }");

/** Is a paying customer still onboarding on `onDay`? */
type OnboardingTest = (customerId: string, paidDay: EpochDay, onDay: EpochDay) => boolean;

function onboardingTest(value: unknown): OnboardingTest {
  if (value === undefined) return () => false;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return (_, paidDay, onDay) => onDay - paidDay < value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ValidationError([{ path: "options.onboarding", message: `must be a whole number of days ≥ 0 or an onboardingStatus(…) result (got ${describeValue(value)})` }]);
  }
  const source = parseOptions(CompletionSchema, value, "options.onboarding");
  const completed = new Map<string, EpochDay | null>();
  source.customers.forEach((row, index) => {
    if (completed.has(row.customerId)) {
      throw new ValidationError([{ path: `options.onboarding.customers[${index}].customerId`, message: `duplicate customer ${JSON.stringify(row.customerId)}` }]);
    }
    completed.set(row.customerId, row.completedAt === null ? null : parseCalendarDate(row.completedAt));
  });
  return (customerId, _, onDay) => {
    const day = completed.get(customerId);
    return day === undefined || day === null || day > onDay;
  };
}

function inTrial(trials: readonly TrialDays[] | undefined, day: EpochDay): boolean {
  return trials !== undefined && trials.some((trial) => trial.startDay <= day && day < trial.endDay);
}

/**
 * Each customer's lifecycle stage on a date, and the count per stage.
 *
 * @remarks
 * A customer with MRR > 0 on `on` is in `onboarding` while not onboarded (see
 * {@link LifecycleStagesOptions.onboarding}), else in `expansion` when its MRR on `on` is above its
 * MRR on its first paid day, else in `adoption` (a customer that contracted is in adoption too). A
 * customer without MRR on `on` is in `trial` when one of its trials covers `on` (start ≤ on < end),
 * else `churned` when it paid before `on`; otherwise it has no stage and is left out (not yet a
 * customer, or a trial that lapsed without paying). Stages are checked in that order, so a paying
 * customer on an add-on trial is in its paying stage. TOWN's trial → onboarding focus, SmartHR's
 * onboarding vs adoption split and uSonar's move to up/cross-sell are these stages. Gainsight's lifecycle
 * design sets stages by rules on the customer's start date and closed milestones; here they follow
 * from contracts, trials and onboarding completion alone.
 *
 * @param contracts - A {@link ContractBook} or raw contract records; not mutated.
 * @param options - `on` (required), `onboarding`, `trials`.
 * @returns The stage of every customer that has one on `on`, and the counts per stage.
 * @throws {@link ValidationError} naming the field: `options.on`, `options.onboarding`,
 * `options.onboarding.customers[2].completedAt`, `options.trials[1].end`, or a contract.
 * @example
 * ```ts
 * import { lifecycleStages } from "cs-metrics";
 * const stages = lifecycleStages(
 *   [
 *     { id: "1", customerId: "acme", start: "2025-01-01", amount: 100, currency: "USD" },
 *     { id: "2", customerId: "acme", start: "2025-03-01", amount: 50, currency: "USD" },
 *     { id: "3", customerId: "beta", start: "2025-03-20", amount: 100, currency: "USD" },
 *     { id: "4", customerId: "chiyoda", start: "2025-01-01", end: "2025-03-01", amount: 80, currency: "USD" },
 *   ],
 *   { on: "2025-04-01", onboarding: 30, trials: [{ customerId: "daiichi", start: "2025-03-25", end: "2025-04-08" }] },
 * );
 * stages.customers.map((c) => `${c.customerId} ${c.stage}`); //=> ["acme expansion", "beta onboarding", "chiyoda churned", "daiichi trial"]
 * ```
 */
export function lifecycleStages(contracts: ContractsInput, options: LifecycleStagesOptions): LifecycleStages {
  const { on, onboarding, trials } = parseOptions(OptionsSchema, options);
  const stillOnboarding = onboardingTest(onboarding);
  const trialsOf = trials === undefined ? new Map<string, TrialDays[]>() : trialsByCustomer(readTrials(trials, "options.trials"));
  const book = toContractBook(contracts);
  const linesOf = new Map(book.customers.map((customer) => [customer.customerId, customer.lines]));
  const ids = [...new Set([...linesOf.keys(), ...trialsOf.keys()])].sort(compareIds);
  const counts: Record<LifecycleStage, number> = { trial: 0, onboarding: 0, adoption: 0, expansion: 0, churned: 0 };
  const customers: CustomerStage[] = [];
  for (const customerId of ids) {
    const lines = linesOf.get(customerId) ?? [];
    const paidDay = firstPaidDay(lines);
    const units = unitsOn(lines, on.day);
    let stage: LifecycleStage | null = null;
    if (units > 0n) {
      if (stillOnboarding(customerId, paidDay!, on.day)) stage = "onboarding";
      else stage = units > unitsOn(lines, paidDay!) ? "expansion" : "adoption";
    } else if (inTrial(trialsOf.get(customerId), on.day)) stage = "trial";
    else if (paidDay !== null && paidDay < on.day) stage = "churned";
    if (stage === null) continue;
    counts[stage]++;
    customers.push({ customerId, stage });
  }
  return { on: on.date, customers, counts };
}
