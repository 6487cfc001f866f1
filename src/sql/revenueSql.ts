/**
 * The revenue statements: the period report (movements, every rate, lost revenue), the per-customer
 * movements and the per-customer lost revenue. Each is one `WITH … SELECT` statement.
 * @module
 */
import type { Proration } from "../lostRevenue/lostRevenue.js";
import {
  type RevenueQueryContext,
  contractLinesCtes,
  customerMovementCtes,
  unitsPerCurrencyUnit,
} from "./contractLinesSql.js";
import { MONEY_SCALE, RATE_SCALE, exactQuotient } from "./exactDivision.js";
import { churnLossCtes, partsPerMonth } from "./lostRevenueSql.js";

/** A compiled statement body and the columns it returns, in order. */
export interface CompiledQuery {
  readonly sql: string;
  readonly columns: readonly string[];
}

/** Options of the revenue report statement. */
export interface RevenueReportSqlOptions {
  readonly proration: Proration;
  readonly subtractReactivation: boolean;
  /** The quick ratio's numerator also counts reactivation. */
  readonly includeReactivation?: boolean;
}

export function selectList(items: readonly (readonly [string, string])[], indent = "  "): string {
  return items.map(([expression, name]) => `${indent}${expression} AS ${name}`).join(",\n");
}

function money(context: RevenueQueryContext, units: string, signed = false): string {
  return exactQuotient(context.rules, units, unitsPerCurrencyUnit(context), MONEY_SCALE, { signed });
}

/** `COALESCE(SUM(CASE WHEN condition THEN value ELSE 0 END), 0)`. */
export const sumIf = (condition: string, value: string): string => `COALESCE(SUM(CASE WHEN ${condition} THEN ${value} ELSE 0 END), 0)`;
/** `COUNT(CASE WHEN condition THEN 1 END)`. */
export const countIf = (condition: string): string => `COUNT(CASE WHEN ${condition} THEN 1 END)`;

/** The sums and counts of periodTotals.ts over rows with `starting_units`, `ending_units` and `movement`. */
export function periodTotalItems(): [string, string][] {
  return [
    ["COALESCE(SUM(starting_units), 0)", "starting_units"],
    ["COALESCE(SUM(ending_units), 0)", "ending_units"],
    [sumIf("movement = 'new'", "ending_units"), "new_units"],
    [sumIf("movement = 'reactivation'", "ending_units"), "reactivation_units"],
    [sumIf("movement = 'expansion'", "ending_units - starting_units"), "expansion_units"],
    [sumIf("movement = 'contraction'", "starting_units - ending_units"), "contraction_units"],
    [sumIf("movement = 'churn'", "starting_units"), "churned_units"],
    [sumIf("starting_units > 0", "ending_units"), "cohort_ending_units"],
    [countIf("starting_units > 0"), "starting_customers"],
    [countIf("ending_units > 0"), "ending_customers"],
    [countIf("movement = 'new'"), "new_customers"],
    [countIf("movement = 'reactivation'"), "reactivated_customers"],
    [countIf("movement = 'expansion'"), "expanded_customers"],
    [countIf("movement = 'contraction'"), "contracted_customers"],
    [countIf("movement = 'churn'"), "churned_customers"],
    [countIf("movement = 'flat'"), "flat_customers"],
  ];
}

/** Totals of the customer rows (periodTotals.ts). */
function periodTotalsCte(): string {
  return `period_totals AS (\n  SELECT\n${selectList(periodTotalItems(), "    ")}\n  FROM customer_movements\n)`;
}

/** Numerators of the rates that are not a single total (rateFormulas.ts). */
function rateNumeratorsCte(options: RevenueReportSqlOptions, perUnit: string): string {
  const reactivation = options.subtractReactivation ? " - t.reactivation_units" : "";
  return `rate_numerators AS (
  SELECT
    t.*,
    t.ending_units - t.starting_units AS net_new_units,
    t.starting_units - t.churned_units - t.contraction_units AS retained_units,
    t.churned_units + t.contraction_units AS gross_churned_units,
    t.churned_units + t.contraction_units - t.expansion_units${reactivation} AS net_churned_units,
    t.starting_customers - t.churned_customers AS retained_customers,
    t.churned_customers - t.new_customers AS net_churned_customers,
    (SELECT COALESCE(SUM(starting_units * remaining_parts), 0) FROM churn_losses) AS lost_parts,
    t.ending_customers * ${perUnit} AS arpa_denominator,
    t.new_units + t.expansion_units${options.includeReactivation === true ? " + t.reactivation_units" : ""} AS quick_ratio_gains
  FROM period_totals AS t
)`;
}

/** Columns of a report over movement totals (the revenue report's, and each segment's), in order. */
export const REPORT_BASE_COLUMNS = [
  "starting_mrr", "ending_mrr", "new_mrr", "reactivation_mrr", "expansion_mrr", "contraction_mrr", "churned_mrr", "net_new_mrr",
  "starting_customers", "ending_customers", "new_customers", "reactivated_customers", "expanded_customers", "contracted_customers",
  "churned_customers", "flat_customers",
  "nrr", "grr", "expansion_rate", "contraction_rate", "revenue_churn_rate", "gross_revenue_churn_rate", "net_revenue_churn_rate",
  "logo_churn_rate", "logo_retention_rate", "net_logo_churn_rate",
  "lost_revenue",
] as const;

/**
 * Columns of the revenue report, in order: the base columns, then ARPA on the period's last day
 * (ending MRR / ending customers) and the quick ratio ((new + expansion [+ reactivation]) / (churn +
 * contraction)).
 */
export const REVENUE_REPORT_COLUMNS = [...REPORT_BASE_COLUMNS, "arpa", "quick_ratio"] as const;

/** One value of the report: its column, numerator and denominator (columns of the source CTE, or a constant). */
export type ReportFraction = readonly [column: string, numerator: string, denominator: string | bigint];

/**
 * A CTE listing fractions as rows (`name`, `numerator`, `denominator`, and `key` when grouped) and
 * one dividing them all: the long division is written, and planned, once rather than once per column.
 */
export function quotientCtes(
  context: RevenueQueryContext,
  name: string,
  fractions: readonly ReportFraction[],
  scale: number,
  source = "rate_numerators",
  key?: string,
): string {
  const { rules } = context;
  const keyColumn = key === undefined ? "" : `${key} AS row_key, `;
  const keyValue = key === undefined ? "" : `${key}, `;
  const rows = fractions.map(([column, numerator, denominator], index) => {
    const d = typeof denominator === "bigint" ? rules.integer(denominator) : denominator;
    const cast = (value: string): string => `CAST(${value} AS ${rules.integerType})`;
    return index === 0
      ? `  SELECT ${keyColumn}'${column}' AS name, ${cast(numerator)} AS numerator, ${cast(d)} AS denominator FROM ${source}`
      : `  SELECT ${keyValue}'${column}', ${cast(numerator)}, ${cast(d)} FROM ${source}`;
  });
  return `${name}_parts AS (
${rows.join("\n  UNION ALL\n")}
),
${name}_values AS (
  SELECT ${key === undefined ? "" : "row_key, "}name, ${exactQuotient(rules, "numerator", "denominator", scale, { signed: true })} AS value
  FROM ${name}_parts
)`;
}

/** `MAX(CASE WHEN name = 'x' THEN value END) AS x, …`: the quotient rows back as columns (per `row_key` when grouped). */
export function pivot(name: string, fractions: readonly ReportFraction[], grouped = false): string {
  const columns = fractions.map(([column]) => `    MAX(CASE WHEN name = '${column}' THEN value END) AS ${column}`).join(",\n");
  return grouped
    ? `(\n  SELECT\n    row_key,\n${columns}\n  FROM ${name}_values\n  GROUP BY row_key\n)`
    : `(\n  SELECT\n${columns}\n  FROM ${name}_values\n)`;
}

/** The money and rate fractions of the report, over the columns of `rate_numerators`. */
export function reportFractions(context: RevenueQueryContext, proration: Proration): { money: ReportFraction[]; rates: ReportFraction[] } {
  const perUnit = unitsPerCurrencyUnit(context);
  const money: ReportFraction[] = [
    ["starting_mrr", "starting_units", perUnit],
    ["ending_mrr", "ending_units", perUnit],
    ["new_mrr", "new_units", perUnit],
    ["reactivation_mrr", "reactivation_units", perUnit],
    ["expansion_mrr", "expansion_units", perUnit],
    ["contraction_mrr", "contraction_units", perUnit],
    ["churned_mrr", "churned_units", perUnit],
    ["net_new_mrr", "net_new_units", perUnit],
    ["lost_revenue", "lost_parts", perUnit * partsPerMonth(proration)],
  ];
  const rates: ReportFraction[] = [
    ["nrr", "cohort_ending_units", "starting_units"],
    ["grr", "retained_units", "starting_units"],
    ["expansion_rate", "expansion_units", "starting_units"],
    ["contraction_rate", "contraction_units", "starting_units"],
    ["revenue_churn_rate", "churned_units", "starting_units"],
    ["gross_revenue_churn_rate", "gross_churned_units", "starting_units"],
    ["net_revenue_churn_rate", "net_churned_units", "starting_units"],
    ["logo_churn_rate", "churned_customers", "starting_customers"],
    ["logo_retention_rate", "retained_customers", "starting_customers"],
    ["net_logo_churn_rate", "net_churned_customers", "starting_customers"],
  ];
  return { money, rates };
}

/** The period's revenue report: one row with movements, logo counts, rates and lost revenue. */
export function revenueReportSql(context: RevenueQueryContext, options: RevenueReportSqlOptions): CompiledQuery {
  const fractions = reportFractions(context, options.proration);
  const money: ReportFraction[] = [...fractions.money, ["arpa", "ending_units", "arpa_denominator"]];
  const rates: ReportFraction[] = [...fractions.rates, ["quick_ratio", "quick_ratio_gains", "gross_churned_units"]];
  const source = (column: string): string =>
    money.some(([name]) => name === column) ? "money" : rates.some(([name]) => name === column) ? "rates" : "t";
  const items = REVENUE_REPORT_COLUMNS.map((column): [string, string] => [`${source(column)}.${column}`, column]);
  const sql = `WITH
${contractLinesCtes(context)},
${customerMovementCtes(context)},
${churnLossCtes(context, options.proration)},
${periodTotalsCte()},
${rateNumeratorsCte(options, context.rules.integer(unitsPerCurrencyUnit(context)))},
${quotientCtes(context, "money", money, MONEY_SCALE)},
${quotientCtes(context, "rate", rates, RATE_SCALE)}
SELECT
${selectList(items)}
FROM rate_numerators AS t
CROSS JOIN ${pivot("money", money)} AS money
CROSS JOIN ${pivot("rate", rates)} AS rates`;
  return { sql, columns: REVENUE_REPORT_COLUMNS };
}

/** Columns of the per-customer movements, in order. */
export const CUSTOMER_MOVEMENT_COLUMNS = ["customer_id", "movement", "starting_mrr", "ending_mrr", "change"] as const;

/** One row per customer with MRR at either end of the period: its movement, M0, M1 and M1 − M0. */
export function customerMovementsSql(context: RevenueQueryContext): CompiledQuery {
  const items: [string, string][] = [
    ["customer_id", "customer_id"],
    ["movement", "movement"],
    [money(context, "starting_units"), "starting_mrr"],
    [money(context, "ending_units"), "ending_mrr"],
    [money(context, "change_units", true), "change"],
  ];
  const sql = `WITH
${contractLinesCtes(context)},
${customerMovementCtes(context)},
customer_changes AS (
  SELECT customer_id, movement, starting_units, ending_units, ending_units - starting_units AS change_units
  FROM customer_movements
)
SELECT
${selectList(items)}
FROM customer_changes
ORDER BY customer_id`;
  return { sql, columns: CUSTOMER_MOVEMENT_COLUMNS };
}

/** Columns of the per-customer lost revenue, in order. */
export const LOST_REVENUE_COLUMNS = ["customer_id", "churn_date", "base_arr", "remaining_days", "remaining_months", "lost_revenue"] as const;

/** One row per churned customer: churn date, prior-year ARR, months remaining and lost revenue. */
export function lostRevenueSql(context: RevenueQueryContext, proration: Proration): CompiledQuery {
  const { rules } = context;
  const parts = partsPerMonth(proration);
  const items: [string, string][] = [
    ["customer_id", "customer_id"],
    ["churn_date", "churn_date"],
    [money(context, "arr_units"), "base_arr"],
    ["remaining_days", "remaining_days"],
    [exactQuotient(rules, "remaining_parts", parts, RATE_SCALE, { widen: true }), "remaining_months"],
    [exactQuotient(rules, "lost_parts", unitsPerCurrencyUnit(context) * parts, MONEY_SCALE), "lost_revenue"],
  ];
  const sql = `WITH
${contractLinesCtes(context)},
${customerMovementCtes(context)},
${churnLossCtes(context, proration)},
customer_losses AS (
  SELECT
    customer_id,
    churn_date,
    starting_units * 12 AS arr_units,
    remaining_days,
    remaining_parts,
    starting_units * remaining_parts AS lost_parts
  FROM churn_losses
)
SELECT
${selectList(items)}
FROM customer_losses
ORDER BY customer_id`;
  return { sql, columns: LOST_REVENUE_COLUMNS };
}
