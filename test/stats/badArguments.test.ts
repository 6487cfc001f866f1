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

describe("correlation: edges found by mutation testing", () => {
  it("a null value is a ValidationError, not a TypeError", () => {
    const error = caught(() => correlationLoosely([1, null], [1, 2])) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toEqual([{ path: "xs[1]", message: "must be a finite number (got null)" }]);
  });

  it("a length mismatch is reported only once the values themselves are valid", () => {
    const error = caught(() => correlationLoosely([Number.NaN], [1, 2])) as ValidationError;
    expect(error.issues).toEqual([{ path: "xs[0]", message: "must be a finite number (got NaN)" }]);
    expect((caught(() => correlation([1], [1, 2])) as ValidationError).issues).toEqual([{ path: "ys", message: "must have as many values as xs (1, got 2)" }]);
  });

  it("equal values whose float mean is not exactly their value still have no variance: null, not 0", () => {
    // (0.1 + 0.1 + 0.1) / 3 = 0.10000000000000002 in doubles: the deviations are not all 0
    expect(correlation([0.1, 0.1, 0.1], [1, 2, 3])).toBeNull();
    expect(correlation([1, 2, 3], [0.1, 0.1, 0.1])).toBeNull();
  });

  it("tiny and huge values neither underflow nor overflow", () => {
    // deviations of 5e-201 square to 0 in doubles; the ranks of a perfectly increasing pair are equal → 1
    expect(correlation([0, 1e-200], [0, 1e-200])).toBe(1);
    expect(correlation([5e-324, 1e-323, 1.5e-323], [1, 2, 3])).toBeCloseTo(1, 12);
    // 1.7e308 + 1.7e308 overflows a naive sum; y = −x exactly → −1
    expect(correlation([1.7e308, 1.7e308, 0], [-1.7e308, -1.7e308, 0])).toBe(-1);
    expect(correlation([1.7e308, -1.7e308, 1e308, 0], [1, -1, 1e308 / 1.7e308, 0])).toBeCloseTo(1, 12);
  });
});
