/**
 * The CLI's errors and how a library {@link ValidationError} is told with file, line and column.
 * @module
 */
import type { ValidationError } from "../errors.js";
import type { DataPath, LocatedFile } from "./locatedFile.js";
import { echoed } from "./terminalText.js";

/** Wrong command-line arguments: exit code 2, with the usage text. */
export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
}

/** Unreadable or invalid input files: exit code 1. */
export class CliInputError extends Error {
  override readonly name = "CliInputError";

  /**
   * @param message - the first line (`file:line:column: what`, or a heading when `details` follow)
   * @param details - one line per problem, printed indented under the message
   * @param note - a last line after the (possibly shortened) list of details
   */
  constructor(
    message: string,
    readonly details: readonly string[] = [],
    readonly note?: string,
  ) {
    super(message);
  }
}

/** Splits an issue path: `contracts[12].end` → root `contracts`, path `[12, "end"]`. */
export function splitIssuePath(path: string): { root: string; path: DataPath } {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) segments.push(match[2] === undefined ? match[1]! : Number(match[2]));
  const [root, ...rest] = segments;
  return { root: String(root ?? ""), path: rest };
}

/**
 * One line per issue, `file:line:column: field: message`, for issues whose path (`contracts[12].end`,
 * `scorecard.measures[1].weight`) starts with the root name of one of `files`; other issues keep their path.
 */
export function locateIssues(error: ValidationError, files: Readonly<Record<string, LocatedFile>>): string[] {
  return error.issues.map((issue) => {
    const { root, path } = splitIssuePath(issue.path);
    const file = files[root];
    if (file === undefined) return `${issue.path}: ${issue.message}`;
    const field = issue.path.slice(root.length).replace(/^\[\d+\]\.?/, "").replace(/^\./, "");
    // An issue about a whole record (`contracts[3]`) or a whole file (`scorecard`).
    const subject = field !== "" ? field : typeof path[0] === "number" ? "record" : root;
    if (file.where !== undefined) return `${echoed(file.file)}: ${file.where(path)}: ${issue.message}`;
    const at = file.locate(path);
    return `${echoed(file.file)}:${at.line}:${at.column}: ${subject}: ${issue.message}`;
  });
}
