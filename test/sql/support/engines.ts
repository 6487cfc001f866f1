/**
 * The SQL engines the tests run generated statements on: DuckDB in memory and a real PostgreSQL
 * server. Each loads contract records into a table and returns result rows with every value as text
 * (decimals exactly as the engine prints them) or `null`.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll } from "vitest";
import pg from "pg";
import type { SqlDialect } from "../../../src/sql/index.js";
import type { GeneratedContract } from "../../support/contractArbitraries.js";
import { type PostgresServer, startPostgres } from "./postgresServer.js";

/** A result row: column name → text or null. */
export type TextRow = Record<string, string | null>;

/** Table and column names used to load the records (quoted with double quotes). */
export interface ContractTableNames {
  readonly table: string;
  readonly id: string;
  readonly customerId: string;
  readonly start: string;
  readonly end: string;
  readonly amount: string;
  readonly interval: string;
  readonly intervalCount: string;
}

/** The default names of `toSql`. */
export const DEFAULT_TABLE_NAMES: ContractTableNames = {
  table: "contracts",
  id: "id",
  customerId: "customer_id",
  start: "start_date",
  end: "end_date",
  amount: "amount",
  interval: "interval",
  intervalCount: "interval_count",
};

/** An engine the tests can run statements on. */
export interface SqlEngine {
  readonly dialect: SqlDialect;
  /** What actually ran, for the test log. */
  readonly description: string;
  /** Replaces the table's content with the records. */
  load(records: readonly GeneratedContract[], names?: ContractTableNames): Promise<void>;
  query(sql: string): Promise<TextRow[]>;
  /** Runs a statement with `$1, $2, …` parameters (text, numbers or null). */
  execute(sql: string, values: readonly (string | number | null)[]): Promise<void>;
  close(): Promise<void>;
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function createTableSql(names: ContractTableNames, amountType: string): string {
  return `CREATE TABLE IF NOT EXISTS ${quote(names.table)} (
    ${quote(names.id)} VARCHAR, ${quote(names.customerId)} VARCHAR, ${quote(names.start)} DATE, ${quote(names.end)} DATE,
    ${quote(names.amount)} ${amountType}, ${quote(names.interval)} VARCHAR, ${quote(names.intervalCount)} INTEGER)`;
}

function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value);
}

function textRows(rows: readonly Record<string, unknown>[]): TextRow[] {
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, toText(value)])));
}

function recordValues(record: GeneratedContract): (string | number | null)[] {
  return [record.id, record.customerId, record.start, record.end, record.amount, record.interval, record.intervalCount];
}

/** DuckDB, in memory. */
export async function openDuckDb(): Promise<SqlEngine> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const version = (await connection.runAndReadAll("SELECT version() AS v")).getRowObjectsJson()[0]?.["v"];
  return {
    dialect: "duckdb",
    description: `DuckDB ${String(version)} (in memory, @duckdb/node-api)`,
    async load(records, names = DEFAULT_TABLE_NAMES) {
      await connection.run(createTableSql(names, "DECIMAL(24, 8)"));
      await connection.run(`DELETE FROM ${quote(names.table)}`);
      if (records.length === 0) return;
      const placeholders = records.map(() => "(?, ?, CAST(? AS DATE), CAST(? AS DATE), CAST(? AS DECIMAL(24, 8)), ?, ?)").join(", ");
      await connection.run(`INSERT INTO ${quote(names.table)} VALUES ${placeholders}`, records.flatMap(recordValues));
    },
    async execute(sql, values) {
      await connection.run(sql, [...values]);
    },
    async query(sql) {
      const reader = await connection.runAndReadAll(sql);
      return textRows(reader.getRowObjectsJson() as Record<string, unknown>[]);
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

// Dates and 64-bit integers as text, as the server sends them.
const TEXT_TYPES = { getTypeParser: (oid: number) => (oid === 1082 || oid === 20 ? (text: string) => text : pg.types.getTypeParser(oid)) };

/** A real PostgreSQL server started for the tests. */
export async function openPostgres(): Promise<SqlEngine> {
  const server: PostgresServer = await startPostgres();
  const { client } = server;
  return {
    dialect: "postgres",
    description: `${server.description} (real server, pg client)`,
    async load(records, names = DEFAULT_TABLE_NAMES) {
      await client.query(createTableSql(names, "NUMERIC(24, 8)"));
      await client.query(`TRUNCATE ${quote(names.table)}`);
      if (records.length === 0) return;
      const placeholders = records.map((_, row) => `(${Array.from({ length: 7 }, (_, column) => `$${row * 7 + column + 1}`).join(", ")})`).join(", ");
      await client.query(`INSERT INTO ${quote(names.table)} VALUES ${placeholders}`, records.flatMap(recordValues));
    },
    async execute(sql, values) {
      await client.query(sql, [...values]);
    },
    async query(sql) {
      const result = await client.query({ text: sql, types: TEXT_TYPES });
      return textRows(result.rows as Record<string, unknown>[]);
    },
    async close() {
      await server.stop();
    },
  };
}

const ALL_ENGINES: readonly (readonly [string, () => Promise<SqlEngine>])[] = [
  ["duckdb", openDuckDb],
  ["postgres", openPostgres],
];

/**
 * The engines every SQL equality test runs on, by name: both, unless CS_METRICS_SQL_ENGINES names a
 * comma-separated subset (mutation testing keeps DuckDB only: starting PostgreSQL for every mutant
 * would take most of the run). An unknown name is an error, so a typo cannot skip every engine.
 */
export const REAL_ENGINES: readonly (readonly [string, () => Promise<SqlEngine>])[] = selectEngines(process.env["CS_METRICS_SQL_ENGINES"]);

function selectEngines(list: string | undefined): readonly (readonly [string, () => Promise<SqlEngine>])[] {
  if (list === undefined || list.trim() === "") return ALL_ENGINES;
  const names = list.split(",").map((name) => name.trim());
  for (const name of names) {
    if (!ALL_ENGINES.some(([known]) => known === name)) throw new Error(`CS_METRICS_SQL_ENGINES: unknown engine "${name}"`);
  }
  return ALL_ENGINES.filter(([name]) => names.includes(name));
}

/**
 * Opens the engine before the enclosing suite's tests and closes it after them (60 s to start and
 * run `setup`, such as creating the suite's tables; 30 s to stop: PostgreSQL starts a server).
 * Returns the engine's getter, for use inside the tests.
 */
export function engineForSuite(open: () => Promise<SqlEngine>, setup?: (engine: SqlEngine) => Promise<void>): () => SqlEngine {
  let engine: SqlEngine | undefined;
  beforeAll(async () => {
    engine = await open();
    await setup?.(engine);
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
  }, 30_000);
  return () => {
    if (engine === undefined) throw new Error("the SQL engine did not start");
    return engine;
  };
}
