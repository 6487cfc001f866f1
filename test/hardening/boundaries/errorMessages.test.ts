/**
 * Boundary suite for error messages: the edges of ValidationError's listing (1 vs 2 issues, exactly
 * 20 vs 21), error names, and the paths and texts the period builders and compoundRate report.
 * Written against the mutants StrykerJS left alive in these messages.
 */
import { describe, expect, it } from "vitest";
import {
  CsMetricsError,
  CurrencyMismatchError,
  InvalidPeriodError,
  ValidationError,
  compoundRate,
  fiscalYear,
  fiscalQuarter,
  month,
  quarter,
  mrrOn,
} from "../../../src/index.js";

const issues = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `contracts[${i}].id`, message: "bad" }));

describe("ValidationError's message", () => {
  it("says 'problem' for one issue and 'problems' for more, one line each", () => {
    expect(new ValidationError(issues(1)).message).toBe("cs-metrics: invalid input (1 problem):\n  contracts[0].id: bad");
    expect(new ValidationError(issues(2)).message).toBe("cs-metrics: invalid input (2 problems):\n  contracts[0].id: bad\n  contracts[1].id: bad");
  });

  it("lists exactly 20 issues without a remainder line, and 21 with '… and 1 more'", () => {
    const twenty = new ValidationError(issues(20)).message;
    expect(twenty.split("\n")).toHaveLength(21);
    expect(twenty).not.toContain("more");
    const twentyOne = new ValidationError(issues(21)).message;
    expect(twentyOne.split("\n")).toHaveLength(22);
    expect(twentyOne.endsWith("\n  … and 1 more")).toBe(true);
    expect(twentyOne).not.toContain("contracts[20]");
  });

  it("each error class has its name and code", () => {
    expect([new CsMetricsError("VALIDATION", "x").name, new ValidationError(issues(1)).name]).toEqual(["CsMetricsError", "ValidationError"]);
    const mismatch = new CurrencyMismatchError("contracts[1].currency", "JPY", "USD");
    expect([mismatch.name, mismatch.code]).toEqual(["CurrencyMismatchError", "CURRENCY_MISMATCH"]);
    expect(mismatch.message).toBe(
      "cs-metrics: contracts[1].currency: currency USD differs from JPY; one computation uses one currency (pass exchangeRates to convert)",
    );
    expect(new InvalidPeriodError("period.end", "x").name).toBe("InvalidPeriodError");
  });
});

describe("period builders' messages", () => {
  it("name the builder whose year is wrong", () => {
    expect(() => fiscalYear(0)).toThrow("cs-metrics: fiscalYear: must be a whole year from 1 to 9998 (got 0)");
    expect(() => fiscalQuarter(0, 1)).toThrow("cs-metrics: quarter: must be a whole year from 1 to 9998 (got 0)");
    expect(() => quarter(2025, 5)).toThrow("cs-metrics: quarter: must be 1–4 (got 5)");
  });

  it("month text must be exactly YYYY-MM", () => {
    expect(() => month("12025-03")).toThrow('cs-metrics: month: must be "YYYY-MM" (got "12025-03")');
    expect(() => month("2025-031")).toThrow(InvalidPeriodError);
  });

  it("day 00 is not a date", () => {
    expect(() => mrrOn([], "2025-02-00")).toThrow(ValidationError);
  });
});

describe("compoundRate's messages", () => {
  it("name the rate or the unit at fault", () => {
    expect(() => compoundRate("abc", { from: "month", to: "year" })).toThrow('cs-metrics: invalid input (1 problem):\n  rate: must be a decimal number (got "abc")');
    expect(() => compoundRate("0.9", { from: "month", to: "week" as never })).toThrow(
      'cs-metrics: invalid input (1 problem):\n  options.to: must be "month", "quarter" or "year"',
    );
  });
});
