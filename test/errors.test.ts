import { describe, expect, it } from "vitest";
import {
  type ContractInput,
  CsMetricsError,
  CurrencyMismatchError,
  InvalidPeriodError,
  ValidationError,
  contractBook,
  month,
} from "../src/index.js";
import { caught } from "./support/caught.js";

describe("error classes", () => {
  it("share one base class, with a stable code and name", () => {
    const validation = new ValidationError([{ path: "contracts[0].end", message: "must be after start (2025-01-01)" }]);
    const currency = new CurrencyMismatchError("contracts[1].currency", "JPY", "USD");
    const period = new InvalidPeriodError("period.end", "must be after start (2025-01-01)");
    for (const [error, code, name] of [
      [validation, "VALIDATION", "ValidationError"],
      [currency, "CURRENCY_MISMATCH", "CurrencyMismatchError"],
      [period, "INVALID_PERIOD", "InvalidPeriodError"],
    ] as const) {
      expect(error).toBeInstanceOf(CsMetricsError);
      expect(error).toBeInstanceOf(Error);
      expect(error.code).toBe(code);
      expect(error.name).toBe(name);
      expect(error.message.startsWith("cs-metrics: ")).toBe(true);
    }
  });

  it("ValidationError lists every issue in its message", () => {
    expect(new ValidationError([{ path: "contracts[0].end", message: "must be after start (2025-01-01)" }]).message).toMatchInlineSnapshot(`
      "cs-metrics: invalid input (1 problem):
        contracts[0].end: must be after start (2025-01-01)"
    `);
    expect(
      new ValidationError([
        { path: "contracts[3].amount", message: "must not be negative (got -5)" },
        { path: "contracts[12].end", message: "must be after start (2025-01-01)" },
      ]).message,
    ).toMatchInlineSnapshot(`
      "cs-metrics: invalid input (2 problems):
        contracts[3].amount: must not be negative (got -5)
        contracts[12].end: must be after start (2025-01-01)"
    `);
  });

  it("ValidationError lists the first 20 issues and counts the rest", () => {
    const issues = Array.from({ length: 23 }, (_, index) => ({ path: `contracts[${index}].amount`, message: "must not be negative (got -1)" }));
    const error = new ValidationError(issues);
    expect(error.issues).toHaveLength(23);
    const lines = error.message.split("\n");
    expect(lines[0]).toMatchInlineSnapshot(`"cs-metrics: invalid input (23 problems):"`);
    expect(lines).toHaveLength(22); // header + 20 issues + "… and 3 more"
    expect(lines.at(-1)).toMatchInlineSnapshot(`"  … and 3 more"`);
  });

  it("messages of errors raised by the library", () => {
    const records: ContractInput[] = [
      { id: "c1", customerId: "a", start: "2025-02-30", amount: "12,000", currency: "yen" },
      { id: "c2", customerId: "b", start: "2025-04-01", end: "2025-03-01", amount: 1, currency: "JPY" },
    ];
    expect(() => contractBook(records)).toThrowErrorMatchingInlineSnapshot(`
      [ValidationError: cs-metrics: invalid input (4 problems):
        contracts[0].start: must be a calendar date YYYY-MM-DD (got "2025-02-30")
        contracts[0].amount: must be a decimal number like "1200.50" (got "12,000")
        contracts[0].currency: must be an ISO 4217 currency code like "JPY" (got "yen")
        contracts[1].end: must be after start (2025-04-01)]
    `);
    expect(() =>
      contractBook([
        { id: "1", customerId: "a", start: "2025-01-01", amount: 1, currency: "JPY" },
        { id: "2", customerId: "b", start: "2025-01-01", amount: 1, currency: "USD" },
      ]),
    ).toThrowErrorMatchingInlineSnapshot(`[CurrencyMismatchError: cs-metrics: contracts[1].currency: currency USD differs from JPY; one computation uses one currency (pass exchangeRates to convert)]`);
    expect(() => month("2025-1")).toThrowErrorMatchingInlineSnapshot(`[InvalidPeriodError: cs-metrics: month: must be "YYYY-MM" (got "2025-1")]`);
  });

  it("can be told apart by code without instanceof (e.g. across bundles)", () => {
    const error = caught(() => month("2025-13")) as CsMetricsError;
    expect(error.code).toBe("INVALID_PERIOD");
  });
});
