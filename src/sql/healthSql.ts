/**
 * Health scoring in SQL (DOMAIN.md §5, the definition of `scoreCustomers`): each customer's latest
 * usage snapshot on or before a date, scored with a scorecard compiled to CASE expressions, exactly.
 * @module
 */
import { formatCalendarDate } from "../dates/calendarDate.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { type Rational, rationalOf } from "../health/rational.js";
import type { SignalName } from "../health/signals.js";
import { dateOption } from "../health/snapshotHistory.js";
import type { CalendarDateInput } from "../schemas/primitives.js";
import { describeValue } from "../schemas/primitives.js";
import { type Measure, type Scorecard, type ScorecardInput, measureKey, measureSignal, parseScorecard } from "../schemas/scorecard.js";
import { dateLiteral } from "./contractLinesSql.js";
import type { DialectRules, SqlDialect } from "./dialect.js";
import { RATE_SCALE, exactQuotient } from "./exactDivision.js";
import { type TableName, quoteIdentifier, quoteTableName } from "./identifiers.js";

/** The caller's usage-snapshot columns (DOMAIN.md §1). Defaults in brackets. */
export interface UsageColumns {
  /** [`customer_id`] */
  readonly customerId?: string;
  /** The snapshot's DATE [`at`]. */
  readonly at?: string;
  /** [`licensed_seats`] */
  readonly licensedSeats?: string;
  /** [`provisioned_users`] */
  readonly provisionedUsers?: string;
  /** [`active_users`] */
  readonly activeUsers?: string;
  /** [`dau`] */
  readonly dau?: string;
  /** [`mau`] */
  readonly mau?: string;
  /** [`features_used`] */
  readonly featuresUsed?: string;
  /** [`features_available`] */
  readonly featuresAvailable?: string;
  /** Column of each scorecard `metric` key; a key not listed is read from the column of the same name. */
  readonly metrics?: Readonly<Record<string, string>>;
}

type CountColumn = Exclude<keyof UsageColumns, "metrics">;

const DEFAULT_USAGE_COLUMNS: Readonly<Record<CountColumn, string>> = {
  customerId: "customer_id",
  at: "at",
  licensedSeats: "licensed_seats",
  provisionedUsers: "provisioned_users",
  activeUsers: "active_users",
  dau: "dau",
  mau: "mau",
  featuresUsed: "features_used",
  featuresAvailable: "features_available",
};

/** Numerator and base field of each signal (signals.ts). */
const SIGNAL_COLUMNS: Readonly<Record<SignalName, readonly [CountColumn, CountColumn]>> = {
  deploymentRate: ["provisionedUsers", "licensedSeats"],
  utilizationRate: ["activeUsers", "provisionedUsers"],
  stickiness: ["dau", "mau"],
  featureAdoption: ["featuresUsed", "featuresAvailable"],
};

/** Options of the `healthScores` statement. */
export interface HealthSqlOptions {
  readonly dialect: SqlDialect;
  /** Score each customer's latest snapshot on or before this date. */
  readonly asOf: CalendarDateInput;
  /** The scorecard (see `ScorecardSchema`). */
  readonly scorecard: ScorecardInput;
  /** The usage-snapshot table. Default `"usage_snapshots"`. */
  readonly tables?: { readonly usage?: TableName };
  readonly columns?: UsageColumns;
  /**
   * Most decimal places a count or metric value may have (default 2, at most 12). A value with more
   * stops the query with an error rather than being rounded.
   */
  readonly valueScale?: number;
}

/** Columns of the `healthScores` statement, in order. */
export const HEALTH_SCORE_COLUMNS = ["customer_id", "snapshot_date", "score", "band", "missing_measures"] as const;

const DEFAULT_VALUE_SCALE = 2;

/** A scorecard constant as an integer over the scorecard's common power of ten. */
type Scaled = (value: number) => bigint;

/** The power of ten that makes every number of the scorecard a whole number. */
function constantScale(scorecard: Scorecard): number {
  const numbers: number[] = [scorecard.bands.good, scorecard.bands.bad];
  for (const measure of scorecard.measures) {
    numbers.push(measure.weight);
    if (measure.scale.type === "linear") numbers.push(measure.scale.worst, measure.scale.best);
    else for (const step of measure.scale.steps) numbers.push(step.from, step.score);
  }
  return Math.max(0, ...numbers.map((value) => decimalPlaces(rationalOf(value))));
}

function decimalPlaces(value: Rational): number {
  return value.d.toString().length - 1;
}

/** What a measure reads, as quoted columns of `snapshot_rows`: v = a / b, b > 0, or missing. */
interface MeasureInputSql {
  readonly a: string;
  readonly b: string;
  /** SQL condition under which the measure is missing. */
  readonly missing: string;
}

/** P / Q of a measure's points (Q > 0), as two CASE expressions. */
interface PointsSql {
  readonly p: string;
  readonly q: string;
}

function int(rules: DialectRules, value: bigint): string {
  const text = rules.integer(value);
  return value < 0n ? `(${text})` : text;
}

/** Points of one measure as P / Q, comparing v = a / b with constants c as a·10^k vs c·b. */
function pointsSql(rules: DialectRules, measure: Measure, input: MeasureInputSql, scaled: Scaled, k: number): PointsSql {
  const tenK = int(rules, 10n ** BigInt(k));
  const ak = `${input.a} * ${tenK}`;
  const times = (constant: bigint): string => `${int(rules, constant)} * ${input.b}`;
  if (measure.scale.type === "steps") {
    const steps = [...measure.scale.steps].reverse();
    const whens = steps.map((step) => `WHEN ${ak} >= ${times(scaled(step.from))} THEN ${int(rules, scaled(step.score))}`).join(" ");
    return { p: `CASE WHEN ${input.missing} THEN 0 ${whens} ELSE 0 END`, q: `CASE WHEN ${input.missing} THEN 1 ELSE ${tenK} END` };
  }
  const worst = scaled(measure.scale.worst);
  const best = scaled(measure.scale.best);
  const rising = best > worst;
  // 100 · (v − worst) / (best − worst) with both terms made positive; clamped by the comparisons.
  const [low, high] = rising ? [worst, best] : [best, worst];
  const zeroWhen = rising ? `${ak} <= ${times(worst)}` : `${ak} >= ${times(worst)}`;
  const fullWhen = rising ? `${ak} >= ${times(best)}` : `${ak} <= ${times(best)}`;
  const numerator = rising ? `100 * (${ak} - ${times(worst)})` : `100 * (${times(worst)} - ${ak})`;
  return {
    p: `CASE WHEN ${input.missing} THEN 0 WHEN ${zeroWhen} THEN 0 WHEN ${fullWhen} THEN 100 ELSE ${numerator} END`,
    q: `CASE WHEN ${input.missing} OR ${zeroWhen} OR ${fullWhen} THEN 1 ELSE ${int(rules, high - low)} * ${input.b} END`,
  };
}

/** The validated inputs of the health statement. */
interface HealthContext {
  readonly rules: DialectRules;
  readonly usage: string;
  readonly columns: Readonly<Record<CountColumn, string>>;
  readonly metricColumns: ReadonlyMap<string, string>;
  readonly scorecard: Scorecard;
  readonly asOf: number;
  readonly valueScale: number;
}

function healthContext(options: HealthSqlOptions, rules: DialectRules): HealthContext {
  const scorecard = parseScorecard(options.scorecard);
  const asOf = dateOption(options.asOf, "options.asOf");
  const issues: ValidationIssue[] = [];
  const given = (options.columns ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (key !== "metrics" && !(key in DEFAULT_USAGE_COLUMNS)) {
      issues.push({ path: `options.columns.${key}`, message: `is not a usage column (expected one of ${Object.keys(DEFAULT_USAGE_COLUMNS).join(", ")}, metrics)` });
    }
  }
  const columns = Object.fromEntries(
    Object.entries(DEFAULT_USAGE_COLUMNS).map(([key, name]) => [key, quoteIdentifier(given[key] ?? name, rules, `options.columns.${key}`, issues)]),
  ) as Record<CountColumn, string>;
  const metricNames = (given["metrics"] ?? {}) as Record<string, unknown>;
  const metricColumns = new Map<string, string>();
  for (const measure of scorecard.measures) {
    if (measureSignal(measure) !== null) continue;
    const key = measureKey(measure);
    const name = Object.hasOwn(metricNames, key) ? metricNames[key] : key;
    metricColumns.set(key, quoteIdentifier(name, rules, `options.columns.metrics[${JSON.stringify(key)}]`, issues));
  }
  const usage = quoteTableName(options.tables?.usage ?? "usage_snapshots", rules, "options.tables.usage", issues);
  let valueScale = DEFAULT_VALUE_SCALE;
  if (options.valueScale !== undefined) {
    const max = rules.name === "bigquery" ? 9 : 12;
    if (typeof options.valueScale !== "number" || !Number.isInteger(options.valueScale) || options.valueScale < 0 || options.valueScale > max) {
      issues.push({ path: "options.valueScale", message: `must be a whole number from 0 to ${max} (got ${describeValue(options.valueScale)})` });
    } else valueScale = options.valueScale;
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return { rules, usage, columns, metricColumns, scorecard, asOf, valueScale };
}

/**
 * A value column read as an exact integer at `valueScale`, or an error naming the customer. `label`
 * is our own text (a field name or a measure position), never the caller's.
 */
function scaledValue(context: HealthContext, column: string, label: string): string {
  const { rules, valueScale } = context;
  const type = rules.name === "bigquery" ? "NUMERIC" : rules.decimalType(valueScale);
  const message = (problem: string): string =>
    rules.fail(`CONCAT('cs-metrics: snapshot of customer ', ${rules.toText(context.columns.customerId)}, ' on ', ${rules.toText(context.columns.at)}, ': ${label} ${problem}')`);
  return `CASE
      WHEN ${column} IS NULL THEN NULL
      WHEN ${column} < 0 THEN ${message("must be >= 0")}
      WHEN ROUND(${column}, ${valueScale}) <> ${column} THEN ${message(`has more than ${valueScale} decimal places (raise valueScale)`)}
      ELSE CAST(CAST(${column} AS ${type}) * ${int(rules, 10n ** BigInt(valueScale))} AS ${rules.integerType})
    END`;
}

/** The `healthScores` statement: one row per customer scored on its latest snapshot on or before `asOf`. */
export function healthScoresSql(options: HealthSqlOptions, rules: DialectRules): { sql: string; columns: readonly string[] } {
  const { ctes, band } = healthScoreCtes(options, rules);
  const sql = `WITH
${ctes}
SELECT
  customer_id AS customer_id,
  snapshot_date AS snapshot_date,
  ${exactQuotient(rules, "score_numerator", "score_denominator", RATE_SCALE, { widen: true })} AS score,
  ${band} AS band,
  missing_measures AS missing_measures
FROM score_parts
ORDER BY customer_id`;
  return { sql, columns: HEALTH_SCORE_COLUMNS };
}

/** Columns of the `healthBands` statement, in order. */
export const HEALTH_BAND_COLUMNS = ["good", "normal", "bad", "total", "unscored", "good_pct", "normal_pct", "bad_pct", "good_minus_bad"] as const;

/**
 * The `healthBands` statement: the band counts of the customers `healthScores` scores, and the
 * Good−Bad index (as `goodMinusBad`): percentages in points, 100 · count / (good + normal + bad).
 */
export function healthBandsSql(options: HealthSqlOptions, rules: DialectRules): { sql: string; columns: readonly string[] } {
  const { ctes, band } = healthScoreCtes(options, rules);
  const percent = (points: string, signed = false): string => exactQuotient(rules, points, "total", RATE_SCALE, { signed, widen: true });
  const sql = `WITH
${ctes},
customer_bands AS (
  SELECT customer_id, ${band} AS band
  FROM score_parts
),
band_counts AS (
  SELECT
    COUNT(CASE WHEN band = 'good' THEN 1 END) AS good,
    COUNT(CASE WHEN band = 'normal' THEN 1 END) AS normal,
    COUNT(CASE WHEN band = 'bad' THEN 1 END) AS bad,
    COUNT(CASE WHEN band IS NULL THEN 1 END) AS unscored
  FROM customer_bands
),
band_points AS (
  SELECT
    good, normal, bad, unscored,
    good + normal + bad AS total,
    100 * good AS good_points,
    100 * normal AS normal_points,
    100 * bad AS bad_points,
    100 * (good - bad) AS index_points
  FROM band_counts
)
SELECT
  good AS good,
  normal AS normal,
  bad AS bad,
  total AS total,
  unscored AS unscored,
  ${percent("good_points")} AS good_pct,
  ${percent("normal_points")} AS normal_pct,
  ${percent("bad_points")} AS bad_pct,
  ${percent("index_points", true)} AS good_minus_bad
FROM band_points`;
  return { sql, columns: HEALTH_BAND_COLUMNS };
}

/** The CTEs up to `score_parts` (score numerator and denominator per customer) and the band expression. */
function healthScoreCtes(options: HealthSqlOptions, rules: DialectRules): { ctes: string; band: string } {
  const context = healthContext(options, rules);
  const { scorecard, columns: c } = context;
  const k = constantScale(scorecard);
  const scaled: Scaled = (value) => {
    const r = rationalOf(value);
    return r.n * (10n ** BigInt(k) / r.d);
  };

  // snapshot_rows: the columns the scorecard reads, as exact integers.
  const valueColumns = new Map<string, string>();
  const readColumn = (key: string, column: string): string => {
    if (!valueColumns.has(key)) valueColumns.set(key, `    ${scaledValue(context, column, key)} AS v_${valueColumns.size}`);
    return `v_${[...valueColumns.keys()].indexOf(key)}`;
  };
  const inputs: MeasureInputSql[] = scorecard.measures.map((measure) => {
    const signal = measureSignal(measure);
    if (signal !== null) {
      const [top, base] = SIGNAL_COLUMNS[signal];
      const a = readColumn(top, c[top]);
      const b = readColumn(base, c[base]);
      return { a, b, missing: `(${a} IS NULL OR ${b} IS NULL OR ${b} = 0)` };
    }
    const key = measureKey(measure);
    // The label goes into an error message literal: never the caller's text, only its position.
    const a = readColumn(`metric of measures[${scorecard.measures.indexOf(measure)}]`, context.metricColumns.get(key)!);
    return { a, b: int(rules, 10n ** BigInt(context.valueScale)), missing: `${a} IS NULL` };
  });
  const points = scorecard.measures.map((measure, index) => pointsSql(rules, measure, inputs[index]!, scaled, k));

  const n = points.length;
  const wide = (expression: string): string => `CAST(${expression} AS ${rules.integerType})`;
  const pointColumns = points.flatMap((point, index) => [`    ${wide(point.p)} AS p_${index}`, `    ${wide(point.q)} AS q_${index}`]);
  const missingCounts = inputs.map((input) => `CASE WHEN ${input.missing} THEN 1 ELSE 0 END`).join(" + ");
  const policy = scorecard.missing;
  const missingGuard =
    policy === "error"
      ? `    CASE WHEN ${missingCounts} > 0 THEN ${rules.fail(`CONCAT('cs-metrics: snapshot of customer ', ${rules.toText("customer_id")}, ': a measure is missing and the scorecard says missing: error')`)} ELSE 0 END AS missing_check,\n`
      : "";
  // Σ wᵢ·Pᵢ·Π_{j≠i} Qⱼ and (Σ counted wᵢ)·Π Qⱼ: the score's numerator and denominator.
  const product = (skip: number): string => Array.from({ length: n }, (_, j) => j).filter((j) => j !== skip).map((j) => `q_${j}`).join(" * ");
  const weights = scorecard.measures.map((measure) => int(rules, scaled(measure.weight)));
  const numerator = weights.map((weight, i) => [weight, `p_${i}`, product(i)].filter((part) => part !== "").join(" * ")).join("\n      + ");
  const counted = weights
    .map((weight, i) => (policy === "renormalize" ? `CASE WHEN m_${i} = 1 THEN 0 ELSE ${weight} END` : weight))
    .join(" + ");
  const measureMissing = inputs.map((input, i) => `    CASE WHEN ${input.missing} THEN 1 ELSE 0 END AS m_${i}`);
  const good = int(rules, scaled(scorecard.bands.good));
  const bad = int(rules, scaled(scorecard.bands.bad));
  const tenK = int(rules, 10n ** BigInt(k));
  const at = dateLiteral(context.asOf);

  const ctes = `snapshot_rows AS (
  -- every snapshot on or before ${formatCalendarDate(context.asOf)}, newest first per customer
  SELECT
    ${c.customerId} AS customer_id,
    ${c.at} AS snapshot_date,
    ROW_NUMBER() OVER (PARTITION BY ${c.customerId} ORDER BY ${c.at} DESC) AS recency,
    COUNT(*) OVER (PARTITION BY ${c.customerId}, ${c.at}) AS same_day,
${[...valueColumns.values()].join(",\n")}
  FROM ${context.usage}
  WHERE ${c.at} <= ${at}
),
latest_snapshots AS (
  SELECT
    customer_id,
    snapshot_date,
    CASE WHEN same_day > 1 THEN ${rules.fail(`CONCAT('cs-metrics: duplicate snapshot of customer ', ${rules.toText("customer_id")}, ' on ', ${rules.toText("snapshot_date")})`)} ELSE 0 END AS duplicate_check,
${[...valueColumns.keys()].map((_, index) => `    v_${index}`).join(",\n")}
  FROM snapshot_rows
  WHERE recency = 1
),
measure_points AS (
  -- each measure's points as p / q (q > 0); m = 1 when its value is missing
  SELECT
    customer_id,
    snapshot_date,
    duplicate_check,
${missingGuard}${[...measureMissing, ...pointColumns].join(",\n")}
  FROM latest_snapshots
),
score_parts AS (
  SELECT
    customer_id,
    snapshot_date,
    ${inputs.map((_, i) => `m_${i}`).join(" + ")} AS missing_measures,
    ${numerator} AS score_numerator,
    (${counted})${n > 0 ? ` * ${product(-1)}` : ""} AS score_denominator
  FROM measure_points
  WHERE duplicate_check = 0${policy === "error" ? " AND missing_check = 0" : ""}
)`;
  // The band of the exact score: score ≥ good ⟺ numerator · 10^k ≥ good_k · denominator.
  const band = `CASE
    WHEN score_denominator = 0 THEN NULL
    WHEN score_numerator * ${tenK} >= ${good} * score_denominator THEN 'good'
    WHEN score_numerator * ${tenK} < ${bad} * score_denominator THEN 'bad'
    ELSE 'normal'
  END`;
  return { ctes, band };
}
