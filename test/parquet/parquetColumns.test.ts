/**
 * parquetColumns and valueConverter on schema elements and raw values that DuckDB does not write
 * (legacy converted types, INT96, FLOAT16, repeated columns), built by hand from the Parquet format's
 * definitions (parquet-format LogicalTypes.md).
 */
import type { FileMetaData, SchemaElement } from "hyparquet";
import { describe, expect, it } from "vitest";
import { type ColumnKind, parquetColumns } from "../../src/parquet/parquetColumns.js";
import { BadValue, valueConverter } from "../../src/parquet/parquetValues.js";

const ROOT: SchemaElement = { name: "schema", num_children: 1 };

function metadataOf(...elements: SchemaElement[]): FileMetaData {
  return { version: 2, schema: [{ ...ROOT, num_children: elements.length }, ...elements], num_rows: 0n, row_groups: [], metadata_length: 0 };
}

function kindOf(element: SchemaElement): ColumnKind | string {
  const read = parquetColumns(metadataOf(element));
  return "problem" in read ? read.problem : read.columns[0]!.type;
}

describe("parquetColumns", () => {
  it("reads the legacy TIMESTAMP_MILLIS and TIMESTAMP_MICROS annotations as UTC-adjusted", () => {
    expect(kindOf({ name: "t", type: "INT64", converted_type: "TIMESTAMP_MILLIS" })).toEqual({ kind: "timestamp", ticksPerMs: 1n, utc: true });
    expect(kindOf({ name: "t", type: "INT64", converted_type: "TIMESTAMP_MICROS" })).toEqual({ kind: "timestamp", ticksPerMs: 1000n, utc: true });
  });

  it("reads a legacy DECIMAL annotation's scale from the element", () => {
    expect(kindOf({ name: "a", type: "INT64", converted_type: "DECIMAL", scale: 3, precision: 12 })).toEqual({ kind: "decimal", scale: 3 });
    expect(kindOf({ name: "a", type: "INT32", converted_type: "DECIMAL", precision: 9 })).toEqual({ kind: "decimal", scale: 0 });
  });

  it("reads INT96 as an instant, FLOAT16 as a number and refuses other fixed-length bytes", () => {
    expect(kindOf({ name: "t", type: "INT96" })).toEqual({ kind: "int96" });
    expect(kindOf({ name: "f", type: "FIXED_LEN_BYTE_ARRAY", type_length: 2, logical_type: { type: "FLOAT16" } })).toEqual({ kind: "number" });
    expect(kindOf({ name: "x", type: "FIXED_LEN_BYTE_ARRAY", type_length: 8 })).toBe("it holds fixed-length bytes (not text, a number or a date)");
  });

  it("refuses a repeated column, INTERVAL and a column without a physical type", () => {
    expect(kindOf({ name: "r", type: "INT32", repetition_type: "REPEATED" })).toBe("it is a repeated (list) column; cs-metrics reads flat columns");
    expect(kindOf({ name: "i", type: "FIXED_LEN_BYTE_ARRAY", type_length: 12, converted_type: "INTERVAL" })).toBe("its Parquet type INTERVAL holds no value cs-metrics reads");
    expect(kindOf({ name: "n" })).toBe("its Parquet type undefined is not one cs-metrics reads");
  });

  it("hands the decoder the bare physical type of the columns it converts, the others as they are", () => {
    const decimal: SchemaElement = { name: "a", type: "INT64", converted_type: "DECIMAL", scale: 2, precision: 18, logical_type: { type: "DECIMAL", scale: 2, precision: 18 } };
    const text: SchemaElement = { name: "s", type: "BYTE_ARRAY", converted_type: "UTF8", logical_type: { type: "STRING" } };
    const read = parquetColumns(metadataOf(decimal, text));
    if ("problem" in read) throw new Error(read.problem);
    expect(read.metadata.schema.slice(1)).toEqual([{ name: "a", type: "INT64", scale: 2, precision: 18 }, text]);
    expect(decimal.converted_type).toBe("DECIMAL"); // the file's metadata is not changed
  });
});

describe("valueConverter", () => {
  it("reads INT96 nanoseconds as an instant, floored to the millisecond", () => {
    const int96 = valueConverter({ kind: "int96" });
    // 2025-03-31T23:30:00Z = 1743463800 s; + 999999 ns stays in the same millisecond.
    expect(int96(1_743_463_800n * 1_000_000_000n + 999_999n)).toBe("2025-03-31T23:30:00.000Z");
    // −1 ns is 1969-12-31T23:59:59.999999999Z: floor, not truncation towards 0.
    expect(int96(-1n)).toBe("1969-12-31T23:59:59.999Z");
  });

  it("refuses a timestamp past year 9999 and reads a bytes DECIMAL of scale 0 as a number", () => {
    const timestamp = valueConverter({ kind: "timestamp", ticksPerMs: 1_000_000n, utc: false });
    expect(timestamp(253_402_300_800n * 1_000_000_000n)).toEqual(new BadValue("timestamp outside years 1–9999 (253402300800000000000 ns from 1970-01-01)"));
    expect(valueConverter({ kind: "timestamp", ticksPerMs: 1_000n, utc: true })(-62_135_596_800_000_001n)).toEqual(new BadValue("timestamp outside years 1–9999 (-62135596800000001 µs from 1970-01-01)"));
    expect(valueConverter({ kind: "timestamp", ticksPerMs: 1n, utc: true })(0n)).toBe("1970-01-01T00:00:00.000Z");
    const whole = valueConverter({ kind: "decimal", scale: 0 });
    expect(whole(Uint8Array.of(0xff, 0x85))).toBe(-123); // 0xFF85 two's complement = −123
    expect(whole(Uint8Array.of(0x20, 0, 0, 0, 0, 0, 0, 1))).toBe("2305843009213693953"); // 2^61 + 1
    expect(valueConverter({ kind: "decimal", scale: 2 })(Uint8Array.of())).toBe("0.00");
    expect(valueConverter({ kind: "decimal", scale: 2 })(-(2n ** 60n))).toBe("-11529215046068469.76");
    expect(valueConverter({ kind: "decimal", scale: 2 })(7)).toBe("0.07");
    expect(whole(-5n)).toBe(-5);
    expect(valueConverter({ kind: "timestamp", ticksPerMs: 1n, utc: true })(-62_135_596_800_001n)).toEqual(new BadValue("timestamp outside years 1–9999 (-62135596800001 ms from 1970-01-01)"));
  });
});

describe("valueConverter: dates", () => {
  it("gives the same text for a day however many distinct days came before (its cache is bounded)", () => {
    const date = valueConverter({ kind: "date" });
    for (let day = 0; day < 5000; day++) date(day);
    // Day 20089 = 2025-01-01: 55 years of 365 days (20075) + 14 leap days (1972…2024).
    expect(date(20_089)).toBe("2025-01-01");
    expect(date(0)).toBe("1970-01-01");
  });
});
