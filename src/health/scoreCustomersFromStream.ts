/**
 * Health scores from a stream of usage snapshots: each snapshot is validated as it arrives and only
 * the latest one on or before `asOf` of each customer is kept, so memory grows with the number of
 * customers, not of snapshots.
 * @module
 */
import { assertRecordSource } from "../schemas/recordSource.js";
import type { EpochDay } from "../dates/calendarDate.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { compareIds } from "../ids/compareIds.js";
import { formatPath } from "../schemas/primitives.js";
import { type ScorecardInput, parseScorecard } from "../schemas/scorecard.js";
import { type UsageSnapshot, type UsageSnapshotInput, UsageSnapshotSchema, fastUsageSnapshot } from "../schemas/usageSnapshot.js";
import { cachedEpochDay } from "./calendarDayCache.js";
import { type CustomerScores, payingCustomersOn, scoreEverySnapshot, scorePayingCustomers } from "./customerScope.js";
import type { ScoreCustomersOptions, ScoreEveryCustomerOptions, ScorePayingCustomersOptions } from "./scoreCustomers.js";
import { type CompiledScorecard, type HealthScoreResult, compileScorecard } from "./scorecardEvaluation.js";
import { dateOption } from "./snapshotHistory.js";

/** The latest snapshot on or before `asOf` of one customer, with its position in the stream. */
interface Latest {
  snapshot: UsageSnapshot;
  day: EpochDay;
  index: number;
}

/** Keeps each customer's latest snapshot on or before `asOf` while snapshots stream by. */
class LatestSnapshots {
  readonly #compiled: CompiledScorecard;
  readonly #asOf: EpochDay;
  readonly #paying: ReadonlySet<string> | null;
  readonly #latest = new Map<string, Latest>();
  readonly #issues: ValidationIssue[] = [];
  readonly #duplicates: ValidationIssue[] = [];
  #count = 0;

  constructor(scorecard: ScorecardInput, options: ScoreCustomersOptions) {
    this.#compiled = compileScorecard(parseScorecard(scorecard));
    this.#asOf = dateOption(options?.asOf, "options.asOf");
    this.#paying = payingCustomersOn(options.activeIn, this.#asOf);
  }

  add(input: unknown): void {
    const index = this.#count++;
    let snapshot = fastUsageSnapshot(input);
    if (snapshot === null) {
      const parsed = UsageSnapshotSchema.safeParse(input);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) this.#issues.push({ path: formatPath(`snapshots[${index}]`, issue.path), message: issue.message });
        return;
      }
      snapshot = parsed.data;
    }
    const day = cachedEpochDay(snapshot.at)!;
    if (day > this.#asOf) return;
    const kept = this.#latest.get(snapshot.customerId);
    if (kept === undefined || day > kept.day) this.#latest.set(snapshot.customerId, { snapshot, day, index });
    else if (day === kept.day) {
      this.#duplicates.push({
        path: `snapshots[${index}].at`,
        message: `duplicate snapshot of customer ${JSON.stringify(snapshot.customerId)} on ${snapshot.at} (also snapshots[${kept.index}])`,
      });
    }
  }

  finish(): HealthScoreResult[] | CustomerScores {
    const issues = [...this.#issues, ...this.#duplicates];
    if (issues.length > 0) throw new ValidationError(issues);
    const customers = [...this.#latest.keys()].sort(compareIds);
    const latest = customers.map((customerId) => {
      const kept = this.#latest.get(customerId)!;
      return { snapshot: kept.snapshot, path: `snapshots[${kept.index}]` };
    });
    return this.#paying === null ? scoreEverySnapshot(this.#compiled, latest) : scorePayingCustomers(this.#compiled, latest, this.#paying);
  }
}


/**
 * Scores each customer's latest usage snapshot on or before `asOf`, reading the snapshots from any
 * iterable and keeping only one snapshot per customer.
 *
 * @remarks As {@link scoreCustomers} on the same snapshots in iteration order (the n-th is
 * `snapshots[n]`), except that a second snapshot of a customer on one day is reported only for the
 * day that is scored (the others are not kept). Memory: O(customers).
 * @param snapshots - Usage snapshots (see {@link UsageSnapshotSchema}), each read once.
 * @param scorecard - A scorecard (see {@link ScorecardSchema}).
 * @param options - `asOf`, and optionally `activeIn` (as in {@link scoreCustomers}).
 * @returns One result per customer with a snapshot on or before `asOf`, sorted by customer id; with
 * `activeIn`, a {@link CustomerScores} of the customers that pay on `asOf`.
 * @throws {@link ValidationError} for an invalid scorecard, snapshot, `options.asOf` or `options.activeIn`.
 * @example
 * ```ts
 * import { scoreCustomersFromIterable } from "cs-metrics";
 * const scorecard = { measures: [{ signal: "deploymentRate", weight: 1, scale: { type: "linear", worst: 0, best: 1 } }], bands: { good: 70, bad: 40 } } as const;
 * function* snapshots() {
 *   yield { customerId: "acme", at: "2025-05-31", licensedSeats: 10, provisionedUsers: 2 };
 *   yield { customerId: "acme", at: "2025-06-30", licensedSeats: 10, provisionedUsers: 7 };
 * }
 * scoreCustomersFromIterable(snapshots(), scorecard, { asOf: "2025-06-30" }).map((r) => r.band); //=> ["good"]
 * ```
 */
export function scoreCustomersFromIterable(snapshots: Iterable<UsageSnapshotInput>, scorecard: ScorecardInput, options: ScorePayingCustomersOptions): CustomerScores;
export function scoreCustomersFromIterable(snapshots: Iterable<UsageSnapshotInput>, scorecard: ScorecardInput, options: ScoreEveryCustomerOptions): HealthScoreResult[];
export function scoreCustomersFromIterable(snapshots: Iterable<UsageSnapshotInput>, scorecard: ScorecardInput, options: ScoreCustomersOptions): HealthScoreResult[] | CustomerScores;
export function scoreCustomersFromIterable(
  snapshots: Iterable<UsageSnapshotInput>,
  scorecard: ScorecardInput,
  options: ScoreCustomersOptions,
): HealthScoreResult[] | CustomerScores {
  assertRecordSource(snapshots, "snapshots", "usage snapshots", false);
  const latest = new LatestSnapshots(scorecard, options);
  for (const snapshot of snapshots) latest.add(snapshot);
  return latest.finish();
}

/**
 * Scores each customer's latest usage snapshot on or before `asOf`, reading the snapshots from an
 * async iterable (a stream in object mode, a database cursor) or a plain iterable.
 *
 * @remarks As {@link scoreCustomersFromIterable}. Memory: O(customers).
 * @param snapshots - Usage snapshots, each read once.
 * @param scorecard - A scorecard (see {@link ScorecardSchema}).
 * @param options - `asOf`, and optionally `activeIn` (as in {@link scoreCustomers}).
 * @returns A promise of one result per customer, sorted by customer id; with `activeIn`, of a
 * {@link CustomerScores}.
 * @throws (rejects with) {@link ValidationError} as {@link scoreCustomersFromIterable}.
 * @example
 * ```ts
 * import { scoreCustomersFromAsyncIterable } from "cs-metrics";
 * const scorecard = { measures: [{ signal: "deploymentRate", weight: 1, scale: { type: "linear", worst: 0, best: 1 } }], bands: { good: 70, bad: 40 } } as const;
 * async function* snapshots() {
 *   yield { customerId: "zenith", at: "2025-06-01", licensedSeats: 10, provisionedUsers: 1 };
 * }
 * (await scoreCustomersFromAsyncIterable(snapshots(), scorecard, { asOf: "2025-06-30" }))[0]?.band; //=> "bad"
 * ```
 */
export function scoreCustomersFromAsyncIterable(
  snapshots: AsyncIterable<UsageSnapshotInput> | Iterable<UsageSnapshotInput>,
  scorecard: ScorecardInput,
  options: ScorePayingCustomersOptions,
): Promise<CustomerScores>;
export function scoreCustomersFromAsyncIterable(
  snapshots: AsyncIterable<UsageSnapshotInput> | Iterable<UsageSnapshotInput>,
  scorecard: ScorecardInput,
  options: ScoreEveryCustomerOptions,
): Promise<HealthScoreResult[]>;
export function scoreCustomersFromAsyncIterable(
  snapshots: AsyncIterable<UsageSnapshotInput> | Iterable<UsageSnapshotInput>,
  scorecard: ScorecardInput,
  options: ScoreCustomersOptions,
): Promise<HealthScoreResult[] | CustomerScores>;
export async function scoreCustomersFromAsyncIterable(
  snapshots: AsyncIterable<UsageSnapshotInput> | Iterable<UsageSnapshotInput>,
  scorecard: ScorecardInput,
  options: ScoreCustomersOptions,
): Promise<HealthScoreResult[] | CustomerScores> {
  assertRecordSource(snapshots, "snapshots", "usage snapshots", true);
  const latest = new LatestSnapshots(scorecard, options);
  for await (const snapshot of snapshots) latest.add(snapshot);
  return latest.finish();
}
