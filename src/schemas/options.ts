/**
 * Reading a public function's `options` argument: an omitted argument means "all defaults", and
 * anything that is not an options object is reported as invalid input instead of failing on a
 * property read.
 * @module
 */
import { ValidationError } from "../errors.js";
import { describeValue } from "./primitives.js";

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
