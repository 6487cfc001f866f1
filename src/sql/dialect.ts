/**
 * What differs between the SQL engines cs-metrics compiles to: identifier quoting, the exact types,
 * integer division, date differences and how a query fails on bad data. Everything else in the
 * generated SQL is common ANSI SQL that all four engines accept.
 * @module
 */

/** The SQL engines {@link toSql} writes for. */
export type SqlDialect = "duckdb" | "postgres" | "bigquery" | "snowflake";

/** Every supported dialect, in documentation order. */
export const SQL_DIALECTS: readonly SqlDialect[] = ["duckdb", "postgres", "bigquery", "snowflake"];

/** The per-engine pieces of SQL. Every argument is an already safe SQL expression. */
export interface DialectRules {
  readonly name: SqlDialect;
  /** The character that opens and closes a quoted identifier. */
  readonly quote: string;
  /** Characters an identifier must not contain in this dialect (beyond control characters). */
  readonly forbiddenInIdentifier: RegExp;
  /** Wraps one validated identifier part in quotes, escaping the quote character. */
  quoteIdentifier(part: string): string;
  /** Exact integer type wide enough for sums of MRR units. */
  readonly integerType: string;
  /** Exact decimal type with `scale` digits after the point (38 digits in all). */
  decimalType(scale: number): string;
  /** An integer constant usable in wide integer arithmetic. */
  integer(value: bigint): string;
  /** Exact integer quotient of two non-negative integers (truncated). */
  integerDivide(numerator: string, denominator: string): string;
  /** Whole days from `from` to `to` (both DATE): `to − from`. */
  daysBetween(from: string, to: string): string;
  /** An expression that stops the query with `message` (a text expression) when evaluated. */
  fail(message: string): string;
  /** Casts an expression to text. */
  toText(expression: string): string;
}

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/u;

function doubleQuoted(part: string): string {
  return `"${part.replaceAll('"', '""')}"`;
}

const duckdb: DialectRules = {
  name: "duckdb",
  quote: '"',
  forbiddenInIdentifier: CONTROL_CHARACTERS,
  quoteIdentifier: doubleQuoted,
  integerType: "HUGEINT",
  decimalType: (scale) => `DECIMAL(38, ${scale})`,
  integer: (value) => value.toString(),
  integerDivide: (numerator, denominator) => `(${numerator}) // (${denominator})`,
  daysBetween: (from, to) => `(${to} - ${from})`,
  fail: (message) => `error(${message})`,
  toText: (expression) => `CAST(${expression} AS VARCHAR)`,
};

const postgres: DialectRules = {
  name: "postgres",
  quote: '"',
  forbiddenInIdentifier: CONTROL_CHARACTERS,
  quoteIdentifier: doubleQuoted,
  integerType: "NUMERIC",
  decimalType: (scale) => `NUMERIC(38, ${scale})`,
  integer: (value) => value.toString(),
  integerDivide: (numerator, denominator) => `DIV(${numerator}, ${denominator})`,
  daysBetween: (from, to) => `(${to} - ${from})`,
  // PostgreSQL has no error function in plain SQL: a cast of the message to a number fails with
  // "invalid input syntax for type numeric: "cs-metrics: …"". The message depends on the row, so
  // the planner cannot evaluate it ahead of time.
  fail: (message) => `CAST(${message} AS NUMERIC)`,
  toText: (expression) => `CAST(${expression} AS VARCHAR)`,
};

const bigquery: DialectRules = {
  name: "bigquery",
  quote: "`",
  // BigQuery escapes inside quoted identifiers with backslashes; we accept neither.
  forbiddenInIdentifier: /[\u0000-\u001f\u007f`\\]/u,
  quoteIdentifier: (part) => `\`${part}\``,
  integerType: "NUMERIC",
  decimalType: () => "BIGNUMERIC",
  // A BIGNUMERIC constant (76 digits), so products of units and powers of ten cannot overflow NUMERIC.
  integer: (value) => `PARSE_BIGNUMERIC('${value.toString()}')`,
  integerDivide: (numerator, denominator) => `DIV(${numerator}, ${denominator})`,
  daysBetween: (from, to) => `DATE_DIFF(${to}, ${from}, DAY)`,
  fail: (message) => `ERROR(${message})`,
  toText: (expression) => `CAST(${expression} AS STRING)`,
};

const snowflake: DialectRules = {
  name: "snowflake",
  quote: '"',
  forbiddenInIdentifier: CONTROL_CHARACTERS,
  quoteIdentifier: doubleQuoted,
  integerType: "NUMBER(38, 0)",
  decimalType: (scale) => `NUMBER(38, ${scale})`,
  integer: (value) => value.toString(),
  // n − MOD(n, d) is a multiple of d, so the division is exact.
  integerDivide: (numerator, denominator) =>
    `CAST(((${numerator}) - MOD(${numerator}, ${denominator})) / (${denominator}) AS NUMBER(38, 0))`,
  daysBetween: (from, to) => `DATEDIFF(day, ${from}, ${to})`,
  fail: (message) => `CAST(${message} AS NUMBER(38, 0))`,
  toText: (expression) => `CAST(${expression} AS VARCHAR)`,
};

const RULES: Readonly<Record<SqlDialect, DialectRules>> = { duckdb, postgres, bigquery, snowflake };

/** The rules of a (validated) dialect. */
export function dialectRules(dialect: SqlDialect): DialectRules {
  return RULES[dialect];
}

/** Integer remainder, written the same in every dialect. */
export function remainder(numerator: string, denominator: string): string {
  return `MOD(${numerator}, ${denominator})`;
}
