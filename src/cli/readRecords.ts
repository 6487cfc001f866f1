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
import type { LocatedFile, ProgressReporter, RecordFile } from "./locatedFile.js";
import { isParquetInput, readParquetRecords } from "./parquetInput.js";

/**
 * Reads CSV, JSON or Parquet by the file's extension (`.json` → JSON, `.parquet` or the bytes `PAR1` →
 * Parquet, anything else → CSV), export column
 * names (CSV) or keys (JSON) renamed by `mapping`.
 */
export async function readRecords(file: string, shape: CsvShape, progress?: ProgressReporter, mapping?: ColumnMapping): Promise<RecordFile> {
  return isParquetInput(file) ? readParquetRecords(file, shape, progress, mapping) : readTextRecords(file, shape, progress, mapping);
}

/** Reads a file already known not to be Parquet: `.json` → JSON, anything else → CSV (see {@link readRecords}). */
export async function readTextRecords(file: string, shape: CsvShape, progress?: ProgressReporter, mapping?: ColumnMapping): Promise<RecordFile> {
  if (!file.toLowerCase().endsWith(".json")) return readCsvRecords(file, shape, progress, mapping);
  const json = readJsonRecords(file);
  if (mapping === undefined) return json;
  return { ...json, records: renameFields(file, json.records, mapping), locate: locatingSourceKeys(json.locate, mapping) };
}

/** `locate` of a JSON file whose keys `mapping` renames: issues name fields, the file holds the export's keys. */
export function locatingSourceKeys(locate: LocatedFile["locate"], mapping: ColumnMapping): LocatedFile["locate"] {
  const sourceOf = new Map([...mapping.fieldOf].map(([column, field]) => [field, column]));
  return ([index, field, ...rest]) => locate(field === undefined ? [index!] : [index!, sourceOf.get(String(field)) ?? field, ...rest]);
}
