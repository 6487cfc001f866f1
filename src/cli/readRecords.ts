/**
 * Reading the CLI's input files — CSV (csv-parse) or JSON (jsonc-parser, for positions) — into plain
 * records, remembering where each record and field came from so that validation issues can name the
 * file, line and column.
 * @module
 */
import { createReadStream, readFileSync } from "node:fs";
import { parse as parseCsv } from "csv-parse";
import { type Node as JsonNode, type ParseError, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from "jsonc-parser";
import { CliInputError } from "./cliErrors.js";

/** A 1-based line and column in a file. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** A path into a file's data: `[12, "end"]` is record 12's `end`; `["measures", 1, "weight"]`. */
export type DataPath = readonly (string | number)[];

/** A file whose values can be located by their path. */
export interface LocatedFile {
  readonly file: string;
  /** Where the value at `path` (or its closest located ancestor) is in the file. */
  readonly locate: (path: DataPath) => SourcePosition;
}

/** Records read from one file, with their positions. */
export interface RecordFile extends LocatedFile {
  readonly records: readonly unknown[];
}

/** How CSV cells become record fields. */
export interface CsvShape {
  /** Columns holding numbers (`"12"` → 12; text that is not a number stays text so validation reports it). */
  readonly numericColumns: ReadonlySet<string>;
  /** Prefix of columns gathered into a nested object: `metrics.openTickets` → `metrics: { openTickets }`. */
  readonly nestedPrefix?: string;
}

/** Reports progress while reading a large file. */
export type ProgressReporter = (message: string) => void;

/** Records between two progress messages. */
export const PROGRESS_EVERY = 50_000;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function toNumberIfNumeric(text: string): string | number {
  return NUMBER.test(text.trim()) ? Number(text.trim()) : text;
}

/** Turns one CSV row (header → cell) into a record: empty cells are absent, numbers typed. */
export function csvRowToRecord(row: Readonly<Record<string, string>>, shape: CsvShape): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [column, cell] of Object.entries(row)) {
    if (cell.trim() === "") continue;
    const value = shape.numericColumns.has(column) ? toNumberIfNumeric(cell) : cell;
    if (shape.nestedPrefix !== undefined && column.startsWith(`${shape.nestedPrefix}.`)) {
      const nested = (record[shape.nestedPrefix] ??= {}) as Record<string, unknown>;
      nested[column.slice(shape.nestedPrefix.length + 1)] = toNumberIfNumeric(cell);
    } else {
      record[column] = value;
    }
  }
  return record;
}

/** Reads a CSV file with a header row. */
export async function readCsvRecords(file: string, shape: CsvShape, progress?: ProgressReporter): Promise<RecordFile> {
  const records: Record<string, unknown>[] = [];
  const lines: number[] = [];
  let header: string[] = [];
  const input = createReadStream(file);
  const parser = input.pipe(
    parseCsv({
      bom: true,
      columns: (names: string[]) => {
        header = names.map((name) => name.trim());
        return header;
      },
      info: true,
      skip_empty_lines: true,
      trim: false,
    }),
  );
  // pipe() does not forward a read error (a missing file): hand it to the parser, whose iterator throws it.
  input.on("error", (error) => parser.destroy(error));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      records.push(csvRowToRecord(record, shape));
      lines.push(info.lines);
      if (progress !== undefined && records.length % PROGRESS_EVERY === 0) progress(`${file}: ${records.length.toLocaleString("en-US")} records read`);
    }
  } catch (error) {
    const found = error as { code?: string; message?: string; lines?: number };
    if (found.code === "ENOENT") throw new CliInputError(`${file}: no such file`);
    throw new CliInputError(`${file}:${found.lines ?? "?"}: invalid CSV: ${found.message ?? String(error)}`);
  }
  if (progress !== undefined && records.length >= PROGRESS_EVERY) progress(`${file}: ${records.length.toLocaleString("en-US")} records, validating`);
  return {
    file,
    records,
    locate: ([index, ...field]) => {
      const column = field.length === 0 ? -1 : header.indexOf(field.join("."));
      return { line: lines[Number(index)] ?? 0, column: column < 0 ? 1 : column + 1 };
    },
  };
}

function positionOf(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** A JSON file's value, with positions. */
export interface JsonFile extends LocatedFile {
  readonly value: unknown;
  /** The parsed tree (`type` is `"array"`, `"object"`, …). */
  readonly type: string;
}

/** Reads a JSON file. */
export function readJsonFile(file: string): JsonFile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new CliInputError(`${file}: no such file`);
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (first !== undefined) {
    const at = positionOf(text, first.offset);
    throw new CliInputError(`${file}:${at.line}:${at.column}: invalid JSON (${printParseErrorCode(first.error)})`);
  }
  if (tree === undefined) throw new CliInputError(`${file}:1:1: empty JSON file`);
  return {
    file,
    value: getNodeValue(tree) as unknown,
    type: tree.type,
    locate: (path) => {
      // The closest ancestor that exists; for an object property, point at its key.
      for (let length = path.length; length >= 0; length--) {
        const node: JsonNode | undefined = findNodeAtLocation(tree, [...path.slice(0, length)]);
        if (node !== undefined) return positionOf(text, (node.parent?.type === "property" ? node.parent : node).offset);
      }
      return { line: 1, column: 1 };
    },
  };
}

/** Reads a JSON file holding an array of records. */
export function readJsonRecords(file: string): RecordFile {
  const json = readJsonFile(file);
  if (json.type !== "array") throw new CliInputError(`${file}:1:1: must hold a JSON array of records`);
  return { file, records: json.value as unknown[], locate: json.locate };
}

/** Reads CSV or JSON by the file's extension (`.json` → JSON, anything else → CSV). */
export function readRecords(file: string, shape: CsvShape, progress?: ProgressReporter): Promise<RecordFile> {
  return file.toLowerCase().endsWith(".json") ? Promise.resolve(readJsonRecords(file)) : readCsvRecords(file, shape, progress);
}
