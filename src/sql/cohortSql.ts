/**
 * Monthly start-cohort retention in SQL (the definition of cohortRetention.ts).
 * @module
 */
import { addMonthsToDay, formatMonth, startOfMonthDay } from "../dates/calendarDate.js";
import { type RevenueQueryContext, contractLinesCtes, dateLiteral, unitsPerCurrencyUnit } from "./contractLinesSql.js";
import { MONEY_SCALE, RATE_SCALE, exactQuotient } from "./exactDivision.js";
import type { CompiledQuery } from "./revenueSql.js";

/** Columns of the cohort statement, in order. */
export const COHORT_RETENTION_COLUMNS = [
  "cohort", "customers", "starting_mrr", "months_since_start", "month", "active_customers", "mrr", "logo_retention", "revenue_retention",
] as const;

/**
 * `cohort_months`: the whole calendar months inside the period (a period starting mid-month begins
 * with the next month), numbered from 0, with their last day.
 */
function cohortMonthsCte(context: RevenueQueryContext): string {
  const { startDay, endDay } = context.resolved;
  const monthOfStart = startOfMonthDay(startDay);
  const firstMonth = monthOfStart === startDay ? monthOfStart : addMonthsToDay(monthOfStart, 1);
  const rows: string[] = [];
  for (let month = firstMonth; addMonthsToDay(month, 1) <= endDay; month = addMonthsToDay(month, 1)) {
    const index = rows.length;
    const lastDay = dateLiteral(addMonthsToDay(month, 1) - 1);
    const label = `'${formatMonth(month)}'`;
    rows.push(
      index === 0
        ? `  SELECT 0 AS month_index, ${label} AS month_label, ${dateLiteral(month)} AS month_start, ${lastDay} AS last_day`
        : `  SELECT ${index}, ${label}, ${dateLiteral(month)}, ${lastDay}`,
    );
  }
  // A period shorter than a month has no whole month: an empty table of the same shape.
  if (rows.length === 0) {
    const day = dateLiteral(startDay);
    rows.push(`  SELECT 0 AS month_index, 'none' AS month_label, ${day} AS month_start, ${day} AS last_day FROM (SELECT 1 AS x) AS empty WHERE 1 = 0`);
  }
  return `cohort_months AS (\n${rows.join("\n  UNION ALL\n")}\n)`;
}

/** One row per cohort and month since its start: size, active customers, MRR and both retentions. */
export function cohortRetentionSql(context: RevenueQueryContext): CompiledQuery {
  const { rules } = context;
  const money = (units: string): string =>
    exactQuotient(rules, units, unitsPerCurrencyUnit(context), MONEY_SCALE);
  const rate = (numerator: string, denominator: string): string =>
    exactQuotient(rules, numerator, denominator, RATE_SCALE, { widen: true });
  const sql = `WITH
${contractLinesCtes(context)},
${cohortMonthsCte(context)},
first_revenue AS (
  SELECT customer_id, MIN(start_date) AS first_day
  FROM contract_lines
  WHERE mrr_units > 0
  GROUP BY customer_id
),
cohort_members AS (
  -- a customer's cohort: the month of its first day with MRR, if that is a whole month of the period
  SELECT f.customer_id, m.month_index AS cohort_index
  FROM first_revenue AS f
  JOIN cohort_months AS m ON f.first_day >= m.month_start AND f.first_day <= m.last_day
),
member_months AS (
  -- each member's MRR on the last day of every month from its cohort month on
  SELECT c.cohort_index, c.customer_id, m.month_index, COALESCE(SUM(l.mrr_units), 0) AS units
  FROM cohort_members AS c
  JOIN cohort_months AS m ON m.month_index >= c.cohort_index
  LEFT JOIN contract_lines AS l
    ON l.customer_id = c.customer_id AND l.mrr_units > 0
    AND l.start_date <= m.last_day AND (l.end_date IS NULL OR l.end_date > m.last_day)
  GROUP BY c.cohort_index, c.customer_id, m.month_index
),
cohort_cells AS (
  SELECT
    cohort_index,
    month_index,
    COUNT(*) AS customers,
    COUNT(CASE WHEN units > 0 THEN 1 END) AS active_customers,
    SUM(units) AS units
  FROM member_months
  GROUP BY cohort_index, month_index
),
cohort_bases AS (
  SELECT cell.cohort_index, cell.month_index, cell.customers, cell.active_customers, cell.units, base.units AS base_units
  FROM cohort_cells AS cell
  JOIN cohort_cells AS base ON base.cohort_index = cell.cohort_index AND base.month_index = cell.cohort_index
)
SELECT
  cohort.month_label AS cohort,
  b.customers AS customers,
  ${money("b.base_units")} AS starting_mrr,
  b.month_index - b.cohort_index AS months_since_start,
  observed.month_label AS month,
  b.active_customers AS active_customers,
  ${money("b.units")} AS mrr,
  ${rate("b.active_customers", "b.customers")} AS logo_retention,
  ${rate("b.units", "b.base_units")} AS revenue_retention
FROM cohort_bases AS b
JOIN cohort_months AS cohort ON cohort.month_index = b.cohort_index
JOIN cohort_months AS observed ON observed.month_index = b.month_index
ORDER BY b.cohort_index, b.month_index`;
  return { sql, columns: COHORT_RETENTION_COLUMNS };
}
