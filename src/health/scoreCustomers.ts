/**
 * Health scores of every customer as of a date, DOMAIN.md §5.
 * @module
 */
import { readOptions } from "../schemas/options.js";
import type { CalendarDateInput } from "../schemas/primitives.js";
import { type ScorecardInput, parseScorecard } from "../schemas/scorecard.js";
import type { UsageSnapshotInput } from "../schemas/usageSnapshot.js";
import { scoreSnapshot } from "./fastScore.js";
import { type HealthScoreResult, compileScorecard } from "./scorecardEvaluation.js";
import { dateOption, latestIndexOnOrBefore, snapshotHistories } from "./snapshotHistory.js";

/** Options of {@link scoreCustomers}. */
export interface ScoreCustomersOptions {
  /** Score each customer's latest snapshot on or before this date (`YYYY-MM-DD` or a `Date`'s UTC date). */
  readonly asOf: CalendarDateInput;
}

/**
 * Scores each customer's latest usage snapshot on or before `asOf`.
 *
 * @remarks
 * For each customer c with a snapshot dated ≤ asOf: healthScore(latest such snapshot of c, scorecard)
 * (see {@link healthScore} for the formula). Customers whose snapshots all come after `asOf` are left out.
 *
 * @param snapshots - Usage snapshots of any customers, in any order (see {@link UsageSnapshotSchema}); not mutated.
 * @param scorecard - A scorecard (see {@link ScorecardSchema}).
 * @param options - `asOf`.
 * @returns One result per customer, sorted by customer id (score and band `null` when every measure is missing).
 * @throws {@link ValidationError} for an invalid scorecard, snapshot (`snapshots[3].activeUsers`), or
 * `options.asOf` (also when `options` is missing: it is required); for `options` that is not an object
 * (`options`); for two snapshots of one customer on one day; for a missing measure under `missing: "error"`.
 * @example
 * ```ts
 * import { scoreCustomers } from "cs-metrics";
 * const scorecard = {
 *   measures: [{ signal: "deploymentRate", weight: 1, scale: { type: "linear", worst: 0, best: 1 } }],
 *   bands: { good: 70, bad: 40 },
 * } as const;
 * const results = scoreCustomers([
 *   { customerId: "acme", at: "2025-05-31", licensedSeats: 10, provisionedUsers: 2 },
 *   { customerId: "acme", at: "2025-06-30", licensedSeats: 10, provisionedUsers: 7 },
 *   { customerId: "zenith", at: "2025-07-31", licensedSeats: 10, provisionedUsers: 1 },
 * ], scorecard, { asOf: "2025-06-30" });
 * results.map((r) => [r.customerId, r.score, r.band]); //=> [["acme", 70, "good"]]
 * ```
 */
export function scoreCustomers(
  snapshots: readonly UsageSnapshotInput[],
  scorecard: ScorecardInput,
  options: ScoreCustomersOptions,
): HealthScoreResult[] {
  const compiled = compileScorecard(parseScorecard(scorecard));
  const asOf = dateOption(readOptions(options).asOf, "options.asOf");
  const results: HealthScoreResult[] = [];
  for (const history of snapshotHistories(snapshots)) {
    const position = latestIndexOnOrBefore(history.snapshots, asOf);
    if (position < 0) continue;
    const latest = history.snapshots[position]!;
    results.push(scoreSnapshot(compiled, latest.snapshot, `snapshots[${latest.index}]`));
  }
  return results;
}
