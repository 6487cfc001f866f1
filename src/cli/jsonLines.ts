/**
 * Reading a JSON Lines input (`.jsonl`, `.ndjson`: one JSON value a line, https://jsonlines.org):
 * each line parsed on its own with `JSON.parse` and handed over at once, blank lines skipped and
 * counted, a syntax error located by line and column.
 * @module
 */
import { type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import { CliInputError } from "./cliErrors.js";
import { PROGRESS_EVERY } from "./csvRecords.js";
import { readInputText } from "./inputText.js";
import type { LocatedFile, ProgressReporter } from "./locatedFile.js";
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

/**
 * Reads a JSON Lines file, handing each line's value to `onRecord` in order. A line ends at `\n`
 * (a `\r` before it is dropped); a line of only spaces is skipped.
 * @throws CliInputError for an unreadable file, bytes that are not UTF-8 text, a line that is not one
 * JSON value (`file:line:column: invalid JSON (…)`), or no records.
 * @returns Where each record is (its line; a field at its key's column), how many were read and skipped.
 */
export function readJsonLines(file: string, onRecord: JsonLineHandler, progress?: ProgressReporter): LocatedFile & { records: number; skipped: number } {
  const text = readInputText(file);
  const lineNumbers: number[] = [];
  const lineStarts: number[] = [];
  let skipped = 0;
  let lineNumber = 0;
  for (let start = 0; start < text.length; ) {
    lineNumber++;
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const next = end + 1;
    const line = text.slice(start, text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    if (line.trim() === "") {
      skipped++;
      start = next;
      continue;
    }
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      throw syntaxError(file, lineNumber, line);
    }
    lineNumbers.push(lineNumber);
    lineStarts.push(start);
    if (progress !== undefined && lineNumbers.length % PROGRESS_EVERY === 0) progress(`${echoed(file)}: ${lineNumbers.length.toLocaleString("en-US")} records read`);
    onRecord(record, lineNumbers.length - 1);
    start = next;
  }
  if (lineNumbers.length === 0) throw new CliInputError(`${echoed(file)}:1:1: no records (a JSON Lines file holds one record a line)`);
  return {
    file,
    records: lineNumbers.length,
    skipped,
    locate: ([index, field]) => {
      const at = Number(index);
      const line = lineNumbers[at];
      if (line === undefined) return { line: 0, column: 1 };
      if (field === undefined) return { line, column: 1 };
      // The key's column: its first quoted occurrence followed by a colon on the record's line.
      const start = lineStarts[at]!;
      const lineEnd = text.indexOf("\n", start);
      const key = new RegExp(`${JSON.stringify(String(field)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*:`).exec(text.slice(start, lineEnd < 0 ? text.length : lineEnd));
      return { line, column: key === null ? 1 : key.index + 1 };
    },
  };
}
