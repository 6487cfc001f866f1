/**
 * `cs-metrics/sql`: the library's revenue and health-scoring definitions compiled to SQL for DuckDB,
 * PostgreSQL, BigQuery and Snowflake.
 * @packageDocumentation
 */
export { SQL_METRICS, toSql } from "./toSql.js";
export type { ContractColumns, HealthSqlMetric, HealthSqlOptions, RevenueSqlMetric, SqlMetric, SqlSegment, SqlStatement, SqlTables, ToSqlOptions } from "./toSql.js";
export type { UsageColumns } from "./healthSql.js";
export { SQL_DIALECTS } from "./dialect.js";
export type { SqlDialect } from "./dialect.js";
export type { TableName } from "./identifiers.js";
export type {
  ContactColumns,
  FeatureAdoptionSqlOptions,
  UsageEventColumns,
  UsageSnapshotsSqlOptions,
  UsageSqlMetric,
} from "./usageSql.js";
