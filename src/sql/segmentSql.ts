/**
 * The revenue report by segment in SQL (as `revenueReportBySegment`): each customer's M0 and M1 per
 * segment, classified against its overall movement, entering / leaving segment, and one report row
 * per segment.
 * @module
 */
import { type RevenueQueryContext, contractLinesCtes, customerMovementCtes, dateLiteral, unitsPerCurrencyUnit } from "./contractLinesSql.js";
import { MONEY_SCALE, RATE_SCALE } from "./exactDivision.js";
import { churnLossCtes } from "./lostRevenueSql.js";
import {
  type CompiledQuery,
  type ReportFraction,
  REPORT_BASE_COLUMNS,
  type RevenueReportSqlOptions,
  countIf,
  periodTotalItems,
  pivot,
  quotientCtes,
  reportFractions,
  selectList,
  sumIf,
} from "./revenueSql.js";

/** Columns of the segment report, in order: the segment, the report's columns, then the segment movements. */
export const SEGMENT_REPORT_COLUMNS = [
  "segment",
  ...REPORT_BASE_COLUMNS,
  "entering_segment_mrr", "leaving_segment_mrr", "entering_segment_customers", "leaving_segment_customers", "leaving_segment_rate",
] as const;

/** `segment_periods` and `segment_movements`: one row per customer and segment with MRR at either end. */
function segmentMovementCtes(context: RevenueQueryContext): string {
  const dayBefore = dateLiteral(context.resolved.startDay - 1);
  const lastDay = dateLiteral(context.resolved.endDay - 1);
  return `segment_periods AS (
  SELECT
    customer_id,
    segment,
    SUM(CASE WHEN start_date <= ${dayBefore} AND (end_date IS NULL OR end_date > ${dayBefore}) THEN mrr_units ELSE 0 END) AS starting_units,
    SUM(CASE WHEN end_date IS NULL OR end_date > ${lastDay} THEN mrr_units ELSE 0 END) AS ending_units
  FROM contract_lines
  WHERE mrr_units > 0 AND start_date <= ${lastDay}
  GROUP BY customer_id, segment
),
segment_movements AS (
  -- the customer's movement when new, reactivated or churned overall; else entering, leaving or m1 against m0
  SELECT
    s.customer_id,
    s.segment,
    s.starting_units,
    s.ending_units,
    CASE
      WHEN c.movement IN ('new', 'reactivation', 'churn') THEN c.movement
      WHEN s.starting_units = 0 THEN 'entering_segment'
      WHEN s.ending_units = 0 THEN 'leaving_segment'
      WHEN s.ending_units > s.starting_units THEN 'expansion'
      WHEN s.ending_units < s.starting_units THEN 'contraction'
      ELSE 'flat'
    END AS movement
  FROM segment_periods AS s
  JOIN customer_movements AS c ON c.customer_id = s.customer_id
  WHERE s.starting_units > 0 OR s.ending_units > 0
)`;
}

/** `segment_totals`: the totals per segment, each with an integer key (segments in order, NULL last). */
function segmentTotalsCte(): string {
  const items: [string, string][] = [
    ["segment", "segment"],
    ...periodTotalItems(),
    [sumIf("movement = 'entering_segment'", "ending_units"), "entering_units"],
    [sumIf("movement = 'leaving_segment'", "starting_units"), "leaving_units"],
    [countIf("movement = 'entering_segment'"), "entering_customers"],
    [countIf("movement = 'leaving_segment'"), "leaving_customers"],
  ];
  return `segment_totals AS (
  SELECT
${selectList(items, "    ")}
  FROM segment_movements
  GROUP BY segment
),
segment_losses AS (
  -- lost revenue of a churned customer on its MRR in the segment
  SELECT s.segment, COALESCE(SUM(s.starting_units * l.remaining_parts), 0) AS lost_parts
  FROM segment_movements AS s
  JOIN churn_losses AS l ON l.customer_id = s.customer_id
  WHERE s.movement = 'churn'
  GROUP BY s.segment
)`;
}

/** Numerators per segment: leaving MRR is lost to the segment (revenueReportBySegment's rates). */
function segmentNumeratorsCte(options: RevenueReportSqlOptions): string {
  const reactivation = options.subtractReactivation ? " - t.reactivation_units" : "";
  return `rate_numerators AS (
  SELECT
    t.*,
    ROW_NUMBER() OVER (ORDER BY CASE WHEN t.segment IS NULL THEN 1 ELSE 0 END, t.segment) AS segment_key,
    t.ending_units - t.starting_units AS net_new_units,
    t.starting_units - t.churned_units - t.contraction_units - t.leaving_units AS retained_units,
    t.churned_units + t.contraction_units + t.leaving_units AS gross_churned_units,
    t.churned_units + t.contraction_units + t.leaving_units - t.expansion_units${reactivation} AS net_churned_units,
    t.starting_customers - t.churned_customers AS retained_customers,
    t.churned_customers - t.new_customers AS net_churned_customers,
    COALESCE(l.lost_parts, 0) AS lost_parts
  FROM segment_totals AS t
  LEFT JOIN segment_losses AS l ON l.segment = t.segment OR (l.segment IS NULL AND t.segment IS NULL)
)`;
}

/** The revenue report of every segment: one row per segment with MRR at either end, NULL segment last. */
export function revenueReportBySegmentSql(context: RevenueQueryContext, options: RevenueReportSqlOptions): CompiledQuery {
  const perUnit = unitsPerCurrencyUnit(context);
  const fractions = reportFractions(context, options.proration);
  const money: ReportFraction[] = [...fractions.money, ["entering_segment_mrr", "entering_units", perUnit], ["leaving_segment_mrr", "leaving_units", perUnit]];
  const rates: ReportFraction[] = [...fractions.rates, ["leaving_segment_rate", "leaving_units", "starting_units"]];
  const counts: Record<string, string> = { entering_segment_customers: "entering_customers", leaving_segment_customers: "leaving_customers" };
  const source = (column: string): string =>
    money.some(([name]) => name === column) ? `money.${column}` : rates.some(([name]) => name === column) ? `rates.${column}` : `t.${counts[column] ?? column}`;
  const items = SEGMENT_REPORT_COLUMNS.map((column): [string, string] => [source(column), column]);
  const sql = `WITH
${contractLinesCtes(context)},
${customerMovementCtes(context)},
${churnLossCtes(context, options.proration)},
${segmentMovementCtes(context)},
${segmentTotalsCte()},
${segmentNumeratorsCte(options)},
${quotientCtes(context, "money", money, MONEY_SCALE, "rate_numerators", "segment_key")},
${quotientCtes(context, "rate", rates, RATE_SCALE, "rate_numerators", "segment_key")}
SELECT
${selectList(items)}
FROM rate_numerators AS t
JOIN ${pivot("money", money, true)} AS money ON money.row_key = t.segment_key
JOIN ${pivot("rate", rates, true)} AS rates ON rates.row_key = t.segment_key
ORDER BY t.segment_key`;
  return { sql, columns: SEGMENT_REPORT_COLUMNS };
}
