/**
 * `--contracts`, `--usage` and `--events` given Parquet files (test/parquet/fixtures, written by
 * generate.mjs): read by extension or by the PAR1 magic bytes, problems told by row and column.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { CONTRACTS_CSV as CONTRACTS_SHAPE, USAGE_CSV } from "../../src/cli/inputShapes.js";
import { readParquetInto, readParquetRecords } from "../../src/cli/parquetInput.js";
import { csvValues, runCli, scratchFolder } from "./support.js";

const FIXTURES = join(import.meta.dirname, "..", "parquet", "fixtures");
const fixture = (name: string): string => join(FIXTURES, name);
/** stderr with the fixtures' folder left out. */
const shown = (stderr: string): string => stderr.replaceAll(`${FIXTURES}/`, "");
/** acme's two open lines (c-1, c-4) are an add-on: the CLI's warning about them is expected. */
const ADD_ON_WARNING = /^cs-metrics: warning: 1 customer has open-ended contract lines/;
const write = scratchFolder("cs-metrics-parquet-");
const TOKYO = ["--time-zone", "Asia/Tokyo"];
const SCORECARD = JSON.stringify({ measures: [{ signal: "deploymentRate", weight: 1, scale: { type: "linear", worst: 0, best: 1 } }], bands: { good: 70, bad: 40 } });

/** contracts.parquet as CSV: the same values, the TIMESTAMPTZ end as the ISO instant text. */
const CONTRACTS_CSV = [
  "id,customerId,start,end,amount,interval,intervalCount,currency,seats",
  "c-1,acme,2024-07-01,,1200.00,month,,USD,10",
  "c-2,beta,2024-01-01,2025-06-30T23:30:00Z,6000.00,year,1,USD,",
  "c-3,gamma,2025-03-01,,300.50,,,USD,",
  "c-4,acme,2025-04-01,,99.99,month,,USD,2",
  "c-5,delta,2024-10-01,,450.00,quarter,,USD,",
  "c-6,delta,2024-10-01,2025-09-30T15:00:00Z,100.00,month,,USD,",
].join("\n");

describe("--contracts x.parquet", () => {
  it("reports the KPIs derived by hand (test/parquet/contractsFromParquet.test.ts), as the same rows in CSV do", async () => {
    const parquet = await runCli(["report", "--contracts", fixture("contracts.parquet"), "--period", "2025", "--format", "csv", "--quiet", ...TOKYO]);
    expect(parquet.code).toBe(0);
    const values = csvValues(parquet.stdout);
    expect(["startingMrr", "newMrr", "expansionMrr", "contractionMrr", "churnedMrr", "endingMrr", "lostRevenue"].map((key) => values.get(key))).toEqual(["1950", "300.5", "99.99", "100", "500", "1750.49", "3000"]);
    const csv = await runCli(["report", "--contracts", write("contracts.csv", CONTRACTS_CSV), "--period", "2025", "--format", "csv", "--quiet", ...TOKYO]);
    expect(parquet.stdout).toBe(csv.stdout);
  });

  it("reads a Parquet file by its PAR1 magic bytes whatever its name", async () => {
    const renamed = write("contracts.export", readFileSync(fixture("contracts.parquet")));
    const run = await runCli(["report", "--contracts", renamed, "--period", "2025", "--format", "csv", "--quiet", ...TOKYO]);
    expect(run.code).toBe(0);
    expect(csvValues(run.stdout).get("endingMrr")).toBe("1750.49");
  });

  it("tells a schema problem by row (from 0) and column", async () => {
    const run = await runCli(["report", "--contracts", fixture("contracts.parquet"), "--period", "2025", "--quiet"]);
    expect(run.code).toBe(1);
    expect(shown(run.stderr)).toMatchInlineSnapshot(`
      "cs-metrics: invalid input (2 problems):
        contracts.parquet: row 1, column end: must be a calendar date YYYY-MM-DD (got "2025-06-30T23:30:00.000Z")
        contracts.parquet: row 5, column end: must be a calendar date YYYY-MM-DD (got "2025-09-30T15:00:00.000Z")
      "
    `);
  });

  it("checks the columns after --columns renames them", async () => {
    const mapped = await runCli(["report", "--contracts", fixture("usage.parquet"), "--columns", "id=at", "--period", "2025", "--quiet"]);
    expect(mapped.code).toBe(1);
    expect(shown(mapped.stderr)).toContain("missing column");
  });

  it("refuses columns the contracts do not have, as a CSV header", async () => {
    const run = await runCli(["report", "--contracts", fixture("blobs.parquet"), "--period", "2025", "--quiet"]);
    expect(run.code).toBe(1);
    expect(shown(run.stderr)).toMatchInlineSnapshot(`
      "cs-metrics: invalid Parquet columns (7 problems):
        blobs.parquet:1:1: unknown column "raw"
        blobs.parquet:1:2: unknown column "uuid"
        blobs.parquet:1: missing column "id"
        blobs.parquet:1: missing column "customerId"
        blobs.parquet:1: missing column "start"
        blobs.parquet:1: missing column "amount"
        blobs.parquet:1: missing column "currency"
        (known columns: id, customerId, start, end, amount, interval, intervalCount, currency, product, plan, seats)
      "
    `);
  });

  it("tells bad values, a file that is not Parquet, an empty file and a missing file", async () => {
    const bad = await runCli(["report", "--contracts", fixture("bad-values.parquet"), "--period", "2025", "--quiet"]);
    expect(bad.code).toBe(1);
    expect(shown(bad.stderr)).toMatchInlineSnapshot(`
      "cs-metrics: invalid Parquet file bad-values.parquet (4 problems):
        bad-values.parquet: row 0, column plan: not UTF-8 text
        bad-values.parquet: row 1, column amount: not a finite number (got NaN)
        bad-values.parquet: row 2, column start: date outside years 1–9999 (2932897 days from 1970-01-01)
        bad-values.parquet: row 2, column amount: not a finite number (got Infinity)
      "
    `);
    const random = write("random.parquet", Uint8Array.from({ length: 64 }, (_, index) => (index * 31) % 256));
    const notParquet = await runCli(["report", "--contracts", random, "--period", "2025", "--quiet"]);
    expect(notParquet.code).toBe(1);
    expect(notParquet.stderr).toMatch(/random\.parquet: not a readable Parquet file \(.+\)\n$/);
    const empty = await runCli(["report", "--contracts", fixture("empty.parquet"), "--period", "2025", "--quiet"]);
    expect(shown(empty.stderr)).toBe("cs-metrics: empty.parquet: no records (no rows)\n");
    const missing = await runCli(["report", "--contracts", fixture("missing.parquet"), "--period", "2025", "--quiet"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("missing.parquet");
  });
});

describe("--contracts x.parquet of several row groups", () => {
  it("reports as the same rows in CSV do: plain rows through the fast reader, instants through the schema", async () => {
    // 5,000 lines over 700 customers; every 9th line ends at a UTC instant (placed on a Tokyo day, so
    // read as a record), the others are open. Written as CSV, then by DuckDB as Parquet in groups of 2,048.
    const lines = Array.from({ length: 5000 }, (_, i) => {
      const start = new Date(Date.UTC(2024, 0, 1 + (i % 400))).toISOString().slice(0, 10);
      const end = i % 9 === 0 ? new Date(Date.UTC(2025, 0, 1 + (i % 300), 15, 30)).toISOString().replace(".000", "") : "";
      return `c-${i},cust-${i % 700},${start},${end},${(i % 97) + 0.25},${i % 3 === 0 ? "year" : "month"},,JPY,${i % 5 === 0 ? "" : i % 11}`;
    });
    const csv = write("many.csv", ["id,customerId,start,end,amount,interval,intervalCount,currency,seats", ...lines].join("\n"));
    const parquet = csv.replace(/\.csv$/, ".parquet");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT id, customerId, start::DATE AS start, "end"::TIMESTAMPTZ AS "end", amount::DECIMAL(18, 2) AS amount, interval, currency, seats::DECIMAL(4, 0) AS seats
        FROM read_csv('${csv}', all_varchar = true, header = true)) TO '${parquet}' (FORMAT parquet, ROW_GROUP_SIZE 2048)`,
    );
    connection.closeSync();
    instance.closeSync();
    const args = ["--period", "2025", "--format", "csv", "--quiet", ...TOKYO];
    const fromParquet = await runCli(["report", "--contracts", parquet, ...args]);
    const fromCsv = await runCli(["report", "--contracts", csv, ...args]);
    expect(fromCsv.code).toBe(0);
    expect(fromParquet.stdout).toBe(fromCsv.stdout);
  });
});

describe("readParquetInto", () => {
  it("hands each row's values to a row reader, numeric text and DECIMAL read as numbers", async () => {
    const rows: unknown[][] = [];
    const read = await readParquetInto(fixture("usage.parquet"), USAGE_CSV, () => expect.unreachable(), undefined, undefined, (fields, values, row) => rows.push([row, Object.fromEntries(fields.map((field, index) => [field, values[index]]))]));
    expect(read.records).toBe(2);
    expect(rows[0]).toEqual([0, { customerId: "acme", at: "2025-12-30T16:00:00.000Z", licensedSeats: 12, provisionedUsers: 10, "metrics.logins": 7, "metrics.tickets": 3.5 }]);
  });

  it("passes on an error of the reader it feeds as it is", async () => {
    const thrown = new Error("stop");
    const read = readParquetInto(fixture("contracts.parquet"), CONTRACTS_SHAPE, () => {
      throw thrown;
    });
    await expect(read).rejects.toBe(thrown);
  });
});

describe("--usage and --events x.parquet", () => {
  it("scores usage snapshots read from Parquet, text and DECIMAL counts read as numbers", async () => {
    const scorecard = write("scorecard.json", SCORECARD);
    const run = await runCli(["report", "--contracts", fixture("contracts.parquet"), "--usage", fixture("usage.parquet"), "--scorecard", scorecard, "--period", "2025", "--format", "csv", "--quiet", ...TOKYO]);
    expect(run.stderr).toMatch(ADD_ON_WARNING);
    // As of 2025-12-31: acme 10 provisioned of "12" licensed seats → 0.833 → 83.3 ≥ 70: Good; beta churned
    // (not a customer); gamma and delta have no snapshot.
    const values = csvValues(run.stdout);
    expect(["healthAsOf", "healthGood", "healthBad", "healthNotCustomers", "goodMinusBad"].map((key) => values.get(key))).toEqual(["2025-12-31", "1", "0", "1", "100"]);
  });

  it("builds snapshots from Parquet events, their TIMESTAMP at placed on Tokyo days", async () => {
    const scorecard = write("scorecard2.json", SCORECARD);
    const run = await runCli(["report", "--contracts", fixture("contracts.parquet"), "--events", fixture("events.parquet"), "--scorecard", scorecard, "--period", "2025-06", "--format", "csv", "--quiet", ...TOKYO]);
    expect(run.stderr).toMatch(ADD_ON_WARNING);
    // As of 2025-06-30 (Tokyo): acme's u1 (06-29T20:00Z = 06-30 05:00) and u2 count, u3 (06-30T15:30Z =
    // 07-01 00:30) comes after; 2 of 10 + 2 seats → 0.167 → 16.7 < 40: Bad. beta has no seats: unscored.
    const values = csvValues(run.stdout);
    expect(["healthBad", "healthGood", "goodMinusBad", "healthUnscored[beta]"].map((key) => values.get(key))).toEqual(["1", "0", "-100", "missing measures"]);
  });
});

describe("readParquetRecords", () => {
  it("tells a record's row, a nested field's column, and reports progress on a large file", async () => {
    const usage = await readParquetRecords(fixture("usage.parquet"), USAGE_CSV);
    expect(usage.where!([1])).toBe("row 1");
    expect(usage.where!([1, "lastContactAt"])).toBe("row 1, field lastContactAt");
    expect(usage.where!([0, "metrics", "tickets"])).toBe("row 0, column metrics.tickets");
    expect(usage.locate([1, "at"])).toEqual({ line: 2, column: 1 });
    // The CLI reads text and DECIMAL in count columns as numbers, as it reads CSV cells.
    expect(usage.records[0]).toMatchObject({ licensedSeats: 12, metrics: { logins: 7, tickets: 3.5 } });
    const large = write("large.parquet", "");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT 'acme' AS customerId, DATE '2025-01-01' + (i % 300)::INT AS "at", 'x' AS "metrics.note" FROM range(50000) t(i)) TO '${large}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const messages: string[] = [];
    const read = await readParquetRecords(large, USAGE_CSV, (message) => messages.push(message));
    expect(read.records).toHaveLength(50_000);
    expect(messages).toEqual([`${large}: 50,000 records, validating`]);
    expect(read.records[0]).toEqual({ customerId: "acme", at: "2025-01-01", metrics: { note: "x" } });
  });

  it("leaves a file it cannot open to the CSV reader, which says why", async () => {
    const run = await runCli(["report", "--contracts", fixture("missing.csv"), "--period", "2025", "--quiet"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("missing.csv");
  });
});
