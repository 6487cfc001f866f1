/**
 * Reading a CSV input (csvScan.ts): its bytes checked as UTF-8 text, its header checked once against
 * the schema's fields, each row handed over with its line or turned into a record with typed numbers.
 * @module
 */
import { CliInputError } from "./cliErrors.js";
import { type ColumnMapping, type CsvColumns, checkCsvHeader } from "./csvHeader.js";
import { CsvScanner } from "./csvScan.js";
import { type ByteRange, CHUNK_BYTES, readInputTextChunks } from "./inputText.js";
import type { LocatedFile, ProgressReporter, RecordFile } from "./locatedFile.js";
import { RowLines } from "./rowLines.js";
import { echoed } from "./terminalText.js";

/** The columns of a CSV input and how its cells become record fields. */
export interface CsvShape extends CsvColumns {
  /** Columns holding numbers (`"12"` → 12; text that is not a number stays text so validation reports it). */
  readonly numericColumns: ReadonlySet<string>;
}

/** Records between two progress messages. */
export const PROGRESS_EVERY = 50_000;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function toNumberIfNumeric(text: string): string | number {
  return NUMBER.test(text.trim()) ? Number(text.trim()) : text;
}

/**
 * Turns one CSV row into a record: empty cells are absent, numbers typed, `metrics.<name>` cells
 * gathered into `metrics`. Records are built without a prototype, so a column `metrics.__proto__` is
 * an ordinary key, as `JSON.parse` and the library keep it.
 */
export function csvRowToRecord(header: readonly string[], cells: readonly string[], shape: CsvShape): Record<string, unknown> {
  const record = Object.create(null) as Record<string, unknown>;
  const prefix = shape.nestedPrefix === undefined ? undefined : `${shape.nestedPrefix}.`;
  header.forEach((column, index) => {
    const cell = cells[index]!;
    if (cell.trim() === "") return;
    if (prefix !== undefined && column.startsWith(prefix)) {
      const nested = (record[shape.nestedPrefix!] ??= Object.create(null)) as Record<string, unknown>;
      nested[column.slice(prefix.length)] = toNumberIfNumeric(cell);
    } else {
      record[column] = shape.numericColumns.has(column) ? toNumberIfNumeric(cell) : cell;
    }
  });
  return record;
}

/** Where each record of a CSV file (or of a part of it) is, how many there were and were skipped. */
export interface CsvRows extends LocatedFile {
  readonly records: number;
  /** Rows of only blank cells (empty lines too). */
  readonly skipped: number;
  /** The line of each record. */
  readonly lines: RowLines;
  /** The header, as fields. */
  readonly header: readonly string[];
  /** Line breaks read (in a part ending at a line end, its lines). */
  readonly lineBreaks: number;
  /** Whether a `"` was read (a quoted cell may hold a line break); looked for only when reading a part. */
  readonly quoted: boolean;
}

/** `locate` of a CSV file: a record's line, a field's column in the header. */
export function csvLocate(lines: RowLines, header: readonly string[]): LocatedFile["locate"] {
  return ([index, ...field]) => {
    const column = field.length === 0 ? -1 : header.indexOf(field.join("."));
    return { line: lines.lineOf(Number(index)) ?? 0, column: column < 0 ? 1 : column + 1 };
  };
}

/** A CSV row handed to a reader of records: its cells (`cells[0 … header.length − 1]`, a reused array) and line. */
export type CsvRecordHandler = (header: readonly string[], cells: string[], line: number) => void;

/**
 * Reads a CSV file with a header row, handing each record row to `onRecord`. Lines of only blank cells
 * (empty lines too) are skipped and counted.
 * @throws CliInputError for an unreadable file, bytes that are not UTF-8 text, invalid CSV, a bad header
 * (see {@link checkCsvHeader}), a row whose cell count differs from the header's, or no records.
 * A `mapping` renames export columns to fields before the header is checked. With `part`, only those
 * bytes are read, every row a record (the header is read from the file's start), records numbered
 * from 0 and lines from 1 at the part's start.
 * @returns Where each record is, how many were read and skipped.
 */
export function readCsvRows(file: string, shape: CsvShape, onRecord: CsvRecordHandler, progress?: ProgressReporter, mapping?: ColumnMapping, part?: ByteRange): CsvRows {
  let header: string[] | undefined = part === undefined || part.start === 0 ? undefined : readCsvHeader(file, shape, mapping);
  let headerLine = 0;
  let skipped = 0;
  const lines = new RowLines();
  const scanner = new CsvScanner(file, (cells, count, line) => {
    let blank = true;
    for (let at = 0; at < count && blank; at++) if (cells[at]!.trim() !== "") blank = false;
    if (blank) {
      if (header !== undefined) skipped++;
      return;
    }
    if (header === undefined) {
      headerLine = line;
      header = checkCsvHeader(file, cells.slice(0, count).map((name) => name.trim()), shape, line, mapping);
      return;
    }
    if (count !== header.length) {
      throw new CliInputError(`${echoed(file)}:${line}: ${count} ${count === 1 ? "cell" : "cells"}, but the header has ${header.length} columns`);
    }
    lines.push(line);
    if (progress !== undefined && lines.count % PROGRESS_EVERY === 0) progress(`${echoed(file)}: ${lines.count.toLocaleString("en-US")} records read`);
    onRecord(header, cells, line);
  });
  let quoted = false;
  const onText = part === undefined ? (text: string) => scanner.push(text) : (text: string) => {
    quoted ||= text.includes('"');
    scanner.push(text);
  };
  readInputTextChunks(file, onText, CHUNK_BYTES, part);
  scanner.end();
  if (header === undefined) throw new CliInputError(`${echoed(file)}:1:1: empty file (no header row)`);
  if (lines.count === 0 && part === undefined) throw new CliInputError(`${echoed(file)}:${headerLine}: no records (only a header row)`);
  if (progress !== undefined && lines.count >= PROGRESS_EVERY) progress(`${echoed(file)}: ${lines.count.toLocaleString("en-US")} records, validating`);
  return { file, records: lines.count, skipped, lines, header, lineBreaks: scanner.line - 1, quoted, locate: csvLocate(lines, header) };
}

/** The checked header of a CSV file: its first row that is not blank. */
function readCsvHeader(file: string, shape: CsvShape, mapping: ColumnMapping | undefined): string[] {
  let header: string[] | undefined;
  const found = new Error("header found");
  const scanner = new CsvScanner(file, (cells, count, line) => {
    if (cells.slice(0, count).every((cell) => cell.trim() === "")) return;
    header = checkCsvHeader(file, cells.slice(0, count).map((name) => name.trim()), shape, line, mapping);
    throw found;
  });
  try {
    readInputTextChunks(file, (text) => scanner.push(text), 2 ** 16);
    scanner.end();
  } catch (error) {
    if (error !== found) throw error;
  }
  if (header === undefined) throw new CliInputError(`${echoed(file)}:1:1: empty file (no header row)`);
  return header;
}

/**
 * Reads a CSV file with a header row into records ({@link csvRowToRecord}); see {@link readCsvRows}.
 */
export async function readCsvRecords(file: string, shape: CsvShape, progress?: ProgressReporter, mapping?: ColumnMapping): Promise<RecordFile> {
  const records: Record<string, unknown>[] = [];
  const read = readCsvRows(file, shape, (header, cells) => records.push(csvRowToRecord(header, cells, shape)), progress, mapping);
  return { file, records, skipped: read.skipped, locate: read.locate };
}
