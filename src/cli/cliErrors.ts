/**
 * The CLI's errors and how a library {@link ValidationError} is told with file, line and column.
 * @module
 */
import type { ValidationError } from "../errors.js";
import type { RecordFile } from "./readRecords.js";

/** Wrong command-line arguments: exit code 2, with the usage text. */
export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
}

/** Unreadable or invalid input files: exit code 1. */
export class CliInputError extends Error {
  override readonly name = "CliInputError";
}

const ISSUE_PATH = /^(\w+)\[(\d+)\](?:\.(.+))?$/;

/**
 * One line per issue, `file:line:column: field: message`, for issues whose path (`contracts[12].end`)
 * points into one of `files` (by root name); other issues keep their path.
 */
export function locateIssues(error: ValidationError, files: Readonly<Record<string, RecordFile>>): string[] {
  return error.issues.map((issue) => {
    const match = ISSUE_PATH.exec(issue.path);
    const file = match === null ? undefined : files[match[1]!];
    if (match === null || file === undefined) return `${issue.path}: ${issue.message}`;
    const field = match[3];
    const at = file.locate(Number(match[2]), field);
    return `${file.file}:${at.line}:${at.column}: ${field ?? "record"}: ${issue.message}`;
  });
}
