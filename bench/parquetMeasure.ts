/**
 * The Parquet case of `npm run bench`, one measurement per process (started by bench/parquetCompare.ts):
 *
 *   tsx bench/parquetMeasure.ts --task write  --size 1000000 --file /tmp/contracts-1m.parquet
 *   tsx bench/parquetMeasure.ts --task cli    --file /tmp/contracts-1m.parquet   # cs-metrics report, in-process
 *   tsx bench/parquetMeasure.ts --task duckdb --file /tmp/contracts-1m.parquet   # DuckDB + toSql("revenueReport")
 *
 * `write` writes the benchmark's seeded contracts (bench/generateContracts.ts) as Parquet with DuckDB:
 * DATE start and end, DECIMAL(18, 2) amount, Snappy. The others print one JSON line: wall and CPU ms,
 * peak RSS (MiB) and the 2025 figures, for bench/parquetCompare.ts to compare exactly.
 * @module
 */
import { DuckDBDataChunk, DuckDBInstance, VARCHAR } from "@duckdb/node-api";
import { runCli } from "../src/cli/run.js";
import { year } from "../src/index.js";
import { toSql } from "../src/sql/index.js";
import { generateContracts } from "./generateContracts.js";

/** The figures both sides report, as exact decimal text and counts. */
export interface ParquetFigures {
  readonly startingMrr: string;
  readonly endingMrr: string;
  readonly newMrr: string;
  readonly expansionMrr: string;
  readonly contractionMrr: string;
  readonly churnedMrr: string;
  readonly startingCustomers: number;
  readonly churnedCustomers: number;
}

/** What a measurement prints. */
export interface ParquetMeasurement {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssMb: number;
  readonly figures: ParquetFigures;
}

const CHUNK_ROWS = 2048;

function argument(name: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : undefined;
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

async function writeParquet(size: number, file: string): Promise<void> {
  const rows = generateContracts(size, "JPY");
  const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
  const connection = await instance.connect();
  await connection.run("CREATE TABLE raw (id VARCHAR, customerId VARCHAR, start VARCHAR, \"end\" VARCHAR, amount VARCHAR, interval VARCHAR, currency VARCHAR)");
  const appender = await connection.createAppender("raw");
  for (let from = 0; from < rows.length; from += CHUNK_ROWS) {
    const slice = rows.slice(from, from + CHUNK_ROWS);
    const chunk = DuckDBDataChunk.create([VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR], slice.length);
    chunk.setColumns([slice.map((r) => r.id), slice.map((r) => r.customerId), slice.map((r) => r.start), slice.map((r) => r.end ?? null), slice.map((r) => String(r.amount)), slice.map((r) => r.interval), slice.map((r) => r.currency)]);
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
  await connection.run(
    `COPY (SELECT id, customerId, CAST(start AS DATE) AS start, CAST("end" AS DATE) AS "end", CAST(amount AS DECIMAL(18, 2)) AS amount, interval, currency FROM raw) TO '${file.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION snappy)`,
  );
  connection.closeSync();
  instance.closeSync();
}

/** Times `run` once: wall and CPU (user + system, all threads) ms. */
async function timed<T>(run: () => Promise<T>): Promise<{ result: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { result, wallMs: Math.round(wallMs), cpuMs: Math.round((used.user + used.system) / 1000) };
}

async function measureCli(file: string): Promise<ParquetMeasurement> {
  let stdout = "";
  const { wallMs, cpuMs } = await timed(() =>
    runCli(["report", "--contracts", file, "--period", "2025", "--format", "json", "--quiet"], { stdout: (text) => (stdout += text), stderr: () => undefined }, "bench"),
  );
  const m = (JSON.parse(stdout) as { movements: Record<string, string | number> }).movements;
  const figures: ParquetFigures = {
    startingMrr: String(m["startingMrr"]),
    endingMrr: String(m["endingMrr"]),
    newMrr: String(m["newMrr"]),
    expansionMrr: String(m["expansionMrr"]),
    contractionMrr: String(m["contractionMrr"]),
    churnedMrr: String(m["churnedMrr"]),
    startingCustomers: Number(m["startingCustomers"]),
    churnedCustomers: Number(m["churnedCustomers"]),
  };
  return { wallMs, cpuMs, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), figures };
}

async function measureDuckdb(file: string): Promise<ParquetMeasurement> {
  const { sql } = toSql("revenueReport", { dialect: "duckdb", period: year(2025), columns: { intervalCount: null } });
  const { result, wallMs, cpuMs } = await timed(async () => {
    const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
    const connection = await instance.connect();
    try {
      // toSql's default column names over the file: DuckDB reads it as the query runs.
      await connection.run(
        `CREATE VIEW contracts AS SELECT id, customerId AS customer_id, start AS start_date, "end" AS end_date, amount, interval FROM read_parquet('${file.replaceAll("'", "''")}')`,
      );
      return (await connection.runAndReadAll(sql)).getRowObjectsJson()[0]!;
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
  const text = (key: string): string => String(result[key] ?? "0");
  const figures: ParquetFigures = {
    startingMrr: text("starting_mrr"),
    endingMrr: text("ending_mrr"),
    newMrr: text("new_mrr"),
    expansionMrr: text("expansion_mrr"),
    contractionMrr: text("contraction_mrr"),
    churnedMrr: text("churned_mrr"),
    startingCustomers: Number(result["starting_customers"]),
    churnedCustomers: Number(result["churned_customers"]),
  };
  return { wallMs, cpuMs, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), figures };
}

const task = argument("task");
const file = argument("file");
if (task === "write") {
  await writeParquet(Number(argument("size")), file);
} else {
  const measurement = task === "cli" ? await measureCli(file) : task === "duckdb" ? await measureDuckdb(file) : undefined;
  if (measurement === undefined) throw new Error(`unknown task ${task}`);
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}
