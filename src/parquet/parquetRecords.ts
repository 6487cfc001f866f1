/**
 * A Parquet file's bytes turned into plain records for the schemas (contracts, usage snapshots, usage
 * events), decoded by hyparquet (pure JavaScript) and converted exactly by parquetValues.
 * @module
 */
import type { ColumnData } from "hyparquet";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { parquetColumns } from "./parquetColumns.js";
import { BadValue, valueConverter } from "./parquetValues.js";

/** Options of {@link recordsFromParquet} and {@link readParquetFile}. */
export interface ParquetRecordsOptions {
  /**
   * The file's name in error messages (`contracts.parquet: row 12, column amount`). Default
   * `"input.parquet"` ({@link readParquetFile}: the path).
   */
  readonly file?: string;
  /**
   * Export column → field: `{ contract_id: "id", mrr_start: "start" }` reads column `contract_id` as
   * field `id` (the CLI's `--columns`). Columns not named keep their name.
   */
  readonly columns?: Readonly<Record<string, string>>;
}

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

/** Most bad values listed before reading stops. */
const MAX_BAD_VALUES = 100;

function notParquet(file: string, error: unknown): ValidationError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ValidationError([{ path: file, message: `not a readable Parquet file (${reason})` }]);
}

function arrayBufferOf(bytes: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  // A copy of the view (a Node Buffer's slice() would be another view of its shared pool).
  return whole ? (bytes.buffer as ArrayBuffer) : new Uint8Array(bytes).buffer;
}

/**
 * Builds the records from the converted columns (`undefined` = null). A field `metrics.logins` goes to
 * `record.metrics.logins` (one level). Records are plain objects, built in column order so they share
 * one shape; when a name is `__proto__` they have no prototype, so it stays an ordinary key.
 */
function assemble(rows: number, fields: readonly string[], values: readonly (readonly unknown[])[]): Record<string, unknown>[] {
  const paths = fields.map((field) => {
    const dot = field.indexOf(".");
    return dot <= 0 ? ([field] as const) : ([field.slice(0, dot), field.slice(dot + 1)] as const);
  });
  const bare = paths.some((path) => path.includes("__proto__"));
  const object = bare ? (): Record<string, unknown> => Object.create(null) as Record<string, unknown> : (): Record<string, unknown> => ({});
  const records = new Array<Record<string, unknown>>(rows);
  for (let row = 0; row < rows; row++) {
    const record = object();
    for (let column = 0; column < paths.length; column++) {
      const value = values[column]![row];
      if (value === undefined) continue;
      const path = paths[column]!;
      if (path.length === 1) record[path[0]] = value;
      else ((record[path[0]] ??= object()) as Record<string, unknown>)[path[1]] = value;
    }
    records[row] = record;
  }
  return records;
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
 * The whole file is held in memory; rows are counted from 0, as DuckDB's `file_row_number` and the
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
  const file = options.file ?? "input.parquet";
  // Loaded on first use: hyparquet is an ES module, which CommonJS reaches only through import() on Node 20.
  const { parquetMetadata, parquetRead } = await import("hyparquet");
  const buffer = arrayBufferOf(bytes);
  let read: ReturnType<typeof parquetColumns>;
  try {
    read = parquetColumns(parquetMetadata(buffer));
  } catch (error) {
    throw notParquet(file, error);
  }
  if ("problem" in read) throw new ValidationError([{ path: `${file}: column ${read.column}`, message: `cannot be read: ${read.problem}` }]);
  const { columns, metadata } = read;
  const fields = columns.map((column) => options.columns?.[column.name] ?? column.name);
  const firstOf = new Map<string, string>();
  for (const [index, field] of fields.entries()) {
    const earlier = firstOf.get(field);
    if (earlier !== undefined) throw new ValidationError([{ path: `${file}: column ${columns[index]!.name}`, message: `reads as field ${field}, as column ${earlier} does` }]);
    firstOf.set(field, columns[index]!.name);
  }
  const rows = Number(metadata.num_rows);
  const values = columns.map(() => new Array<unknown>(rows));
  const converters = columns.map((column) => valueConverter(column.type));
  const indexOf = new Map(columns.map((column, index) => [column.name, index]));
  const issues: (ValidationIssue & { readonly row: number; readonly column: number })[] = [];
  const onChunk = ({ columnName, columnData, rowStart }: ColumnData): void => {
    const index = indexOf.get(columnName)!;
    const convert = converters[index]!;
    const target = values[index]!;
    for (let offset = 0; offset < columnData.length; offset++) {
      const raw: unknown = columnData[offset];
      if (raw === null || raw === undefined) continue;
      const value = convert(raw);
      if (value instanceof BadValue) {
        if (issues.length < MAX_BAD_VALUES) issues.push({ row: rowStart + offset, column: index, path: `${file}: row ${rowStart + offset}, column ${columnName}`, message: value.message });
        continue;
      }
      target[rowStart + offset] = value;
    }
  };
  try {
    // The INT96 parser hands back nanoseconds; every other annotation we convert is removed from `metadata`.
    await parquetRead({ file: buffer, metadata, onChunk, utf8: false, geoparquet: false, parsers: { timestampFromNanoseconds: (nanos: bigint) => nanos } });
  } catch (error) {
    throw notParquet(file, error);
  }
  if (issues.length > 0) throw new ValidationError(issues.sort((a, b) => a.row - b.row || a.column - b.column).map(({ path, message }) => ({ path, message })));
  return { records: assemble(rows, fields, values), fields, columns: columns.map((column) => column.name) };
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
