/**
 * The naive health oracle: DOMAIN.md §5 (and §1's derived signals) evaluated with exact bigint
 * rationals. Written from the domain page alone and deliberately independent of src/ (no imports from
 * the library, no decimal.js): every number in the input is the decimal it prints as (the library's
 * documented reading, docs/money.md), every ratio and mean is an exact fraction, and only the final
 * comparison rounds.
 */
import { parseDay } from "./calendar.js";
import { ratOfNumber } from "./doubles.js";
import { type Rational, ZERO, add, cmp, div, isZero, mul, rat, sub } from "./rational.js";

export type OracleSignal = "deploymentRate" | "utilizationRate" | "stickiness" | "featureAdoption";

export interface OracleSnapshot {
  readonly customerId: string;
  readonly at: string;
  readonly licensedSeats?: number;
  readonly provisionedUsers?: number;
  readonly activeUsers?: number;
  readonly dau?: number;
  readonly mau?: number;
  readonly featuresUsed?: number;
  readonly featuresAvailable?: number;
  readonly lastContactAt?: string;
  readonly metrics?: Readonly<Record<string, number>>;
}

export type OracleScale =
  | { readonly type: "linear"; readonly worst: number; readonly best: number }
  | { readonly type: "steps"; readonly steps: readonly { readonly from: number; readonly score: number }[] };

export interface OracleMeasure {
  readonly signal?: OracleSignal;
  readonly metric?: string;
  readonly weight: number;
  readonly scale: OracleScale;
}

export type OracleMissingPolicy = "renormalize" | "zero" | "error";

export interface OracleScorecard {
  readonly measures: readonly OracleMeasure[];
  readonly bands: { readonly good: number; readonly bad: number };
  readonly missing?: OracleMissingPolicy;
}

export type OracleBand = "good" | "normal" | "bad";

/** §1: each derived signal is a count over a base. */
const SIGNAL_PARTS: Readonly<Record<OracleSignal, readonly [keyof OracleSnapshot, keyof OracleSnapshot]>> = {
  deploymentRate: ["provisionedUsers", "licensedSeats"],
  utilizationRate: ["activeUsers", "provisionedUsers"],
  stickiness: ["dau", "mau"],
  featureAdoption: ["featuresUsed", "featuresAvailable"],
};

/** §1: the signal as an exact fraction; `null` (missing) when a count is absent or the base is 0. */
export function oracleSignal(snapshot: OracleSnapshot, name: OracleSignal): Rational | null {
  const [top, base] = SIGNAL_PARTS[name];
  const numerator = snapshot[top];
  const denominator = snapshot[base];
  if (typeof numerator !== "number" || typeof denominator !== "number" || denominator === 0) return null;
  return div(ratOfNumber(numerator), ratOfNumber(denominator));
}

/** The latest snapshot of each customer dated on or before asOf, by customer id (code-unit order). */
export function oracleLatestOnOrBefore(snapshots: readonly OracleSnapshot[], asOf: string): OracleSnapshot[] {
  const latest = new Map<string, OracleSnapshot>();
  for (const s of snapshots) {
    if (parseDay(s.at) > parseDay(asOf)) continue;
    const seen = latest.get(s.customerId);
    if (seen === undefined || parseDay(seen.at) < parseDay(s.at)) latest.set(s.customerId, s);
  }
  return [...latest.values()].sort((a, b) => (a.customerId < b.customerId ? -1 : 1));
}

const HUNDRED = rat(100);

/** §5: linear from worst (0) to best (100), clamped; steps = points of the highest threshold reached. */
export function oraclePoints(scale: OracleScale, value: Rational): Rational {
  if (scale.type === "steps") {
    let points = ZERO;
    for (const step of scale.steps) if (cmp(value, ratOfNumber(step.from)) >= 0) points = ratOfNumber(step.score);
    return points;
  }
  const worst = ratOfNumber(scale.worst);
  const raw = div(mul(HUNDRED, sub(value, worst)), sub(ratOfNumber(scale.best), worst));
  return cmp(raw, ZERO) < 0 ? ZERO : cmp(raw, HUNDRED) > 0 ? HUNDRED : raw;
}

/** §5 bands: ≥ good → Good, < bad → Bad, else Normal. */
export function oracleBand(score: Rational, bands: OracleScorecard["bands"]): OracleBand {
  if (cmp(score, ratOfNumber(bands.good)) >= 0) return "good";
  return cmp(score, ratOfNumber(bands.bad)) < 0 ? "bad" : "normal";
}

export interface OracleMeasureScore {
  readonly key: string;
  readonly value: Rational | null;
  readonly points: Rational | null;
}

export type OracleScore =
  | { readonly error: true; readonly missing: readonly string[] }
  | {
      readonly error: false;
      readonly score: Rational | null;
      readonly band: OracleBand | null;
      readonly measures: readonly OracleMeasureScore[];
      readonly missing: readonly string[];
    };

function measureValue(snapshot: OracleSnapshot, measure: OracleMeasure): Rational | null {
  if (measure.signal !== undefined) return oracleSignal(snapshot, measure.signal);
  const metrics = snapshot.metrics ?? {};
  const metric = measure.metric !== undefined && Object.hasOwn(metrics, measure.metric) ? metrics[measure.metric] : undefined;
  return metric === undefined ? null : ratOfNumber(metric);
}

/**
 * §5 score: Σ weight·points / Σ weight over the measures present; a missing measure is left out
 * (renormalize, the default), counted with 0 points (zero), or makes the whole score an error.
 */
export function oracleScore(snapshot: OracleSnapshot, scorecard: OracleScorecard): OracleScore {
  const policy = scorecard.missing ?? "renormalize";
  let weighted = ZERO;
  let weights = ZERO;
  const measures: OracleMeasureScore[] = [];
  const missing: string[] = [];
  for (const measure of scorecard.measures) {
    const key = measure.signal ?? measure.metric ?? "";
    const value = measureValue(snapshot, measure);
    const weight = ratOfNumber(measure.weight);
    if (value === null) {
      missing.push(key);
      measures.push({ key, value: null, points: policy === "zero" ? ZERO : null });
      if (policy === "zero") weights = add(weights, weight);
      continue;
    }
    const points = oraclePoints(measure.scale, value);
    weighted = add(weighted, mul(weight, points));
    weights = add(weights, weight);
    measures.push({ key, value, points });
  }
  if (policy === "error" && missing.length > 0) return { error: true, missing };
  const score = isZero(weights) ? null : div(weighted, weights);
  return { error: false, score, band: score === null ? null : oracleBand(score, scorecard.bands), measures, missing };
}

export interface OracleGoodMinusBad {
  readonly good: number;
  readonly normal: number;
  readonly bad: number;
  readonly unscored: number;
  readonly total: number;
  readonly goodPct: Rational | null;
  readonly normalPct: Rational | null;
  readonly badPct: Rational | null;
  readonly index: Rational | null;
}

/** §5 Good−Bad = %Good − %Bad over the scored customers, in points; `null` with none scored. */
export function oracleGoodMinusBad(bands: readonly (OracleBand | null)[]): OracleGoodMinusBad {
  const count = (band: OracleBand): number => bands.filter((b) => b === band).length;
  const good = count("good");
  const normal = count("normal");
  const bad = count("bad");
  const total = good + normal + bad;
  const pct = (n: number): Rational | null => (total === 0 ? null : rat(100 * n, total));
  return { good, normal, bad, unscored: bands.length - total, total, goodPct: pct(good), normalPct: pct(normal), badPct: pct(bad), index: pct(good - bad) };
}

export type OracleDirection = "rising" | "flat" | "falling";

export interface OracleTrend {
  readonly slope: Rational | null;
  readonly direction: OracleDirection | null;
  readonly points: number;
  readonly from: string | null;
  readonly to: string | null;
}

/**
 * §5 trend: the ordinary least-squares slope of the last `window` scored points (x = day, y = score),
 * in points per 30 days, computed by the textbook centred formula Σ(x−x̄)(y−ȳ) / Σ(x−x̄)²; rising above
 * `flatThreshold`, falling below its negative, else flat. Defaults (window 6, threshold 1 point per 30
 * days) are those docs/health.md publishes.
 */
export function oracleTrend(history: readonly { readonly at: string; readonly score: number | null }[], window = 6, flatThreshold = 1): OracleTrend {
  const scored = history
    .filter((p): p is { at: string; score: number } => p.score !== null)
    .map((p) => ({ day: parseDay(p.at), at: p.at, y: ratOfNumber(p.score) }))
    .sort((a, b) => a.day - b.day);
  const fitted = scored.slice(Math.max(0, scored.length - window));
  const ends = { points: fitted.length, from: fitted[0]?.at ?? null, to: fitted[fitted.length - 1]?.at ?? null };
  if (fitted.length < 2) return { slope: null, direction: null, ...ends };
  const n = rat(fitted.length);
  const meanX = div(fitted.reduce((s, p) => add(s, rat(p.day)), ZERO), n);
  const meanY = div(fitted.reduce((s, p) => add(s, p.y), ZERO), n);
  let sxy = ZERO;
  let sxx = ZERO;
  for (const p of fitted) {
    const dx = sub(rat(p.day), meanX);
    sxy = add(sxy, mul(dx, sub(p.y, meanY)));
    sxx = add(sxx, mul(dx, dx));
  }
  const slope = mul(rat(30), div(sxy, sxx));
  const threshold = ratOfNumber(flatThreshold);
  const direction: OracleDirection = cmp(slope, threshold) > 0 ? "rising" : cmp(slope, sub(ZERO, threshold)) < 0 ? "falling" : "flat";
  return { slope, direction, ...ends };
}

export interface OracleExpectedRetention {
  readonly customers: number;
  readonly unscored: number;
  readonly expectedRenewals: Rational | null;
  readonly rate: Rational | null;
}

/**
 * §5 expected retention (見込み継続率): each scored customer counts its band's historical renewal rate;
 * the rate is their mean. Unknown (`null`) when a band in use has no rate, or nobody is scored.
 */
export function oracleExpectedRetention(bands: readonly (OracleBand | null)[], rates: Readonly<Record<OracleBand, Rational | null>>): OracleExpectedRetention {
  const scored = bands.filter((b): b is OracleBand => b !== null);
  let expected: Rational | null = ZERO;
  for (const band of scored) {
    const rate = rates[band];
    expected = expected === null || rate === null ? null : add(expected, rate);
  }
  return {
    customers: scored.length,
    unscored: bands.length - scored.length,
    expectedRenewals: expected,
    rate: expected === null || scored.length === 0 ? null : div(expected, rat(scored.length)),
  };
}
