WITH usage_events AS (
  SELECT
    CAST("customer_id" AS VARCHAR) AS customer_id,
    CAST("user_id" AS VARCHAR) AS user_id,
    "feature" AS feature,
    COALESCE("count", 1) AS event_count,
    CASE
      WHEN "customer_id" IS NULL THEN CAST(CAST(error(CONCAT('cs-metrics: usage event of customer ', COALESCE(CAST("customer_id" AS VARCHAR), 'NULL'), ' on ', COALESCE(CAST("at" AS VARCHAR), 'NULL'), ': customer id is missing')) AS VARCHAR) AS DATE)
      WHEN "user_id" IS NULL THEN CAST(CAST(error(CONCAT('cs-metrics: usage event of customer ', COALESCE(CAST("customer_id" AS VARCHAR), 'NULL'), ' on ', COALESCE(CAST("at" AS VARCHAR), 'NULL'), ': user id is missing')) AS VARCHAR) AS DATE)
      WHEN "at" IS NULL THEN CAST(CAST(error(CONCAT('cs-metrics: usage event of customer ', COALESCE(CAST("customer_id" AS VARCHAR), 'NULL'), ' on ', COALESCE(CAST("at" AS VARCHAR), 'NULL'), ': date is missing')) AS VARCHAR) AS DATE)
      WHEN "feature" = '' THEN CAST(CAST(error(CONCAT('cs-metrics: usage event of customer ', COALESCE(CAST("customer_id" AS VARCHAR), 'NULL'), ' on ', COALESCE(CAST("at" AS VARCHAR), 'NULL'), ': feature must not be empty')) AS VARCHAR) AS DATE)
      WHEN "count" < 1 OR "count" <> FLOOR("count") THEN CAST(CAST(error(CONCAT('cs-metrics: usage event of customer ', COALESCE(CAST("customer_id" AS VARCHAR), 'NULL'), ' on ', COALESCE(CAST("at" AS VARCHAR), 'NULL'), ': count must be a whole number >= 1')) AS VARCHAR) AS DATE)
      ELSE CAST("at" AS DATE)
    END AS event_date
  FROM "usage_events"
),
recent_events AS (
  -- Events after 2025-06-30 count for no date.
  SELECT customer_id, user_id, feature, event_count, event_date FROM usage_events WHERE event_date <= DATE '2025-06-30'
),
window_events AS (
  -- The 28 days ending on 2025-06-30.
  SELECT customer_id, user_id, feature, event_count FROM recent_events WHERE (DATE '2025-06-30' - event_date) < 28
),
active AS (
  SELECT COUNT(DISTINCT customer_id) AS active_customers FROM window_events
),
active_pairs AS (
  SELECT COUNT(*) AS active_users FROM (SELECT DISTINCT customer_id, user_id FROM window_events) pairs
),
feature_users AS (
  SELECT feature, customer_id, user_id, SUM(event_count) AS events
  FROM window_events
  WHERE feature IS NOT NULL
  GROUP BY feature, customer_id, user_id
),
features AS (
  SELECT feature, COUNT(DISTINCT customer_id) AS customers, COUNT(*) AS users, SUM(events) AS events
  FROM feature_users
  GROUP BY feature
)
SELECT
  f.feature AS feature,
  f.customers AS customers,
  f.users AS users,
  f.events AS events,
  CASE WHEN a.active_customers = 0 THEN NULL ELSE CAST(
      (CAST(f.customers AS HUGEINT)) // (CAST(a.active_customers AS HUGEINT)) * 10000000000000000000000000000
      + (MOD(CAST(f.customers AS HUGEINT), CAST(a.active_customers AS HUGEINT)) * 100000000000000) // (CAST(a.active_customers AS HUGEINT)) * 100000000000000
      + (MOD(MOD(CAST(f.customers AS HUGEINT), CAST(a.active_customers AS HUGEINT)) * 100000000000000, CAST(a.active_customers AS HUGEINT)) * 100000000000000) // (CAST(a.active_customers AS HUGEINT))
    AS DECIMAL(38, 0)) * 0.0000000000000000000000000001 END AS customer_share,
  a.active_customers AS active_customers,
  p.active_users AS active_users
FROM features f
CROSS JOIN active a
CROSS JOIN active_pairs p
ORDER BY f.feature;
