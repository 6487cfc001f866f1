/**
 * Lost revenue (逸失金額, DOMAIN.md §4) in SQL: the CTEs that count, for each churned customer, the
 * part of the period remaining after its churn date in exact integer "parts" of a month.
 * @module
 */
import { addMonthsToDay, daysInMonth, partsOf, startOfMonthDay } from "../dates/calendarDate.js";
import type { Proration } from "../lostRevenue/lostRevenue.js";
import { type RevenueQueryContext, dateLiteral } from "./contractLinesSql.js";

/** lcm(28, 29, 30, 31): with month proration, one month is this many parts (a day of a 30-day month is 12,586). */
export const PARTS_PER_MONTH_BY_MONTH = 377_580n;
/** With day proration, remaining months = days · 12 / 365: one month is 365 parts and a day 12. */
export const PARTS_PER_MONTH_BY_DAY = 365n;

/** Parts in one month under a proration. */
export function partsPerMonth(proration: Proration): bigint {
  return proration === "month" ? PARTS_PER_MONTH_BY_MONTH : PARTS_PER_MONTH_BY_DAY;
}

/**
 * `period_months`: the calendar months overlapping the period, each with its first day, its end
 * clipped to the period's end, and the parts one of its days is worth (lcm / days in the month).
 */
function periodMonthsCte(context: RevenueQueryContext): string {
  const { startDay, endDay } = context.resolved;
  const rows: string[] = [];
  for (let month = startOfMonthDay(startDay); month < endDay; month = addMonthsToDay(month, 1)) {
    const { year, month: monthOfYear } = partsOf(month);
    const weight = PARTS_PER_MONTH_BY_MONTH / BigInt(daysInMonth(year, monthOfYear));
    const end = Math.min(addMonthsToDay(month, 1), endDay);
    const columns = rows.length === 0
      ? `${dateLiteral(month)} AS month_start, ${dateLiteral(end)} AS month_end, ${weight} AS parts_per_day`
      : `${dateLiteral(month)}, ${dateLiteral(end)}, ${weight}`;
    rows.push(`  SELECT ${columns}`);
  }
  return `period_months AS (\n${rows.join("\n  UNION ALL\n")}\n)`;
}

/**
 * CTEs ending in `churn_losses`: one row per churned customer with `churn_date`, `starting_units`
 * (M0), `remaining_days` and `remaining_parts` (months remaining · {@link partsPerMonth}). Lost
 * revenue in units = starting_units · remaining_parts / partsPerMonth.
 */
export function churnLossCtes(context: RevenueQueryContext, proration: Proration): string {
  const { rules } = context;
  const periodEnd = dateLiteral(context.resolved.endDay);
  const remainingDays = rules.daysBetween("c.churn_date", periodEnd);
  if (proration === "day") {
    return `churn_losses AS (
  -- day proration: remaining months = remaining days * 12 / 365
  SELECT
    c.customer_id,
    c.churn_date,
    c.starting_units,
    ${remainingDays} AS remaining_days,
    ${remainingDays} * 12 AS remaining_parts
  FROM customer_movements AS c
  WHERE c.movement = 'churn'
)`;
  }
  return `${periodMonthsCte(context)},
churn_losses AS (
  -- month proration: each month after the churn date counts 1, a partial month its remaining days / its days
  SELECT
    c.customer_id,
    c.churn_date,
    c.starting_units,
    ${remainingDays} AS remaining_days,
    SUM(${rules.daysBetween("GREATEST(m.month_start, c.churn_date)", "m.month_end")} * m.parts_per_day) AS remaining_parts
  FROM customer_movements AS c
  JOIN period_months AS m ON m.month_end > c.churn_date
  WHERE c.movement = 'churn'
  GROUP BY c.customer_id, c.churn_date, c.starting_units
)`;
}
