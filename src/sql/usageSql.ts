/**
 * Product events → usage snapshots and feature adoption in SQL: the definitions of `usageSnapshots`
 * and `featureAdoption` over an events table (one row per event, its date a DATE column).
 * @module
 */
import { type EpochDay, formatCalendarDate } from "../dates/calendarDate.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { readOptions } from "../schemas/options.js";
import type { CalendarDateInput } from "../schemas/primitives.js";
import { describeValue } from "../schemas/primitives.js";
import { type OnDates, type UsageWindows, readDates, readWindowDays, readWindows } from "../usage/usageWindows.js";
import { dateLiteral } from "./contractLinesSql.js";
import type { DialectRules, SqlDialect } from "./dialect.js";
import { RATE_SCALE, exactQuotient } from "./exactDivision.js";
import { type TableName, quoteIdentifier, quoteTableName } from "./identifiers.js";

/**
 * The caller's event columns. Defaults in brackets; `feature` and `count` may be `null` when the
 * table has no such column (no feature; every count 1).
 */
export interface UsageEventColumns {
  /** [`customer_id`] */
  readonly customerId?: string;
  /** [`user_id`] */
  readonly userId?: string;
  /** The event's calendar date, a DATE [`at`]. */
  readonly at?: string;
  /** Feature name, NULL for none [`feature`]. */
  readonly feature?: string | null;
  /** Whole number ≥ 1, NULL = 1 [`count`]. */
  readonly count?: string | null;
}

/** The caller's contact columns (CRM touches). Defaults in brackets. */
export interface ContactColumns {
  /** [`customer_id`] */
  readonly customerId?: string;
  /** The contact's calendar date, a DATE [`at`]. */
  readonly at?: string;
}

/** Options shared by the usage statements. */
interface UsageSqlCommon {
  readonly dialect: SqlDialect;
  /** Table names; `events` defaults to `"usage_events"`. `contacts` (optional) adds `last_contact_at`. */
  readonly tables?: { readonly events?: TableName; readonly contacts?: TableName };
  readonly columns?: UsageEventColumns;
  readonly contactColumns?: ContactColumns;
}

/** Options of the `usageSnapshots` statement. */
export interface UsageSnapshotsSqlOptions extends UsageSqlCommon {
  /** The snapshot date or dates. */
  readonly on: OnDates;
  /** Window lengths in days (defaults 7, 30, 30), as `usageSnapshots`. */
  readonly windows?: UsageWindows;
  /** A count, or the feature names (then only those count as used). */
  readonly featuresAvailable?: number | readonly string[];
}

/** Options of the `featureAdoption` statement. */
export interface FeatureAdoptionSqlOptions extends UsageSqlCommon {
  /** Last day of the window. */
  readonly on: CalendarDateInput;
  /** Days of the window (default 30). */
  readonly window?: number;
}

/** Columns of the `usageSnapshots` statement, in order. */
export const USAGE_SNAPSHOT_COLUMNS = [
  "customer_id", "snapshot_date", "provisioned_users", "active_users", "dau", "wau", "mau", "features_used", "features_available", "last_contact_at",
] as const;

/** Columns of the `featureAdoption` statement, in order. */
export const FEATURE_ADOPTION_COLUMNS = ["feature", "customers", "users", "events", "customer_share", "active_customers", "active_users"] as const;

const DEFAULT_EVENT_COLUMNS = { customerId: "customer_id", userId: "user_id", at: "at", feature: "feature", count: "count" } as const;
const DEFAULT_CONTACT_COLUMNS = { customerId: "customer_id", at: "at" } as const;

interface UsageContext {
  readonly rules: DialectRules;
  readonly events: string;
  readonly contacts: string | null;
  readonly c: Readonly<Record<keyof typeof DEFAULT_EVENT_COLUMNS, string>>;
  readonly contact: Readonly<Record<keyof typeof DEFAULT_CONTACT_COLUMNS, string>>;
}

/**
 * SQL text of a string constant: quotes doubled, and on BigQuery and Snowflake (where a backslash
 * starts an escape) backslashes and quotes escaped with a backslash.
 */
function textLiteral(text: string, rules: DialectRules): string {
  if (rules.name === "bigquery" || rules.name === "snowflake") return `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
  return `'${text.replaceAll("'", "''")}'`;
}

function readColumns<K extends string>(
  given: unknown,
  defaults: Readonly<Record<K, string>>,
  nullable: readonly NoInfer<K>[],
  rules: DialectRules,
  path: string,
  issues: ValidationIssue[],
): Record<K, string> {
  const names = (given ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(names)) {
    if (!(key in defaults)) issues.push({ path: `${path}.${key}`, message: `is not a column (expected one of ${Object.keys(defaults).join(", ")})` });
  }
  const columns = {} as Record<K, string>;
  for (const key of Object.keys(defaults) as K[]) {
    const name = names[key];
    columns[key] = name === null && nullable.includes(key) ? "NULL" : quoteIdentifier(name ?? defaults[key], rules, `${path}.${key}`, issues);
  }
  return columns;
}

function usageContext(options: UsageSqlCommon, rules: DialectRules): UsageContext {
  const issues: ValidationIssue[] = [];
  const c = readColumns(options.columns, DEFAULT_EVENT_COLUMNS, ["feature", "count"], rules, "options.columns", issues);
  const contact = readColumns(options.contactColumns, DEFAULT_CONTACT_COLUMNS, [], rules, "options.contactColumns", issues);
  const events = quoteTableName(options.tables?.events ?? "usage_events", rules, "options.tables.events", issues);
  const contacts = options.tables?.contacts === undefined ? null : quoteTableName(options.tables.contacts, rules, "options.tables.contacts", issues);
  if (issues.length > 0) throw new ValidationError(issues);
  return { rules, events, contacts, c, contact };
}

/**
 * CTE `usage_events`: the caller's events up to `last` under our names, the date checked so that an
 * event the library would reject stops the query with an error naming it.
 */
function usageEventsCte(context: UsageContext, last: EpochDay, featureNames: readonly string[] | undefined): string {
  const { rules, c } = context;
  const fail = (problem: string): string =>
    `CAST(${rules.toText(rules.fail(`CONCAT('cs-metrics: usage event of customer ', COALESCE(${rules.toText(c.customerId)}, 'NULL'), ' on ', COALESCE(${rules.toText(c.at)}, 'NULL'), ': ${problem}')`))} AS DATE)`;
  const feature = featureNames === undefined ? c.feature : `CASE WHEN ${c.feature} IN (${featureNames.map((name) => textLiteral(name, rules)).join(", ")}) THEN ${c.feature} END`;
  return `usage_events AS (
  SELECT
    ${rules.toText(c.customerId)} AS customer_id,
    ${rules.toText(c.userId)} AS user_id,
    ${feature} AS feature,
    COALESCE(${c.count}, 1) AS event_count,
    CASE
      WHEN ${c.customerId} IS NULL THEN ${fail("customer id is missing")}
      WHEN ${c.userId} IS NULL THEN ${fail("user id is missing")}
      WHEN ${c.at} IS NULL THEN ${fail("date is missing")}
      WHEN ${c.feature} = '' THEN ${fail("feature must not be empty")}
      WHEN ${c.count} < 1 OR ${c.count} <> FLOOR(${c.count}) THEN ${fail("count must be a whole number >= 1")}
      ELSE CAST(${c.at} AS DATE)
    END AS event_date
  FROM ${context.events}
),
recent_events AS (
  -- Events after ${formatCalendarDate(last)} count for no date.
  SELECT customer_id, user_id, feature, event_count, event_date FROM usage_events WHERE event_date <= ${dateLiteral(last)}
)`;
}

function checkFeatures(value: unknown): { literal: string; names: readonly string[] | undefined } {
  if (value === undefined) return { literal: "NULL", names: undefined };
  if (Array.isArray(value)) {
    const names = [...new Set(value as unknown[])];
    names.forEach((name, index) => {
      if (typeof name !== "string" || name.length === 0 || /[\u0000-\u001f\u007f]/u.test(name)) {
        throw new ValidationError([{ path: `options.featuresAvailable[${index}]`, message: `must be a non-empty feature name without control characters (got ${describeValue(name)})` }]);
      }
    });
    // An empty list makes every feature unlisted; NULL keeps `IN ()` out of the SQL.
    return { literal: String(names.length), names: names.length === 0 ? [""] : (names as string[]) };
  }
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new ValidationError([{ path: "options.featuresAvailable", message: `must be a whole number ≥ 0 or a list of feature names (got ${describeValue(value)})` }]);
  }
  return { literal: String(value), names: undefined };
}

/** Compiled statement text and its result columns. */
export interface CompiledUsageQuery {
  readonly sql: string;
  readonly columns: readonly string[];
}

/** The `usageSnapshots` statement: one row per customer and date, as `usageSnapshots`. */
export function usageSnapshotsSql(options: UsageSnapshotsSqlOptions, rules: DialectRules): CompiledUsageQuery {
  const given = readOptions(options);
  if (given.on === undefined) throw new ValidationError([{ path: "options.on", message: "is required: the snapshot date or dates" }]);
  const dates = readDates(given.on);
  const windows = readWindows(given.windows);
  const features = checkFeatures(given.featuresAvailable);
  const context = usageContext(options, rules);
  const last = dates[dates.length - 1]!;
  const age = rules.daysBetween("e.event_date", "d.snapshot_date");
  const dateRows = dates.map((day) => `SELECT ${dateLiteral(day)} AS snapshot_date`).join("\n  UNION ALL ");
  const contactCtes = context.contacts === null ? "" : `,
contact_dates AS (
  SELECT s.customer_id, s.snapshot_date, MAX(CAST(k.${context.contact.at} AS DATE)) AS last_contact_at
  FROM snapshots s
  JOIN ${context.contacts} k ON ${rules.toText(`k.${context.contact.customerId}`)} = s.customer_id AND CAST(k.${context.contact.at} AS DATE) <= s.snapshot_date
  GROUP BY s.customer_id, s.snapshot_date
)`;
  const lastContact = context.contacts === null ? "CAST(NULL AS DATE)" : "k.last_contact_at";
  const contactJoin = context.contacts === null ? "" : "\nLEFT JOIN contact_dates k ON k.customer_id = s.customer_id AND k.snapshot_date = s.snapshot_date";
  const sql = `WITH ${usageEventsCte(context, last, features.names)},
snapshot_dates AS (
  ${dateRows}
),
dated_events AS (
  -- Every event with each date on or after it, and its age in days (0 = on the date).
  SELECT d.snapshot_date, e.customer_id, e.user_id, e.feature, ${age} AS age
  FROM recent_events e
  JOIN snapshot_dates d ON e.event_date <= d.snapshot_date
),
snapshots AS (
  SELECT
    customer_id,
    snapshot_date,
    COUNT(DISTINCT user_id) AS provisioned_users,
    COUNT(DISTINCT CASE WHEN age = 0 THEN user_id END) AS dau,
    COUNT(DISTINCT CASE WHEN age < ${windows.wau} THEN user_id END) AS wau,
    COUNT(DISTINCT CASE WHEN age < ${windows.mau} THEN user_id END) AS mau,
    COUNT(DISTINCT CASE WHEN age < ${windows.features} THEN feature END) AS features_used
  FROM dated_events
  GROUP BY customer_id, snapshot_date
)${contactCtes}
SELECT
  s.customer_id AS customer_id,
  s.snapshot_date AS snapshot_date,
  s.provisioned_users AS provisioned_users,
  s.mau AS active_users,
  s.dau AS dau,
  s.wau AS wau,
  s.mau AS mau,
  s.features_used AS features_used,
  ${features.literal === "NULL" ? "CAST(NULL AS INTEGER)" : features.literal} AS features_available,
  ${lastContact} AS last_contact_at
FROM snapshots s${contactJoin}
ORDER BY s.customer_id, s.snapshot_date`;
  return { sql, columns: USAGE_SNAPSHOT_COLUMNS };
}

/** The `featureAdoption` statement: one row per feature used in the window, as `featureAdoption`. */
export function featureAdoptionSql(options: FeatureAdoptionSqlOptions, rules: DialectRules): CompiledUsageQuery {
  const given = readOptions(options);
  if (given.on === undefined) throw new ValidationError([{ path: "options.on", message: "is required: the last day of the window" }]);
  const dates = readDates(given.on);
  if (dates.length > 1) throw new ValidationError([{ path: "options.on", message: "must be one date" }]);
  const on = dates[0]!;
  const window = readWindowDays(given.window, 30, "options.window");
  const context = usageContext(options, rules);
  const share = exactQuotient(rules, "f.customers", "a.active_customers", RATE_SCALE, { widen: true });
  const sql = `WITH ${usageEventsCte(context, on, undefined)},
window_events AS (
  -- The ${window} days ending on ${formatCalendarDate(on)}.
  SELECT customer_id, user_id, feature, event_count FROM recent_events WHERE ${rules.daysBetween("event_date", dateLiteral(on))} < ${window}
),
active AS (
  SELECT COUNT(DISTINCT customer_id) AS active_customers FROM window_events
),
active_pairs AS (
  SELECT COUNT(*) AS active_users FROM (SELECT DISTINCT customer_id, user_id FROM window_events) pairs
),
feature_users AS (
  SELECT feature, customer_id, user_id, SUM(event_count) AS events
  FROM window_events
  WHERE feature IS NOT NULL
  GROUP BY feature, customer_id, user_id
),
features AS (
  SELECT feature, COUNT(DISTINCT customer_id) AS customers, COUNT(*) AS users, SUM(events) AS events
  FROM feature_users
  GROUP BY feature
)
SELECT
  f.feature AS feature,
  f.customers AS customers,
  f.users AS users,
  f.events AS events,
  ${share} AS customer_share,
  a.active_customers AS active_customers,
  p.active_users AS active_users
FROM features f
CROSS JOIN active a
CROSS JOIN active_pairs p
ORDER BY f.feature`;
  return { sql, columns: FEATURE_ADOPTION_COLUMNS };
}

/** Tells the usage option sets apart from the others, for `toSql`'s dispatch. */
export function isUsageMetric(metric: string): metric is UsageSqlMetric {
  return metric === "usageSnapshots" || metric === "featureAdoption";
}

/**
 * The usage metric sets, read from an events table:
 * - `usageSnapshots`: one row per customer and date (as `usageSnapshots`);
 * - `featureAdoption`: one row per feature used in the window (as `featureAdoption`).
 */
export type UsageSqlMetric = "usageSnapshots" | "featureAdoption";

/** Compiles a usage metric set. */
export function usageSql(metric: UsageSqlMetric, options: UsageSnapshotsSqlOptions | FeatureAdoptionSqlOptions, rules: DialectRules): CompiledUsageQuery {
  return metric === "usageSnapshots"
    ? usageSnapshotsSql(options as UsageSnapshotsSqlOptions, rules)
    : featureAdoptionSql(options as FeatureAdoptionSqlOptions, rules);
}
