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
customer_periods AS (
  -- M0 on the day before the period, M1 on its last day; lines active on [2025-03-31, 2026-03-31].
  SELECT
    customer_id,
    SUM(CASE WHEN start_date <= DATE '2025-03-31' AND (end_date IS NULL OR end_date > DATE '2025-03-31') THEN mrr_units ELSE 0 END) AS starting_units,
    SUM(CASE WHEN end_date IS NULL OR end_date > DATE '2026-03-31' THEN mrr_units ELSE 0 END) AS ending_units,
    MAX(CASE WHEN start_date <= DATE '2025-03-31' THEN 1 ELSE 0 END) AS had_revenue_before,
    MAX(CASE WHEN end_date > DATE '2025-03-31' AND end_date <= DATE '2026-03-31' THEN end_date END) AS last_revenue_end
  FROM contract_lines
  WHERE mrr_units > 0 AND start_date <= DATE '2026-03-31'
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
),
customer_changes AS (
  SELECT customer_id, movement, starting_units, ending_units, ending_units - starting_units AS change_units
  FROM customer_movements
)
SELECT
  customer_id AS customer_id,
  movement AS movement,
  CAST(
      (starting_units) // (3326400000) * 1000000000000000000
      + (MOD(starting_units, 3326400000) * 1000000000) // (3326400000) * 1000000000
      + (MOD(MOD(starting_units, 3326400000) * 1000000000, 3326400000) * 1000000000) // (3326400000)
    AS DECIMAL(38, 0)) * 0.000000000000000001 AS starting_mrr,
  CAST(
      (ending_units) // (3326400000) * 1000000000000000000
      + (MOD(ending_units, 3326400000) * 1000000000) // (3326400000) * 1000000000
      + (MOD(MOD(ending_units, 3326400000) * 1000000000, 3326400000) * 1000000000) // (3326400000)
    AS DECIMAL(38, 0)) * 0.000000000000000001 AS ending_mrr,
  SIGN(change_units) * CAST(
      (ABS(change_units)) // (3326400000) * 1000000000000000000
      + (MOD(ABS(change_units), 3326400000) * 1000000000) // (3326400000) * 1000000000
      + (MOD(MOD(ABS(change_units), 3326400000) * 1000000000, 3326400000) * 1000000000) // (3326400000)
    AS DECIMAL(38, 0)) * 0.000000000000000001 AS change
FROM customer_changes
ORDER BY customer_id;
