/**
 * The user's alternative to `cs-metrics report`: DuckDB reads the same CSV file and runs
 * `toSql("revenueReport", …)` for the same period. Prints the result row as JSON on stdout.
 * Plain JavaScript over the built package (dist/), so the process is what a user would run.
 *
 *   node bench/duckdbCsvReport.mjs big.csv 2025
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { year } from "../dist/index.js";
import { toSql } from "../dist/sql.js";

const [file, periodYear] = process.argv.slice(2);
const columns = "{'id': 'VARCHAR', 'customerId': 'VARCHAR', 'start': 'DATE', 'end': 'DATE', 'amount': 'DECIMAL(18,4)', 'interval': 'VARCHAR', 'currency': 'VARCHAR'}";
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const path = file.replaceAll("'", "''");
await connection.run(`CREATE TABLE contracts AS SELECT * FROM read_csv('${path}', header = true, columns = ${columns})`);
const { sql } = toSql("revenueReport", {
  dialect: "duckdb",
  period: year(Number(periodYear)),
  columns: { customerId: "customerId", start: "start", end: "end", intervalCount: null },
});
const reader = await connection.runAndReadAll(sql);
process.stdout.write(`${JSON.stringify(reader.getRowObjectsJson()[0])}\n`);
connection.closeSync();
instance.closeSync();
