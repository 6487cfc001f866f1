/**
 * The CLI's Parquet inputs (`--contracts x.parquet`, `--usage`, `--events`): told from CSV by the
 * `.parquet` extension or the `PAR1` magic bytes, read whole by `cs-metrics/parquet`, their columns
 * checked as a CSV header is, and their problems told as `file: row 12, column amount: …`.
 * @module
 */
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { ValidationError } from "../errors.js";
import { recordsFromParquet } from "../parquet/parquetRecords.js";
import { CliInputError } from "./cliErrors.js";
import { type ColumnMapping, checkCsvHeader } from "./csvHeader.js";
import { type CsvShape, PROGRESS_EVERY } from "./csvRecords.js";
import { unreadable } from "./inputText.js";
import type { DataPath, ProgressReporter, RecordFile } from "./readRecords.js";
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
 * Text in a numeric column read as a number, as the CSV reader reads it (a DECIMAL(10,2) count is
 * text from the library reader: exact, but the count fields take numbers).
 */
function numbered(records: readonly Record<string, unknown>[], shape: CsvShape): void {
  const nested = shape.nestedPrefix;
  for (const record of records) {
    for (const field of shape.numericColumns) {
      const value = record[field];
      if (typeof value === "string" && NUMBER.test(value)) record[field] = Number(value);
    }
    const inner = nested === undefined ? undefined : (record[nested] as Record<string, unknown> | undefined);
    if (inner === undefined) continue;
    for (const [key, value] of Object.entries(inner)) if (typeof value === "string" && NUMBER.test(value)) inner[key] = Number(value);
  }
}

/**
 * Reads a Parquet input of the CLI.
 * @throws CliInputError for an unreadable file, bytes that are not Parquet (or corrupt), a column the
 * reader refuses or a bad value (one line each: `file: row 12, column amount: not a finite number`),
 * columns the shape does not know or lacks (as a CSV header), or no rows.
 */
export async function readParquetRecords(file: string, shape: CsvShape, progress?: ProgressReporter, mapping?: ColumnMapping): Promise<RecordFile> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw unreadable(file, error);
  }
  let read: Awaited<ReturnType<typeof recordsFromParquet>>;
  try {
    read = await recordsFromParquet(bytes, { file, ...(mapping === undefined ? {} : { columns: Object.fromEntries(mapping.fieldOf) }) });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const lines = error.issues.map((issue) => `${echoed(issue.path)}: ${issue.message}`);
    if (lines.length === 1) throw new CliInputError(lines[0]!);
    throw new CliInputError(`invalid Parquet file ${echoed(file)} (${error.issues.length} problems):`, lines);
  }
  const { columns, fields } = read;
  const records = read.records as Record<string, unknown>[];
  // The records are the reader's own (not the caller's): typing their numeric text in place is safe.
  checkCsvHeader(file, columns, shape, 1, mapping);
  if (records.length === 0) throw new CliInputError(`${echoed(file)}: no records (no rows)`);
  numbered(records, shape);
  if (progress !== undefined && records.length >= PROGRESS_EVERY) progress(`${echoed(file)}: ${records.length.toLocaleString("en-US")} records, validating`);
  const columnOf = new Map(fields.map((field, index) => [field, columns[index]!]));
  return {
    file,
    records,
    locate: ([row, ...field]) => ({ line: Number(row) + 1, column: field.length === 0 ? 1 : fields.indexOf(field.join(".")) + 1 || 1 }),
    where: ([row, ...field]: DataPath) => {
      const column = field.length === 0 ? undefined : (columnOf.get(field.join(".")) ?? columnOf.get(String(field[0])));
      return column === undefined ? `row ${row}` : `row ${row}, column ${column}`;
    },
  };
}
