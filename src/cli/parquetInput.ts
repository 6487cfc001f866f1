/**
 * The CLI's Parquet inputs (`--contracts x.parquet`, `--usage`, `--events`): told from CSV by the
 * `.parquet` extension or the `PAR1` magic bytes, read row group by row group by `cs-metrics/parquet`,
 * their columns checked as a CSV header is, and their problems told as `file: row 12, column amount: …`.
 * @module
 */
import { closeSync, openSync, readSync } from "node:fs";
import { ValidationError } from "../errors.js";
import { openParquetFile } from "../parquet/parquetFile.js";
import { recordMaker } from "../parquet/parquetRecords.js";
import type { ParquetRowHandler, ParquetRows } from "../parquet/parquetRows.js";
import { CliInputError } from "./cliErrors.js";
import { type ColumnMapping, checkCsvHeader } from "./csvHeader.js";
import { type CsvShape, PROGRESS_EVERY } from "./csvRecords.js";
import { unreadable } from "./inputText.js";
import type { DataPath, LocatedFile, ProgressReporter, RecordFile } from "./locatedFile.js";
import { echoed } from "./terminalText.js";

const MAGIC = "PAR1";

/** Whether `file` is to be read as Parquet: its name ends in `.parquet`, or its first bytes are `PAR1`. */
export function isParquetInput(file: string): boolean {
  if (file.toLowerCase().endsWith(".parquet")) return true;
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, "r");
    const head = Buffer.alloc(MAGIC.length);
    return readSync(descriptor, head, 0, MAGIC.length, 0) === MAGIC.length && head.toString("latin1") === MAGIC;
  } catch {
    // Unreadable: the CSV reader says why.
    return false;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A Parquet row handed to a reader of records: the fields its columns became, its values in column
 * order (`undefined` for a null; numeric text typed as numbers; one array reused for every row) and its
 * index, counted from 0.
 */
export type ParquetRowReader = (fields: readonly string[], values: readonly unknown[], row: number) => void;

/** What was read from a Parquet input: where each record is, how many there were (no row is skipped). */
export type ParquetSource = LocatedFile & { readonly records: number; readonly skipped: number };

/** The columns whose text the CLI reads as a number: the shape's numeric fields and the nested ones. */
function numberedColumns(fields: readonly string[], shape: CsvShape): number[] {
  const nested = shape.nestedPrefix === undefined ? undefined : `${shape.nestedPrefix}.`;
  const columns: number[] = [];
  for (const [index, field] of fields.entries()) if (shape.numericColumns.has(field) || (nested !== undefined && field.startsWith(nested))) columns.push(index);
  return columns;
}

/** The library's validation error told as the CLI tells a file's problems: one line each. */
function parquetProblems(file: string, error: unknown): never {
  if (!(error instanceof ValidationError)) throw error;
  const lines = error.issues.map((issue) => `${echoed(issue.path)}: ${issue.message}`);
  if (lines.length === 1) throw new CliInputError(lines[0]!);
  throw new CliInputError(`invalid Parquet file ${echoed(file)} (${error.issues.length} problems):`, lines);
}

/** Opens a Parquet input: its columns checked as a CSV header is, at least one row. */
async function openInput(file: string, shape: CsvShape, mapping: ColumnMapping | undefined): Promise<ParquetRows> {
  let rows: ParquetRows;
  try {
    rows = await openParquetFile(file, mapping === undefined ? {} : { columns: Object.fromEntries(mapping.fieldOf) });
  } catch (error) {
    if (error instanceof ValidationError) parquetProblems(file, error);
    throw unreadable(file, error);
  }
  try {
    checkCsvHeader(file, rows.columns, shape, 1, mapping);
  } catch (error) {
    // Told as a CSV header's problems (`file:1:column`), under a heading that names what they are here.
    const { message, details, note } = error as CliInputError;
    throw new CliInputError(message.replace(/^invalid CSV header/, "invalid Parquet columns"), details, note);
  }
  if (rows.rowCount === 0) throw new CliInputError(`${echoed(file)}: no records (no rows)`);
  return rows;
}

/**
 * Reads a Parquet input of the CLI row group by row group (cs-metrics/parquet's `openParquetFile`:
 * neither the file nor a record per row is held), handing each row to `onRow` when given (a reader
 * that takes the values as they are), else as a record to `onRecord`. Text and DECIMAL values in
 * numeric columns are read as numbers, as the CSV reader reads its cells.
 * @throws CliInputError for an unreadable file, bytes that are not Parquet (or corrupt), a column the
 * reader refuses or a bad value (one line each: `file: row 12, column amount: not a finite number`),
 * columns the shape does not know or lacks (as a CSV header), or no rows.
 */
export async function readParquetInto(
  file: string,
  shape: CsvShape,
  onRecord: (record: unknown) => void,
  progress?: ProgressReporter,
  mapping?: ColumnMapping,
  onRow?: ParquetRowReader,
): Promise<ParquetSource> {
  const rows = await openInput(file, shape, mapping);
  const { fields, columns } = rows;
  const numbered = numberedColumns(fields, shape);
  const record = recordMaker(fields);
  const handle: ParquetRowReader = onRow ?? ((_fields, values) => onRecord(record(values)));
  const cells = new Array<unknown>(fields.length);
  // Rows pass as the reader hands them; only a file with numeric columns has its values copied to be typed.
  const typed: ParquetRowHandler =
    numbered.length === 0
      ? (values, row) => handle(fields, values, row)
      : (values, row) => {
          for (let column = 0; column < cells.length; column++) cells[column] = values[column];
          for (const column of numbered) {
            const value = cells[column];
            if (typeof value === "string" && NUMBER.test(value)) cells[column] = Number(value);
          }
          handle(fields, cells, row);
        };
  try {
    await rows.forEachRow(typed);
  } catch (error) {
    parquetProblems(file, error);
  }
  if (progress !== undefined && rows.rowCount >= PROGRESS_EVERY) progress(`${echoed(file)}: ${rows.rowCount.toLocaleString("en-US")} records, validating`);
  const columnOf = new Map(fields.map((field, index) => [field, columns[index]!]));
  return {
    file,
    records: rows.rowCount,
    skipped: 0,
    // A row has no line: `where` tells it; `locate` gives row + 1 as the line, for callers that want one.
    locate: ([row]) => ({ line: Number(row) + 1, column: 1 }),
    where: ([row, ...field]: DataPath) => {
      const name = field.join(".");
      const column = columnOf.get(name);
      if (field.length === 0) return `row ${row}`;
      return column === undefined ? `row ${row}, field ${name}` : `row ${row}, column ${column}`;
    },
  };
}

/**
 * Reads a Parquet input of the CLI into records ({@link readParquetInto}).
 * @throws CliInputError as {@link readParquetInto} does.
 */
export async function readParquetRecords(file: string, shape: CsvShape, progress?: ProgressReporter, mapping?: ColumnMapping): Promise<RecordFile> {
  const records: unknown[] = [];
  const { records: _count, ...located } = await readParquetInto(file, shape, (record) => records.push(record), progress, mapping);
  return { ...located, records };
}
