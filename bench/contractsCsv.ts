/**
 * The benchmark's contract rows written as a CSV export (what a user hands the CLI): a header, then
 * one line per contract, written in 1 MiB blocks. Same seed and size, same file.
 * @module
 */
import { writeCsvLines } from "./csvFile.js";
import { contractRows } from "./generateContracts.js";

/** Column order of the file. */
export const CSV_COLUMNS = ["id", "customerId", "start", "end", "amount", "interval", "currency"] as const;

/** Writes `count` seeded contract rows in `currency` to `file` as CSV (an open-ended line has an empty `end`). */
export function writeContractsCsv(file: string, count: number, currency: "JPY" | "USD", seed = 42): void {
  writeCsvLines(file, CSV_COLUMNS, (function* () {
    for (const row of contractRows(count, currency, seed)) yield `${row.id},${row.customerId},${row.start},${row.end ?? ""},${row.amount},${row.interval},${row.currency}`;
  })());
}
