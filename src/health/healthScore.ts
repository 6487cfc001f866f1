/**
 * A customer's health score on one usage snapshot, DOMAIN.md §5.
 * @module
 */
import { type ScorecardInput, parseScorecard } from "../schemas/scorecard.js";
import type { UsageSnapshotInput } from "../schemas/usageSnapshot.js";
import { scoreSnapshot } from "./fastScore.js";
import { type HealthScoreResult, compileScorecard } from "./scorecardEvaluation.js";
import { parseSnapshot } from "./signals.js";

/**
 * Scores one usage snapshot with a scorecard: each measure 0–100 points, their weighted mean, and the band.
 *
 * @remarks
 * Points of a measure with value v: `linear` → 100 · (v − worst) / (best − worst), clamped to [0, 100]
 * (`worst > best` means lower is better); `steps` → the `score` of the last step with `from ≤ v`, 0 below
 * the first step. score = Σ wᵢ · pointsᵢ / Σ wᵢ over the measures present (`missing: "renormalize"`,
 * the default), or over all measures with a missing one scoring 0 (`"zero"`); `"error"` throws.
 * Band: score ≥ bands.good → `"good"`, score < bands.bad → `"bad"`, else `"normal"` (DOMAIN.md §5).
 * The arithmetic is exact on the decimals the numbers print as (0.2 is 2/10), so a score that is
 * mathematically 70 is 70 and Good: the band is decided on the exact score, and `score` and each
 * measure's `points` are the exact values rounded half to even to 6 decimal places (200/3 → 66.666667).
 * (Internally a double-precision pass with a certified error bound gives the same answer, falling
 * back to rational arithmetic when the bound cannot decide.)
 *
 * @param snapshot - A usage snapshot (see {@link UsageSnapshotSchema}); not mutated.
 * @param scorecard - A scorecard (see {@link ScorecardSchema}); not mutated.
 * @returns `{ customerId, at, score, band, measures, missing }`; `score` and `band` are `null` when every
 * measure is missing under `"renormalize"`.
 * @throws {@link ValidationError} for an invalid scorecard (`scorecard.measures[1].weight: must be greater
 * than 0`, steps out of order, `bands.good` < `bands.bad`, an unknown signal), an invalid snapshot
 * (`snapshot.at`), or a missing measure under `missing: "error"`.
 * @example
 * ```ts
 * import { healthScore } from "cs-metrics";
 * const result = healthScore(
 *   { customerId: "acme", at: "2025-06-30", provisionedUsers: 80, activeUsers: 40,
 *     featuresUsed: 3, featuresAvailable: 10, metrics: { openTickets: 2 } },
 *   {
 *     measures: [
 *       { signal: "utilizationRate", weight: 2, scale: { type: "linear", worst: 0.2, best: 0.8 } },
 *       { metric: "openTickets", weight: 1, scale: { type: "linear", worst: 10, best: 0 } },
 *       { signal: "featureAdoption", weight: 1,
 *         scale: { type: "steps", steps: [{ from: 0, score: 0 }, { from: 0.3, score: 50 }, { from: 0.6, score: 100 }] } },
 *     ],
 *     bands: { good: 70, bad: 40 },
 *   },
 * );
 * result.score; //=> 57.5
 * result.band; //=> "normal"
 * result.measures[1]; //=> { key: "openTickets", value: 2, points: 80, weight: 1 }
 * ```
 */
export function healthScore(snapshot: UsageSnapshotInput, scorecard: ScorecardInput): HealthScoreResult {
  const compiled = compileScorecard(parseScorecard(scorecard));
  return scoreSnapshot(compiled, parseSnapshot(snapshot, "snapshot"), "snapshot");
}
