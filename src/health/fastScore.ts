/**
 * Scoring in double precision with a certified error bound (internal): the exact result, fast. Every
 * float operation is off by at most u = 2⁻⁵³ relative; the code carries a (generous) bound on the
 * accumulated error, and whenever the bound leaves the band or the 6-decimal rounding undecided it hands
 * the snapshot to the exact rational path. So the result always equals {@link scoreSnapshotExact}'s
 * (a property test checks it), at float speed in all but a few borderline cases.
 * @module
 */
import type { UsageSnapshot } from "../schemas/usageSnapshot.js";
import { toNumber } from "./rational.js";
import {
  type CompiledMeasure,
  type CompiledScorecard,
  type HealthBand,
  type HealthScoreResult,
  type MeasureScore,
  SCORE_DECIMALS,
  measureValue,
  recordMissing,
  scoreSnapshotExact,
} from "./scorecardEvaluation.js";
import { signalParts, signalValue } from "./signals.js";

/** Unit roundoff of binary64. */
const U = 2 ** -53;
/** Factor on every error bound, covering second-order terms and leaving a wide margin. */
const SAFETY = 8;
const SCALE = 10 ** SCORE_DECIMALS;

/** Smallest normal double: below it a double is no longer within u (relative) of the decimal it prints as. */
const MIN_NORMAL = 2 ** -1022;

/** `true` for a subnormal number, whose error bounds are not relative; such inputs take the exact path. */
function isSubnormal(x: number): boolean {
  return x !== 0 && Math.abs(x) < MIN_NORMAL;
}

interface FloatPoints {
  readonly points: number;
  /** Bound on |points − exact points|. */
  readonly error: number;
}

/** The measure's value as a double: a signal's IEEE quotient, or the metric itself; `null` when missing. */
function floatValue(measure: CompiledMeasure, snapshot: UsageSnapshot): number | null {
  if (measure.signal !== null) return signalValue(snapshot, measure.signal);
  return Object.hasOwn(snapshot.metrics, measure.key) ? snapshot.metrics[measure.key]! : null;
}

/**
 * Linear points 100·(v − worst)/(best − worst), clamped. The value is within 4u|v| of its exact decimal
 * (inputs as decimals, one division); worst and best within u of theirs.
 */
function linearPoints(v: number, worst: number, best: number): FloatPoints | null {
  const span = best - worst;
  const spanError = 3 * U * (Math.abs(best) + Math.abs(worst));
  const absSpan = Math.abs(span);
  if (isSubnormal(v) || isSubnormal(worst) || isSubnormal(best)) return null;
  if (!Number.isFinite(span) || absSpan <= 4 * spanError) return null;
  const difference = v - worst;
  const differenceError = 6 * U * (Math.abs(v) + Math.abs(worst));
  const q = difference / span;
  const raw = 100 * q;
  const error = SAFETY * ((100 * (differenceError + Math.abs(q) * spanError)) / (absSpan - spanError) + 200 * U * Math.abs(q));
  if (!Number.isFinite(raw) || !Number.isFinite(error)) return null; // overflow: leave it to the exact path
  if (raw - error > 100) return { points: 100, error: 0 };
  if (raw + error < 0) return { points: 0, error: 0 };
  return { points: Math.min(100, Math.max(0, raw)), error };
}

/** Step points; `null` when the value is too close to a step's `from` to decide in floats. */
function stepPoints(v: number, steps: readonly { readonly from: number; readonly score: number }[]): FloatPoints | null {
  if (!Number.isFinite(v) || isSubnormal(v)) return null;
  let points = 0;
  for (const step of steps) {
    if (isSubnormal(step.from)) return null;
    const margin = SAFETY * 4 * U * (Math.abs(v) + Math.abs(step.from));
    if (v < step.from - margin) break;
    if (v <= step.from + margin) return null;
    points = step.score;
  }
  return { points, error: 2 * U * 100 };
}

/** `true` when a signal's counts are subnormal (then its IEEE quotient is not within 4u of the exact ratio). */
function hasSubnormalCounts(measure: CompiledMeasure, snapshot: UsageSnapshot): boolean {
  if (measure.signal === null) return false;
  const parts = signalParts(snapshot, measure.signal);
  return parts !== null && (isSubnormal(parts[0]) || isSubnormal(parts[1]));
}

function measurePoints(measure: CompiledMeasure, snapshot: UsageSnapshot, v: number): FloatPoints {
  const scale = measure.scale;
  const fast = hasSubnormalCounts(measure, snapshot)
    ? null
    : scale.type === "linear"
      ? linearPoints(v, scale.worst, scale.best)
      : stepPoints(v, scale.steps);
  if (fast !== null) return fast;
  // Undecided in floats: this one measure exactly.
  return { points: toNumber(measure.points(measureValue(measure, snapshot)!.exact)), error: 2 * U * 100 };
}

/** x rounded half-even to SCORE_DECIMALS places, or `null` when x's error bound straddles a rounding tie. */
function roundCertified(x: number, error: number): number | null {
  const t = x * SCALE;
  const tError = (error + 2 * U * Math.abs(x)) * SCALE * 2;
  const whole = Math.floor(t);
  const fraction = t - whole;
  if (Math.abs(fraction - 0.5) <= tError) return null;
  return (fraction > 0.5 ? whole + 1 : whole) / SCALE;
}

/** The band, or `null` when the error bound straddles a threshold. */
function bandCertified(score: number, error: number, good: number, bad: number): HealthBand | null {
  const margin = error + 2 * U * 100;
  const isGood = score - margin > good ? true : score + margin < good ? false : null;
  if (isGood === null) return null;
  if (isGood) return "good";
  const isBad = score + margin < bad ? true : score - margin > bad ? false : null;
  if (isBad === null) return null;
  return isBad ? "bad" : "normal";
}

/** The float path; `null` when some decision needs the exact path. */
function scoreInFloats(compiled: CompiledScorecard, snapshot: UsageSnapshot, root: string): HealthScoreResult | null {
  let weighted = 0;
  let totalWeight = 0;
  let weightedError = 0;
  const measures: MeasureScore[] = [];
  const missing: string[] = [];
  for (const measure of compiled.measures) {
    const v = floatValue(measure, snapshot);
    if (v === null) {
      if (recordMissing(compiled, measure, root, measures, missing)) totalWeight += measure.weight;
      continue;
    }
    if (isSubnormal(measure.weight)) return null;
    const { points, error } = measurePoints(measure, snapshot, v);
    const rounded = roundCertified(points, error);
    if (rounded === null) return null;
    weighted += measure.weight * points;
    totalWeight += measure.weight;
    weightedError += measure.weight * error;
    measures.push({ key: measure.key, value: v, points: rounded, weight: measure.weight });
  }
  if (totalWeight === 0) return { customerId: snapshot.customerId, at: snapshot.at, score: null, band: null, measures, missing };
  if (!Number.isFinite(totalWeight)) return null; // Σ weight overflowed: weighted / ∞ would read as 0
  const score = weighted / totalWeight;
  const error = SAFETY * (weightedError / totalWeight + (2 * compiled.measures.length + 8) * U * 100);
  if (!Number.isFinite(score) || !Number.isFinite(error)) return null;
  const band = bandCertified(score, error, compiled.scorecard.bands.good, compiled.scorecard.bands.bad);
  const rounded = roundCertified(score, error);
  if (band === null || rounded === null) return null;
  return { customerId: snapshot.customerId, at: snapshot.at, score: rounded, band, measures, missing };
}

/**
 * Scores a validated snapshot: the float path when it can certify the result, else the exact path.
 * Equal to `scoreSnapshotExact(…).result` in every case.
 * @param root - The snapshot's path in the caller's data, for `missing: "error"` (`snapshots[3]`).
 */
export function scoreSnapshot(compiled: CompiledScorecard, snapshot: UsageSnapshot, root: string): HealthScoreResult {
  return scoreInFloats(compiled, snapshot, root) ?? scoreSnapshotExact(compiled, snapshot, root).result;
}
