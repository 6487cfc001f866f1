/**
 * Reading a CSV input as a stream (csv-parse): its bytes checked as UTF-8 text, its header checked
 * once against the schema's fields, each row turned into a record with typed numbers.
 * @module
 */
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { parse as parseCsv } from "csv-parse";
import { CliInputError } from "./cliErrors.js";
import { type ColumnMapping, type CsvColumns, checkCsvHeader } from "./csvHeader.js";
import { Utf8Checker, unreadable } from "./inputText.js";
import type { ProgressReporter, RecordFile } from "./locatedFile.js";
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

async function* checkedBytes(file: string): AsyncGenerator<Buffer> {
  const checker = new Utf8Checker(file);
  const input = createReadStream(file);
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      checker.decode(chunk);
      yield chunk;
    }
  } catch (error) {
    throw error instanceof CliInputError ? error : unreadable(file, error);
  } finally {
    input.destroy();
  }
  checker.decode();
}

/**
 * Reads a CSV file with a header row. Lines of only blank cells (empty lines too) are skipped and counted.
 * @throws CliInputError for an unreadable file, bytes that are not UTF-8 text, invalid CSV, a bad header
 * (see {@link checkCsvHeader}), a row whose cell count differs from the header's, or no records.
 * A `mapping` renames export columns to fields before the header is checked.
 */
export async function readCsvRecords(file: string, shape: CsvShape, progress?: ProgressReporter, mapping?: ColumnMapping): Promise<RecordFile> {
  const records: Record<string, unknown>[] = [];
  const lines: number[] = [];
  let header: string[] | undefined;
  let headerLine = 0;
  let skipped = 0;
  const input = Readable.from(checkedBytes(file));
  const parser = input.pipe(parseCsv({ bom: true, info: true, relax_column_count: true, skip_empty_lines: false, trim: false }));
  // pipe() does not forward a read error: hand it to the parser, whose iterator throws it.
  input.on("error", (error) => parser.destroy(error));
  try {
    for await (const { record: cells, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (cells.every((cell) => cell.trim() === "")) {
        if (header !== undefined) skipped += 1;
        continue;
      }
      if (header === undefined) {
        headerLine = info.lines;
        header = checkCsvHeader(file, cells.map((name) => name.trim()), shape, headerLine, mapping);
        continue;
      }
      if (cells.length !== header.length) {
        throw new CliInputError(`${echoed(file)}:${info.lines}: ${cells.length} ${cells.length === 1 ? "cell" : "cells"}, but the header has ${header.length} columns`);
      }
      records.push(csvRowToRecord(header, cells, shape));
      lines.push(info.lines);
      if (progress !== undefined && records.length % PROGRESS_EVERY === 0) progress(`${echoed(file)}: ${records.length.toLocaleString("en-US")} records read`);
    }
  } catch (error) {
    if (error instanceof CliInputError) throw error;
    const found = error as { message?: string; lines?: number };
    throw new CliInputError(`${echoed(file)}:${found.lines ?? "?"}: invalid CSV: ${echoed(found.message ?? String(error))}`);
  } finally {
    input.destroy();
  }
  if (header === undefined) throw new CliInputError(`${echoed(file)}:1:1: empty file (no header row)`);
  if (records.length === 0) throw new CliInputError(`${echoed(file)}:${headerLine}: no records (only a header row)`);
  if (progress !== undefined && records.length >= PROGRESS_EVERY) progress(`${echoed(file)}: ${records.length.toLocaleString("en-US")} records, validating`);
  const columns = header;
  return {
    file,
    records,
    skipped,
    locate: ([index, ...field]) => {
      const column = field.length === 0 ? -1 : columns.indexOf(field.join("."));
      return { line: lines[Number(index)] ?? 0, column: column < 0 ? 1 : column + 1 };
    },
  };
}
