/**
 * Health scores of every customer as of a date, DOMAIN.md §5.
 * @module
 */
import { readOptions } from "../schemas/options.js";
import type { ContractsInput } from "../revenue/contractBook.js";
import type { CalendarDateInput } from "../schemas/primitives.js";
import { type ScorecardInput, parseScorecard } from "../schemas/scorecard.js";
import type { UsageSnapshotInput } from "../schemas/usageSnapshot.js";
import { type CustomerScores, type LatestSnapshot, payingCustomersOn, scoreEverySnapshot, scorePayingCustomers } from "./customerScope.js";
import { type HealthScoreResult, compileScorecard } from "./scorecardEvaluation.js";
import { dateOption, latestIndexOnOrBefore, snapshotHistories } from "./snapshotHistory.js";

/** Options of {@link scoreCustomers}, {@link scoreCustomersFromIterable} and {@link scoreCustomersFromAsyncIterable}. */
export interface ScoreCustomersOptions {
  /** Score each customer's latest snapshot on or before this date (`YYYY-MM-DD` or a `Date`'s UTC date). */
  readonly asOf: CalendarDateInput;
  /**
   * Contracts (a {@link ContractBook} or raw records) that say who is a customer on `asOf`: only the
   * customers with MRR > 0 on `asOf` are scored, and the result becomes a {@link CustomerScores}
   * listing the customers left without a band with the reason (`"no usage data"`, `"not a customer on
   * asOf"`, `"missing measures"`). Default: absent — every customer with a snapshot on or before
   * `asOf` is scored, whether it pays or not, and an array of results is returned (as before).
   */
  readonly activeIn?: ContractsInput;
}

/** {@link ScoreCustomersOptions} with `activeIn` given: the scoring of the customers that pay on `asOf`. */
export type ScorePayingCustomersOptions = ScoreCustomersOptions & { readonly activeIn: ContractsInput };

/** {@link ScoreCustomersOptions} without `activeIn`: every customer with a snapshot is scored. */
export type ScoreEveryCustomerOptions = ScoreCustomersOptions & { readonly activeIn?: never };

/**
 * Scores each customer's latest usage snapshot on or before `asOf` — of every customer with one, or,
 * given `activeIn`, of the customers that pay on `asOf`.
 *
 * @remarks
 * For each customer c with a snapshot dated ≤ asOf: healthScore(latest such snapshot of c, scorecard)
 * (see {@link healthScore} for the formula). Customers whose snapshots all come after `asOf` are left out.
 *
 * With `activeIn`, the scored population is the customers with MRR(c, asOf) > 0 in those contracts
 * (DOMAIN.md §1: a line counts on days start ≤ asOf < end), as a Good−Bad index "of our customers"
 * needs: a customer that churned before `asOf` is not scored (even when its snapshots go on), a paying
 * customer without a snapshot is not silently missing. The result lists them in `unscored`:
 * `"not a customer on asOf"` (a snapshot on or before asOf, no MRR on asOf), `"no usage data"` (MRR on
 * asOf, no snapshot on or before it) and `"missing measures"` (every measure missing; also in `scores`
 * with a `null` band, as without `activeIn`). Gainsight and ChurnZero score "active" accounts only too,
 * but decide activity by a status field; here it is decided by revenue, as every revenue metric is.
 *
 * @param snapshots - Usage snapshots of any customers, in any order (see {@link UsageSnapshotSchema}); not mutated.
 * @param scorecard - A scorecard (see {@link ScorecardSchema}).
 * @param options - `asOf`, and optionally `activeIn`.
 * @returns Without `activeIn`: one result per customer, sorted by customer id (score and band `null`
 * when every measure is missing). With `activeIn`: a {@link CustomerScores}, `{ scores, unscored }`.
 * @throws {@link ValidationError} for an invalid scorecard, snapshot (`snapshots[3].activeUsers`),
 * `options.asOf` (also when `options` is missing: it is required) or `options.activeIn`
 * (`options.activeIn[2].amount`); for `options` that is not an object (`options`); for two snapshots
 * of one customer on one day; for a missing measure under `missing: "error"` (with `activeIn`, only
 * in the snapshots that are scored).
 * @throws {@link CurrencyMismatchError} for `activeIn` records in several currencies (pass a book built
 * with exchange rates).
 * @example
 * ```ts
 * import { scoreCustomers } from "cs-metrics";
 * const scorecard = {
 *   measures: [{ signal: "deploymentRate", weight: 1, scale: { type: "linear", worst: 0, best: 1 } }],
 *   bands: { good: 70, bad: 40 },
 * } as const;
 * const snapshots = [
 *   { customerId: "acme", at: "2025-05-31", licensedSeats: 10, provisionedUsers: 2 },
 *   { customerId: "acme", at: "2025-06-30", licensedSeats: 10, provisionedUsers: 7 },
 *   { customerId: "gone", at: "2025-06-15", licensedSeats: 10, provisionedUsers: 1 },
 *   { customerId: "zenith", at: "2025-07-31", licensedSeats: 10, provisionedUsers: 1 },
 * ];
 * const results = scoreCustomers(snapshots, scorecard, { asOf: "2025-06-30" });
 * results.map((r) => [r.customerId, r.score, r.band]); //=> [["acme", 70, "good"], ["gone", 10, "bad"]]
 * const contracts = [
 *   { id: "1", customerId: "acme", start: "2025-01-01", amount: 1000, currency: "USD" },
 *   { id: "2", customerId: "gone", start: "2025-01-01", end: "2025-06-01", amount: 500, currency: "USD" },
 *   { id: "3", customerId: "zenith", start: "2025-01-01", amount: 800, currency: "USD" },
 * ];
 * const paying = scoreCustomers(snapshots, scorecard, { asOf: "2025-06-30", activeIn: contracts });
 * paying.scores.map((r) => r.customerId); //=> ["acme"]
 * paying.unscored; //=> [{ customerId: "gone", reason: "not a customer on asOf", at: "2025-06-15" }, { customerId: "zenith", reason: "no usage data", at: null }]
 * ```
 */
export function scoreCustomers(snapshots: readonly UsageSnapshotInput[], scorecard: ScorecardInput, options: ScorePayingCustomersOptions): CustomerScores;
export function scoreCustomers(snapshots: readonly UsageSnapshotInput[], scorecard: ScorecardInput, options: ScoreEveryCustomerOptions): HealthScoreResult[];
export function scoreCustomers(snapshots: readonly UsageSnapshotInput[], scorecard: ScorecardInput, options: ScoreCustomersOptions): HealthScoreResult[] | CustomerScores;
export function scoreCustomers(
  snapshots: readonly UsageSnapshotInput[],
  scorecard: ScorecardInput,
  options: ScoreCustomersOptions,
): HealthScoreResult[] | CustomerScores {
  const compiled = compileScorecard(parseScorecard(scorecard));
  const { asOf: asOfOption, activeIn } = readOptions(options);
  const asOf = dateOption(asOfOption, "options.asOf");
  const paying = payingCustomersOn(activeIn, asOf);
  const latest: LatestSnapshot[] = [];
  for (const history of snapshotHistories(snapshots)) {
    const position = latestIndexOnOrBefore(history.snapshots, asOf);
    if (position < 0) continue;
    const entry = history.snapshots[position]!;
    latest.push({ snapshot: entry.snapshot, path: `snapshots[${entry.index}]` });
  }
  return paying === null ? scoreEverySnapshot(compiled, latest) : scorePayingCustomers(compiled, latest, paying);
}
