/**
 * Evaluating a validated scorecard on a validated snapshot, exactly (internal). A scorecard is
 * compiled once (its numbers turned into exact fractions), then applied to any number of snapshots.
 * @module
 */
import { ValidationError } from "../errors.js";
import { formatPath } from "../schemas/primitives.js";
import { type Measure, type Scale, type Scorecard, type MissingPolicy, measureKey, measureSignal } from "../schemas/scorecard.js";
import type { UsageSnapshot } from "../schemas/usageSnapshot.js";
import {
  RATIONAL_HUNDRED,
  RATIONAL_ZERO,
  type Rational,
  add,
  clamp,
  compare,
  multiply,
  quotient,
  rationalOf,
  roundToDecimals,
  subtract,
} from "./rational.js";
import { type SignalName, signalRational, signalValue } from "./signals.js";

/** A health band (HiCustomer-style): Good, Normal or Bad. */
export type HealthBand = "good" | "normal" | "bad";

/** The bands from best to worst. */
export const HEALTH_BANDS: readonly HealthBand[] = ["good", "normal", "bad"];

/** One measure's contribution to a score. */
export interface MeasureScore {
  /** The signal name or `metrics` key the measure reads. */
  readonly key: string;
  /** The measure's value (a signal's ratio, or the metric), or `null` when missing. */
  readonly value: number | null;
  /**
   * 0–100 points (exact, rounded half to even to 6 decimal places), or `null` when the value is missing and
   * the scorecard renormalises (`"zero"` gives 0).
   */
  readonly points: number | null;
  /** The measure's weight as written in the scorecard. */
  readonly weight: number;
}

/** A customer's health score on one snapshot. */
export interface HealthScoreResult {
  readonly customerId: string;
  /** The snapshot's date, `YYYY-MM-DD`. */
  readonly at: string;
  /**
   * Weighted mean of the measures' points, 0–100, computed exactly and rounded half to even to 6 decimal
   * places; `null` when every measure is missing under `missing: "renormalize"`.
   */
  readonly score: number | null;
  /** The band of the exact score; `null` when `score` is. */
  readonly band: HealthBand | null;
  /** Every measure of the scorecard, in scorecard order. */
  readonly measures: readonly MeasureScore[];
  /** Keys of the measures whose value was missing, in scorecard order. */
  readonly missing: readonly string[];
}

/** A measure ready to score: its exact weight and points function, and its scale for the fast path. */
export interface CompiledMeasure {
  readonly key: string;
  readonly signal: SignalName | null;
  readonly weight: number;
  readonly exactWeight: Rational;
  readonly points: (value: Rational) => Rational;
  readonly scale: Scale;
}

/** A scorecard with its numbers as exact fractions, ready to score many snapshots. */
export interface CompiledScorecard {
  readonly scorecard: Scorecard;
  readonly measures: readonly CompiledMeasure[];
  readonly missing: MissingPolicy;
  readonly good: Rational;
  readonly bad: Rational;
}

/** A score with its exact value, for rules that compare it exactly. */
export interface ExactHealthScore {
  readonly result: HealthScoreResult;
  readonly exactScore: Rational | null;
}

function compileScale(scale: Scale): (value: Rational) => Rational {
  if (scale.type === "linear") {
    const worst = rationalOf(scale.worst);
    const span = subtract(rationalOf(scale.best), worst);
    // points = 100 · (value − worst) / (best − worst), clamped to [0, 100]; a negative span = lower is better.
    return (value) => clamp(quotient(multiply(RATIONAL_HUNDRED, subtract(value, worst)), span), RATIONAL_ZERO, RATIONAL_HUNDRED);
  }
  const steps = scale.steps.map((step) => ({ from: rationalOf(step.from), score: rationalOf(step.score) }));
  return (value) => {
    let points = RATIONAL_ZERO;
    for (const step of steps) {
      if (compare(value, step.from) < 0) break;
      points = step.score;
    }
    return points;
  };
}

function compileMeasure(measure: Measure): CompiledMeasure {
  return {
    key: measureKey(measure),
    signal: measureSignal(measure),
    weight: measure.weight,
    exactWeight: rationalOf(measure.weight),
    points: compileScale(measure.scale),
    scale: measure.scale,
  };
}

/** Compiles a validated scorecard. */
export function compileScorecard(scorecard: Scorecard): CompiledScorecard {
  return {
    scorecard,
    measures: scorecard.measures.map(compileMeasure),
    missing: scorecard.missing,
    good: rationalOf(scorecard.bands.good),
    bad: rationalOf(scorecard.bands.bad),
  };
}

/** The band of an exact score: ≥ good → good, < bad → bad, else normal. */
export function bandOf(compiled: CompiledScorecard, score: Rational): HealthBand {
  if (compare(score, compiled.good) >= 0) return "good";
  if (compare(score, compiled.bad) < 0) return "bad";
  return "normal";
}

/**
 * Decimal places of `score` and `points`: the exact values are rounded half to even to this many places,
 * which removes binary noise (57.49999999999999) without hiding anything a scorecard can express.
 */
export const SCORE_DECIMALS = 6;

/** A measure's exact value and its number, or `null` when missing. */
export function measureValue(measure: CompiledMeasure, snapshot: UsageSnapshot): { exact: Rational; value: number } | null {
  if (measure.signal !== null) {
    const exact = signalRational(snapshot, measure.signal);
    return exact === null ? null : { exact, value: signalValue(snapshot, measure.signal)! };
  }
  const metric = Object.hasOwn(snapshot.metrics, measure.key) ? snapshot.metrics[measure.key] : undefined;
  return metric === undefined ? null : { exact: rationalOf(metric), value: metric };
}

/**
 * Scores a validated snapshot exactly (rational arithmetic throughout).
 * @param root - The snapshot's path in the caller's data, for `missing: "error"` (`snapshots[3]`).
 */
export function scoreSnapshotExact(compiled: CompiledScorecard, snapshot: UsageSnapshot, root: string): ExactHealthScore {
  let weighted = RATIONAL_ZERO;
  let totalWeight = RATIONAL_ZERO;
  const measures: MeasureScore[] = [];
  const missing: string[] = [];
  for (const measure of compiled.measures) {
    const found = measureValue(measure, snapshot);
    if (found === null) {
      if (recordMissing(compiled, measure, root, measures, missing)) totalWeight = add(totalWeight, measure.exactWeight);
      continue;
    }
    const points = measure.points(found.exact);
    weighted = add(weighted, multiply(measure.exactWeight, points));
    totalWeight = add(totalWeight, measure.exactWeight);
    measures.push({ key: measure.key, value: found.value, points: roundToDecimals(points, SCORE_DECIMALS), weight: measure.weight });
  }
  const exactScore = totalWeight.n === 0n ? null : quotient(weighted, totalWeight);
  const result: HealthScoreResult = {
    customerId: snapshot.customerId,
    at: snapshot.at,
    score: exactScore === null ? null : roundToDecimals(exactScore, SCORE_DECIMALS),
    band: exactScore === null ? null : bandOf(compiled, exactScore),
    measures,
    missing,
  };
  return { result, exactScore };
}

/**
 * Records a missing measure in `measures` and `missing` (or throws under `missing: "error"`); returns
 * `true` when it still counts with 0 points (`missing: "zero"`), so its weight joins the total.
 */
export function recordMissing(compiled: CompiledScorecard, measure: CompiledMeasure, root: string, measures: MeasureScore[], missing: string[]): boolean {
  missing.push(measure.key);
  if (compiled.missing === "error") throw missingMeasureError(measure, root);
  const zero = compiled.missing === "zero";
  measures.push({ key: measure.key, value: null, points: zero ? 0 : null, weight: measure.weight });
  return zero;
}

function missingMeasureError(measure: CompiledMeasure, root: string): ValidationError {
  const path = measure.signal === null ? formatPath(root, ["metrics", measure.key]) : root;
  const what = measure.signal === null ? `metric ${JSON.stringify(measure.key)}` : `signal ${measure.signal} (its base is 0 or missing)`;
  return new ValidationError([{ path, message: `${what} is missing and the scorecard says missing: "error"` }]);
}
