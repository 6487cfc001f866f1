/**
 * The common start of every revenue query: the caller's contract table read into exact MRR units,
 * and the per-customer period rows classified exactly as `evaluatePeriod` does (DOMAIN.md §1–2).
 * @module
 */
import { formatCalendarDate } from "../dates/calendarDate.js";
import type { ResolvedPeriod } from "../dates/period.js";
import { type MonthlyConversions, type PositiveFraction, monthsPerInterval } from "../revenue/monthlyConversion.js";
import type { LinesMode } from "../revenue/openLines.js";
import type { DialectRules } from "./dialect.js";

/**
 * Every line's MRR is held as an integer number of units of 1 / (10^amountScale · MONTHS_DENOMINATOR)
 * currency. 332,640 = 12 · 27,720 = 12 · lcm(1, …, 12): a multiple of the months of any line whose
 * interval count divides 27,720 (1–12, 14, 15, 18, 20, 21, 22, 24, 28, 30, 33, 35, 36, 40, …).
 */
export const MONTHS_DENOMINATOR = 332_640n;

/** Caller's contract columns, each already quoted, or a typed `NULL` for an optional column the table lacks. */
export interface ContractColumnSql {
  readonly id: string;
  readonly customerId: string;
  readonly start: string;
  readonly end: string;
  readonly amount: string;
  readonly interval: string;
  readonly intervalCount: string;
  /** The product column (read under `lines: "supersede"` only), or a `NULL` when the table has none. */
  readonly product: string;
}

/** What a revenue statement is compiled from. */
export interface RevenueQueryContext {
  readonly rules: DialectRules;
  /** Quoted contract table. */
  readonly contracts: string;
  readonly columns: ContractColumnSql;
  readonly amountScale: number;
  readonly resolved: ResolvedPeriod;
  /**
   * The segment of a contract row, an SQL expression over the contract table (aliased
   * `contract_table`): then `contract_rows` and `contract_lines` carry a `segment` column.
   */
  readonly segment?: string;
  /** Weeks and days per month (their denominators divide 12: see {@link sqlConversionProblem}). */
  readonly conversions: MonthlyConversions;
  /** How a customer's lines combine, as `contractBook`'s `lines` option (default `"separate"`). */
  readonly lines: LinesMode;
}

/**
 * Why a weeks- or days-per-month fraction cannot be compiled, or `null`: its denominator must divide
 * 12, so that an amount's MRR units (MONTHS_DENOMINATOR × per month / interval count) stay whole for
 * every interval count that divides 27,720 — as for months.
 */
export function sqlConversionProblem(fraction: PositiveFraction): string | null {
  return 12n % fraction.denominator === 0n ? null : `must have a denominator dividing 12 in SQL (e.g. "52/12", 4, "365/12", 30)`;
}

/** MRR units (of 1 / MONTHS_DENOMINATOR) of one amount of an interval with an interval count of 1. */
function intervalUnits(interval: "month" | "quarter" | "year" | "week" | "day", conversions: MonthlyConversions): string {
  const { months, divisor } = monthsPerInterval(interval, conversions);
  return String((MONTHS_DENOMINATOR * BigInt(divisor)) / BigInt(months));
}

/** `DATE 'YYYY-MM-DD'` of an epoch day (the text comes from our own formatter, never the caller). */
export function dateLiteral(day: number): string {
  return `DATE '${formatCalendarDate(day)}'`;
}

/** Units per currency unit: 10^amountScale · {@link MONTHS_DENOMINATOR}. */
export function unitsPerCurrencyUnit(context: RevenueQueryContext): bigint {
  return 10n ** BigInt(context.amountScale) * MONTHS_DENOMINATOR;
}

function failure(rules: DialectRules, id: string, problem: string): string {
  return rules.fail(`CONCAT('cs-metrics: contract ', ${rules.toText(id)}, ': ${problem}')`);
}

/** Null-safe equality of the product of two row aliases (an absent product is one product). */
function sameProduct(a: string, b: string): string {
  return `(${a}.product = ${b}.product OR (${a}.product IS NULL AND ${b}.product IS NULL))`;
}

/**
 * Under `lines: "supersede"`, CTEs `superseded_on` and `settled_rows`: an open-ended row ends on the
 * first later start day of a row of its customer and product, as `contractBook(…, { lines:
 * "supersede" })` does (rows starting the same day never end each other).
 */
function supersedeCtes(segment: boolean): string {
  return `superseded_on AS (
  -- lines: "supersede": an open-ended line ends where the next line of its customer and product starts (a later day).
  SELECT open_rows.customer_id, open_rows.product, open_rows.start_date, MIN(later.start_date) AS new_end
  FROM (SELECT DISTINCT customer_id, product, start_date FROM contract_rows WHERE end_date IS NULL) AS open_rows
  JOIN contract_rows AS later
    ON later.customer_id = open_rows.customer_id AND ${sameProduct("later", "open_rows")} AND later.start_date > open_rows.start_date
  GROUP BY open_rows.customer_id, open_rows.product, open_rows.start_date
),
settled_rows AS (
  SELECT r.id, r.customer_id, r.start_date, COALESCE(r.end_date, s.new_end) AS end_date, r.amount, r.interval_units, r.interval_count${segment ? ", r.segment" : ""}
  FROM contract_rows AS r
  LEFT JOIN superseded_on AS s
    ON r.end_date IS NULL AND s.customer_id = r.customer_id AND ${sameProduct("s", "r")} AND s.start_date = r.start_date
),
`;
}

/**
 * CTEs `contract_rows` (the caller's columns under our names, with months per amount) and
 * `contract_lines` (customer, dates, MRR units) — with `lines: "supersede"`, the rows' ends settled
 * first (see {@link supersedeCtes}). A line that the library would reject stops the query with an
 * error naming the contract.
 */
export function contractLinesCtes(context: RevenueQueryContext): string {
  const { rules, columns: c, amountScale } = context;
  const scale = rules.integer(10n ** BigInt(amountScale));
  const amountType = rules.name === "bigquery" ? "NUMERIC" : rules.decimalType(amountScale);
  const scaledAmount = `CAST(CAST(amount AS ${amountType}) * ${scale} AS ${rules.integerType})`;
  const fail = (problem: string): string => failure(rules, "id", problem);
  const supersede = context.lines === "supersede";
  return `contract_rows AS (
  SELECT
    ${c.id} AS id,
    ${c.customerId} AS customer_id,
    ${c.start} AS start_date,
    ${c.end} AS end_date,
    ${c.amount} AS amount,
    -- MRR units of one amount per interval: ${MONTHS_DENOMINATOR} / months it covers.
    CASE COALESCE(${c.interval}, 'month') ${(["month", "quarter", "year", "week", "day"] as const).map((interval) => `WHEN '${interval}' THEN ${intervalUnits(interval, context.conversions)}`).join(" ")} END AS interval_units,
    COALESCE(${c.intervalCount}, 1) AS interval_count${context.segment === undefined ? "" : `,\n    ${context.segment} AS segment`}${supersede ? `,\n    ${c.product} AS product` : ""}
  FROM ${context.contracts}${context.segment === undefined ? "" : " AS contract_table"}
),
${supersede ? supersedeCtes(context.segment !== undefined) : ""}contract_lines AS (
  SELECT
    customer_id,
    start_date,
    end_date,
    CASE
      WHEN customer_id IS NULL THEN ${fail("customer id is missing")}
      WHEN start_date IS NULL THEN ${fail("start date is missing")}
      WHEN end_date <= start_date THEN ${fail("end must be after start")}
      WHEN amount IS NULL OR amount < 0 THEN ${fail("amount must be a number >= 0")}
      WHEN ROUND(amount, ${amountScale}) <> amount THEN ${fail(`amount has more than ${amountScale} decimal places (raise amountScale)`)}
      WHEN interval_units IS NULL OR interval_count < 1 THEN ${fail("interval must be month, quarter, year, week or day and interval count >= 1")}
      WHEN MOD(interval_units, interval_count) <> 0 THEN ${fail(`interval count must divide ${MONTHS_DENOMINATOR / 12n}`)}
      ELSE ${scaledAmount} * ${rules.integerDivide("interval_units", "interval_count")}
    END AS mrr_units${context.segment === undefined ? "" : ",\n    segment"}
  FROM ${supersede ? "settled_rows" : "contract_rows"}
)`;
}

/**
 * CTEs `customer_periods` (M0, M1, revenue before the period, last end inside it) and
 * `customer_movements` (the classification of periodRows.ts, one row per customer with MRR at
 * either end).
 */
export function customerMovementCtes(context: RevenueQueryContext): string {
  const dayBefore = dateLiteral(context.resolved.startDay - 1);
  const lastDay = dateLiteral(context.resolved.endDay - 1);
  return `customer_periods AS (
  -- M0 on the day before the period, M1 on its last day; lines active on [${formatCalendarDate(context.resolved.startDay - 1)}, ${formatCalendarDate(context.resolved.endDay - 1)}].
  SELECT
    customer_id,
    SUM(CASE WHEN start_date <= ${dayBefore} AND (end_date IS NULL OR end_date > ${dayBefore}) THEN mrr_units ELSE 0 END) AS starting_units,
    SUM(CASE WHEN end_date IS NULL OR end_date > ${lastDay} THEN mrr_units ELSE 0 END) AS ending_units,
    MAX(CASE WHEN start_date <= ${dayBefore} THEN 1 ELSE 0 END) AS had_revenue_before,
    MAX(CASE WHEN end_date > ${dayBefore} AND end_date <= ${lastDay} THEN end_date END) AS last_revenue_end
  FROM contract_lines
  WHERE mrr_units > 0 AND start_date <= ${lastDay}
  GROUP BY customer_id
),
customer_movements AS (
  SELECT
    customer_id,
    starting_units,
    ending_units,
    CASE
      WHEN starting_units = 0 AND had_revenue_before = 1 THEN 'reactivation'
      WHEN starting_units = 0 THEN 'new'
      WHEN ending_units = 0 THEN 'churn'
      WHEN ending_units > starting_units THEN 'expansion'
      WHEN ending_units < starting_units THEN 'contraction'
      ELSE 'flat'
    END AS movement,
    CASE WHEN starting_units > 0 AND ending_units = 0 THEN last_revenue_end END AS churn_date
  FROM customer_periods
  WHERE starting_units > 0 OR ending_units > 0
)`;
}
