/**
 * Reading a JSON Lines input (`.jsonl`, `.ndjson`: one JSON value a line, https://jsonlines.org):
 * read in line-aligned pieces, each line parsed on its own with `JSON.parse` and handed over at once,
 * blank lines skipped and counted, a syntax error located by line and column.
 * @module
 */
import { type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import { CliInputError } from "./cliErrors.js";
import { PROGRESS_EVERY } from "./csvRecords.js";
import { CHUNK_BYTES, readInputTextChunks } from "./inputText.js";
import { LineLookup, LOOKUP_BLOCK_BYTES } from "./lineLookup.js";
import type { LocatedFile, ProgressReporter } from "./locatedFile.js";
import { RowLines } from "./rowLines.js";
import { echoed } from "./terminalText.js";

/** Receives the record read from the `index`-th non-blank line. */
export type JsonLineHandler = (record: unknown, index: number) => void;

/** Where a JSON.parse error is in `line`: jsonc-parser's first error, or its end. */
function syntaxError(file: string, lineNumber: number, line: string): CliInputError {
  const errors: ParseError[] = [];
  parseTree(line, errors, { allowTrailingComma: false, disallowComments: true });
  const error = errors[0];
  const column = (error?.offset ?? line.length) + 1;
  // No syntax error: JSON.parse ran out of stack on a deeply nested line.
  const what = error === undefined ? "nested too deeply" : printParseErrorCode(error.error);
  return new CliInputError(`${echoed(file)}:${lineNumber}:${column}: invalid JSON (${what})`);
}

/** The key's column on a record's line: its first quoted occurrence followed by a colon, else 1. */
function keyColumn(line: string, field: string | number): number {
  const key = new RegExp(`${JSON.stringify(String(field)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*:`).exec(line);
  return key === null ? 1 : key.index + 1;
}

/**
 * Reads a JSON Lines file, handing each line's value to `onRecord` in order. A line ends at `\n`
 * (a `\r` before it is dropped); a line of only spaces is skipped. The file is read in pieces of
 * about {@link CHUNK_BYTES}, and only the lines of the records are kept (as runs, {@link RowLines}),
 * so memory does not grow with the file: a field's column is found by reading its line again.
 * `chunkBytes` (bytes read at a time) is for tests.
 * @throws CliInputError for an unreadable file, bytes that are not UTF-8 text, a line that is not one
 * JSON value (`file:line:column: invalid JSON (…)`), or no records.
 * @returns Where each record is (its line; a field at its key's column), how many were read and skipped.
 */
export function readJsonLines(file: string, onRecord: JsonLineHandler, progress?: ProgressReporter, chunkBytes = CHUNK_BYTES): LocatedFile & { records: number; skipped: number } {
  const lines = new RowLines();
  let skipped = 0;
  let lineNumber = 0;
  /** The line `text[start, end)`, a `\r` before `end` dropped. */
  const readLine = (text: string, start: number, end: number): void => {
    lineNumber++;
    const line = text.slice(start, text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    if (line.trim() === "") {
      skipped++;
      return;
    }
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      throw syntaxError(file, lineNumber, line);
    }
    lines.push(lineNumber);
    if (progress !== undefined && lines.count % PROGRESS_EVERY === 0) progress(`${echoed(file)}: ${lines.count.toLocaleString("en-US")} records read`);
    onRecord(record, lines.count - 1);
  };
  // A piece ends at a line end, but maybe a lone "\r" (no line end here): the text after its last
  // "\n" is carried over to the next piece.
  let carried = "";
  readInputTextChunks(
    file,
    (piece) => {
      if (!piece.includes("\n")) {
        carried += piece;
        return;
      }
      const text = carried + piece;
      let start = 0;
      for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
        readLine(text, start, end);
        start = end + 1;
      }
      carried = text.slice(start);
    },
    chunkBytes,
  );
  if (carried !== "") readLine(carried, 0, carried.length);
  if (lines.count === 0) throw new CliInputError(`${echoed(file)}:1:1: no records (a JSON Lines file holds one record a line)`);
  const lookup = new LineLookup(file, Math.min(chunkBytes, LOOKUP_BLOCK_BYTES));
  return {
    file,
    records: lines.count,
    skipped,
    locate: ([index, field]) => {
      const line = lines.lineOf(Number(index));
      if (line === undefined) return { line: 0, column: 1 };
      if (field === undefined) return { line, column: 1 };
      const text = lookup.text(line);
      return { line, column: text === undefined ? 1 : keyColumn(text, field) };
    },
  };
}
