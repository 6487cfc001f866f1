/**
 * Which customers a health scoring covers (DOMAIN.md §5): with `activeIn`, the customers that pay on
 * the as-of day — each scored from its latest snapshot, or listed as unscored with the reason.
 * @module
 */
import type { EpochDay } from "../dates/calendarDate.js";
import { ValidationError } from "../errors.js";
import { compareIds } from "../ids/compareIds.js";
import { type ContractBook, type ContractsInput, isContractBook } from "../revenue/contractBook.js";
import { ContractBookBuilder } from "../revenue/contractBookBuilder.js";
import { unitsOn } from "../revenue/periodRows.js";
import type { UsageSnapshot } from "../schemas/usageSnapshot.js";
import { scoreSnapshot } from "./fastScore.js";
import type { CompiledScorecard, HealthScoreResult } from "./scorecardEvaluation.js";

/**
 * Why a customer has no health band:
 * - `"no usage data"`: pays on the as-of day but has no snapshot on or before it;
 * - `"not a customer on asOf"`: has a snapshot, but no MRR on the as-of day (churned, not started yet,
 *   a free plan, or in no contract) — left out of the scoring;
 * - `"missing measures"`: scored, but every measure of the scorecard was missing (score `null`).
 */
export type UnscoredReason = "no usage data" | "not a customer on asOf" | "missing measures";

/** A customer without a health band, and why. */
export interface UnscoredCustomer {
  readonly customerId: string;
  readonly reason: UnscoredReason;
  /** Date of the customer's latest snapshot on or before the as-of day; `null` for `"no usage data"`. */
  readonly at: string | null;
}

/** Health scores of the customers that pay on the as-of day, and the customers left without a band. */
export interface CustomerScores {
  /**
   * One result per customer with MRR > 0 on the as-of day and a snapshot on or before it, sorted by
   * customer id. A customer whose every measure is missing is here with score and band `null`, as
   * without `activeIn` (and also in {@link CustomerScores.unscored}).
   */
  readonly scores: HealthScoreResult[];
  /**
   * Every customer without a band, sorted by customer id: paying customers with no usage data or with
   * every measure missing, and customers with a snapshot that do not pay on the as-of day.
   */
  readonly unscored: UnscoredCustomer[];
}

/** A customer's latest snapshot on or before the as-of day, and its path in the caller's data. */
export interface LatestSnapshot {
  readonly snapshot: UsageSnapshot;
  /** `snapshots[12]`. */
  readonly path: string;
}

/** `activeIn` as a book: a book itself, or records validated under `options.activeIn[i]`. */
export function activeBook(activeIn: unknown): ContractBook {
  if (isContractBook(activeIn)) return activeIn;
  if (!Array.isArray(activeIn)) {
    throw new ValidationError([{ path: "options.activeIn", message: "must be a contract book or an array of contract records" }]);
  }
  const builder = new ContractBookBuilder({}, "options.activeIn", activeIn.length);
  for (const record of activeIn) builder.add(record);
  return builder.finish();
}

/**
 * The ids of the customers with MRR > 0 on `day` in `activeIn`, or `null` when `activeIn` is absent
 * (`undefined`: every customer with a snapshot is scored).
 * @throws {@link ValidationError} at `options.activeIn` for something that is not contracts, or at
 * `options.activeIn[3].amount` for an invalid record.
 */
export function payingCustomersOn(activeIn: ContractsInput | undefined, day: EpochDay): ReadonlySet<string> | null {
  if (activeIn === undefined) return null;
  const paying = new Set<string>();
  for (const customer of activeBook(activeIn).customers) {
    if (unitsOn(customer.lines, day) > 0n) paying.add(customer.customerId);
  }
  return paying;
}

/** Scores every latest snapshot (`latest` sorted by customer id): the scoring without `activeIn`. */
export function scoreEverySnapshot(compiled: CompiledScorecard, latest: readonly LatestSnapshot[]): HealthScoreResult[] {
  return latest.map((entry) => scoreSnapshot(compiled, entry.snapshot, entry.path));
}

/**
 * Scores the latest snapshots (sorted by customer id) of the customers in `paying` only, and lists
 * the customers left without a band with the reason.
 */
export function scorePayingCustomers(compiled: CompiledScorecard, latest: readonly LatestSnapshot[], paying: ReadonlySet<string>): CustomerScores {
  const scores: HealthScoreResult[] = [];
  const unscored: UnscoredCustomer[] = [];
  const withSnapshot = new Set<string>();
  for (const { snapshot, path } of latest) {
    withSnapshot.add(snapshot.customerId);
    if (!paying.has(snapshot.customerId)) {
      unscored.push({ customerId: snapshot.customerId, reason: "not a customer on asOf", at: snapshot.at });
      continue;
    }
    const result = scoreSnapshot(compiled, snapshot, path);
    scores.push(result);
    if (result.band === null) unscored.push({ customerId: result.customerId, reason: "missing measures", at: result.at });
  }
  for (const customerId of paying) {
    if (!withSnapshot.has(customerId)) unscored.push({ customerId, reason: "no usage data", at: null });
  }
  unscored.sort((a, b) => compareIds(a.customerId, b.customerId));
  return { scores, unscored };
}
