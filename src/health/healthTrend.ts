/**
 * The trend of one customer's health score, DOMAIN.md §5: least-squares slope over the recent scores.
 * @module
 */
import { parseCalendarDate } from "../dates/calendarDate.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { readOptions } from "../schemas/options.js";
import { describeValue } from "../schemas/primitives.js";
import { type Rational, RATIONAL_ZERO, add, compare, multiply, quotient, rationalOf, subtract, toNumber } from "./rational.js";

/** Direction of a health trend. */
export type TrendDirection = "rising" | "flat" | "falling";

/** One scored point of a customer's history: a {@link HealthScoreResult} fits. */
export interface ScorePoint {
  readonly customerId: string;
  /** Date of the score, `YYYY-MM-DD`. */
  readonly at: string;
  /** Score 0–100; `null` (unscored) points are skipped. */
  readonly score: number | null;
}

/** Options of {@link healthTrend}. */
export interface HealthTrendOptions {
  /** Fit the last `window` scored points (by date); an integer ≥ 2. Default 6. */
  readonly window?: number;
  /** |slope| ≤ this many points per 30 days is `"flat"`; default 1. */
  readonly flatThreshold?: number;
}

/** {@link healthTrend}'s result. */
export interface HealthTrend {
  /** The customer, or `null` for an empty history. */
  readonly customerId: string | null;
  /** Least-squares slope in score points per 30 days; `null` with fewer than 2 scored points. */
  readonly slope: number | null;
  /** `"rising"` when slope > flatThreshold, `"falling"` when slope < −flatThreshold, else `"flat"`; `null` with the slope. */
  readonly direction: TrendDirection | null;
  /** Number of points fitted. */
  readonly points: number;
  /** Date of the first fitted point, or `null`. */
  readonly from: string | null;
  /** Date of the last fitted point, or `null`. */
  readonly to: string | null;
}

const DAYS_PER_STEP = 30n;

interface DayScore {
  readonly day: number;
  readonly at: string;
  readonly score: number;
  readonly index: number;
}

function readHistory(history: readonly ScorePoint[]): { customerId: string | null; points: DayScore[] } {
  if (!Array.isArray(history)) throw new ValidationError([{ path: "history", message: "must be an array of scored points" }]);
  const issues: ValidationIssue[] = [];
  const points: DayScore[] = [];
  const first = history[0]?.customerId;
  const customerId = typeof first === "string" && first.length > 0 ? first : null;
  history.forEach((point, index) => {
    const day = typeof point?.at === "string" ? parseCalendarDate(point.at) : null;
    const id: unknown = point?.customerId;
    if (typeof id !== "string" || id.length === 0) {
      issues.push({ path: `history[${index}].customerId`, message: `must be a non-empty string (got ${describeValue(id)})` });
    } else if (id !== customerId) {
      issues.push({ path: `history[${index}].customerId`, message: `must be one customer's history (${JSON.stringify(customerId)}, got ${describeValue(point?.customerId)})` });
    }
    if (day === null) issues.push({ path: `history[${index}].at`, message: `must be a calendar date YYYY-MM-DD (got ${describeValue(point?.at)})` });
    const score = point?.score;
    if (score !== null && (typeof score !== "number" || !Number.isFinite(score))) {
      issues.push({ path: `history[${index}].score`, message: `must be a finite number or null (got ${describeValue(score)})` });
    } else if (score !== null && day !== null) {
      points.push({ day, at: point.at, score, index });
    }
  });
  points.sort((a, b) => a.day - b.day || a.index - b.index);
  for (let k = 1; k < points.length; k++) {
    if (points[k]!.day === points[k - 1]!.day) issues.push({ path: `history[${Math.max(points[k]!.index, points[k - 1]!.index)}].at`, message: `two scores on ${points[k]!.at}` });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return { customerId, points };
}

function positiveIntegerOption(value: number | undefined, fallback: number, min: number, path: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) throw new ValidationError([{ path, message: `must be an integer ≥ ${min} (got ${describeValue(value)})` }]);
  return value;
}

/**
 * The least-squares slope (points per 30 days) of one customer's recent health scores, and its direction.
 *
 * @remarks
 * Over the last `window` scored points (xᵢ = day of the score, yᵢ = score):
 * slope = 30 · (n Σxy − Σx Σy) / (n Σx² − (Σx)²) points per 30 days (ordinary least squares, x in days).
 * direction = `"rising"` if slope > flatThreshold, `"falling"` if slope < −flatThreshold, else `"flat"`
 * (default threshold 1 point per 30 days). Computed exactly on the scores as printed; `slope` is the
 * double nearest to the exact value and the direction is decided on the exact value. Input order does
 * not matter: points are sorted by date.
 *
 * @param history - One customer's scores (e.g. {@link healthScore} results); `score: null` points are skipped; not mutated.
 * @param options - `window` (default 6) and `flatThreshold` (default 1).
 * @returns The slope and direction; both `null` with fewer than 2 scored points.
 * @throws {@link ValidationError} when the points belong to several customers, a date is invalid or
 * repeated, a score is not a finite number, an option is out of range, or `options` is not an object
 * (`options`).
 * @example
 * ```ts
 * import { healthTrend } from "cs-metrics";
 * const trend = healthTrend([
 *   { customerId: "acme", at: "2025-01-01", score: 80 },
 *   { customerId: "acme", at: "2025-01-31", score: 70 },
 *   { customerId: "acme", at: "2025-03-02", score: 60 },
 * ], { window: 3 });
 * trend.slope; //=> -10
 * trend.direction; //=> "falling"
 * ```
 */
export function healthTrend(history: readonly ScorePoint[], options: HealthTrendOptions = {}): HealthTrend {
  const read = readOptions(options);
  const window = positiveIntegerOption(read.window, 6, 2, "options.window");
  const threshold = read.flatThreshold ?? 1;
  if (typeof threshold !== "number" || !Number.isFinite(threshold) || threshold < 0) {
    throw new ValidationError([{ path: "options.flatThreshold", message: `must be a finite number ≥ 0 (got ${describeValue(threshold)})` }]);
  }
  const { customerId, points: all } = readHistory(history);
  const points = all.slice(-window);
  const first = points[0];
  const last = points[points.length - 1];
  const base = { customerId, points: points.length, from: first?.at ?? null, to: last?.at ?? null };
  if (points.length < 2 || first === undefined) return { ...base, slope: null, direction: null };

  const n: Rational = { n: BigInt(points.length), d: 1n };
  let sumX = RATIONAL_ZERO;
  let sumY = RATIONAL_ZERO;
  let sumXY = RATIONAL_ZERO;
  let sumXX = RATIONAL_ZERO;
  for (const point of points) {
    const x: Rational = { n: BigInt(point.day - first.day), d: 1n };
    const y = rationalOf(point.score);
    sumX = add(sumX, x);
    sumY = add(sumY, y);
    sumXY = add(sumXY, multiply(x, y));
    sumXX = add(sumXX, multiply(x, x));
  }
  const numerator = subtract(multiply(n, sumXY), multiply(sumX, sumY));
  const denominator = subtract(multiply(n, sumXX), multiply(sumX, sumX)); // > 0: the days are distinct
  const slope = multiply({ n: DAYS_PER_STEP, d: 1n }, quotient(numerator, denominator));
  const limit = rationalOf(threshold);
  const direction: TrendDirection =
    compare(slope, limit) > 0 ? "rising" : compare(slope, { n: -limit.n, d: limit.d }) < 0 ? "falling" : "flat";
  return { ...base, slope: toNumber(slope), direction };
}
