/**
 * Reading a public function's `options` argument: an omitted argument means "all defaults", and
 * anything that is not an options object is reported as invalid input instead of failing on a
 * property read.
 * @module
 */
import { ValidationError } from "../errors.js";
import type { z } from "zod";
import { describeValue, formatPath } from "./primitives.js";

/**
 * The options argument as an object: `undefined` (omitted) reads as `{}`; `null`, a primitive or an
 * array is a {@link ValidationError} at `path`.
 */
export function readOptions<T extends object>(options: T | undefined, path = "options"): Partial<T> {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new ValidationError([{ path, message: `must be an options object (got ${describeValue(options)})` }]);
  }
  return options;
}

/**
 * Validates an options object with a zod schema; every issue becomes a {@link ValidationError} issue
 * whose path starts at `root` (`options.criteria.activeDays.atLeast`).
 */
export function parseOptions<S extends z.ZodType>(schema: S, options: unknown, root = "options"): z.output<S> {
  const result = schema.safeParse(options);
  if (result.success) return result.data;
  throw new ValidationError(result.error.issues.map((issue) => ({ path: formatPath(root, issue.path), message: issue.message })));
}
