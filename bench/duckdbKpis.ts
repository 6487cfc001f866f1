/**
 * The DuckDB baseline: the same JavaScript rows appended to an in-memory DuckDB table (as text, in
 * data chunks of 2048 rows) and the yearly revenue KPIs computed by SQL with DECIMAL money. Amounts
 * are annualised by an integer factor (12, 4 or 1), so every money sum is exact; NRR and GRR are a
 * DECIMAL ratio (DuckDB returns a DOUBLE) and lost revenue divides by days in a month, so those three
 * are compared with a tolerance.
 * @module
 */
import { DuckDBDataChunk, DuckDBInstance, VARCHAR } from "@duckdb/node-api";
import type { KpiFigures } from "./floatKpis.js";
import type { RawContract } from "./generateContracts.js";

const CHUNK_ROWS = 2048;

/** Timings of one DuckDB run (ms) and its figures. */
export interface DuckdbRun {
  readonly loadMs: number;
  readonly queryMs: number;
  readonly figures: KpiFigures;
}

function kpiSql(periodStart: string, periodEnd: string): string {
  return `
WITH lines AS (
  SELECT customer_id,
         CAST(start_text AS DATE) AS s,
         CAST(end_text AS DATE) AS e,
         CAST(amount_text AS DECIMAL(18, 2)) * CASE interval_text WHEN 'month' THEN 12 WHEN 'quarter' THEN 4 ELSE 1 END AS arr
  FROM contracts
), per_customer AS (
  SELECT customer_id,
         COALESCE(SUM(arr) FILTER (WHERE s < DATE '${periodStart}' AND (e IS NULL OR e >= DATE '${periodStart}')), 0) AS m0,
         COALESCE(SUM(arr) FILTER (WHERE e IS NULL OR e >= DATE '${periodEnd}'), 0) AS m1,
         COALESCE(BOOL_OR(s < DATE '${periodStart}'), false) AS had_before,
         MAX(e) FILTER (WHERE e >= DATE '${periodStart}' AND e < DATE '${periodEnd}') AS last_end
  FROM lines
  WHERE arr > 0 AND s < DATE '${periodEnd}'
  GROUP BY customer_id
), churned AS (
  SELECT m0,
         date_trunc('month', last_end) + INTERVAL 1 MONTH AS next_month,
         last_end
  FROM per_customer WHERE m0 > 0 AND m1 = 0
)
SELECT
  CAST(SUM(m0) AS VARCHAR) AS starting_arr,
  CAST(SUM(m1) AS VARCHAR) AS ending_arr,
  CAST(COALESCE(SUM(m1) FILTER (WHERE m0 = 0 AND NOT had_before), 0) AS VARCHAR) AS new_arr,
  CAST(COALESCE(SUM(m1) FILTER (WHERE m0 = 0 AND had_before), 0) AS VARCHAR) AS reactivation_arr,
  CAST(COALESCE(SUM(m1 - m0) FILTER (WHERE m0 > 0 AND m1 > m0), 0) AS VARCHAR) AS expansion_arr,
  CAST(COALESCE(SUM(m0 - m1) FILTER (WHERE m1 > 0 AND m1 < m0), 0) AS VARCHAR) AS contraction_arr,
  CAST(COALESCE(SUM(m0) FILTER (WHERE m0 > 0 AND m1 = 0), 0) AS VARCHAR) AS churned_arr,
  COUNT(*) FILTER (WHERE m0 > 0) AS starting_customers,
  COUNT(*) FILTER (WHERE m0 > 0 AND m1 = 0) AS churned_customers,
  COUNT(*) FILTER (WHERE m0 = 0 AND m1 > 0 AND NOT had_before) AS new_customers,
  CAST(SUM(m1) FILTER (WHERE m0 > 0) / SUM(m0) AS VARCHAR) AS nrr,
  CAST(SUM(LEAST(m0, m1)) FILTER (WHERE m0 > 0) / SUM(m0) AS VARCHAR) AS grr,
  (SELECT CAST(SUM(CAST(m0 AS DOUBLE) / 12 * (
      datediff('day', last_end, next_month)::DOUBLE / datediff('day', date_trunc('month', last_end), next_month)
      + datediff('month', next_month, DATE '${periodEnd}'))) AS VARCHAR)
   FROM churned) AS lost_revenue
FROM per_customer`;
}

/** Loads `rows` into a fresh in-memory DuckDB and computes the KPIs of `[periodStart, periodEnd)`. */
export async function duckdbRevenueKpis(rows: readonly RawContract[], periodStart: string, periodEnd: string): Promise<DuckdbRun> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
  const connection = await instance.connect();
  try {
    const loadStart = performance.now();
    await connection.run(
      "CREATE TABLE contracts (id VARCHAR, customer_id VARCHAR, start_text VARCHAR, end_text VARCHAR, amount_text VARCHAR, interval_text VARCHAR)",
    );
    const appender = await connection.createAppender("contracts");
    const types = [VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR];
    for (let from = 0; from < rows.length; from += CHUNK_ROWS) {
      const slice = rows.slice(from, from + CHUNK_ROWS);
      const chunk = DuckDBDataChunk.create(types, slice.length);
      chunk.setColumns([
        slice.map((row) => row.id),
        slice.map((row) => row.customerId),
        slice.map((row) => row.start),
        slice.map((row) => row.end ?? null),
        slice.map((row) => String(row.amount)),
        slice.map((row) => row.interval),
      ]);
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
    appender.closeSync();
    const loadMs = performance.now() - loadStart;
    const queryStart = performance.now();
    const reader = await connection.runAndReadAll(kpiSql(periodStart, periodEnd));
    const queryMs = performance.now() - queryStart;
    const row = reader.getRowObjectsJson()[0]!;
    const text = (key: string): string => String(row[key] ?? "0");
    return {
      loadMs,
      queryMs,
      figures: {
        startingArr: text("starting_arr"),
        endingArr: text("ending_arr"),
        newArr: text("new_arr"),
        reactivationArr: text("reactivation_arr"),
        expansionArr: text("expansion_arr"),
        contractionArr: text("contraction_arr"),
        churnedArr: text("churned_arr"),
        startingCustomers: Number(row["starting_customers"]),
        churnedCustomers: Number(row["churned_customers"]),
        newCustomers: Number(row["new_customers"]),
        nrr: text("nrr"),
        grr: text("grr"),
        lostRevenue: text("lost_revenue"),
      },
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
