WITH
contract_rows AS (
  SELECT
    "id" AS id,
    "customer_id" AS customer_id,
    "start_date" AS start_date,
    "end_date" AS end_date,
    "amount" AS amount,
    -- MRR units of one amount per interval: 332640 / months it covers.
    CASE COALESCE("interval", 'month') WHEN 'month' THEN 332640 WHEN 'quarter' THEN 110880 WHEN 'year' THEN 27720 WHEN 'week' THEN 1441440 WHEN 'day' THEN 10117800 END AS interval_units,
    COALESCE("interval_count", 1) AS interval_count
  FROM "contracts"
),
contract_lines AS (
  SELECT
    customer_id,
    start_date,
    end_date,
    CASE
      WHEN customer_id IS NULL THEN error(CONCAT('cs-metrics: contract ', CAST(id AS VARCHAR), ': customer id is missing'))
      WHEN start_date IS NULL THEN error(CONCAT('cs-metrics: contract ', CAST(id AS VARCHAR), ': start date is missing'))
      WHEN end_date <= start_date THEN error(CONCAT('cs-metrics: contract ', CAST(id AS VARCHAR), ': end must be after start'))
      WHEN amount IS NULL OR amount < 0 THEN error(CONCAT('cs-metrics: contract ', CAST(id AS VARCHAR), ': amount must be a number >= 0'))
      WHEN ROUND(amount, 4) <> amount THEN error(CONCAT('cs-metrics: contract ', CAST(id AS VARCHAR), ': amount has more than 4 decimal places (raise amountScale)'))
      WHEN interval_units IS NULL OR interval_count < 1 THEN error(CONCAT('cs-metrics: contract ', CAST(id AS VARCHAR), ': interval must be month, quarter, year, week or day and interval count >= 1'))
      WHEN MOD(interval_units, interval_count) <> 0 THEN error(CONCAT('cs-metrics: contract ', CAST(id AS VARCHAR), ': interval count must divide 27720'))
      ELSE CAST(CAST(amount AS DECIMAL(38, 4)) * 10000 AS HUGEINT) * (interval_units) // (interval_count)
    END AS mrr_units
  FROM contract_rows
),
cohort_months AS (
  SELECT 0 AS month_index, '2025-04' AS month_label, DATE '2025-04-01' AS month_start, DATE '2025-04-30' AS last_day
  UNION ALL
  SELECT 1, '2025-05', DATE '2025-05-01', DATE '2025-05-31'
  UNION ALL
  SELECT 2, '2025-06', DATE '2025-06-01', DATE '2025-06-30'
  UNION ALL
  SELECT 3, '2025-07', DATE '2025-07-01', DATE '2025-07-31'
  UNION ALL
  SELECT 4, '2025-08', DATE '2025-08-01', DATE '2025-08-31'
  UNION ALL
  SELECT 5, '2025-09', DATE '2025-09-01', DATE '2025-09-30'
  UNION ALL
  SELECT 6, '2025-10', DATE '2025-10-01', DATE '2025-10-31'
  UNION ALL
  SELECT 7, '2025-11', DATE '2025-11-01', DATE '2025-11-30'
  UNION ALL
  SELECT 8, '2025-12', DATE '2025-12-01', DATE '2025-12-31'
  UNION ALL
  SELECT 9, '2026-01', DATE '2026-01-01', DATE '2026-01-31'
  UNION ALL
  SELECT 10, '2026-02', DATE '2026-02-01', DATE '2026-02-28'
  UNION ALL
  SELECT 11, '2026-03', DATE '2026-03-01', DATE '2026-03-31'
),
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
  CAST(
      (b.base_units) // (3326400000) * 1000000000000000000
      + (MOD(b.base_units, 3326400000) * 1000000000) // (3326400000) * 1000000000
      + (MOD(MOD(b.base_units, 3326400000) * 1000000000, 3326400000) * 1000000000) // (3326400000)
    AS DECIMAL(38, 0)) * 0.000000000000000001 AS starting_mrr,
  b.month_index - b.cohort_index AS months_since_start,
  observed.month_label AS month,
  b.active_customers AS active_customers,
  CAST(
      (b.units) // (3326400000) * 1000000000000000000
      + (MOD(b.units, 3326400000) * 1000000000) // (3326400000) * 1000000000
      + (MOD(MOD(b.units, 3326400000) * 1000000000, 3326400000) * 1000000000) // (3326400000)
    AS DECIMAL(38, 0)) * 0.000000000000000001 AS mrr,
  CASE WHEN b.customers = 0 THEN NULL ELSE CAST(
      (CAST(b.active_customers AS HUGEINT)) // (CAST(b.customers AS HUGEINT)) * 10000000000000000000000000000
      + (MOD(CAST(b.active_customers AS HUGEINT), CAST(b.customers AS HUGEINT)) * 100000000000000) // (CAST(b.customers AS HUGEINT)) * 100000000000000
      + (MOD(MOD(CAST(b.active_customers AS HUGEINT), CAST(b.customers AS HUGEINT)) * 100000000000000, CAST(b.customers AS HUGEINT)) * 100000000000000) // (CAST(b.customers AS HUGEINT))
    AS DECIMAL(38, 0)) * 0.0000000000000000000000000001 END AS logo_retention,
  CASE WHEN b.base_units = 0 THEN NULL ELSE CAST(
      (CAST(b.units AS HUGEINT)) // (CAST(b.base_units AS HUGEINT)) * 10000000000000000000000000000
      + (MOD(CAST(b.units AS HUGEINT), CAST(b.base_units AS HUGEINT)) * 100000000000000) // (CAST(b.base_units AS HUGEINT)) * 100000000000000
      + (MOD(MOD(CAST(b.units AS HUGEINT), CAST(b.base_units AS HUGEINT)) * 100000000000000, CAST(b.base_units AS HUGEINT)) * 100000000000000) // (CAST(b.base_units AS HUGEINT))
    AS DECIMAL(38, 0)) * 0.0000000000000000000000000001 END AS revenue_retention
FROM cohort_bases AS b
JOIN cohort_months AS cohort ON cohort.month_index = b.cohort_index
JOIN cohort_months AS observed ON observed.month_index = b.month_index
ORDER BY b.cohort_index, b.month_index;
