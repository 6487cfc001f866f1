/**
 * Reading the CLI's input files — CSV or JSON, by the file's extension — into plain records,
 * remembering where each record and field came from so that validation issues can name the file,
 * line and column.
 * @module
 */
import { type CsvShape, readCsvRecords } from "./csvRecords.js";
import type { ColumnMapping } from "./csvHeader.js";
import { renameFields } from "./inputOptions.js";
import { readJsonRecords } from "./jsonRecords.js";
import { isParquetInput, readParquetRecords } from "./parquetInput.js";

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
  /** Where the value at `path` is, in words, for files without lines (Parquet: `row 12, column amount`). */
  readonly where?: (path: DataPath) => string;
}

/** Records read from one file (at least one), with their positions. */
export interface RecordFile extends LocatedFile {
  readonly records: readonly unknown[];
  /** Rows passed over: in a CSV, rows whose every cell is blank (empty lines included). */
  readonly skipped?: number;
}

/** Reports progress while reading a large file. */
export type ProgressReporter = (message: string) => void;

/**
 * Reads CSV, JSON or Parquet by the file's extension (`.json` → JSON, `.parquet` or the bytes `PAR1` →
 * Parquet, anything else → CSV), export column
 * names (CSV) or keys (JSON) renamed by `mapping`.
 */
export async function readRecords(file: string, shape: CsvShape, progress?: ProgressReporter, mapping?: ColumnMapping): Promise<RecordFile> {
  if (isParquetInput(file)) return readParquetRecords(file, shape, progress, mapping);
  if (!file.toLowerCase().endsWith(".json")) return readCsvRecords(file, shape, progress, mapping);
  const json = readJsonRecords(file);
  if (mapping === undefined) return json;
  const sourceOf = new Map([...mapping.fieldOf].map(([column, field]) => [field, column]));
  // Issues name fields; the file holds the export's keys.
  return { ...json, records: renameFields(file, json.records, mapping), locate: ([index, field, ...rest]) => json.locate(field === undefined ? [index!] : [index!, sourceOf.get(String(field)) ?? field, ...rest]) };
}
