WITH
contract_rows AS (
  SELECT
    "id" AS id,
    "customer_id" AS customer_id,
    "start_date" AS start_date,
    "end_date" AS end_date,
    "amount" AS amount,
    CASE COALESCE("interval", 'month') WHEN 'month' THEN 1 WHEN 'quarter' THEN 3 WHEN 'year' THEN 12 END
      * COALESCE("interval_count", 1) AS months
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
      WHEN months IS NULL OR months < 1 THEN CAST(CONCAT('cs-metrics: contract ', CAST(id AS VARCHAR), ': interval must be month, quarter or year and interval count >= 1') AS NUMERIC)
      WHEN MOD(332640, months) <> 0 THEN CAST(CONCAT('cs-metrics: contract ', CAST(id AS VARCHAR), ': interval count must divide 27720') AS NUMERIC)
      ELSE CAST(CAST(amount AS NUMERIC(38, 4)) * 10000 AS NUMERIC) * DIV(332640, months)
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
period_totals AS (
  SELECT
    COALESCE(SUM(starting_units), 0) AS starting_units,
    COALESCE(SUM(ending_units), 0) AS ending_units,
    COALESCE(SUM(CASE WHEN movement = 'new' THEN ending_units ELSE 0 END), 0) AS new_units,
    COALESCE(SUM(CASE WHEN movement = 'reactivation' THEN ending_units ELSE 0 END), 0) AS reactivation_units,
    COALESCE(SUM(CASE WHEN movement = 'expansion' THEN ending_units - starting_units ELSE 0 END), 0) AS expansion_units,
    COALESCE(SUM(CASE WHEN movement = 'contraction' THEN starting_units - ending_units ELSE 0 END), 0) AS contraction_units,
    COALESCE(SUM(CASE WHEN movement = 'churn' THEN starting_units ELSE 0 END), 0) AS churned_units,
    COALESCE(SUM(CASE WHEN starting_units > 0 THEN ending_units ELSE 0 END), 0) AS cohort_ending_units,
    COUNT(CASE WHEN starting_units > 0 THEN 1 END) AS starting_customers,
    COUNT(CASE WHEN ending_units > 0 THEN 1 END) AS ending_customers,
    COUNT(CASE WHEN movement = 'new' THEN 1 END) AS new_customers,
    COUNT(CASE WHEN movement = 'reactivation' THEN 1 END) AS reactivated_customers,
    COUNT(CASE WHEN movement = 'expansion' THEN 1 END) AS expanded_customers,
    COUNT(CASE WHEN movement = 'contraction' THEN 1 END) AS contracted_customers,
    COUNT(CASE WHEN movement = 'churn' THEN 1 END) AS churned_customers,
    COUNT(CASE WHEN movement = 'flat' THEN 1 END) AS flat_customers
  FROM customer_movements
),
rate_numerators AS (
  SELECT
    t.*,
    t.ending_units - t.starting_units AS net_new_units,
    t.starting_units - t.churned_units - t.contraction_units AS retained_units,
    t.churned_units + t.contraction_units AS gross_churned_units,
    t.churned_units + t.contraction_units - t.expansion_units AS net_churned_units,
    t.starting_customers - t.churned_customers AS retained_customers,
    t.churned_customers - t.new_customers AS net_churned_customers,
    (SELECT COALESCE(SUM(starting_units * remaining_parts), 0) FROM churn_losses) AS lost_parts
  FROM period_totals AS t
)
SELECT
  CAST((
      DIV(starting_units, 3326400000) * 1000000000000000000
      + DIV(MOD(starting_units, 3326400000) * 1000000000, 3326400000) * 1000000000
      + DIV(MOD(MOD(starting_units, 3326400000) * 1000000000, 3326400000) * 1000000000, 3326400000)
    ) * 0.000000000000000001 AS NUMERIC(38, 18)) AS starting_mrr,
  CAST((
      DIV(ending_units, 3326400000) * 1000000000000000000
      + DIV(MOD(ending_units, 3326400000) * 1000000000, 3326400000) * 1000000000
      + DIV(MOD(MOD(ending_units, 3326400000) * 1000000000, 3326400000) * 1000000000, 3326400000)
    ) * 0.000000000000000001 AS NUMERIC(38, 18)) AS ending_mrr,
  CAST((
      DIV(new_units, 3326400000) * 1000000000000000000
      + DIV(MOD(new_units, 3326400000) * 1000000000, 3326400000) * 1000000000
      + DIV(MOD(MOD(new_units, 3326400000) * 1000000000, 3326400000) * 1000000000, 3326400000)
    ) * 0.000000000000000001 AS NUMERIC(38, 18)) AS new_mrr,
  CAST((
      DIV(reactivation_units, 3326400000) * 1000000000000000000
      + DIV(MOD(reactivation_units, 3326400000) * 1000000000, 3326400000) * 1000000000
      + DIV(MOD(MOD(reactivation_units, 3326400000) * 1000000000, 3326400000) * 1000000000, 3326400000)
    ) * 0.000000000000000001 AS NUMERIC(38, 18)) AS reactivation_mrr,
  CAST((
      DIV(expansion_units, 3326400000) * 1000000000000000000
      + DIV(MOD(expansion_units, 3326400000) * 1000000000, 3326400000) * 1000000000
      + DIV(MOD(MOD(expansion_units, 3326400000) * 1000000000, 3326400000) * 1000000000, 3326400000)
    ) * 0.000000000000000001 AS NUMERIC(38, 18)) AS expansion_mrr,
  CAST((
      DIV(contraction_units, 3326400000) * 1000000000000000000
      + DIV(MOD(contraction_units, 3326400000) * 1000000000, 3326400000) * 1000000000
      + DIV(MOD(MOD(contraction_units, 3326400000) * 1000000000, 3326400000) * 1000000000, 3326400000)
    ) * 0.000000000000000001 AS NUMERIC(38, 18)) AS contraction_mrr,
  CAST((
      DIV(churned_units, 3326400000) * 1000000000000000000
      + DIV(MOD(churned_units, 3326400000) * 1000000000, 3326400000) * 1000000000
      + DIV(MOD(MOD(churned_units, 3326400000) * 1000000000, 3326400000) * 1000000000, 3326400000)
    ) * 0.000000000000000001 AS NUMERIC(38, 18)) AS churned_mrr,
  SIGN(net_new_units) * CAST((
      DIV(ABS(net_new_units), 3326400000) * 1000000000000000000
      + DIV(MOD(ABS(net_new_units), 3326400000) * 1000000000, 3326400000) * 1000000000
      + DIV(MOD(MOD(ABS(net_new_units), 3326400000) * 1000000000, 3326400000) * 1000000000, 3326400000)
    ) * 0.000000000000000001 AS NUMERIC(38, 18)) AS net_new_mrr,
  starting_customers AS starting_customers,
  ending_customers AS ending_customers,
  new_customers AS new_customers,
  reactivated_customers AS reactivated_customers,
  expanded_customers AS expanded_customers,
  contracted_customers AS contracted_customers,
  churned_customers AS churned_customers,
  flat_customers AS flat_customers,
  CASE WHEN starting_units = 0 THEN NULL ELSE CAST((
      DIV(cohort_ending_units, starting_units) * 10000000000000000000000000000
      + DIV(MOD(cohort_ending_units, starting_units) * 100000000000000, starting_units) * 100000000000000
      + DIV(MOD(MOD(cohort_ending_units, starting_units) * 100000000000000, starting_units) * 100000000000000, starting_units)
    ) * 0.0000000000000000000000000001 AS NUMERIC(38, 28)) END AS nrr,
  CASE WHEN starting_units = 0 THEN NULL ELSE CAST((
      DIV(retained_units, starting_units) * 10000000000000000000000000000
      + DIV(MOD(retained_units, starting_units) * 100000000000000, starting_units) * 100000000000000
      + DIV(MOD(MOD(retained_units, starting_units) * 100000000000000, starting_units) * 100000000000000, starting_units)
    ) * 0.0000000000000000000000000001 AS NUMERIC(38, 28)) END AS grr,
  CASE WHEN starting_units = 0 THEN NULL ELSE CAST((
      DIV(expansion_units, starting_units) * 10000000000000000000000000000
      + DIV(MOD(expansion_units, starting_units) * 100000000000000, starting_units) * 100000000000000
      + DIV(MOD(MOD(expansion_units, starting_units) * 100000000000000, starting_units) * 100000000000000, starting_units)
    ) * 0.0000000000000000000000000001 AS NUMERIC(38, 28)) END AS expansion_rate,
  CASE WHEN starting_units = 0 THEN NULL ELSE CAST((
      DIV(contraction_units, starting_units) * 10000000000000000000000000000
      + DIV(MOD(contraction_units, starting_units) * 100000000000000, starting_units) * 100000000000000
      + DIV(MOD(MOD(contraction_units, starting_units) * 100000000000000, starting_units) * 100000000000000, starting_units)
    ) * 0.0000000000000000000000000001 AS NUMERIC(38, 28)) END AS contraction_rate,
  CASE WHEN starting_units = 0 THEN NULL ELSE CAST((
      DIV(churned_units, starting_units) * 10000000000000000000000000000
      + DIV(MOD(churned_units, starting_units) * 100000000000000, starting_units) * 100000000000000
      + DIV(MOD(MOD(churned_units, starting_units) * 100000000000000, starting_units) * 100000000000000, starting_units)
    ) * 0.0000000000000000000000000001 AS NUMERIC(38, 28)) END AS revenue_churn_rate,
  CASE WHEN starting_units = 0 THEN NULL ELSE CAST((
      DIV(gross_churned_units, starting_units) * 10000000000000000000000000000
      + DIV(MOD(gross_churned_units, starting_units) * 100000000000000, starting_units) * 100000000000000
      + DIV(MOD(MOD(gross_churned_units, starting_units) * 100000000000000, starting_units) * 100000000000000, starting_units)
    ) * 0.0000000000000000000000000001 AS NUMERIC(38, 28)) END AS gross_revenue_churn_rate,
  CASE WHEN starting_units = 0 THEN NULL ELSE SIGN(net_churned_units) * CAST((
      DIV(ABS(net_churned_units), starting_units) * 10000000000000000000000000000
      + DIV(MOD(ABS(net_churned_units), starting_units) * 100000000000000, starting_units) * 100000000000000
      + DIV(MOD(MOD(ABS(net_churned_units), starting_units) * 100000000000000, starting_units) * 100000000000000, starting_units)
    ) * 0.0000000000000000000000000001 AS NUMERIC(38, 28)) END AS net_revenue_churn_rate,
  CASE WHEN starting_customers = 0 THEN NULL ELSE CAST((
      DIV(CAST(churned_customers AS NUMERIC), CAST(starting_customers AS NUMERIC)) * 10000000000000000000000000000
      + DIV(MOD(CAST(churned_customers AS NUMERIC), CAST(starting_customers AS NUMERIC)) * 100000000000000, CAST(starting_customers AS NUMERIC)) * 100000000000000
      + DIV(MOD(MOD(CAST(churned_customers AS NUMERIC), CAST(starting_customers AS NUMERIC)) * 100000000000000, CAST(starting_customers AS NUMERIC)) * 100000000000000, CAST(starting_customers AS NUMERIC))
    ) * 0.0000000000000000000000000001 AS NUMERIC(38, 28)) END AS logo_churn_rate,
  CASE WHEN starting_customers = 0 THEN NULL ELSE CAST((
      DIV(CAST(retained_customers AS NUMERIC), CAST(starting_customers AS NUMERIC)) * 10000000000000000000000000000
      + DIV(MOD(CAST(retained_customers AS NUMERIC), CAST(starting_customers AS NUMERIC)) * 100000000000000, CAST(starting_customers AS NUMERIC)) * 100000000000000
      + DIV(MOD(MOD(CAST(retained_customers AS NUMERIC), CAST(starting_customers AS NUMERIC)) * 100000000000000, CAST(starting_customers AS NUMERIC)) * 100000000000000, CAST(starting_customers AS NUMERIC))
    ) * 0.0000000000000000000000000001 AS NUMERIC(38, 28)) END AS logo_retention_rate,
  CASE WHEN starting_customers = 0 THEN NULL ELSE SIGN(CAST(net_churned_customers AS NUMERIC)) * CAST((
      DIV(ABS(CAST(net_churned_customers AS NUMERIC)), CAST(starting_customers AS NUMERIC)) * 10000000000000000000000000000
      + DIV(MOD(ABS(CAST(net_churned_customers AS NUMERIC)), CAST(starting_customers AS NUMERIC)) * 100000000000000, CAST(starting_customers AS NUMERIC)) * 100000000000000
      + DIV(MOD(MOD(ABS(CAST(net_churned_customers AS NUMERIC)), CAST(starting_customers AS NUMERIC)) * 100000000000000, CAST(starting_customers AS NUMERIC)) * 100000000000000, CAST(starting_customers AS NUMERIC))
    ) * 0.0000000000000000000000000001 AS NUMERIC(38, 28)) END AS net_logo_churn_rate,
  CAST((
      DIV(lost_parts, 1255982112000000) * 1000000000000000000
      + DIV(MOD(lost_parts, 1255982112000000) * 1000000000, 1255982112000000) * 1000000000
      + DIV(MOD(MOD(lost_parts, 1255982112000000) * 1000000000, 1255982112000000) * 1000000000, 1255982112000000)
    ) * 0.000000000000000001 AS NUMERIC(38, 18)) AS lost_revenue
FROM rate_numerators;
