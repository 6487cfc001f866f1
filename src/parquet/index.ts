/**
 * `cs-metrics/parquet`: Parquet files (a warehouse's export of contracts, usage snapshots or usage
 * events) read into records for the library's schemas, or row by row into a builder, in pure
 * JavaScript (hyparquet, no native code). A separate entry point so that the core stays free of the
 * Parquet decoder.
 * @packageDocumentation
 */
export { openParquetFile } from "./parquetFile.js";
export { readParquetFile, recordsFromParquet } from "./parquetRecords.js";
export type { ParquetRecords, ParquetRecordsOptions } from "./parquetRecords.js";
export { openParquetRows } from "./parquetRows.js";
export type { ParquetRowHandler, ParquetRows, ParquetRowsOptions } from "./parquetRows.js";
