import { ValidationError } from "../errors.js";

/**
 * Checks that `records` can be read record by record — an iterable, or with `acceptAsync` also an
 * async iterable — and throws a {@link ValidationError} at `path` otherwise. A string is refused
 * although JavaScript can iterate it: its characters are never records, and reading a long string
 * character by character would report every character as a bad record.
 *
 * @param records - What the caller passed.
 * @param path - The argument's name in the error (`contracts`, `events`, `snapshots`).
 * @param what - What the records are, for the message (`contract records`).
 * @param acceptAsync - Whether an async iterable is also accepted.
 * @internal
 */
export function assertRecordSource(records: unknown, path: string, what: string, acceptAsync: boolean): void {
  if (typeof records === "string") {
    throw new ValidationError([{ path, message: `must be an iterable of ${what} (got a string)` }]);
  }
  const source = records as { [Symbol.asyncIterator]?: unknown; [Symbol.iterator]?: unknown } | null | undefined;
  if (typeof source?.[Symbol.iterator] === "function") return;
  if (acceptAsync && typeof source?.[Symbol.asyncIterator] === "function") return;
  throw new ValidationError([{ path, message: `must be an iterable of ${what}` }]);
}
