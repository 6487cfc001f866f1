/**
 * `toSql`: compiles a cs-metrics metric set to one SQL statement for DuckDB, PostgreSQL, BigQuery or
 * Snowflake, with the library's definitions and exact arithmetic.
 * @module
 */
import { type ResolvedPeriod, resolvePeriod } from "../dates/period.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { type Proration, checkProration } from "../lostRevenue/lostRevenue.js";
import type { PeriodInput } from "../schemas/period.js";
import { describeValue } from "../schemas/primitives.js";
import { cohortRetentionSql } from "./cohortSql.js";
import { type MonthlyConversionOptions, readMonthlyConversions } from "../revenue/monthlyConversion.js";
import type { LinesMode } from "../revenue/openLines.js";
import { type ContractColumnSql, type RevenueQueryContext, sqlConversionProblem } from "./contractLinesSql.js";
import { type DialectRules, SQL_DIALECTS, type SqlDialect, dialectRules } from "./dialect.js";
import { MONEY_SCALE, RATE_SCALE } from "./exactDivision.js";
import { type HealthSqlOptions, healthBandsSql, healthScoresSql } from "./healthSql.js";
import { type TableName, quoteIdentifier, quoteTableName } from "./identifiers.js";
import { type CompiledQuery, type RevenueReportSqlOptions, customerMovementsSql, lostRevenueSql, revenueReportSql } from "./revenueSql.js";
import { revenueReportBySegmentSql } from "./segmentSql.js";
import { type FeatureAdoptionSqlOptions, type UsageSnapshotsSqlOptions, type UsageSqlMetric, isUsageMetric, usageSql } from "./usageSql.js";

/**
 * The revenue metric sets {@link toSql} compiles from a contract table:
 * - `revenueReport`: one row — movement totals, logo counts, every rate and lost revenue (as `revenueReport`),
 *   ARPA on the period's last day and the quick ratio;
 * - `customerMovements`: one row per customer with MRR at either end (as `revenueMovements(…).customers`);
 * - `lostRevenue`: one row per churned customer (as `lostRevenue(…).customers`);
 * - `cohortRetention`: one row per cohort and month (as `cohortRetention`);
 * - `revenueReportBySegment`: one row per segment — the report's columns plus entering / leaving
 *   segment (as `revenueReportBySegment(…).segments`), with `options.segment`.
 */
export type RevenueSqlMetric = "revenueReport" | "customerMovements" | "lostRevenue" | "cohortRetention" | "revenueReportBySegment";

/**
 * The health metric sets, read from a usage-snapshot table with a scorecard:
 * - `healthScores`: one row per customer, its latest snapshot on or before `asOf` scored (as `scoreCustomers`
 *   without `activeIn`: every customer with a snapshot, paying or not);
 * - `healthBands`: one row — band counts and the Good−Bad index of those scores (as `goodMinusBad`).
 */
export type HealthSqlMetric = "healthScores" | "healthBands";

/** Every metric set. */
export type SqlMetric = RevenueSqlMetric | HealthSqlMetric | UsageSqlMetric;

/** Every metric set, in documentation order. */
export const SQL_METRICS: readonly SqlMetric[] = [
  "revenueReport", "customerMovements", "lostRevenue", "cohortRetention", "revenueReportBySegment", "healthScores", "healthBands",
  "usageSnapshots", "featureAdoption",
];

export type { HealthSqlOptions };

/** The caller's tables. */
export interface SqlTables {
  /** The contract table (one row per contract line). Default `"contracts"`. */
  readonly contracts?: TableName;
}

/**
 * The caller's column names for the contract fields (DOMAIN.md §1). Defaults in brackets. The
 * optional fields (`end`, `interval`, `intervalCount`) are read from their default columns unless
 * mapped to `null`, which means "the table has no such column": every line then takes the field's
 * default (open-ended, monthly, one interval), as a `NULL` in the column would.
 */
export interface ContractColumns {
  /** Contract line id, used in error messages [`id`]. */
  readonly id?: string;
  /** Customer (logo) id [`customer_id`]. */
  readonly customerId?: string;
  /** First active day, a DATE [`start_date`]. */
  readonly start?: string;
  /** First inactive day, a DATE, NULL when open-ended [`end_date`]; `null`: no such column, every line open-ended. */
  readonly end?: string | null;
  /** Amount per interval, an exact DECIMAL/NUMERIC or integer [`amount`]. */
  readonly amount?: string;
  /** `'month'`, `'quarter'`, `'year'`, `'week'` or `'day'`; NULL = month [`interval`]; `null`: no such column, every line monthly. */
  readonly interval?: string | null;
  /** Whole intervals one amount covers; NULL = 1 [`interval_count`]; `null`: no such column, every line 1. */
  readonly intervalCount?: string | null;
  /**
   * The line's product, read under `lines: "supersede"` only (a line supersedes the earlier open lines
   * of its product; NULL = one product) [`product`]; `null`: no such column, every line one product.
   */
  readonly product?: string | null;
}

/**
 * Where `revenueReportBySegment` reads a segment label: a column of the contract table (`{ column:
 * "plan" }`, a line attribute), or a column of a customer table joined on the customer id (`{ table:
 * "customers", column: "region", customerId: "customer_id" }`, one row per customer; a customer
 * without one is in the NULL segment).
 */
export interface SqlSegment {
  /** The column holding the label. */
  readonly column: string;
  /** The customer table; absent = the label is a column of the contract table. */
  readonly table?: TableName;
  /** The customer table's customer-id column [`customer_id`]. */
  readonly customerId?: string;
}

/**
 * Options of {@link toSql} for the revenue metric sets. `weeksPerMonth` / `daysPerMonth` convert
 * weekly and daily amounts as `contractBook` does (defaults `"52/12"` and `"365/12"`); in SQL their
 * denominators must divide 12 (`"52/12"`, `4`, `"365/12"`, `30` all do).
 */
export interface ToSqlOptions extends MonthlyConversionOptions {
  /** The engine to write for. */
  readonly dialect: SqlDialect;
  /** `[start, end)` of the period, e.g. `fiscalYear(2025, { startMonth: 4 })`. */
  readonly period: PeriodInput;
  /** Table names (quoted as given: case-sensitive). */
  readonly tables?: SqlTables;
  /** Column names (quoted as given: case-sensitive). */
  readonly columns?: ContractColumns;
  /**
   * Most decimal places an amount may have (default 4; at most 12, 9 on BigQuery). An amount with
   * more stops the query with an error rather than being rounded.
   */
  readonly amountScale?: number;
  /** Lost-revenue proration (default `"month"`), as in `lostRevenue`. */
  readonly proration?: Proration;
  /** Net revenue churn also subtracts reactivation (default `false`), as in `netRevenueChurnRate`. */
  readonly subtractReactivation?: boolean;
  /**
   * The `quick_ratio` column of `revenueReport` also counts reactivation in its numerator (default
   * `false`: (new + expansion) / (churn + contraction)).
   */
  readonly includeReactivation?: boolean;
  /** The segment label of `revenueReportBySegment` (required there, not accepted elsewhere). */
  readonly segment?: SqlSegment;
  /**
   * How a customer's lines combine, as `contractBook`'s option: `"separate"` (default, every line
   * counts) or `"supersede"` (each line ends the earlier open-ended lines of its customer and product
   * that started on an earlier day, at its own start; `columns.product` names the product column).
   */
  readonly lines?: LinesMode;
}

/** {@link toSql}'s result. */
export interface SqlStatement {
  readonly dialect: SqlDialect;
  readonly metric: SqlMetric;
  /** One `WITH … SELECT` statement, no parameters, no trailing semicolon. */
  readonly sql: string;
  /** Names of the result columns, in order. */
  readonly columns: readonly string[];
  /** Digits after the point of every rate column (exact value truncated toward zero). */
  readonly rateScale: number;
  /** Digits after the point of every money column (exact value truncated toward zero). */
  readonly moneyScale: number;
}

const DEFAULT_COLUMNS: { readonly [Key in keyof ContractColumns]-?: string } = {
  id: "id",
  customerId: "customer_id",
  start: "start_date",
  end: "end_date",
  amount: "amount",
  interval: "interval",
  intervalCount: "interval_count",
  product: "product",
};

/**
 * What an optional field mapped to `null` (no such column) reads as: a typed SQL `NULL`, which the
 * statement turns into the field's default exactly as it does a `NULL` in the column.
 */
const ABSENT_COLUMN_SQL = { end: "CAST(NULL AS DATE)", interval: "NULL", intervalCount: "NULL", product: "NULL" } as const;

type OptionalContractColumn = keyof typeof ABSENT_COLUMN_SQL;

function isOptionalColumn(key: keyof ContractColumns): key is OptionalContractColumn {
  return key in ABSENT_COLUMN_SQL;
}

const DEFAULT_AMOUNT_SCALE = 4;

function checkDialect(dialect: unknown): SqlDialect {
  if (typeof dialect === "string" && (SQL_DIALECTS as readonly string[]).includes(dialect)) return dialect as SqlDialect;
  throw new ValidationError([{ path: "options.dialect", message: `must be one of ${SQL_DIALECTS.join(", ")} (got ${describeValue(dialect)})` }]);
}

function checkMetric(metric: unknown): SqlMetric {
  if (typeof metric === "string" && (SQL_METRICS as readonly string[]).includes(metric)) return metric as SqlMetric;
  throw new ValidationError([{ path: "metric", message: `must be one of ${SQL_METRICS.join(", ")} (got ${describeValue(metric)})` }]);
}

function checkAmountScale(value: unknown, dialect: SqlDialect, issues: ValidationIssue[]): number {
  if (value === undefined) return DEFAULT_AMOUNT_SCALE;
  const max = dialect === "bigquery" ? 9 : 12;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > max) {
    issues.push({ path: "options.amountScale", message: `must be a whole number from 0 to ${max} (got ${describeValue(value)})` });
    return DEFAULT_AMOUNT_SCALE;
  }
  return value;
}

/** The SQL expression of the segment label (over the contract table, aliased `contract_table`). */
function segmentExpression(
  metric: RevenueSqlMetric,
  segment: unknown,
  rules: DialectRules,
  customerIdColumn: string,
  issues: ValidationIssue[],
): string | undefined {
  if (metric !== "revenueReportBySegment") {
    if (segment !== undefined) issues.push({ path: "options.segment", message: "is only read by revenueReportBySegment" });
    return undefined;
  }
  if (typeof segment !== "object" || segment === null || Array.isArray(segment)) {
    issues.push({ path: "options.segment", message: `must be { column } or { table, column, customerId } (got ${describeValue(segment)})` });
    return undefined;
  }
  const { column, table, customerId } = segment as Partial<Record<keyof SqlSegment, unknown>>;
  const label = quoteIdentifier(column, rules, "options.segment.column", issues);
  if (table === undefined) {
    if (customerId !== undefined) issues.push({ path: "options.segment.customerId", message: "is only read with options.segment.table" });
    return label;
  }
  const customers = quoteTableName(table, rules, "options.segment.table", issues);
  const id = quoteIdentifier(customerId ?? "customer_id", rules, "options.segment.customerId", issues);
  return `(SELECT MAX(customer_table.${label}) FROM ${customers} AS customer_table WHERE customer_table.${id} = contract_table.${customerIdColumn})`;
}

function sqlLinesMode(value: unknown, issues: ValidationIssue[]): LinesMode {
  if (value === undefined || value === "separate" || value === "supersede") return value ?? "separate";
  issues.push({ path: "options.lines", message: `must be "separate" or "supersede" (got ${describeValue(value)})` });
  return "separate";
}

function revenueContext(metric: RevenueSqlMetric, options: ToSqlOptions, dialect: SqlDialect, resolved: ResolvedPeriod): RevenueQueryContext {
  const rules = dialectRules(dialect);
  const issues: ValidationIssue[] = [];
  const given = (options.columns ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!(key in DEFAULT_COLUMNS)) issues.push({ path: `options.columns.${key}`, message: `is not a contract column (expected one of ${Object.keys(DEFAULT_COLUMNS).join(", ")})` });
  }
  const column = (key: keyof ContractColumns): string => {
    const name = given[key];
    if (name === null && isOptionalColumn(key)) return ABSENT_COLUMN_SQL[key];
    if (name === null) {
      issues.push({ path: `options.columns.${key}`, message: `must be a column name: only end, interval, intervalCount and product may be null (no such column)` });
      return "";
    }
    return quoteIdentifier(name ?? DEFAULT_COLUMNS[key], rules, `options.columns.${key}`, issues);
  };
  const lines = sqlLinesMode(options.lines, issues);
  const columns: ContractColumnSql = {
    id: column("id"),
    customerId: column("customerId"),
    start: column("start"),
    end: column("end"),
    amount: column("amount"),
    interval: column("interval"),
    intervalCount: column("intervalCount"),
    // The product column is read only where it matters, so a table without one needs no mapping otherwise.
    product: lines === "supersede" ? column("product") : "NULL",
  };
  if (lines !== "supersede" && given["product"] !== undefined) issues.push({ path: "options.columns.product", message: 'is only read with lines: "supersede"' });
  const contracts = quoteTableName(options.tables?.contracts ?? "contracts", rules, "options.tables.contracts", issues);
  const amountScale = checkAmountScale(options.amountScale, dialect, issues);
  for (const flag of ["subtractReactivation", "includeReactivation"] as const) {
    if (options[flag] !== undefined && typeof options[flag] !== "boolean") {
      issues.push({ path: `options.${flag}`, message: `must be true or false (got ${describeValue(options[flag])})` });
    }
  }
  const segment = segmentExpression(metric, options.segment, rules, columns.customerId, issues);
  const conversions = readMonthlyConversions(options, issues);
  for (const [key, fraction] of [["weeksPerMonth", conversions.week], ["daysPerMonth", conversions.day]] as const) {
    const problem = sqlConversionProblem(fraction);
    if (problem !== null) issues.push({ path: `options.${key}`, message: problem });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return { rules, contracts, columns, amountScale, resolved, conversions, lines, ...(segment === undefined ? {} : { segment }) };
}

/**
 * Compiles a metric set to one SQL statement for DuckDB, PostgreSQL, BigQuery or Snowflake, with
 * the library's definitions: run it on the contract table in your warehouse and get the numbers
 * the library would compute.
 *
 * @remarks
 * The statement reads the contract table (one row per contract line), computes every line's MRR as
 * an exact integer count of units of 1 / (10^amountScale · 332,640) currency (MRR = amount /
 * (months per interval × interval count), DOMAIN.md §1), classifies customers on M0 = MRR on
 * `start − 1 day` and M1 = MRR on `end − 1 day` exactly as `evaluatePeriod` does, and divides only
 * at the end, by long division on integers. Money columns are the exact value truncated toward zero
 * to 18 decimal places, rates to 28 (`NULL` when the base is empty) — identical to the library's
 * value whenever that has at most so many places. Table and column names are validated and quoted;
 * dates and numbers are literals the library formats itself, so no option can inject SQL. A
 * contract the library would reject (amount < 0 or with more than `amountScale` places, unknown
 * interval, `end ≤ start`, interval count not dividing 27,720) stops the query with an error that
 * names it. `healthScores` scores each customer's latest usage snapshot on or before `asOf` with a
 * scorecard compiled to CASE expressions: points as exact fractions, the weighted mean
 * Σ wᵢ·pointsᵢ / Σ wᵢ as one fraction, the band decided exactly, the score truncated to 28 places.
 *
 * `healthBands` counts those customers' bands and gives the Good−Bad index 100 · (good − bad) / scored.
 * `usageSnapshots` and `featureAdoption` read an events table (one row per event, a DATE column) with
 * the definitions of the library functions of the same names (see `usageSql.ts` and docs/usage-events.md).
 *
 * `revenueReportBySegment` classifies each customer's MRR per segment label against its overall
 * movement, with entering / leaving segment, exactly as the library's `revenueReportBySegment`; rows
 * come in the engine's order of the labels, the NULL segment last.
 *
 * @param metric - `"revenueReport"`, `"customerMovements"`, `"lostRevenue"`, `"cohortRetention"`,
 * `"revenueReportBySegment"`, `"healthScores"`, `"healthBands"`, `"usageSnapshots"` or `"featureAdoption"`.
 * @param options - Dialect, period (revenue) or `asOf` and `scorecard` (health), table and column names,
 * amount or value scale, proration.
 * @returns The SQL text and its result columns.
 * @throws {@link index!ValidationError} for an unknown metric or dialect, an invalid table or column name
 * (empty, over 63 bytes, control characters; backticks or backslashes on BigQuery) or option.
 * @throws {@link index!InvalidPeriodError} for an invalid period.
 * @example
 * ```ts
 * import { fiscalYear } from "cs-metrics";
 * import { toSql } from "cs-metrics/sql";
 * const statement = toSql("revenueReport", {
 *   dialect: "postgres",
 *   period: fiscalYear(2025, { startMonth: 4 }),
 *   tables: { contracts: ["billing", "contract_lines"] },
 *   columns: { customerId: "account_id" },
 * });
 * statement.columns.includes("nrr"); //=> true
 * statement.sql.includes('FROM "billing"."contract_lines"'); //=> true
 * ```
 */
export function toSql(metric: RevenueSqlMetric, options: ToSqlOptions): SqlStatement;
export function toSql(metric: HealthSqlMetric, options: HealthSqlOptions): SqlStatement;
export function toSql(metric: "usageSnapshots", options: UsageSnapshotsSqlOptions): SqlStatement;
export function toSql(metric: "featureAdoption", options: FeatureAdoptionSqlOptions): SqlStatement;
export function toSql(metric: SqlMetric, options: ToSqlOptions | HealthSqlOptions | UsageSnapshotsSqlOptions | FeatureAdoptionSqlOptions): SqlStatement {
  const checkedMetric = checkMetric(metric);
  if (typeof options !== "object" || options === null) {
    throw new ValidationError([{ path: "options", message: `must be an options object (got ${describeValue(options)})` }]);
  }
  const dialect = checkDialect(options.dialect);
  if (isUsageMetric(checkedMetric)) {
    const compiled = usageSql(checkedMetric, options as UsageSnapshotsSqlOptions | FeatureAdoptionSqlOptions, dialectRules(dialect));
    return { dialect, metric: checkedMetric, sql: compiled.sql, columns: compiled.columns, rateScale: RATE_SCALE, moneyScale: MONEY_SCALE };
  }
  if (checkedMetric === "healthScores" || checkedMetric === "healthBands") {
    const build = checkedMetric === "healthScores" ? healthScoresSql : healthBandsSql;
    const compiled = build(options as HealthSqlOptions, dialectRules(dialect));
    return { dialect, metric: checkedMetric, sql: compiled.sql, columns: compiled.columns, rateScale: RATE_SCALE, moneyScale: MONEY_SCALE };
  }
  const revenueOptions = options as ToSqlOptions;
  const resolved = resolvePeriod(revenueOptions.period, "options.period");
  const proration = checkProration(revenueOptions.proration);
  const context = revenueContext(checkedMetric, revenueOptions, dialect, resolved);
  const compiled = compile(checkedMetric, context, { proration, subtractReactivation: revenueOptions.subtractReactivation === true, includeReactivation: revenueOptions.includeReactivation === true });
  return { dialect, metric: checkedMetric, sql: compiled.sql, columns: compiled.columns, rateScale: RATE_SCALE, moneyScale: MONEY_SCALE };
}

function compile(metric: RevenueSqlMetric, context: RevenueQueryContext, options: RevenueReportSqlOptions): CompiledQuery {
  const { proration } = options;
  switch (metric) {
    case "revenueReport":
      return revenueReportSql(context, options);
    case "customerMovements":
      return customerMovementsSql(context);
    case "lostRevenue":
      return lostRevenueSql(context, proration);
    case "cohortRetention":
      return cohortRetentionSql(context);
    case "revenueReportBySegment":
      return revenueReportBySegmentSql(context, options);
  }
}
