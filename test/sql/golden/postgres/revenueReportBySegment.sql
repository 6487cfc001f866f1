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
    COALESCE("interval_count", 1) AS interval_count,
    (SELECT MAX(customer_table."region") FROM "customers" AS customer_table WHERE customer_table."customer_id" = contract_table."customer_id") AS segment
  FROM "contracts" AS contract_table
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
    END AS mrr_units,
    segment
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
segment_periods AS (
  SELECT
    customer_id,
    segment,
    SUM(CASE WHEN start_date <= DATE '2025-03-31' AND (end_date IS NULL OR end_date > DATE '2025-03-31') THEN mrr_units ELSE 0 END) AS starting_units,
    SUM(CASE WHEN end_date IS NULL OR end_date > DATE '2026-03-31' THEN mrr_units ELSE 0 END) AS ending_units
  FROM contract_lines
  WHERE mrr_units > 0 AND start_date <= DATE '2026-03-31'
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
),
segment_totals AS (
  SELECT
    segment AS segment,
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
    COUNT(CASE WHEN movement = 'flat' THEN 1 END) AS flat_customers,
    COALESCE(SUM(CASE WHEN movement = 'entering_segment' THEN ending_units ELSE 0 END), 0) AS entering_units,
    COALESCE(SUM(CASE WHEN movement = 'leaving_segment' THEN starting_units ELSE 0 END), 0) AS leaving_units,
    COUNT(CASE WHEN movement = 'entering_segment' THEN 1 END) AS entering_customers,
    COUNT(CASE WHEN movement = 'leaving_segment' THEN 1 END) AS leaving_customers
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
),
rate_numerators AS (
  SELECT
    t.*,
    ROW_NUMBER() OVER (ORDER BY CASE WHEN t.segment IS NULL THEN 1 ELSE 0 END, t.segment) AS segment_key,
    t.ending_units - t.starting_units AS net_new_units,
    t.starting_units - t.churned_units - t.contraction_units - t.leaving_units AS retained_units,
    t.churned_units + t.contraction_units + t.leaving_units AS gross_churned_units,
    t.churned_units + t.contraction_units + t.leaving_units - t.expansion_units AS net_churned_units,
    t.starting_customers - t.churned_customers AS retained_customers,
    t.churned_customers - t.new_customers AS net_churned_customers,
    COALESCE(l.lost_parts, 0) AS lost_parts
  FROM segment_totals AS t
  LEFT JOIN segment_losses AS l ON l.segment = t.segment OR (l.segment IS NULL AND t.segment IS NULL)
),
money_parts AS (
  SELECT segment_key AS row_key, 'starting_mrr' AS name, CAST(starting_units AS NUMERIC) AS numerator, CAST(3326400000 AS NUMERIC) AS denominator FROM rate_numerators
  UNION ALL
  SELECT segment_key, 'ending_mrr', CAST(ending_units AS NUMERIC), CAST(3326400000 AS NUMERIC) FROM rate_numerators
  UNION ALL
  SELECT segment_key, 'new_mrr', CAST(new_units AS NUMERIC), CAST(3326400000 AS NUMERIC) FROM rate_numerators
  UNION ALL
  SELECT segment_key, 'reactivation_mrr', CAST(reactivation_units AS NUMERIC), CAST(3326400000 AS NUMERIC) FROM rate_numerators
  UNION ALL
  SELECT segment_key, 'expansion_mrr', CAST(expansion_units AS NUMERIC), CAST(3326400000 AS NUMERIC) FROM rate_numerators
  UNION ALL
  SELECT segment_key, 'contraction_mrr', CAST(contraction_units AS NUMERIC), CAST(3326400000 AS NUMERIC) FROM rate_numerators
  UNION ALL
  SELECT segment_key, 'churned_mrr', CAST(churned_units AS NUMERIC), CAST(3326400000 AS NUMERIC) FROM rate_numerators
  UNION ALL
  SELECT segment_key, 'net_new_mrr', CAST(net_new_units AS NUMERIC), CAST(3326400000 AS NUMERIC) FROM rate_numerators
  UNION ALL
  SELECT segment_key, 'lost_revenue', CAST(lost_parts AS NUMERIC), CAST(1255982112000000 AS NUMERIC) FROM rate_numerators
  UNION ALL
  SELECT segment_key, 'entering_segment_mrr', CAST(entering_units AS NUMERIC), CAST(3326400000 AS NUMERIC) FROM rate_numerators
  UNION ALL
  SELECT segment_key, 'leaving_segment_mrr', CAST(leaving_units AS NUMERIC), CAST(3326400000 AS NUMERIC) FROM rate_numerators
),
money_values AS (
  SELECT row_key, name, CASE WHEN denominator = 0 THEN NULL ELSE SIGN(numerator) * CAST((
      DIV(ABS(numerator), denominator) * 1000000000000000000
      + DIV(MOD(ABS(numerator), denominator) * 1000000000, denominator) * 1000000000
      + DIV(MOD(MOD(ABS(numerator), denominator) * 1000000000, denominator) * 1000000000, denominator)
    ) * 0.000000000000000001 AS NUMERIC(38, 18)) END AS value
  FROM money_parts
),
rate_parts AS (
  SELECT segment_key AS row_key, 'nrr' AS name, CAST(cohort_ending_units AS NUMERIC) AS numerator, CAST(starting_units AS NUMERIC) AS denominator FROM rate_numerators
  UNION ALL
  SELECT segment_key, 'grr', CAST(retained_units AS NUMERIC), CAST(starting_units AS NUMERIC) FROM rate_numerators
  UNION ALL
  SELECT segment_key, 'expansion_rate', CAST(expansion_units AS NUMERIC), CAST(starting_units AS NUMERIC) FROM rate_numerators
  UNION ALL
  SELECT segment_key, 'contraction_rate', CAST(contraction_units AS NUMERIC), CAST(starting_units AS NUMERIC) FROM rate_numerators
  UNION ALL
  SELECT segment_key, 'revenue_churn_rate', CAST(churned_units AS NUMERIC), CAST(starting_units AS NUMERIC) FROM rate_numerators
  UNION ALL
  SELECT segment_key, 'gross_revenue_churn_rate', CAST(gross_churned_units AS NUMERIC), CAST(starting_units AS NUMERIC) FROM rate_numerators
  UNION ALL
  SELECT segment_key, 'net_revenue_churn_rate', CAST(net_churned_units AS NUMERIC), CAST(starting_units AS NUMERIC) FROM rate_numerators
  UNION ALL
  SELECT segment_key, 'logo_churn_rate', CAST(churned_customers AS NUMERIC), CAST(starting_customers AS NUMERIC) FROM rate_numerators
  UNION ALL
  SELECT segment_key, 'logo_retention_rate', CAST(retained_customers AS NUMERIC), CAST(starting_customers AS NUMERIC) FROM rate_numerators
  UNION ALL
  SELECT segment_key, 'net_logo_churn_rate', CAST(net_churned_customers AS NUMERIC), CAST(starting_customers AS NUMERIC) FROM rate_numerators
  UNION ALL
  SELECT segment_key, 'leaving_segment_rate', CAST(leaving_units AS NUMERIC), CAST(starting_units AS NUMERIC) FROM rate_numerators
),
rate_values AS (
  SELECT row_key, name, CASE WHEN denominator = 0 THEN NULL ELSE SIGN(numerator) * CAST((
      DIV(ABS(numerator), denominator) * 10000000000000000000000000000
      + DIV(MOD(ABS(numerator), denominator) * 100000000000000, denominator) * 100000000000000
      + DIV(MOD(MOD(ABS(numerator), denominator) * 100000000000000, denominator) * 100000000000000, denominator)
    ) * 0.0000000000000000000000000001 AS NUMERIC(38, 28)) END AS value
  FROM rate_parts
)
SELECT
  t.segment AS segment,
  money.starting_mrr AS starting_mrr,
  money.ending_mrr AS ending_mrr,
  money.new_mrr AS new_mrr,
  money.reactivation_mrr AS reactivation_mrr,
  money.expansion_mrr AS expansion_mrr,
  money.contraction_mrr AS contraction_mrr,
  money.churned_mrr AS churned_mrr,
  money.net_new_mrr AS net_new_mrr,
  t.starting_customers AS starting_customers,
  t.ending_customers AS ending_customers,
  t.new_customers AS new_customers,
  t.reactivated_customers AS reactivated_customers,
  t.expanded_customers AS expanded_customers,
  t.contracted_customers AS contracted_customers,
  t.churned_customers AS churned_customers,
  t.flat_customers AS flat_customers,
  rates.nrr AS nrr,
  rates.grr AS grr,
  rates.expansion_rate AS expansion_rate,
  rates.contraction_rate AS contraction_rate,
  rates.revenue_churn_rate AS revenue_churn_rate,
  rates.gross_revenue_churn_rate AS gross_revenue_churn_rate,
  rates.net_revenue_churn_rate AS net_revenue_churn_rate,
  rates.logo_churn_rate AS logo_churn_rate,
  rates.logo_retention_rate AS logo_retention_rate,
  rates.net_logo_churn_rate AS net_logo_churn_rate,
  money.lost_revenue AS lost_revenue,
  money.entering_segment_mrr AS entering_segment_mrr,
  money.leaving_segment_mrr AS leaving_segment_mrr,
  t.entering_customers AS entering_segment_customers,
  t.leaving_customers AS leaving_segment_customers,
  rates.leaving_segment_rate AS leaving_segment_rate
FROM rate_numerators AS t
JOIN (
  SELECT
    row_key,
    MAX(CASE WHEN name = 'starting_mrr' THEN value END) AS starting_mrr,
    MAX(CASE WHEN name = 'ending_mrr' THEN value END) AS ending_mrr,
    MAX(CASE WHEN name = 'new_mrr' THEN value END) AS new_mrr,
    MAX(CASE WHEN name = 'reactivation_mrr' THEN value END) AS reactivation_mrr,
    MAX(CASE WHEN name = 'expansion_mrr' THEN value END) AS expansion_mrr,
    MAX(CASE WHEN name = 'contraction_mrr' THEN value END) AS contraction_mrr,
    MAX(CASE WHEN name = 'churned_mrr' THEN value END) AS churned_mrr,
    MAX(CASE WHEN name = 'net_new_mrr' THEN value END) AS net_new_mrr,
    MAX(CASE WHEN name = 'lost_revenue' THEN value END) AS lost_revenue,
    MAX(CASE WHEN name = 'entering_segment_mrr' THEN value END) AS entering_segment_mrr,
    MAX(CASE WHEN name = 'leaving_segment_mrr' THEN value END) AS leaving_segment_mrr
  FROM money_values
  GROUP BY row_key
) AS money ON money.row_key = t.segment_key
JOIN (
  SELECT
    row_key,
    MAX(CASE WHEN name = 'nrr' THEN value END) AS nrr,
    MAX(CASE WHEN name = 'grr' THEN value END) AS grr,
    MAX(CASE WHEN name = 'expansion_rate' THEN value END) AS expansion_rate,
    MAX(CASE WHEN name = 'contraction_rate' THEN value END) AS contraction_rate,
    MAX(CASE WHEN name = 'revenue_churn_rate' THEN value END) AS revenue_churn_rate,
    MAX(CASE WHEN name = 'gross_revenue_churn_rate' THEN value END) AS gross_revenue_churn_rate,
    MAX(CASE WHEN name = 'net_revenue_churn_rate' THEN value END) AS net_revenue_churn_rate,
    MAX(CASE WHEN name = 'logo_churn_rate' THEN value END) AS logo_churn_rate,
    MAX(CASE WHEN name = 'logo_retention_rate' THEN value END) AS logo_retention_rate,
    MAX(CASE WHEN name = 'net_logo_churn_rate' THEN value END) AS net_logo_churn_rate,
    MAX(CASE WHEN name = 'leaving_segment_rate' THEN value END) AS leaving_segment_rate
  FROM rate_values
  GROUP BY row_key
) AS rates ON rates.row_key = t.segment_key
ORDER BY t.segment_key;
