import { describe, expect, it } from "vitest";
import {
  ValidationError,
  contractBook,
  isContractBook,
  periodPartial,
  revenueReport,
  revenueReportFromPartial,
  year,
} from "../../src/index.js";
import { caught } from "../support/caught.js";

describe("only books this library built count as books", () => {
  it("tells a real book from a look-alike object", () => {
    expect(isContractBook(contractBook([]))).toBe(true);
    expect(isContractBook({ kind: "ContractBook", currency: "JPY", denominator: 1n, contracts: [], customers: [] })).toBe(false);
  });

  it("validates a look-alike as records: a ValidationError, not a TypeError", () => {
    const error = caught(() => revenueReport({ kind: "ContractBook" } as never, year(2025)));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: "contracts", message: "must be an array of contract records" }]);
  });
});

describe("partial results read their options like every other function", () => {
  it("null options are a ValidationError at `options`", () => {
    for (const call of [
      () => periodPartial([], year(2025), null as never),
      () => revenueReportFromPartial(periodPartial([], year(2025)), null as never),
    ]) {
      const error = caught(call);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.path).toBe("options");
    }
  });
});
