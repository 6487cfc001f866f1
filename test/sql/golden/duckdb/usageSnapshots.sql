WITH usage_events AS (
  SELECT
    CAST("customer_id" AS VARCHAR) AS customer_id,
    CAST("user_id" AS VARCHAR) AS user_id,
    CASE WHEN "feature" IN ('export', 'O''Brien \ report') THEN "feature" END AS feature,
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
  -- Events after 2025-07-31 count for no date.
  SELECT customer_id, user_id, feature, event_count, event_date FROM usage_events WHERE event_date <= DATE '2025-07-31'
),
snapshot_dates AS (
  SELECT DATE '2025-06-30' AS snapshot_date
  UNION ALL SELECT DATE '2025-07-31' AS snapshot_date
),
dated_events AS (
  -- Every event with each date on or after it, and its age in days (0 = on the date).
  SELECT d.snapshot_date, e.customer_id, e.user_id, e.feature, (d.snapshot_date - e.event_date) AS age
  FROM recent_events e
  JOIN snapshot_dates d ON e.event_date <= d.snapshot_date
),
snapshots AS (
  SELECT
    customer_id,
    snapshot_date,
    COUNT(DISTINCT user_id) AS provisioned_users,
    COUNT(DISTINCT CASE WHEN age = 0 THEN user_id END) AS dau,
    COUNT(DISTINCT CASE WHEN age < 7 THEN user_id END) AS wau,
    COUNT(DISTINCT CASE WHEN age < 30 THEN user_id END) AS mau,
    COUNT(DISTINCT CASE WHEN age < 30 THEN feature END) AS features_used
  FROM dated_events
  GROUP BY customer_id, snapshot_date
)
SELECT
  s.customer_id AS customer_id,
  s.snapshot_date AS snapshot_date,
  s.provisioned_users AS provisioned_users,
  s.mau AS active_users,
  s.dau AS dau,
  s.wau AS wau,
  s.mau AS mau,
  s.features_used AS features_used,
  2 AS features_available,
  CAST(NULL AS DATE) AS last_contact_at
FROM snapshots s
ORDER BY s.customer_id, s.snapshot_date;
