/** Streaming books equal array books, record for record, errors included. */
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/errors.js";
import { contractBook } from "../../src/revenue/contractBook.js";
import { contractBookFromAsyncIterable, contractBookFromIterable } from "../../src/revenue/contractBookFromStream.js";
import type { ContractInput } from "../../src/schemas/contract.js";

const records: ContractInput[] = [
  { id: "c1", customerId: "beta", start: "2025-01-01", amount: "100.50", currency: "USD" },
  { id: "c2", customerId: "alpha", start: "2025-03-01", end: "2025-06-01", amount: 300, interval: "quarter", currency: "USD" },
  { id: "c3", customerId: "beta", start: "2024-12-15", amount: 12, interval: "year", currency: "USD" },
];

describe("contract books from streams", () => {
  it("equal the book of the same records as an array", async () => {
    const expected = contractBook(records);
    function* generate(): Generator<ContractInput> {
      yield* records;
    }
    for (const book of [contractBookFromIterable(generate()), await contractBookFromAsyncIterable(Readable.from(records))]) {
      expect(book.customers).toEqual(expected.customers);
      expect(book.contracts).toEqual(expected.contracts);
      expect(book.denominator).toBe(expected.denominator);
    }
  });

  it("name an invalid record by its position in the stream", async () => {
    async function* rows(): AsyncGenerator<ContractInput> {
      yield records[0]!;
      yield { ...records[1]!, start: "2025-02-30" };
      yield { ...records[2]!, id: "c1" };
    }
    const error = await contractBookFromAsyncIterable(rows()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { path: "contracts[1].start", message: 'must be a calendar date YYYY-MM-DD (got "2025-02-30")' },
      { path: "contracts[2].id", message: 'duplicate id "c1" (also contracts[0])' },
    ]);
  });

  it("refuse what is not iterable", async () => {
    expect(() => contractBookFromIterable(5 as never)).toThrow(ValidationError);
    await expect(contractBookFromAsyncIterable(null as never)).rejects.toThrow(ValidationError);
  });

  it("refuse a string at once, not character by character (a 100,000-character string took seconds; found by the fuzz)", async () => {
    const issues = [{ path: "contracts", message: "must be an iterable of contract records (got a string)" }];
    expect(() => contractBookFromIterable("9".repeat(100_000) as never)).toThrow(expect.objectContaining({ issues }));
    await expect(contractBookFromAsyncIterable("9".repeat(100_000) as never)).rejects.toMatchObject({ issues });
  });
});

describe("contractBookFromAsyncIterable accepts plain iterables too (found by mutation testing)", () => {
  it("an array or a generator gives the same book as contractBook", async () => {
    const records: ContractInput[] = [
      { id: "1", customerId: "a", start: "2025-01-01", amount: 100, currency: "JPY" },
      { id: "2", customerId: "b", start: "2025-02-01", amount: 50, currency: "JPY" },
    ];
    function* generate(): Generator<ContractInput> {
      yield* records;
    }
    const expected = contractBook(records);
    for (const book of [await contractBookFromAsyncIterable(records), await contractBookFromAsyncIterable(generate())]) {
      expect(book.customers).toEqual(expected.customers);
      expect(book.denominator).toBe(expected.denominator);
    }
  });
});
