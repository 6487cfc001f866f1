/**
 * Reading the contracts file straight into a contract book's builder: a CSV row, a Parquet row or a
 * JSON Lines line becomes a record only when the library's fast reader cannot take its fields as they are (then the
 * record goes through the schema as `contractBook` would send it), so a million-line export is read
 * without an object per line. Every record keeps its line for `file:line:column` messages.
 * @module
 */
import type { ContractBookBuilder } from "../revenue/contractBookBuilder.js";
import { recordMaker } from "../parquet/parquetRecords.js";
import { readPlainContractFields } from "../revenue/plainContractReader.js";
import type { ColumnMapping } from "./csvHeader.js";
import { type CsvRecordHandler, type CsvShape, csvRowToRecord } from "./csvRecords.js";
import type { ProgressReporter } from "./locatedFile.js";
import type { ParquetRowReader } from "./parquetInput.js";
import { type RecordsSource, readRecordsInto } from "./recordsInto.js";

/** What was read from the contracts file: where each record is, how many there were and were skipped. */
export type ContractsSource = RecordsSource;

/** The fields the fast reader takes, in its argument order. */
const FAST_FIELDS = ["id", "customerId", "start", "end", "amount", "interval", "intervalCount", "currency", "product", "plan", "seats"] as const;
const NUMERIC_FIELDS: ReadonlySet<string> = new Set(["intervalCount", "seats"]);

/** Whether a cell can be passed to the fast reader as it is: no space at either end (a blank cell is absent). */
function isPlainCell(cell: string): boolean {
  return cell.charCodeAt(0) > 32 && cell.charCodeAt(cell.length - 1) > 32;
}

/** A cell of a numeric column as the CSV reader types it, when it is digits only; `null` otherwise. */
function digitsValue(cell: string): number | null {
  for (let at = 0; at < cell.length; at++) {
    const code = cell.charCodeAt(at);
    if (code < 48 || code > 57) return null;
  }
  return Number(cell);
}

/**
 * Reads a contracts file into `builder` by its extension: `.json` (an array of records), Parquet
 * (`.parquet` or a file starting with `PAR1`),
 * `.jsonl` / `.ndjson` (JSON Lines: one record a line), anything else CSV with a header row.
 * @throws CliInputError for an unreadable file, bytes that are not UTF-8 text, invalid CSV or JSON,
 * a bad CSV header, a row whose cell count differs from the header's, or no records.
 */
export async function readContractsInto(builder: ContractBookBuilder, file: string, shape: CsvShape, progress?: ProgressReporter, mapping?: ColumnMapping): Promise<ContractsSource> {
  return readRecordsInto(file, shape, (record) => builder.add(record), progress, mapping, contractsCsvRow(builder, shape), contractsParquetRow(builder));
}

/**
 * The Parquet row handler that feeds each row's values (already typed: exact decimal text, dates,
 * numbers) to the builder's fast reader, and a row it does not take (a UTC timestamp to place with
 * `--time-zone`, a value to be refused) as a record.
 */
function contractsParquetRow(builder: ContractBookBuilder): ParquetRowReader {
  // Column of each fast-reader field (−1: none), found once from the fields.
  let fastColumns: Int32Array | undefined;
  let record: ((values: readonly unknown[]) => Record<string, unknown>) | undefined;
  const values: unknown[] = new Array<unknown>(FAST_FIELDS.length);
  return (fields, cells) => {
    if (fastColumns === undefined) fastColumns = Int32Array.from(FAST_FIELDS, (field) => fields.indexOf(field));
    for (let at = 0; at < FAST_FIELDS.length; at++) {
      const column = fastColumns[at]!;
      values[at] = column < 0 ? undefined : cells[column];
    }
    const read = readPlainContractFields(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8], values[9], values[10]);
    if (read !== null) builder.addPlain(read);
    else builder.add((record ??= recordMaker(fields))(cells));
  };
}

/** The CSV row handler that feeds plain rows to the builder's fast reader, the rest as records. */
function contractsCsvRow(builder: ContractBookBuilder, shape: CsvShape): CsvRecordHandler {
  // Column of each fast-reader field (−1: none), found once from the header.
  let fastColumns: Int32Array | undefined;
  let numeric: readonly boolean[] = [];
  const values: unknown[] = new Array<unknown>(FAST_FIELDS.length);
  return (header, cells) => {
    if (fastColumns === undefined) {
      fastColumns = Int32Array.from(FAST_FIELDS, (field) => header.indexOf(field));
      numeric = header.map((column) => NUMERIC_FIELDS.has(column));
    }
    let plain = true;
    for (let at = 0; at < FAST_FIELDS.length && plain; at++) {
      const column = fastColumns[at]!;
      const cell = column < 0 ? "" : cells[column]!;
      if (cell === "") values[at] = undefined;
      else if (!isPlainCell(cell)) plain = false;
      else if (numeric[column] === true) plain = (values[at] = digitsValue(cell)) !== null;
      else values[at] = cell;
    }
    const read = plain ? readPlainContractFields(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8], values[9], values[10]) : null;
    if (read !== null) builder.addPlain(read);
    else builder.add(csvRowToRecord(header, cells.slice(0, header.length), shape));
  };
}
