/**
 * The user's alternative to `cs-metrics report --events`: DuckDB reads the same events CSV and runs
 * `toSql("usageSnapshots", …)` as of one date. Prints one JSON line per snapshot row on stdout.
 * Plain JavaScript over the built package (dist/), so the process is what a user would run.
 *
 *   node bench/duckdbEventSnapshots.mjs events.csv 2025-12-31 8
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { toSql } from "../dist/sql.js";

const [file, on, featuresAvailable] = process.argv.slice(2);
const columns = "{'customerId': 'VARCHAR', 'userId': 'VARCHAR', 'at': 'DATE', 'feature': 'VARCHAR', 'count': 'INTEGER'}";
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const path = file.replaceAll("'", "''");
await connection.run(`CREATE TABLE events AS SELECT * FROM read_csv('${path}', header = true, columns = ${columns})`);
const { sql } = toSql("usageSnapshots", {
  dialect: "duckdb",
  on,
  featuresAvailable: Number(featuresAvailable),
  tables: { events: "events" },
  columns: { customerId: "customerId", userId: "userId", at: "at", feature: "feature", count: "count" },
});
const reader = await connection.runAndReadAll(sql);
process.stdout.write(reader.getRowObjectsJson().map((row) => `${JSON.stringify(row)}\n`).join(""));
connection.closeSync();
instance.closeSync();
