/**
 * The same contract records written as CSV and as Parquet (by DuckDB: DATE start, TIMESTAMPTZ end,
 * DECIMAL(18,2) amount, BIGINT intervalCount) give the same `cs-metrics report`, byte for byte. The
 * Parquet end is the instant the CSV's end date begins in Asia/Tokyo (the previous day, 15:00Z), so the
 * `--time-zone` path is part of the comparison.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, scratchFolder } from "../cli/support.js";
import { runs, timeoutFor } from "../hardening/support/runs.js";
import { contractBookArb, dateOfDay, dayOfDate, type GeneratedContract } from "../support/contractArbitraries.js";

const write = scratchFolder("cs-metrics-csv-parquet-");
let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  connection = await instance.connect();
});

afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

function csvOf(records: readonly GeneratedContract[]): string {
  const rows = records.map((r) => [r.id, r.customerId, r.start, r.end ?? "", r.amount, r.interval, r.intervalCount, r.currency].join(","));
  return ["id,customerId,start,end,amount,interval,intervalCount,currency", ...rows].join("\n") + "\n";
}

/** The instant at which `date` begins in Asia/Tokyo (UTC+9, no daylight saving): the day before, 15:00Z. */
function tokyoMidnight(date: string): string {
  return `${dateOfDay(dayOfDate(date) - 1)} 15:00:00+00`;
}

async function writeParquet(records: readonly GeneratedContract[], file: string): Promise<void> {
  const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;
  const values = records.map(
    (r) =>
      `(${quote(r.id)}, ${quote(r.customerId)}, DATE ${quote(r.start)}, ${r.end === null ? "NULL" : `TIMESTAMPTZ ${quote(tokyoMidnight(r.end))}`}, ` +
      `CAST(${quote(r.amount)} AS DECIMAL(18, 2)), ${quote(r.interval)}, CAST(${r.intervalCount} AS BIGINT), ${quote(r.currency)})`,
  );
  await connection.run(
    `COPY (SELECT * FROM (VALUES ${values.join(", ")}) AS t(id, customerId, start, "end", amount, interval, intervalCount, currency)) TO ${quote(file)} (FORMAT parquet)`,
  );
}

describe("CSV and Parquet of the same records", () => {
  it(
    "give the same report",
    async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          contractBookArb({ weeksAndDays: true }).filter((book) => book.records.length > 0),
          async ({ period, records }) => {
            run += 1;
            const csv = write(`contracts-${run}.csv`, csvOf(records));
            // An empty file first (the scratch folder's path), which DuckDB's COPY then replaces.
            const parquet = write(`contracts-${run}.parquet`, "");
            await writeParquet(records, parquet);
            const args = ["report", "--period", `${period.start}..${period.end}`, "--format", "json", "--quiet", "--time-zone", "Asia/Tokyo"];
            const fromCsv = await runCli([...args, "--contracts", csv]);
            const fromParquet = await runCli([...args, "--contracts", parquet]);
            expect(fromCsv.code).toBe(0);
            expect(fromParquet).toEqual(fromCsv);
          },
        ),
        { numRuns: runs(25) },
      );
    },
    timeoutFor(120_000),
  );
});
