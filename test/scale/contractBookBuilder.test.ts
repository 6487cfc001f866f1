/**
 * The one-pass contract book: issues in input order (duplicates included) whatever path a record
 * took, grouping of unsorted input, the validated contracts rebuilt on demand, and books whose units
 * leave the exact range of doubles.
 */
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError } from "../../src/errors.js";
import { contractBook } from "../../src/revenue/contractBook.js";
import { ContractBookBuilder } from "../../src/revenue/contractBookBuilder.js";
import { NumberColumn } from "../../src/revenue/numberColumn.js";
import { describeValue } from "../../src/schemas/primitives.js";
import { readPlainContract } from "../../src/revenue/plainContractReader.js";
import { revenueReport } from "../../src/revenue/revenueReport.js";
import { ContractSchema } from "../../src/schemas/contract.js";
import { year } from "../../src/dates/period.js";

function issuesOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as ValidationError).issues;
  }
  return "did not throw";
}

describe("contract book builder", () => {
  it("reads the common record shape without the schema", () => {
    expect(readPlainContract({ id: "c1", customerId: "a", start: "2025-01-01", amount: "1200.50", currency: "USD" })).not.toBeNull();
    expect(readPlainContract({ id: 7, customerId: "a", start: "2025-01-01", end: null, amount: 99, interval: "year", currency: "JPY" })).not.toBeNull();
  });

  it("lists invalid fields and duplicate ids in input order, naming the first occurrence", () => {
    const issues = issuesOf(() =>
      contractBook([
        { id: "c1", customerId: "a", start: "2025-01-01", amount: 1, currency: "JPY" },
        { id: "c9", customerId: "a", start: "2025-04-01", end: "2025-03-01", amount: 1, currency: "JPY" },
        { id: "c1", customerId: "b", start: "2025-01-01", amount: 1, currency: "JPY" },
        { id: "c2", customerId: "b", start: new Date("2025-01-01T00:00:00Z"), amount: 1, currency: "JPY" },
        { id: "c2", customerId: "c", start: "2025-01-01", amount: " 1", currency: "JPY" },
        { id: "c3", customerId: "c", start: "2025-01-01", amount: "1e3x", currency: "JPY" },
      ]),
    );
    expect(issues).toEqual([
      { path: "contracts[1].end", message: "must be after start (2025-04-01)" },
      { path: "contracts[2].id", message: 'duplicate id "c1" (also contracts[0])' },
      { path: "contracts[4].id", message: 'duplicate id "c2" (also contracts[3])' },
      { path: "contracts[5].amount", message: 'must be a decimal number like "1200.50" (got "1e3x")' },
    ]);
  });

  it("reports a duplicate id even when a record carrying it has another problem", () => {
    const issues = issuesOf(() =>
      contractBook([
        { id: "c1", customerId: "a", start: "2025-01-01", amount: 1, currency: "JPY" },
        { id: "c1", customerId: "a", start: "2025-04-01", end: "2025-03-01", amount: 1, currency: "JPY" },
        { id: "d", customerId: "b", start: "2025-01-01", amount: "x", currency: "JPY" },
        { id: "c1", customerId: "b", start: "2025-01-01", amount: "y", currency: "JPY" },
        { id: "d", customerId: "c", start: "2025-01-01", amount: 1, currency: "JPY" },
        { id: "", customerId: "c", start: "2025-01-01", amount: "z", currency: "JPY" },
        { id: "", customerId: "c", start: "2025-01-01", amount: "z", currency: "JPY" },
        { id: 7, customerId: "c", start: "bad", amount: 1, currency: "JPY" },
        { id: "7", customerId: "c", start: "2025-01-01", amount: 1, currency: "JPY" },
      ]),
    );
    expect(issues).toEqual([
      { path: "contracts[1].end", message: "must be after start (2025-04-01)" },
      { path: "contracts[1].id", message: 'duplicate id "c1" (also contracts[0])' },
      { path: "contracts[2].amount", message: 'must be a decimal number like "1200.50" (got "x")' },
      { path: "contracts[3].amount", message: 'must be a decimal number like "1200.50" (got "y")' },
      { path: "contracts[3].id", message: 'duplicate id "c1" (also contracts[0])' },
      // an invalid record can be the first occurrence
      { path: "contracts[4].id", message: 'duplicate id "d" (also contracts[2])' },
      // an invalid id is reported as such, never as a duplicate
      { path: "contracts[5].id", message: 'must be a non-empty string or an integer (got "")' },
      { path: "contracts[5].amount", message: 'must be a decimal number like "1200.50" (got "z")' },
      { path: "contracts[6].id", message: 'must be a non-empty string or an integer (got "")' },
      { path: "contracts[6].amount", message: 'must be a decimal number like "1200.50" (got "z")' },
      { path: "contracts[7].start", message: expect.stringContaining("got \"bad\"") as unknown as string },
      // the integer id 7 is the id "7"
      { path: "contracts[8].id", message: 'duplicate id "7" (also contracts[7])' },
    ]);
  });

  it("throws the currency mismatch of the first record in another currency", () => {
    const run = (): unknown =>
      contractBook([
        { id: "c1", customerId: "a", start: "2025-01-01", amount: 1, currency: "JPY" },
        { id: "c2", customerId: "a", start: "2025-01-01", amount: 1, currency: "JPY" },
        { id: "c3", customerId: "b", start: "2025-01-01", amount: 1, currency: "USD" },
      ]);
    expect(run).toThrow(CurrencyMismatchError);
    expect(() => run()).toThrow(/contracts\[2\]\.currency: currency USD differs from JPY/);
  });

  it("groups unsorted input exactly as sorted input: customers by id, lines by start then id", () => {
    const records = [
      { id: "z2", customerId: "zeta", start: "2025-03-01", amount: 3, currency: "JPY" },
      { id: "a1", customerId: "alpha", start: "2025-02-01", amount: 2, currency: "JPY" },
      { id: "z1", customerId: "zeta", start: "2025-01-01", amount: 1, currency: "JPY" },
      { id: "a0", customerId: "alpha", start: "2025-02-01", amount: 5, currency: "JPY" },
      { id: "m1", customerId: "Mike", start: "2025-01-15", amount: 4, currency: "JPY" },
    ];
    const book = contractBook(records);
    // "Mike" < "alpha" < "zeta" in UTF-16 code units (capitals first); a0 before a1 on the same day.
    expect(book.customers.map((c) => [c.customerId, c.lines.map((l) => l.id)])).toEqual([
      ["Mike", ["m1"]],
      ["alpha", ["a0", "a1"]],
      ["zeta", ["z1", "z2"]],
    ]);
    expect(book.customers[1]!.lines.map((l) => l.mrrUnits)).toEqual([5n, 2n]);
  });

  it("rebuilds the validated contracts, in input order, as the schema outputs them", () => {
    const records = [
      { id: "c1", customerId: "a", start: "2025-01-01", end: "2025-07-01", amount: "1200.50", interval: "year" as const, currency: "USD", plan: "pro", seats: 3 },
      { id: 2, customerId: "b", start: new Date("2025-02-03T10:00:00Z"), amount: 7.25, intervalCount: 2, currency: "USD" },
      { id: "c3", customerId: "a", start: "2024-12-31", amount: 0, interval: "quarter" as const, currency: "USD", product: "core" },
    ];
    const book = contractBook(records);
    expect(book.contracts).toEqual(records.map((record) => ContractSchema.parse(record)));
    expect(book.contracts[0]!.amount.equals(new Decimal("1200.5"))).toBe(true);
  });

  it("stays exact when the units pass 2^53 (the book switches to bigints)", () => {
    // 2^53 + 1 = 9007199254740993 per month for each of two customers, both active all year.
    const big = "9007199254740993";
    const report = revenueReport(
      [
        { id: "c1", customerId: "a", start: "2024-01-01", amount: big, currency: "JPY" },
        { id: "c2", customerId: "b", start: "2024-01-01", end: "2025-07-01", amount: big, currency: "JPY" },
      ],
      year(2025),
    );
    // Starting MRR 2 × 9007199254740993 = 18014398509481986; b churns: churned MRR 9007199254740993.
    expect(report.movements.startingMrr.equals(new Decimal("18014398509481986"))).toBe(true);
    expect(report.movements.churnedMrr.equals(new Decimal(big))).toBe(true);
    // Lost revenue: 9007199254740993 × 6 remaining months (July–December) = 54043195528445958.
    expect(report.lostRevenue.total.equals(new Decimal("54043195528445958"))).toBe(true);
  });

  it("rejects options that are not an object", () => {
    expect(issuesOf(() => contractBook([], null as never))).toEqual([{ path: "options", message: "must be an options object (got null)" }]);
  });
});

describe("builder internals and option messages (uncovered under mutation testing)", () => {
  it("exchangeRates must be an object of rates", () => {
    for (const exchangeRates of [5, null, [1], "USD"]) {
      expect(issuesOf(() => contractBook([], { currency: "JPY", exchangeRates: exchangeRates as never }))).toEqual([
        { path: "options.exchangeRates", message: `must be an object of rates (got ${describeValue(exchangeRates)})` },
      ]);
    }
  });

  it("a builder cannot be used after finish, nor finished twice", () => {
    const builder = new ContractBookBuilder();
    builder.add({ id: "1", customerId: "a", start: "2025-01-01", amount: 1, currency: "JPY" });
    builder.finish();
    expect(() => builder.add({})).toThrow("cs-metrics: ContractBookBuilder.add after finish");
    expect(() => builder.finish()).toThrow("cs-metrics: ContractBookBuilder.finish called twice");
  });

  it("a number column grows past its capacity and keeps every value", () => {
    const column = new NumberColumn(16);
    const values = Array.from({ length: 100 }, (_, index) => index * 1.5);
    for (const value of values) column.push(value);
    expect(column.length).toBe(100);
    expect([...column.view()]).toEqual(values);
    expect(column.at(99)).toBe(148.5);
  });

  it("a product on a record only the schema reads still keeps that customer's lines apart", () => {
    // A `Date` start is not the fast reader's shape, so the add-on line goes through the schema:
    // base plan and add-on are two products, two open-ended lines of different products are no overlap.
    const records = [
      { id: "base", customerId: "a", start: "2025-01-01", amount: 1000, currency: "JPY" },
      { id: "addon", customerId: "a", start: new Date("2025-03-01T00:00:00Z"), amount: 1000, currency: "JPY", product: "seats" },
    ];
    expect(readPlainContract(records[1])).toBeNull();
    expect(contractBook(records).dataQuality).toEqual({ overlappingOpenLines: [], supersededLines: 0 });
    // Without the product they are one product: the later line restates the earlier one.
    const { product: _product, ...sameProduct } = records[1]!;
    expect(contractBook([records[0]!, sameProduct]).dataQuality).toEqual({ overlappingOpenLines: ["a"], supersededLines: 0 });
  });

  it("customers that come back after another keep all their lines, in id order", () => {
    // b, a, b: the input is not grouped in id order; a's line and both of b's, b's by start day.
    const book = contractBook([
      { id: "b2", customerId: "b", start: "2025-05-01", amount: 2, currency: "JPY" },
      { id: "a1", customerId: "a", start: "2025-01-01", amount: 1, currency: "JPY" },
      { id: "b1", customerId: "b", start: "2025-02-01", amount: 3, currency: "JPY" },
    ]);
    expect(book.customers.map((customer) => [customer.customerId, customer.lines.map((line) => line.id)])).toEqual([
      ["a", ["a1"]],
      ["b", ["b1", "b2"]],
    ]);
    // The contracts stay in input order, each with its own id and dates.
    expect(book.contracts.map((contract) => [contract.id, contract.customerId, contract.start])).toEqual([
      ["b2", "b", "2025-05-01"],
      ["a1", "a", "2025-01-01"],
      ["b1", "b", "2025-02-01"],
    ]);
  });
});
