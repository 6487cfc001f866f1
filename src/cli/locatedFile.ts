/**
 * Where the values read from an input file came from: the file, and a way to find the line and column
 * of any value by its path, so that a validation issue can be told as `file:line:column`.
 * @module
 */

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
