WITH
snapshot_rows AS (
  -- every snapshot on or before 2025-06-30, newest first per customer
  SELECT
    "customer_id" AS customer_id,
    "at" AS snapshot_date,
    ROW_NUMBER() OVER (PARTITION BY "customer_id" ORDER BY "at" DESC) AS recency,
    COUNT(*) OVER (PARTITION BY "customer_id", "at") AS same_day,
    CASE
      WHEN "active_users" IS NULL THEN NULL
      WHEN "active_users" < 0 THEN CAST(CONCAT('cs-metrics: snapshot of customer ', CAST("customer_id" AS VARCHAR), ' on ', CAST("at" AS VARCHAR), ': activeUsers must be >= 0') AS NUMERIC)
      WHEN ROUND("active_users", 2) <> "active_users" THEN CAST(CONCAT('cs-metrics: snapshot of customer ', CAST("customer_id" AS VARCHAR), ' on ', CAST("at" AS VARCHAR), ': activeUsers has more than 2 decimal places (raise valueScale)') AS NUMERIC)
      ELSE CAST(CAST("active_users" AS NUMERIC(38, 2)) * 100 AS NUMERIC)
    END AS v_0,
    CASE
      WHEN "provisioned_users" IS NULL THEN NULL
      WHEN "provisioned_users" < 0 THEN CAST(CONCAT('cs-metrics: snapshot of customer ', CAST("customer_id" AS VARCHAR), ' on ', CAST("at" AS VARCHAR), ': provisionedUsers must be >= 0') AS NUMERIC)
      WHEN ROUND("provisioned_users", 2) <> "provisioned_users" THEN CAST(CONCAT('cs-metrics: snapshot of customer ', CAST("customer_id" AS VARCHAR), ' on ', CAST("at" AS VARCHAR), ': provisionedUsers has more than 2 decimal places (raise valueScale)') AS NUMERIC)
      ELSE CAST(CAST("provisioned_users" AS NUMERIC(38, 2)) * 100 AS NUMERIC)
    END AS v_1,
    CASE
      WHEN "open_tickets" IS NULL THEN NULL
      WHEN "open_tickets" < 0 THEN CAST(CONCAT('cs-metrics: snapshot of customer ', CAST("customer_id" AS VARCHAR), ' on ', CAST("at" AS VARCHAR), ': metric of measures[1] must be >= 0') AS NUMERIC)
      WHEN ROUND("open_tickets", 2) <> "open_tickets" THEN CAST(CONCAT('cs-metrics: snapshot of customer ', CAST("customer_id" AS VARCHAR), ' on ', CAST("at" AS VARCHAR), ': metric of measures[1] has more than 2 decimal places (raise valueScale)') AS NUMERIC)
      ELSE CAST(CAST("open_tickets" AS NUMERIC(38, 2)) * 100 AS NUMERIC)
    END AS v_2,
    CASE
      WHEN "features_used" IS NULL THEN NULL
      WHEN "features_used" < 0 THEN CAST(CONCAT('cs-metrics: snapshot of customer ', CAST("customer_id" AS VARCHAR), ' on ', CAST("at" AS VARCHAR), ': featuresUsed must be >= 0') AS NUMERIC)
      WHEN ROUND("features_used", 2) <> "features_used" THEN CAST(CONCAT('cs-metrics: snapshot of customer ', CAST("customer_id" AS VARCHAR), ' on ', CAST("at" AS VARCHAR), ': featuresUsed has more than 2 decimal places (raise valueScale)') AS NUMERIC)
      ELSE CAST(CAST("features_used" AS NUMERIC(38, 2)) * 100 AS NUMERIC)
    END AS v_3,
    CASE
      WHEN "features_available" IS NULL THEN NULL
      WHEN "features_available" < 0 THEN CAST(CONCAT('cs-metrics: snapshot of customer ', CAST("customer_id" AS VARCHAR), ' on ', CAST("at" AS VARCHAR), ': featuresAvailable must be >= 0') AS NUMERIC)
      WHEN ROUND("features_available", 2) <> "features_available" THEN CAST(CONCAT('cs-metrics: snapshot of customer ', CAST("customer_id" AS VARCHAR), ' on ', CAST("at" AS VARCHAR), ': featuresAvailable has more than 2 decimal places (raise valueScale)') AS NUMERIC)
      ELSE CAST(CAST("features_available" AS NUMERIC(38, 2)) * 100 AS NUMERIC)
    END AS v_4
  FROM "usage_snapshots"
  WHERE "at" <= DATE '2025-06-30'
),
latest_snapshots AS (
  SELECT
    customer_id,
    snapshot_date,
    CASE WHEN same_day > 1 THEN CAST(CONCAT('cs-metrics: duplicate snapshot of customer ', CAST(customer_id AS VARCHAR), ' on ', CAST(snapshot_date AS VARCHAR)) AS NUMERIC) ELSE 0 END AS duplicate_check,
    v_0,
    v_1,
    v_2,
    v_3,
    v_4
  FROM snapshot_rows
  WHERE recency = 1
),
measure_points AS (
  -- each measure's points as p / q (q > 0); m = 1 when its value is missing
  SELECT
    customer_id,
    snapshot_date,
    duplicate_check,
    CASE WHEN (v_0 IS NULL OR v_1 IS NULL OR v_1 = 0) THEN 1 ELSE 0 END AS m_0,
    CASE WHEN v_2 IS NULL THEN 1 ELSE 0 END AS m_1,
    CASE WHEN (v_3 IS NULL OR v_4 IS NULL OR v_4 = 0) THEN 1 ELSE 0 END AS m_2,
    CAST(CASE WHEN (v_0 IS NULL OR v_1 IS NULL OR v_1 = 0) THEN 0 WHEN v_0 * 10 <= 2 * v_1 THEN 0 WHEN v_0 * 10 >= 8 * v_1 THEN 100 ELSE 100 * (v_0 * 10 - 2 * v_1) END AS NUMERIC) AS p_0,
    CAST(CASE WHEN (v_0 IS NULL OR v_1 IS NULL OR v_1 = 0) OR v_0 * 10 <= 2 * v_1 OR v_0 * 10 >= 8 * v_1 THEN 1 ELSE 6 * v_1 END AS NUMERIC) AS q_0,
    CAST(CASE WHEN v_2 IS NULL THEN 0 WHEN v_2 * 10 >= 100 * 100 THEN 0 WHEN v_2 * 10 <= 0 * 100 THEN 100 ELSE 100 * (100 * 100 - v_2 * 10) END AS NUMERIC) AS p_1,
    CAST(CASE WHEN v_2 IS NULL OR v_2 * 10 >= 100 * 100 OR v_2 * 10 <= 0 * 100 THEN 1 ELSE 100 * 100 END AS NUMERIC) AS q_1,
    CAST(CASE WHEN (v_3 IS NULL OR v_4 IS NULL OR v_4 = 0) THEN 0 WHEN v_3 * 10 >= 6 * v_4 THEN 1000 WHEN v_3 * 10 >= 3 * v_4 THEN 500 WHEN v_3 * 10 >= 0 * v_4 THEN 0 ELSE 0 END AS NUMERIC) AS p_2,
    CAST(CASE WHEN (v_3 IS NULL OR v_4 IS NULL OR v_4 = 0) THEN 1 ELSE 10 END AS NUMERIC) AS q_2
  FROM latest_snapshots
),
score_parts AS (
  SELECT
    customer_id,
    snapshot_date,
    m_0 + m_1 + m_2 AS missing_measures,
    20 * p_0 * q_1 * q_2
      + 10 * p_1 * q_0 * q_2
      + 10 * p_2 * q_0 * q_1 AS score_numerator,
    (CASE WHEN m_0 = 1 THEN 0 ELSE 20 END + CASE WHEN m_1 = 1 THEN 0 ELSE 10 END + CASE WHEN m_2 = 1 THEN 0 ELSE 10 END) * q_0 * q_1 * q_2 AS score_denominator
  FROM measure_points
  WHERE duplicate_check = 0
),
customer_bands AS (
  SELECT customer_id, CASE
    WHEN score_denominator = 0 THEN NULL
    WHEN score_numerator * 10 >= 700 * score_denominator THEN 'good'
    WHEN score_numerator * 10 < 400 * score_denominator THEN 'bad'
    ELSE 'normal'
  END AS band
  FROM score_parts
),
band_counts AS (
  SELECT
    COUNT(CASE WHEN band = 'good' THEN 1 END) AS good,
    COUNT(CASE WHEN band = 'normal' THEN 1 END) AS normal,
    COUNT(CASE WHEN band = 'bad' THEN 1 END) AS bad,
    COUNT(CASE WHEN band IS NULL THEN 1 END) AS unscored
  FROM customer_bands
),
band_points AS (
  SELECT
    good, normal, bad, unscored,
    good + normal + bad AS total,
    100 * good AS good_points,
    100 * normal AS normal_points,
    100 * bad AS bad_points,
    100 * (good - bad) AS index_points
  FROM band_counts
)
SELECT
  good AS good,
  normal AS normal,
  bad AS bad,
  total AS total,
  unscored AS unscored,
  CASE WHEN total = 0 THEN NULL ELSE CAST((
      DIV(CAST(good_points AS NUMERIC), CAST(total AS NUMERIC)) * 10000000000000000000000000000
      + DIV(MOD(CAST(good_points AS NUMERIC), CAST(total AS NUMERIC)) * 100000000000000, CAST(total AS NUMERIC)) * 100000000000000
      + DIV(MOD(MOD(CAST(good_points AS NUMERIC), CAST(total AS NUMERIC)) * 100000000000000, CAST(total AS NUMERIC)) * 100000000000000, CAST(total AS NUMERIC))
    ) * 0.0000000000000000000000000001 AS NUMERIC(38, 28)) END AS good_pct,
  CASE WHEN total = 0 THEN NULL ELSE CAST((
      DIV(CAST(normal_points AS NUMERIC), CAST(total AS NUMERIC)) * 10000000000000000000000000000
      + DIV(MOD(CAST(normal_points AS NUMERIC), CAST(total AS NUMERIC)) * 100000000000000, CAST(total AS NUMERIC)) * 100000000000000
      + DIV(MOD(MOD(CAST(normal_points AS NUMERIC), CAST(total AS NUMERIC)) * 100000000000000, CAST(total AS NUMERIC)) * 100000000000000, CAST(total AS NUMERIC))
    ) * 0.0000000000000000000000000001 AS NUMERIC(38, 28)) END AS normal_pct,
  CASE WHEN total = 0 THEN NULL ELSE CAST((
      DIV(CAST(bad_points AS NUMERIC), CAST(total AS NUMERIC)) * 10000000000000000000000000000
      + DIV(MOD(CAST(bad_points AS NUMERIC), CAST(total AS NUMERIC)) * 100000000000000, CAST(total AS NUMERIC)) * 100000000000000
      + DIV(MOD(MOD(CAST(bad_points AS NUMERIC), CAST(total AS NUMERIC)) * 100000000000000, CAST(total AS NUMERIC)) * 100000000000000, CAST(total AS NUMERIC))
    ) * 0.0000000000000000000000000001 AS NUMERIC(38, 28)) END AS bad_pct,
  CASE WHEN total = 0 THEN NULL ELSE SIGN(CAST(index_points AS NUMERIC)) * CAST((
      DIV(ABS(CAST(index_points AS NUMERIC)), CAST(total AS NUMERIC)) * 10000000000000000000000000000
      + DIV(MOD(ABS(CAST(index_points AS NUMERIC)), CAST(total AS NUMERIC)) * 100000000000000, CAST(total AS NUMERIC)) * 100000000000000
      + DIV(MOD(MOD(ABS(CAST(index_points AS NUMERIC)), CAST(total AS NUMERIC)) * 100000000000000, CAST(total AS NUMERIC)) * 100000000000000, CAST(total AS NUMERIC))
    ) * 0.0000000000000000000000000001 AS NUMERIC(38, 28)) END AS good_minus_bad
FROM band_points;
