/**
 * Regression tests: correlation describes bad values without converting them to strings (which throws
 * for an object without a prototype) and rejects a non-object `options` (found by the public-API fuzz).
 */
import { describe, expect, it } from "vitest";
import { Decimal, ValidationError, correlation } from "../../src/index.js";
import { caught } from "../support/caught.js";

/** Calls `correlation` with arguments the type system forbids, as a JavaScript caller could. */
function correlationLoosely(...args: unknown[]): unknown {
  return (correlation as (...args: unknown[]) => unknown)(...args);
}

describe("correlation rejects bad arguments with a ValidationError", () => {
  it("an object without a prototype (String() would throw) is described by its kind", () => {
    const error = caught(() => correlationLoosely([Object.create(null), 2], [1, 2])) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toEqual([{ path: "xs[0]", message: "must be a finite number (got a value of type object)" }]);
  });

  it("a Decimal that is not finite is described by the number it converts to", () => {
    const error = caught(() => correlation([1, 2], [new Decimal(Infinity), 2])) as ValidationError;
    expect(error.issues).toEqual([{ path: "ys[0]", message: "must be a finite number (got Infinity)" }]);
  });

  it("a toNumber() that returns a non-number is not accepted", () => {
    const error = caught(() => correlationLoosely([{ toNumber: () => "3" }, 2], [1, 2])) as ValidationError;
    expect(error.issues).toEqual([{ path: "xs[0]", message: 'must be a finite number (got "3")' }]);
  });

  it("options must be an object; method is described safely", () => {
    expect((caught(() => correlationLoosely([1, 2], [1, 2], null)) as ValidationError).issues.map((i) => i.path)).toEqual(["options"]);
    const error = caught(() => correlationLoosely([1, 2], [1, 2], { method: 10n })) as ValidationError;
    expect(error.issues).toEqual([{ path: "options.method", message: 'must be "pearson" or "spearman" (got 10)' }]);
  });
});
