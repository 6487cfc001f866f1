/**
 * A Parquet file on disk read by byte ranges (the footer, then each column chunk as a row group needs
 * it), so that neither the file nor its decoded columns are ever held whole.
 * @module
 */
import type { AsyncBuffer } from "hyparquet";
import { openParquetSource, type ParquetRows, type ParquetRowsOptions } from "./parquetRows.js";

/**
 * The file at `path` as hyparquet's file-like object: each slice read from disk when asked for (the
 * file opened and closed around each read, so nothing is left open if reading stops half-way).
 */
export async function parquetFileSource(path: string): Promise<AsyncBuffer> {
  const { closeSync, openSync, readSync, statSync } = await import("node:fs");
  const byteLength = statSync(path).size;
  return {
    byteLength,
    slice(start: number, end = byteLength): ArrayBuffer {
      const length = Math.max(0, Math.min(end, byteLength) - start);
      // Its own ArrayBuffer (hyparquet keeps views into it), never a view of Node's shared pool.
      const buffer = new ArrayBuffer(length);
      const descriptor = openSync(path, "r");
      try {
        let read = 0;
        while (read < length) {
          const count = readSync(descriptor, new Uint8Array(buffer, read), 0, length - read, start + read);
          if (count === 0) break;
          read += count;
        }
      } finally {
        closeSync(descriptor);
      }
      return buffer;
    },
  };
}

/**
 * Opens a Parquet file from a path (Node, Deno, Bun) for reading row by row, reading from disk only
 * the footer and the column chunks each row group needs: {@link openParquetRows} without holding
 * the file's bytes.
 *
 * @remarks Errors name `options.file`, or the path. Rows, values and errors are as
 * {@link openParquetRows} gives them.
 * @param path - the file's path
 * @param options - the column-to-field mapping (and the name used in errors)
 * @returns The fields, columns and row count, and `forEachRow` to read the rows.
 * @throws ValidationError as {@link openParquetRows} does; the file system's error when the file
 * cannot be read.
 *
 * @example
 * ```ts
 * import { openParquetFile } from "cs-metrics/parquet";
 * const rows = await openParquetFile("test/parquet/fixtures/contracts.parquet");
 * rows.fields.slice(0, 3); //=> ["id", "customerId", "start"]
 * const ids: unknown[] = [];
 * await rows.forEachRow((values, row) => ids.push(`${row}:${String(values[0])}`));
 * ids.at(-1); //=> "5:c-6"
 * ```
 */
export async function openParquetFile(path: string, options: ParquetRowsOptions = {}): Promise<ParquetRows> {
  return openParquetSource(await parquetFileSource(path), { file: path, ...options });
}
