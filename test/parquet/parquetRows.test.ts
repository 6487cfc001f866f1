/**
 * openParquetRows / openParquetFile: rows handed over one row group at a time, with the values
 * recordsFromParquet gives, in order, and bad values listed across row groups (files written by
 * DuckDB with small row groups, so that a few thousand rows span several).
 */
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { openParquetFile, openParquetRows, recordsFromParquet } from "../../src/parquet/index.js";
import { parquetFileSource } from "../../src/parquet/parquetFile.js";
import { recordMaker } from "../../src/parquet/parquetRecords.js";
import { notParquet, stringFromBytes } from "../../src/parquet/parquetRows.js";
import { BadValue } from "../../src/parquet/parquetValues.js";
import { issuesOf } from "./support.js";

const fixture = (name: string): string => join(import.meta.dirname, "fixtures", name);
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(fixture(name)));
const folder = mkdtempSync(join(tmpdir(), "cs-metrics-parquet-rows-"));

/** Writes `select` as a Parquet file, by default of row groups of 2,048 rows (DuckDB's smallest). */
async function written(name: string, select: string, options = "ROW_GROUP_SIZE 2048"): Promise<string> {
  const file = join(folder, name);
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run(`COPY (${select}) TO '${file}' (FORMAT parquet, ${options})`);
  connection.closeSync();
  instance.closeSync();
  return file;
}

/** Every row's values (copied) and index. */
async function rowsOf(rows: { forEachRow(onRow: (values: readonly unknown[], row: number) => void): Promise<void> }): Promise<{ values: unknown[][]; indexes: number[] }> {
  const values: unknown[][] = [];
  const indexes: number[] = [];
  await rows.forEachRow((row, index) => {
    values.push([...row]);
    indexes.push(index);
  });
  return { values, indexes };
}

let groups = "";
beforeAll(async () => {
  // 5,000 rows: row groups of 2,048, 2,048 and 904. Every 7th amount is null, every 1,000th id too.
  groups = await written(
    "groups.parquet",
    `SELECT CASE WHEN i % 1000 = 999 THEN NULL ELSE 'c-' || i END AS id, DATE '2025-01-01' + (i % 365)::INT AS start,
       CASE WHEN i % 7 = 0 THEN NULL ELSE CAST(i / 100 AS DECIMAL(18, 2)) END AS amount, i AS n FROM range(5000) t(i) ORDER BY i`,
  );
});

describe("openParquetRows", () => {
  it("hands over the values recordsFromParquet makes records of, row by row in file order", async () => {
    for (const name of ["types.parquet", "usage.parquet", "contracts.parquet", "blobs.parquet", "events.parquet"]) {
      const rows = await openParquetRows(bytesOf(name));
      const { records, fields, columns } = await recordsFromParquet(bytesOf(name));
      expect(rows.fields).toEqual(fields);
      expect(rows.columns).toEqual(columns);
      expect(rows.rowCount).toBe(records.length);
      const { values, indexes } = await rowsOf(rows);
      const record = recordMaker(rows.fields);
      expect(values.map(record)).toEqual(records);
      expect(indexes).toEqual(records.map((_, index) => index));
    }
  });

  it("hands one reused array, and reads again when asked", async () => {
    const rows = await openParquetRows(bytesOf("contracts.parquet"));
    const arrays = new Set<readonly unknown[]>();
    await rows.forEachRow((values) => arrays.add(values));
    expect(arrays.size).toBe(1);
    const again = await rowsOf(rows);
    expect(again.indexes).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("reads a file of several row groups: every row once, in order, values exact", async () => {
    const rows = await openParquetFile(groups);
    expect(rows.rowCount).toBe(5000);
    const { values, indexes } = await rowsOf(rows);
    expect(indexes).toEqual(Array.from({ length: 5000 }, (_, index) => index));
    // Row 2049 (the second group's second row): 'c-2049', 2025-01-01 + (2049 mod 365 = 224) days =
    // 2025-08-13 (Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30 + Jul 31 = 212 days to Aug 1,
    // + 12), amount 2049 / 100 = 20.49 as DECIMAL(18, 2)'s text.
    expect(values[2049]).toEqual(["c-2049", "2025-08-13", "20.49", 2049]);
    // Row 4095 (the second group's last): 4095 = 7 × 585 → null amount; 4095 mod 365 = 80 days after
    // 2025-01-01 = 2025-03-22 (31 + 28 = 59 days to Mar 1, + 21); row 3999 (mod 1000 = 999): a null id.
    expect(values[4095]).toEqual(["c-4095", "2025-03-22", undefined, 4095]);
    expect(values[3999]![0]).toBeUndefined();
  });

  it("stops handing rows over at the first bad value, and lists the bad values of every row group", async () => {
    // Every 50th amount is NaN from row 3000: 40 bad values in rows 3000…4950, in the second and third groups.
    const file = await written("bad-later.parquet", `SELECT 'c-' || i AS id, CASE WHEN i >= 3000 AND i % 50 = 0 THEN 'nan'::DOUBLE ELSE i END AS amount FROM range(5000) t(i) ORDER BY i`);
    const handed: number[] = [];
    const issues = await issuesOf((await openParquetFile(file, { file: "b.parquet" })).forEachRow((_, row) => handed.push(row)));
    expect(handed).toEqual(Array.from({ length: 3000 }, (_, index) => index));
    expect(issues).toHaveLength(40);
    expect(issues[0]).toEqual({ path: "b.parquet: row 3000, column amount", message: "not a finite number (got NaN)" });
    expect(issues.at(-1)!.path).toBe("b.parquet: row 4950, column amount");
  });

  it("lists the first 100 bad values by row, then column, across row groups", async () => {
    // Rows 0…4999, both columns NaN on every 20th row: the first 100 are rows 0, 20, …, 980 in both columns.
    const file = await written("many-bad-groups.parquet", `SELECT CASE WHEN i % 20 = 0 THEN 'nan'::DOUBLE ELSE i END AS a, CASE WHEN i % 20 = 0 THEN 'inf'::DOUBLE ELSE i END AS b FROM range(5000) t(i) ORDER BY i`);
    const issues = await issuesOf((await openParquetFile(file, { file: "m.parquet" })).forEachRow(() => undefined));
    expect(issues).toHaveLength(100);
    expect(issues.slice(0, 3).map((issue) => issue.path)).toEqual(["m.parquet: row 0, column a", "m.parquet: row 0, column b", "m.parquet: row 20, column a"]);
    expect(issues.at(-1)).toEqual({ path: "m.parquet: row 980, column b", message: "not a finite number (got Infinity)" });
  });

  it("rejects a file whose pages are damaged when the rows are read, and passes on the handler's own error", async () => {
    const damaged = bytesOf("contracts.parquet");
    damaged.fill(0xff, 4, 400);
    const rows = await openParquetRows(damaged, { file: "d.parquet" });
    const issues = await issuesOf(rows.forEachRow(() => undefined));
    expect(issues[0]!.message).toMatch(/^not a readable Parquet file/);
    const thrown = new Error("stop");
    await expect(
      (await openParquetRows(bytesOf("contracts.parquet"))).forEachRow(() => {
        throw thrown;
      }),
    ).rejects.toBe(thrown);
  });

  it("refuses a zstd or gzip file, naming the codec, before any row is handed over", async () => {
    for (const codec of ["zstd", "gzip"]) {
      const file = await written(`${codec}.parquet`, "SELECT 'c-' || i AS id FROM range(10) t(i)", `COMPRESSION ${codec}`);
      const handed: number[] = [];
      const issues = await issuesOf((await openParquetFile(file, { file: "x.parquet" })).forEachRow((_, row) => handed.push(row)));
      expect(handed).toEqual([]);
      expect(issues).toEqual([{ path: "x.parquet", message: `not a readable Parquet file (parquet unsupported compression codec: ${codec.toUpperCase()})` }]);
    }
  });

  it("does not change the bytes it reads", async () => {
    const bytes = bytesOf("types.parquet");
    const before = Uint8Array.from(bytes);
    await (await openParquetRows(bytes)).forEachRow(() => undefined);
    expect(bytes).toEqual(before);
  });
});

describe("the decoder's hooks", () => {
  it("decodes text as UTF-8 or says why not, passes a missing value on, and tells a thrown non-Error", () => {
    expect(stringFromBytes(Uint8Array.of(0x68, 0xc3, 0xa9))).toBe("hé");
    expect(stringFromBytes(Uint8Array.of(0xff))).toEqual(new BadValue("not UTF-8 text"));
    expect(stringFromBytes(undefined)).toBeUndefined();
    expect(notParquet("x.parquet", "bad footer").issues).toEqual([{ path: "x.parquet", message: "not a readable Parquet file (bad footer)" }]);
  });
});

describe("openParquetFile", () => {
  it("reads a path as openParquetRows reads its bytes, naming the path in errors", async () => {
    const fromFile = await rowsOf(await openParquetFile(fixture("types.parquet")));
    const fromBytes = await rowsOf(await openParquetRows(bytesOf("types.parquet")));
    expect(fromFile).toEqual(fromBytes);
    const issues = await issuesOf((await openParquetFile(fixture("bad-values.parquet"))).forEachRow(() => undefined));
    expect(issues[0]!.path).toBe(`${fixture("bad-values.parquet")}: row 0, column plan`);
    await expect(openParquetFile(join(folder, "missing.parquet"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("reads byte ranges from disk: to the end when no end is given, short when the file shrank", async () => {
    const file = join(folder, "ten.bin");
    writeFileSync(file, Uint8Array.from({ length: 10 }, (_, index) => index));
    const source = await parquetFileSource(file);
    expect(source.byteLength).toBe(10);
    expect([...new Uint8Array(await source.slice(7))]).toEqual([7, 8, 9]);
    truncateSync(file, 4);
    // Asked for bytes 2…8 of what was 10 bytes: 2 and 3 are read, the rest stays zero.
    expect([...new Uint8Array(await source.slice(2, 8))]).toEqual([2, 3, 0, 0, 0, 0]);
  });
});
