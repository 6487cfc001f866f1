import { describe, expect, it } from "vitest";
import {
  type AmountInput,
  type ContractInput,
  CurrencyMismatchError,
  ValidationError,
  contractBook,
  isContractBook,
  mrrOn,
  nrr,
  revenueMovements,
  year,
} from "../../src/index.js";
import { caught } from "../support/caught.js";
import { expectDecimal } from "../support/decimals.js";

function line(id: string, customerId: string, amount: AmountInput, currency = "JPY"): ContractInput {
  return { id, customerId, start: "2025-01-01", amount, currency };
}

describe("contractBook", () => {
  it("validates once, keeps the contracts in input order and indexes customers by id", () => {
    const book = contractBook([line("c2", "zenith", 100), line("c1", "acme", 200), line("c3", "acme", 50)]);
    expect(isContractBook(book)).toBe(true);
    expect(isContractBook([])).toBe(false);
    expect(book.currency).toBe("JPY");
    expect(book.contracts.map((c) => c.id)).toEqual(["c2", "c1", "c3"]);
    expect(book.customers.map((c) => [c.customerId, c.lines.map((l) => l.id)])).toEqual([
      ["acme", ["c1", "c3"]],
      ["zenith", ["c2"]],
    ]);
    expect(Object.isFrozen(book)).toBe(true);
    expectDecimal(mrrOn(book, "2025-01-01").amount, 350);
  });

  it("lists every problem with its path into the records (contracts[12].end)", () => {
    const records: ContractInput[] = Array.from({ length: 13 }, (_, index) => line(`c${index}`, "a", 1));
    records[12] = { ...records[12]!, end: "2024-12-31" };
    records[3] = { ...records[3]!, amount: -5 };
    const error = caught(() => contractBook(records)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toEqual([
      { path: "contracts[3].amount", message: "must not be negative (got -5)" },
      { path: "contracts[12].end", message: "must be after start (2025-01-01)" },
    ]);
  });

  it("rejects duplicate contract ids, naming both places", () => {
    const error = caught(() => contractBook([line("c1", "a", 1), line("c2", "a", 1), line("c1", "b", 1)])) as ValidationError;
    expect(error.issues).toEqual([{ path: "contracts[2].id", message: 'duplicate id "c1" (also contracts[0])' }]);
    // 12 and "12" are the same id once read
    expect(() => contractBook([{ ...line("x", "a", 1), id: 12 }, line("12", "b", 1)])).toThrow(ValidationError);
  });

  it("rejects what is not an array of records", () => {
    expect((caught(() => contractBook("contracts" as never)) as ValidationError).issues).toEqual([
      { path: "contracts", message: "must be an array of contract records" },
    ]);
    expect((caught(() => contractBook([null as never])) as ValidationError).issues[0]?.path).toBe("contracts[0]");
  });

  it("mixed currencies without exchange rates → CurrencyMismatchError naming the first odd record", () => {
    const error = caught(() => contractBook([line("1", "a", 1, "JPY"), line("2", "b", 1, "JPY"), line("3", "c", 1, "USD")])) as CurrencyMismatchError;
    expect(error).toBeInstanceOf(CurrencyMismatchError);
    expect([error.code, error.path, error.expected, error.actual]).toEqual(["CURRENCY_MISMATCH", "contracts[2].currency", "JPY", "USD"]);
    // every metric given raw records raises the same
    expect(() => nrr([line("1", "a", 1, "JPY"), line("2", "b", 1, "USD")], year(2025))).toThrow(CurrencyMismatchError);
    // a book currency that no record uses, without rates
    expect(() => contractBook([line("1", "a", 1, "JPY")], { currency: "USD" })).toThrow(CurrencyMismatchError);
  });

  it("converts with an exchange-rate table exactly (amount × rate)", () => {
    // 1 USD = 150.25 JPY: 100 USD → 15,025 JPY; 0.1 USD → 15.025 JPY; plus 1,000 JPY
    const book = contractBook([line("1", "a", 100, "USD"), line("2", "b", "0.1", "USD"), line("3", "c", 1000, "JPY")], {
      currency: "JPY",
      exchangeRates: { USD: "150.25" },
    });
    expect(book.currency).toBe("JPY");
    expectDecimal(mrrOn(book, "2025-01-01").amount, "16040.025"); // 15,025 + 15.025 + 1,000
    expect(revenueMovements(book, year(2025)).currency).toBe("JPY");
  });

  it("validates the options: currency, and exchange rates (which need a currency)", () => {
    expect((caught(() => contractBook([], { currency: "XYZ" })) as ValidationError).issues[0]?.path).toBe("options.currency");
    expect((caught(() => contractBook([], { exchangeRates: { USD: 150 } })) as ValidationError).issues).toEqual([
      { path: "options.currency", message: "is required with exchangeRates" },
    ]);
    const bad = caught(() => contractBook([], { currency: "JPY", exchangeRates: { USD: 0, EUR: "-1", XYZ: 1 } })) as ValidationError;
    expect(bad.issues.map((issue) => issue.path)).toEqual(["options.exchangeRates.USD", "options.exchangeRates.EUR", "options.exchangeRates.XYZ"]);
  });

  it("an empty book carries XXX (no currency) or the given currency", () => {
    expect(contractBook([]).currency).toBe("XXX");
    expect(contractBook([], { currency: "JPY" }).currency).toBe("JPY");
    expect(contractBook([]).customers).toEqual([]);
  });

  it("normalises every interval to MRR over one exact denominator", () => {
    const book = contractBook([
      { ...line("m", "a", "10.5"), interval: "month" },
      { ...line("q", "b", 100), interval: "quarter" },
      { ...line("y", "c", 1200), interval: "year", intervalCount: 2 },
    ]);
    // 10.5 + 100/3 + 1200/24 = 10.5 + 33.333… + 50 = 93.8333…: units are exact, the Decimal is rounded once
    const mrr = mrrOn(book, "2025-06-01").amount;
    expect(mrr.toString()).toBe(`93.8${"3".repeat(37)}`); // 40 significant digits
  });
  it("orders each customer's lines by start day, then id, for few and for many lines", () => {
    // Input lines in reverse start order: 3 lines (sorted in place) and 40 lines (sorted by Array#sort);
    // eleven lines of the big customer (b-29 … b-39, given in reverse) share a start day and are ordered by id.
    const day = (offset: number): string => `2025-01-${String(offset + 1).padStart(2, "0")}`;
    const few = [2, 1, 0].map((offset) => ({ ...line(`a-${offset}`, "a", 100), start: day(offset) }));
    const many = Array.from({ length: 40 }, (_, index) => ({ ...line(`b-${39 - index}`, "b", 100), start: day(Math.min(29, 39 - index)) }));
    const book = contractBook([...few, ...many]);
    expect(book.customers.map((customer) => customer.customerId)).toEqual(["a", "b"]);
    expect(book.customers[0]!.lines.map((contractLine) => contractLine.id)).toEqual(["a-0", "a-1", "a-2"]);
    const bigIds = book.customers[1]!.lines.map((contractLine) => contractLine.id);
    // b-0 … b-28 start on days 1…29; b-29 … b-39 all start on day 30, ordered by id as strings.
    const sameDay = Array.from({ length: 11 }, (_, index) => `b-${29 + index}`).sort();
    expect(bigIds).toEqual([...Array.from({ length: 29 }, (_, index) => `b-${index}`), ...sameDay]);
  });
});
