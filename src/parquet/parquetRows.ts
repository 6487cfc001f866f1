/**
 * A Parquet file read row group by row group and column by column (hyparquet's lazy scan), each
 * row group converted exactly by parquetValues and handed over one row at a time in a reused
 * array of values, so a file of millions of rows is never held as decoded columns or row objects.
 * @module
 */
import type { AsyncBuffer, DecodedArray, ParquetRowRange, ParquetScan } from "hyparquet";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { type ParquetColumn, parquetColumns } from "./parquetColumns.js";
import { BadValue, valueConverter } from "./parquetValues.js";

/** Options of {@link openParquetRows}. */
export interface ParquetRowsOptions {
  /**
   * The file's name in error messages (`contracts.parquet: row 12, column amount`). Default
   * `"input.parquet"`.
   */
  readonly file?: string;
  /**
   * Export column → field: `{ contract_id: "id", mrr_start: "start" }` reads column `contract_id` as
   * field `id` (the CLI's `--columns`). Columns not named keep their name.
   */
  readonly columns?: Readonly<Record<string, string>>;
}

/**
 * One row handed over by {@link ParquetRows.forEachRow}: its values in column order (`undefined` for
 * a null; one array reused for every row, so copy what you keep) and its index, counted from 0.
 */
export type ParquetRowHandler = (values: readonly unknown[], row: number) => void;

/** A Parquet file opened for reading row by row: its columns, the fields they become, its row count. */
export interface ParquetRows {
  /** The field each column becomes (after `columns`), in the file's column order. */
  readonly fields: readonly string[];
  /** The columns as the file names them, in its order. */
  readonly columns: readonly string[];
  /** Rows in the file, as its footer counts them. */
  readonly rowCount: number;
  /**
   * Reads the rows in file order, handing each to `onRow`. Rows are handed over up to the first row
   * holding a bad value; reading then goes on only to list the bad values (the first 100 by row, then
   * column) and the returned promise rejects with them.
   */
  forEachRow(onRow: ParquetRowHandler): Promise<void>;
}

/** Most bad values listed before reading stops. */
const MAX_BAD_VALUES = 100;

/** The error for bytes that hyparquet cannot read. */
export function notParquet(file: string, error: unknown): ValidationError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ValidationError([{ path: file, message: `not a readable Parquet file (${reason})` }]);
}

/** An `ArrayBuffer` of exactly `bytes` (a copy only when the view covers part of a larger buffer). */
export function arrayBufferOf(bytes: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  // A copy of the view (a Node Buffer's slice() would be another view of its shared pool).
  return whole ? (bytes.buffer as ArrayBuffer) : new Uint8Array(bytes).buffer;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });
const NOT_UTF8 = new BadValue("not UTF-8 text");

/**
 * Text columns are decoded by hyparquet through this parser: a dictionary-encoded column's distinct
 * values once per column chunk, not once per row. Bytes that are not UTF-8 become a {@link BadValue}.
 */
export function stringFromBytes(bytes: Uint8Array | undefined): unknown {
  if (bytes === undefined) return undefined;
  try {
    return UTF8.decode(bytes);
  } catch {
    return NOT_UTF8;
  }
}

/** The INT96 parser hands back nanoseconds; every other annotation we convert is removed from the metadata. */
const PARSERS = { timestampFromNanoseconds: (nanos: bigint): bigint => nanos, stringFromBytes };

/**
 * Opens a Parquet source (bytes or any `AsyncBuffer`: hyparquet's file-like object) for reading row
 * by row; see {@link openParquetRows}.
 * @throws ValidationError as {@link openParquetRows} does.
 */
export async function openParquetSource(source: AsyncBuffer, options: ParquetRowsOptions = {}): Promise<ParquetRows> {
  const file = options.file ?? "input.parquet";
  // Loaded on first use: hyparquet is an ES module, which CommonJS reaches only through import() on Node 20.
  const { parquetMetadataAsync, parquetScan } = await import("hyparquet");
  let read: ReturnType<typeof parquetColumns>;
  try {
    read = parquetColumns(await parquetMetadataAsync(source, { geoparquet: false }));
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
  // Row groups' ranges, from the footer: [0, n0), [n0, n0 + n1), …
  const ranges: ParquetRowRange[] = [];
  let end = 0;
  for (const group of metadata.row_groups) ranges.push({ rowStart: end, rowEnd: (end += Number(group.num_rows)) });
  return {
    fields,
    columns: columns.map((column) => column.name),
    rowCount: Number(metadata.num_rows),
    forEachRow: async (onRow) => {
      // Text through the UTF-8 parser; bytes of other kinds (a DECIMAL stored as BYTE_ARRAY) raw.
      const scans = new Map<boolean, Promise<ParquetScan>>();
      const readColumn = async (column: ParquetColumn, rowStart: number, rowEnd: number): Promise<DecodedArray> => {
        const utf8 = column.type.kind === "text";
        try {
          let scan = scans.get(utf8);
          if (scan === undefined) scans.set(utf8, (scan = parquetScan({ file: source, metadata, utf8, geoparquet: false, parsers: PARSERS })));
          return await (await scan).readColumn({ column: column.name, rowStart, rowEnd });
        } catch (error) {
          // A corrupt page or a refused codec; the row handler's own errors pass through as they are.
          throw notParquet(file, error);
        }
      };
      await readRows(file, columns, ranges, readColumn, onRow);
    },
  };
}

/**
 * Reads every row group: its columns decoded (hyparquet), then row by row each value converted and
 * the row handed over — no converted column is built, so no young value is stored into a large array.
 * From the first bad value on, rows are only converted to list the bad values, which therefore come in
 * row, then column order; reading stops at the 100th.
 */
async function readRows(
  file: string,
  columns: readonly ParquetColumn[],
  ranges: readonly ParquetRowRange[],
  readColumn: (column: ParquetColumn, rowStart: number, rowEnd: number) => Promise<DecodedArray>,
  onRow: ParquetRowHandler,
): Promise<void> {
  const converters = columns.map((column) => valueConverter(column.type));
  const values = new Array<unknown>(columns.length);
  const issues: ValidationIssue[] = [];
  // One row group at a time: hyparquet decodes a column chunk's pages from its start, so reading a
  // group in slices would decode its pages again for each slice.
  for (const { rowStart, rowEnd } of ranges) {
    const data: DecodedArray[] = [];
    for (const column of columns) data.push(await readColumn(column, rowStart, rowEnd));
    for (let row = rowStart; row < rowEnd; row++) {
      const offset = row - rowStart;
      for (let column = 0; column < data.length; column++) {
        const raw: unknown = data[column]![offset];
        let value = raw === null || raw === undefined ? undefined : converters[column]!(raw);
        if (value instanceof BadValue) {
          issues.push({ path: `${file}: row ${row}, column ${columns[column]!.name}`, message: value.message });
          if (issues.length === MAX_BAD_VALUES) throw new ValidationError(issues);
          value = undefined;
        }
        values[column] = value;
      }
      if (issues.length === 0) onRow(values, row);
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

/**
 * Opens a Parquet file's bytes for reading row by row: the columns and fields at once, the rows
 * row group by row group (each decoded one column at a time), each row
 * handed to a callback in a reused array — for readers that feed a builder (`ContractBookBuilder`,
 * `startUsage`) without a record per row.
 *
 * @remarks
 * Values are converted as {@link recordsFromParquet} converts them (DECIMAL → exact decimal text,
 * DATE → `YYYY-MM-DD`, UTC-adjusted TIMESTAMP and INT96 → ISO instant, local TIMESTAMP → its date,
 * INT64 → a number when safe, its digits otherwise; a null → `undefined`). Memory is the bytes
 * plus one row group's decoded columns, whatever the file's size: hyparquet decodes a column chunk's
 * pages from its start, so a row group is read whole (a writer's large groups — pyarrow's 1,048,576
 * rows — are held whole while read).
 * Compression: uncompressed or Snappy; zstd and gzip are refused with the codec named.
 *
 * @param bytes - the file's bytes
 * @param options - the name used in errors and the column-to-field mapping
 * @returns The fields, columns and row count, and `forEachRow` to read the rows.
 * @throws ValidationError naming the file when the bytes are not a Parquet file, a column cannot be
 * read (a group, TIME, INTERVAL) or two columns map to one field; `forEachRow` rejects with one
 * issue per bad value (`contracts.parquet: row 12, column amount`, at most 100), or one naming the
 * file for a corrupt page or a refused codec.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { openParquetRows } from "cs-metrics/parquet";
 * const rows = await openParquetRows(readFileSync("test/parquet/fixtures/contracts.parquet"));
 * rows.rowCount; //=> 6
 * const amounts: unknown[] = [];
 * await rows.forEachRow((values) => amounts.push(values[rows.fields.indexOf("amount")]));
 * amounts; //=> ["1200.00", "6000.00", "300.50", "99.99", "450.00", "100.00"]
 * ```
 */
export async function openParquetRows(bytes: ArrayBuffer | Uint8Array, options: ParquetRowsOptions = {}): Promise<ParquetRows> {
  return openParquetSource(arrayBufferOf(bytes), options);
}
