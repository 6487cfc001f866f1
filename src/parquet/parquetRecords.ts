/**
 * A Parquet file's bytes turned into plain records for the schemas (contracts, usage snapshots, usage
 * events), decoded by hyparquet (pure JavaScript) and converted exactly by parquetValues.
 * @module
 */
import { openParquetRows, type ParquetRowsOptions } from "./parquetRows.js";

/** Options of {@link recordsFromParquet} and {@link readParquetFile}. */
export type ParquetRecordsOptions = ParquetRowsOptions;

/** The records of a Parquet file, one per row, and the fields its columns became. */
export interface ParquetRecords {
  /**
   * One record per row, in file order (record `i` is row `i`, counted from 0): a null is an absent
   * field; a column `metrics.logins` becomes `record.metrics.logins`. Records have no prototype.
   */
  readonly records: readonly Record<string, unknown>[];
  /** The field each column became (after `columns`), in the file's column order. */
  readonly fields: readonly string[];
  /** The columns as the file names them, in its order. */
  readonly columns: readonly string[];
}

/**
 * What makes a record of a row's values (`undefined` = null, left out): a field `metrics.logins` goes
 * to `record.metrics.logins` (one level). Records are plain objects, built in column order so they
 * share one shape; when a name is `__proto__` they have no prototype, so it stays an ordinary key.
 */
export function recordMaker(fields: readonly string[]): (values: readonly unknown[]) => Record<string, unknown> {
  const paths = fields.map((field) => {
    const dot = field.indexOf(".");
    return dot <= 0 ? ([field] as const) : ([field.slice(0, dot), field.slice(dot + 1)] as const);
  });
  const bare = paths.some((path) => path.includes("__proto__"));
  const object = bare ? (): Record<string, unknown> => Object.create(null) as Record<string, unknown> : (): Record<string, unknown> => ({});
  return (values) => {
    const record = object();
    for (let column = 0; column < paths.length; column++) {
      const value = values[column];
      if (value === undefined) continue;
      const path = paths[column]!;
      if (path.length === 1) record[path[0]] = value;
      else ((record[path[0]] ??= object()) as Record<string, unknown>)[path[1]] = value;
    }
    return record;
  };
}

/**
 * Reads a Parquet file's bytes into records ready for `contractBook`, `UsageSnapshotSchema` or
 * `usageSnapshots`.
 *
 * @remarks
 * Parquet types map exactly, never through a JavaScript float or `Date`:
 * DECIMAL(p, s) → decimal text (`"1234.50"` for DECIMAL(18,2)); INT32 → number; INT64 and
 * DECIMAL(p, 0) (Snowflake's NUMBER) → number when it is a safe integer, its digits as text otherwise; FLOAT/DOUBLE → number (NaN and ±∞ are
 * errors); DATE → `"YYYY-MM-DD"`; TIMESTAMP (ms, µs or ns) adjusted to UTC and the legacy INT96 →
 * an ISO instant (`"2025-03-31T23:30:00.000Z"`, sub-millisecond digits dropped, which never moves the
 * calendar day), which `contractBook`'s and `usageSnapshots`' `timeZone` option puts on a calendar
 * date (without it, the schemas reject a date-time, as they do for CSV and JSON input); TIMESTAMP not
 * adjusted to UTC (a wall-clock reading) → its calendar date; strings, ENUM, JSON and UUID → text;
 * BOOLEAN → boolean; null → the field is absent. Groups (struct, list, map), TIME and INTERVAL columns
 * are refused. Compression: uncompressed or Snappy (the default of DuckDB, Spark and pyarrow); a
 * zstd or gzip file (Polars writes zstd by default) is refused with the codec named.
 * The bytes and every record are held in memory ({@link openParquetRows} and `openParquetFile` hand
 * rows over one at a time instead); rows are counted from 0, as DuckDB's `file_row_number` and the
 * record index (`contracts[12]`) count them.
 *
 * @param bytes - the file's bytes
 * @param options - the name used in errors and the column-to-field mapping
 * @returns One record per row and the fields of the columns.
 * @throws ValidationError with one issue naming the file (`contracts.parquet`) when the bytes are
 * not a Parquet file or are corrupt, or a column cannot be read (a group, TIME, INTERVAL) or two
 * columns map to one field; with one issue per bad value (`contracts.parquet: row 12, column
 * amount`, at most 100) for a NaN or infinite float, a date or timestamp outside years 1–9999, or a
 * string column that is not UTF-8.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { recordsFromParquet } from "cs-metrics/parquet";
 * const { records, fields } = await recordsFromParquet(readFileSync("test/parquet/fixtures/contracts.parquet"), { file: "contracts.parquet" });
 * fields; //=> ["id", "customerId", "start", "end", "amount", "interval", "intervalCount", "currency", "seats"]
 * records[0]; //=> { id: "c-1", customerId: "acme", start: "2024-07-01", amount: "1200.00", interval: "month", currency: "USD", seats: 10 }
 * records[1].end; //=> "2025-06-30T23:30:00.000Z"
 * ```
 */
export async function recordsFromParquet(bytes: ArrayBuffer | Uint8Array, options: ParquetRecordsOptions = {}): Promise<ParquetRecords> {
  const rows = await openParquetRows(bytes, options);
  const record = recordMaker(rows.fields);
  const records: Record<string, unknown>[] = [];
  await rows.forEachRow((values) => records.push(record(values)));
  return { records, fields: rows.fields, columns: rows.columns };
}

/**
 * Reads a Parquet file from a path (Node, Deno, Bun) into records: {@link recordsFromParquet} of its bytes.
 *
 * @remarks The file is read whole into memory; errors name `options.file`, or the path.
 * @param path - the file's path
 * @param options - the column-to-field mapping (and the name used in errors)
 * @returns One record per row and the fields of the columns.
 * @throws ValidationError as {@link recordsFromParquet} does; the file system's error when the file
 * cannot be read.
 *
 * @example
 * ```ts
 * import { readParquetFile } from "cs-metrics/parquet";
 * const { records } = await readParquetFile("test/parquet/fixtures/contracts.parquet");
 * records.length; //=> 6
 * ```
 */
export async function readParquetFile(path: string, options: ParquetRecordsOptions = {}): Promise<ParquetRecords> {
  const { readFile } = await import("node:fs/promises");
  return recordsFromParquet(await readFile(path), { file: path, ...options });
}
