/**
 * Reading an input file record by record into a consumer (a contract book's builder, a usage state)
 * instead of into an array: CSV rows and JSON Lines lines are handed over as they are read, so a file
 * of millions of records is never held as objects. Every record keeps its line for
 * `file:line:column` messages.
 * @module
 */
import type { ColumnMapping } from "./csvHeader.js";
import { type CsvRecordHandler, type CsvShape, csvRowToRecord, readCsvRows } from "./csvRecords.js";
import { renameFields } from "./inputOptions.js";
import { readJsonLines } from "./jsonLines.js";
import type { LocatedFile, ProgressReporter } from "./locatedFile.js";
import { type ParquetRowReader, isParquetInput, readParquetInto } from "./parquetInput.js";
import { locatingSourceKeys, readTextRecords } from "./readRecords.js";

/** What was read from a file: where each record is, how many there were and were skipped. */
export interface RecordsSource extends LocatedFile {
  readonly records: number;
  /** Rows passed over: blank CSV rows, blank JSON Lines lines. */
  readonly skipped: number;
}

/**
 * Reads `file` by its extension, handing each record to `onRecord` in file order: `.json` (an array of
 * records) is read whole first; Parquet (`.parquet` or a file starting with `PAR1`) row group by row
 * group, each row through `onParquetRow` when given (a reader that takes the values as they are), else
 * as a record; `.jsonl` / `.ndjson` (JSON Lines) line by line; anything else is CSV with a header row,
 * row by row — each row through `onCsvRow` when given, else as a record (`csvRowToRecord`). A
 * `mapping` renames export columns or keys to fields.
 * @throws CliInputError for an unreadable file, bytes that are not UTF-8 text, invalid CSV or JSON,
 * a bad CSV header, a row whose cell count differs from the header's, or no records.
 */
export async function readRecordsInto(
  file: string,
  shape: CsvShape,
  onRecord: (record: unknown) => void,
  progress?: ProgressReporter,
  mapping?: ColumnMapping,
  onCsvRow?: CsvRecordHandler,
  onParquetRow?: ParquetRowReader,
): Promise<RecordsSource> {
  // The magic bytes are read once, here.
  if (isParquetInput(file)) return readParquetInto(file, shape, onRecord, progress, mapping, onParquetRow);
  const lower = file.toLowerCase();
  if (lower.endsWith(".json")) {
    // A JSON array is read whole into records.
    const read = await readTextRecords(file, shape, progress, mapping);
    for (const record of read.records) onRecord(record);
    const located = { file, locate: read.locate, records: read.records.length, skipped: 0 };
    return read.where === undefined ? located : { ...located, where: read.where };
  }
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
    if (mapping === undefined) return readJsonLines(file, onRecord, progress);
    const read = readJsonLines(file, (record, index) => onRecord(renameFields(file, [record], mapping, index)[0]), progress);
    return { ...read, locate: locatingSourceKeys(read.locate, mapping) };
  }
  return readCsvRows(file, shape, onCsvRow ?? ((header, cells) => onRecord(csvRowToRecord(header, cells, shape))), progress, mapping);
}
