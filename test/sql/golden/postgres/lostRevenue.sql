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
      WHEN customer_id IS NULL THEN CAST(CONCAT('cs-metrics: contract ', CAST(id AS VARCHAR), ': customer id is missing') AS NUMERIC)
      WHEN start_date IS NULL THEN CAST(CONCAT('cs-metrics: contract ', CAST(id AS VARCHAR), ': start date is missing') AS NUMERIC)
      WHEN end_date <= start_date THEN CAST(CONCAT('cs-metrics: contract ', CAST(id AS VARCHAR), ': end must be after start') AS NUMERIC)
      WHEN amount IS NULL OR amount < 0 THEN CAST(CONCAT('cs-metrics: contract ', CAST(id AS VARCHAR), ': amount must be a number >= 0') AS NUMERIC)
      WHEN ROUND(amount, 4) <> amount THEN CAST(CONCAT('cs-metrics: contract ', CAST(id AS VARCHAR), ': amount has more than 4 decimal places (raise amountScale)') AS NUMERIC)
      WHEN interval_units IS NULL OR interval_count < 1 THEN CAST(CONCAT('cs-metrics: contract ', CAST(id AS VARCHAR), ': interval must be month, quarter, year, week or day and interval count >= 1') AS NUMERIC)
      WHEN MOD(interval_units, interval_count) <> 0 THEN CAST(CONCAT('cs-metrics: contract ', CAST(id AS VARCHAR), ': interval count must divide 27720') AS NUMERIC)
      ELSE CAST(CAST(amount AS NUMERIC(38, 4)) * 10000 AS NUMERIC) * DIV(interval_units, interval_count)
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
period_months AS (
  SELECT DATE '2025-04-01' AS month_start, DATE '2025-05-01' AS month_end, 12586 AS parts_per_day
  UNION ALL
  SELECT DATE '2025-05-01', DATE '2025-06-01', 12180
  UNION ALL
  SELECT DATE '2025-06-01', DATE '2025-07-01', 12586
  UNION ALL
  SELECT DATE '2025-07-01', DATE '2025-08-01', 12180
  UNION ALL
  SELECT DATE '2025-08-01', DATE '2025-09-01', 12180
  UNION ALL
  SELECT DATE '2025-09-01', DATE '2025-10-01', 12586
  UNION ALL
  SELECT DATE '2025-10-01', DATE '2025-11-01', 12180
  UNION ALL
  SELECT DATE '2025-11-01', DATE '2025-12-01', 12586
  UNION ALL
  SELECT DATE '2025-12-01', DATE '2026-01-01', 12180
  UNION ALL
  SELECT DATE '2026-01-01', DATE '2026-02-01', 12180
  UNION ALL
  SELECT DATE '2026-02-01', DATE '2026-03-01', 13485
  UNION ALL
  SELECT DATE '2026-03-01', DATE '2026-04-01', 12180
),
churn_losses AS (
  -- month proration: each month after the churn date counts 1, a partial month its remaining days / its days
  SELECT
    c.customer_id,
    c.churn_date,
    c.starting_units,
    (DATE '2026-04-01' - c.churn_date) AS remaining_days,
    SUM((m.month_end - GREATEST(m.month_start, c.churn_date)) * m.parts_per_day) AS remaining_parts
  FROM customer_movements AS c
  JOIN period_months AS m ON m.month_end > c.churn_date
  WHERE c.movement = 'churn'
  GROUP BY c.customer_id, c.churn_date, c.starting_units
),
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
  customer_id AS customer_id,
  churn_date AS churn_date,
  CAST((
      DIV(arr_units, 3326400000) * 1000000000000000000
      + DIV(MOD(arr_units, 3326400000) * 1000000000, 3326400000) * 1000000000
      + DIV(MOD(MOD(arr_units, 3326400000) * 1000000000, 3326400000) * 1000000000, 3326400000)
    ) * 0.000000000000000001 AS NUMERIC(38, 18)) AS base_arr,
  remaining_days AS remaining_days,
  CAST((
      DIV(CAST(remaining_parts AS NUMERIC), 377580) * 10000000000000000000000000000
      + DIV(MOD(CAST(remaining_parts AS NUMERIC), 377580) * 100000000000000, 377580) * 100000000000000
      + DIV(MOD(MOD(CAST(remaining_parts AS NUMERIC), 377580) * 100000000000000, 377580) * 100000000000000, 377580)
    ) * 0.0000000000000000000000000001 AS NUMERIC(38, 28)) AS remaining_months,
  CAST((
      DIV(lost_parts, 1255982112000000) * 1000000000000000000
      + DIV(MOD(lost_parts, 1255982112000000) * 1000000000, 1255982112000000) * 1000000000
      + DIV(MOD(MOD(lost_parts, 1255982112000000) * 1000000000, 1255982112000000) * 1000000000, 1255982112000000)
    ) * 0.000000000000000001 AS NUMERIC(38, 18)) AS lost_revenue
FROM customer_losses
ORDER BY customer_id;
