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
import type { DataPath, ProgressReporter, RecordFile } from "./locatedFile.js";
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
  try {
    checkCsvHeader(file, columns, shape, 1, mapping);
  } catch (error) {
    // Told as a CSV header's problems (`file:1:column`), under a heading that names what they are here.
    const { message, details, note } = error as CliInputError;
    throw new CliInputError(message.replace(/^invalid CSV header/, "invalid Parquet columns"), details, note);
  }
  if (records.length === 0) throw new CliInputError(`${echoed(file)}: no records (no rows)`);
  numbered(records, shape);
  if (progress !== undefined && records.length >= PROGRESS_EVERY) progress(`${echoed(file)}: ${records.length.toLocaleString("en-US")} records, validating`);
  const columnOf = new Map(fields.map((field, index) => [field, columns[index]!]));
  return {
    file,
    records,
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
