/**
 * Contract records as exports write them: lower-case currency codes (Stripe writes `"usd"`) and
 * dates as ISO 8601 date-times with an offset, read in a named time zone.
 */
import { describe, expect, it } from "vitest";
import { type ContractInput, ValidationError, contractBook, contractBookFromIterable, mrrOn } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { expectDecimal } from "../support/decimals.js";

describe("currency codes in any letter case", () => {
  it("reads usd as USD in the fast reader's shape and in the schema's (Decimal amount)", () => {
    const book = contractBook([
      { id: "a", customerId: "acme", start: "2025-01-01", amount: "100", currency: "usd" },
      { id: "b", customerId: "acme", start: "2025-01-01", amount: 1e21, currency: "Usd" },
    ]);
    expect(book.currency).toBe("USD");
    expect(book.contracts.map((c) => c.currency)).toEqual(["USD", "USD"]);
  });

  it("reads lower-case exchange-rate keys and a lower-case book currency", () => {
    // 100 EUR × 1.08 = 108 USD; + 50 USD = 158 USD of MRR.
    const book = contractBook(
      [
        { id: "a", customerId: "acme", start: "2025-01-01", amount: "100", currency: "eur" },
        { id: "b", customerId: "beta", start: "2025-01-01", amount: "50", currency: "USD" },
      ],
      { currency: "usd", exchangeRates: { eur: "1.08" } },
    );
    expect(book.currency).toBe("USD");
    expectDecimal(mrrOn(book, "2025-01-01").amount, "158");
  });

  it("still rejects what is not a code once upper-cased", () => {
    for (const currency of ["usdx", "xyz", "ｕｓｄ", "us"]) {
      const error = caught(() => contractBook([{ id: "a", customerId: "acme", start: "2025-01-01", amount: 1, currency }])) as ValidationError;
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.issues.map((issue) => issue.path)).toEqual(["contracts[0].currency"]);
    }
  });
});

describe("date-times with the timeZone option", () => {
  const record: ContractInput = { id: "a", customerId: "acme", start: "2025-03-31T15:00:00Z", end: "2025-06-30T14:59:59Z", amount: 30, currency: "JPY" };

  it("takes the calendar date of the instant in the zone", () => {
    // 2025-03-31T15:00Z is 2025-04-01 00:00 in Tokyo (UTC+9) and 2025-03-31 11:00 in New York (UTC−4, DST).
    // 2025-06-30T14:59:59Z is 23:59:59 on 2025-06-30 in Tokyo.
    expect(contractBook([record], { timeZone: "Asia/Tokyo" }).contracts[0]).toMatchObject({ start: "2025-04-01", end: "2025-06-30" });
    expect(contractBook([record], { timeZone: "America/New_York" }).contracts[0]).toMatchObject({ start: "2025-03-31", end: "2025-06-30" });
    expect(contractBook([record], { timeZone: "UTC" }).contracts[0]).toMatchObject({ start: "2025-03-31", end: "2025-06-30" });
  });

  it("reads offsets other than Z, and leaves plain dates as they are", () => {
    const book = contractBook(
      [
        { id: "a", customerId: "acme", start: "2025-01-01T08:30:00+09:00", amount: 1, currency: "JPY" },
        { id: "b", customerId: "acme", start: "2025-01-01", end: "2025-02-01T00:00:00-05:00", amount: 1, currency: "JPY" },
      ],
      { timeZone: "UTC" },
    );
    // 08:30 at +09:00 is 2024-12-31T23:30Z; midnight at −05:00 is 05:00Z the same day.
    expect(book.contracts.map((c) => [c.start, c.end])).toEqual([["2024-12-31", null], ["2025-01-01", "2025-02-01"]]);
  });

  it("works through the streaming builder too", () => {
    expect(contractBookFromIterable([record], { timeZone: "Asia/Tokyo" }).contracts[0]!.start).toBe("2025-04-01");
  });

  it("keeps a date-time an error without the option, and a date-time without an offset an error with it", () => {
    const without = caught(() => contractBook([record])) as ValidationError;
    expect(without.issues.map((issue) => issue.path)).toEqual(["contracts[0].start", "contracts[0].end"]);
    const local = caught(() => contractBook([{ ...record, start: "2025-03-31T15:00:00" }], { timeZone: "Asia/Tokyo" })) as ValidationError;
    expect(local.issues.map((issue) => issue.path)).toEqual(["contracts[0].start"]);
  });

  it("checks the order of the converted dates: an end on the start's day in the zone is an error", () => {
    // Both instants fall on 2025-04-01 in Tokyo, so [start, end) is empty.
    const error = caught(() => contractBook([{ ...record, end: "2025-04-01T10:00:00Z" }], { timeZone: "Asia/Tokyo" })) as ValidationError;
    expect(error.issues).toEqual([{ path: "contracts[0].end", message: "must be after start (2025-04-01)" }]);
  });

  it("leaves records it cannot read to the schema's messages", () => {
    const error = caught(() => contractBook([7, { ...record, start: "June" }] as never, { timeZone: "UTC" })) as ValidationError;
    expect(error.issues).toEqual([
      { path: "contracts[0]", message: "must be a contract object (got 7)" },
      { path: "contracts[1].start", message: 'must be a calendar date YYYY-MM-DD (got "June")' },
    ]);
  });

  it("rejects an unknown zone at options.timeZone", () => {
    const error = caught(() => contractBook([record], { timeZone: "Mars/Olympus" })) as ValidationError;
    expect(error.issues.map((issue) => issue.path)).toEqual(["options.timeZone"]);
  });

  it("does not mutate the records", () => {
    const records = [{ ...record }];
    const copy = structuredClone(records);
    contractBook(records, { timeZone: "Asia/Tokyo" });
    expect(records).toEqual(copy);
  });
});
