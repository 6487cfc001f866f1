/**
 * `cs-metrics/parquet`: Parquet files (a warehouse's export of contracts, usage snapshots or usage
 * events) read into records for the library's schemas, in pure JavaScript (hyparquet, no native code).
 * A separate entry point so that the core stays free of the Parquet decoder.
 * @packageDocumentation
 */
export { readParquetFile, recordsFromParquet } from "./parquetRecords.js";
export type { ParquetRecords, ParquetRecordsOptions } from "./parquetRecords.js";
