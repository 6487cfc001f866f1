import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { ValidationError, compoundRate } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { expectDecimal } from "../support/decimals.js";

describe("compoundRate: worked examples (DOMAIN.md §3, r^(b/a))", () => {
  it("a monthly NRR of 0.99 is an annual 0.99^12 ≈ 0.8864 (losing 1% a month)", () => {
    // 0.99^2 = 0.9801, ^4 = 0.96059601, ^8 = 0.9227446944279201,
    // ^12 = ^8 × ^4 = 0.886384871716129280658801 (24 decimals, exact; checked with Python's decimal)
    const annual = compoundRate("0.99", { from: "month", to: "year" });
    expectDecimal(annual, "0.886384871716129280658801");
    expect(annual.toDecimalPlaces(4).toString()).toBe("0.8864");
  });

  it("an annual 1.17 is a monthly 1.17^(1/12) to 40 significant digits", () => {
    // Python: Decimal("1.17") ** (Decimal(1) / 12) at 80 digits, rounded half-even to 40.
    expectDecimal(compoundRate("1.17", { from: "year", to: "month" }), "1.013169611131462393296534045016805325101");
  });

  it("quarter ↔ year and month → quarter use the month counts 3 and 12", () => {
    // 0.97^4 = 0.9409^2 = 0.88529281
    expectDecimal(compoundRate("0.97", { from: "quarter", to: "year" }), "0.88529281");
    // 0.9^3 = 0.729
    expectDecimal(compoundRate(new Decimal("0.9"), { from: "month", to: "quarter" }), "0.729");
    // 0.9^(1/4), Python at 80 digits rounded to 40
    expectDecimal(compoundRate(0.9, { from: "year", to: "quarter" }), "0.9740037464252967644227061963996762231313");
  });

  it("keeps 0, 1 and same-unit conversions as they are", () => {
    expectDecimal(compoundRate(0, { from: "month", to: "year" }), 0);
    expectDecimal(compoundRate("0", { from: "year", to: "month" }), 0);
    expectDecimal(compoundRate(1, { from: "year", to: "month" }), 1);
    expectDecimal(compoundRate("0.8764", { from: "quarter", to: "quarter" }), "0.8764");
  });

  it("never returns Infinity or a silent 0: a rate whose compounded value leaves Decimal's range is an error", () => {
    // (1e8e14)^12 = 1e9.6e15 > Decimal's largest exponent 9e15; (1e-8e14)^12 is below its smallest.
    const tooLarge = caught(() => compoundRate("1e800000000000000", { from: "month", to: "year" })) as ValidationError;
    expect(tooLarge).toBeInstanceOf(ValidationError);
    expect(tooLarge.issues).toEqual([{ path: "rate", message: "is too large to compound from month to year (got 1.000e+800000000000000)" }]);
    expect(() => compoundRate("1e-800000000000000", { from: "month", to: "year" })).toThrow(/too small/);
    // the other way it stays in range: (1e8e14)^(1/12)
    expect(compoundRate("1e800000000000000", { from: "year", to: "month" }).isFinite()).toBe(true);
  });

  it("returns a plain decimal.js Decimal", () => {
    expect(compoundRate("0.99", { from: "month", to: "year" })).toBeInstanceOf(Decimal);
  });

  it("rejects a negative, non-finite or non-numeric rate and an unknown unit", () => {
    expect(() => compoundRate("-0.1", { from: "month", to: "year" })).toThrow(ValidationError);
    expect(() => compoundRate(Number.NaN, { from: "month", to: "year" })).toThrow(ValidationError);
    expect(() => compoundRate(Number.POSITIVE_INFINITY, { from: "month", to: "year" })).toThrow(ValidationError);
    expect(() => compoundRate("abc", { from: "month", to: "year" })).toThrow(ValidationError);
    expect(() => compoundRate("0.9", { from: "week" as never, to: "year" })).toThrow(/options\.from/);
    expect(() => compoundRate("0.9", { from: "month", to: "toString" as never })).toThrow(/options\.to/);
    const error = caught(() => compoundRate("-0.1", { from: "month", to: "year" })) as ValidationError;
    expect(error.issues).toEqual([{ path: "rate", message: "must be a finite ratio ≥ 0 (got -0.1)" }]);
  });
});
