/**
 * recordsFromParquet / readParquetFile on the fixtures written by fixtures/generate.mjs (DuckDB): every
 * Parquet type mapped as the SELECT there writes it, and the errors for bad values and bad files.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readParquetFile, recordsFromParquet } from "../../src/parquet/index.js";
import { issuesOf } from "./support.js";
import { decimalText } from "../../src/parquet/parquetValues.js";

const fixture = (name: string): string => join(import.meta.dirname, "fixtures", name);
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(fixture(name)));

describe("recordsFromParquet: types", () => {
  it("maps every type exactly, as generate.mjs writes it", async () => {
    const { records, fields, columns } = await recordsFromParquet(bytesOf("types.parquet"), { file: "types.parquet" });
    expect(fields).toEqual(["d", "ts_ms", "ts_local", "ts_ns", "tstz", "dec18", "dec38", "dec4", "big", "i", "f", "s", "b", "u"]);
    expect(columns).toEqual(fields);
    expect({ ...records[0] }).toEqual({
      d: "1969-12-31", // DATE −1 day
      ts_ms: "2025-03-31", // TIMESTAMP_MS is local (not UTC-adjusted): its wall-clock date, 23:30 stays on the 31st
      ts_local: "1969-12-31", // µs before 1970: floor division keeps the 31st
      ts_ns: "2025-01-01",
      tstz: "1969-12-31T23:59:59.500Z", // UTC-adjusted: an instant for the timeZone option
      dec18: "-1234.05", // DECIMAL(18,2) stored as INT64 −123405
      dec38: "-12345678901234567890.0123456789", // DECIMAL(38,10) stored as 16 bytes, exact
      dec4: "-0.5", // DECIMAL(4,1) stored as INT32 −5
      big: "9007199254740993", // 2^53 + 1: beyond a safe number, kept as its digits
      i: -42,
      f: 0.1,
      s: "héllo",
      b: true,
      u: 7, // UTINYINT → INT32 annotated unsigned
    });
    // Row 2: nulls are absent fields; −(2^53 − 1) is still a safe number.
    expect({ ...records[1] }).toEqual({ dec4: "12.3", big: -9007199254740991 });
  });

  it("gathers metrics.<name> columns under metrics, keeping each value's type", async () => {
    const { records } = await recordsFromParquet(bytesOf("usage.parquet"));
    expect(records.map((record) => JSON.parse(JSON.stringify(record)))).toEqual([
      { customerId: "acme", at: "2025-12-30T16:00:00.000Z", licensedSeats: "12", provisionedUsers: 10, metrics: { logins: 7, tickets: "3.50" } },
      { customerId: "beta", at: "2025-12-31T00:00:00.000Z", licensedSeats: "5" },
    ]);
  });

  it("formats decimals from their unscaled integer", () => {
    expect(decimalText(123456n, 2)).toBe("1234.56");
    expect(decimalText(-5n, 2)).toBe("-0.05");
    expect(decimalText(7n, 0)).toBe("7");
    expect(decimalText(-7n, 0)).toBe("-7");
    expect(decimalText(10n ** 30n + 1n, 3)).toBe("1000000000000000000000000000.001");
  });

  it("renames columns to fields and refuses two columns read as one field", async () => {
    const { records, fields, columns } = await recordsFromParquet(bytesOf("usage.parquet"), { columns: { customerId: "account", "metrics.logins": "metrics.signIns" } });
    expect(fields.slice(0, 1)).toEqual(["account"]);
    expect(columns[0]).toBe("customerId");
    expect(records[0]!["account"]).toBe("acme");
    expect((records[0]!["metrics"] as Record<string, unknown>)["signIns"]).toBe(7);
    const issues = await issuesOf(recordsFromParquet(bytesOf("usage.parquet"), { file: "u.parquet", columns: { provisionedUsers: "licensedSeats" } }));
    expect(issues).toEqual([{ path: "u.parquet: column provisionedUsers", message: "reads as field licensedSeats, as column licensedSeats does" }]);
  });

  it("keeps a column named __proto__ an ordinary key (records without a prototype)", async () => {
    const { records } = await recordsFromParquet(bytesOf("usage.parquet"), { columns: { "metrics.logins": "metrics.__proto__" } });
    const metrics = records[0]!["metrics"] as Record<string, unknown>;
    expect(Object.getPrototypeOf(metrics)).toBeNull();
    expect(Object.keys(metrics)).toEqual(["__proto__", "tickets"]);
  });

  it("reads an ArrayBuffer, and a Uint8Array that views part of a larger buffer", async () => {
    const bytes = bytesOf("contracts.parquet");
    const whole = await recordsFromParquet(bytes.buffer as ArrayBuffer);
    const padded = new Uint8Array(bytes.length + 10);
    padded.set(bytes, 5);
    const view = await recordsFromParquet(padded.subarray(5, 5 + bytes.length));
    expect(view.records).toEqual(whole.records);
    expect(whole.records).toHaveLength(6);
  });

  it("does not change the bytes it reads", async () => {
    const bytes = bytesOf("types.parquet");
    const before = Uint8Array.from(bytes);
    await recordsFromParquet(bytes);
    expect(bytes).toEqual(before);
  });

  it("reads a path, naming it in errors", async () => {
    const { records } = await readParquetFile(fixture("contracts.parquet"));
    expect(records[2]).toEqual({ id: "c-3", customerId: "gamma", start: "2025-03-01", amount: "300.50", currency: "USD" });
    const issues = await issuesOf(readParquetFile(fixture("bad-values.parquet"), { file: "b.parquet" }));
    expect(issues[0]!.path).toBe("b.parquet: row 0, column plan");
  });
});

describe("recordsFromParquet: errors", () => {
  it("lists each bad value by row (from 0) and column, rows in order", async () => {
    const issues = await issuesOf(recordsFromParquet(bytesOf("bad-values.parquet"), { file: "contracts.parquet" }));
    expect(issues).toMatchInlineSnapshot(`
      [
        {
          "message": "not UTF-8 text",
          "path": "contracts.parquet: row 0, column plan",
        },
        {
          "message": "not a finite number (got NaN)",
          "path": "contracts.parquet: row 1, column amount",
        },
        {
          "message": "date outside years 1–9999 (2932897 days from 1970-01-01)",
          "path": "contracts.parquet: row 2, column start",
        },
        {
          "message": "not a finite number (got Infinity)",
          "path": "contracts.parquet: row 2, column amount",
        },
      ]
    `);
    // 10000-01-01 is 2932897 days after 1970-01-01: 8030 years of 365 days, + 1947 leap days (the 2007
    // years 1972, 1976, …, 9996, less the 60 centuries 2100…9900 not divisible by 400: 79 − 19)
    // = 2930950 + 1947 = 2932897.
    expect(8030 * 365 + ((9996 - 1972) / 4 + 1) - (79 - 19)).toBe(2932897);
  });

  it("lists the first 100 bad values", async () => {
    const issues = await issuesOf(recordsFromParquet(bytesOf("many-bad.parquet")));
    expect(issues).toHaveLength(100);
    expect(issues.at(-1)).toEqual({ path: "input.parquet: row 99, column amount", message: "not a finite number (got NaN)" });
  });

  it("refuses a group column and a time-of-day column, naming it", async () => {
    expect(await issuesOf(recordsFromParquet(bytesOf("struct.parquet"), { file: "s.parquet" }))).toEqual([
      { path: "s.parquet: column extra", message: "cannot be read: it is a group (struct, list or map); cs-metrics reads flat columns" },
    ]);
    expect(await issuesOf(recordsFromParquet(bytesOf("time.parquet")))).toEqual([
      { path: "input.parquet: column at", message: "cannot be read: its Parquet type TIME holds no value cs-metrics reads" },
    ]);
  });

  it("refuses bytes that are not Parquet, a truncated file and empty bytes with a ValidationError, never a TypeError", async () => {
    const random = new Uint8Array(4096).map((_, index) => (index * 7919 + 13) % 251);
    const truncated = bytesOf("contracts.parquet").subarray(0, 700);
    for (const bytes of [random, truncated, new Uint8Array(0), new TextEncoder().encode("id,customerId\nPAR1")]) {
      const issues = await issuesOf(recordsFromParquet(bytes, { file: "x.parquet" }));
      expect(issues).toHaveLength(1);
      expect(issues[0]!.path).toBe("x.parquet");
      expect(issues[0]!.message).toMatch(/^not a readable Parquet file \(.+\)$/);
    }
  });

  it("refuses a file whose footer is intact but whose pages are damaged", async () => {
    const damaged = bytesOf("contracts.parquet");
    // Overwrite the column data after the leading magic (the footer, at the end, stays intact).
    damaged.fill(0xff, 4, 400);
    const issues = await issuesOf(recordsFromParquet(damaged, { file: "d.parquet" }));
    expect(issues[0]!.message).toMatch(/^not a readable Parquet file/);
  });
});

describe("recordsFromParquet: bytes", () => {
  it("reads bytes without a text annotation as UTF-8 text, UUID as text, and refuses bytes that are not UTF-8", async () => {
    const { records } = await recordsFromParquet(bytesOf("blobs.parquet"));
    expect(records).toEqual([
      { raw: "abc", uuid: "6f1c2a3e-0000-4000-8000-00000000abcd", interval: "month" },
      { raw: "é", interval: "year" }, // the bytes C3 A9
    ]);
    const issues = await issuesOf(recordsFromParquet(bytesOf("bad-values.parquet"), { file: "b.parquet" }));
    expect(issues[0]).toEqual({ path: "b.parquet: row 0, column plan", message: "not UTF-8 text" });
  });
});
