import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { AmountSchema, CalendarDateSchema, ContractSchema, CurrencySchema, IntervalSchema, PeriodSchema } from "../../src/index.js";

const base = { id: "c-1", customerId: "acme", start: "2025-01-01", amount: "1000", currency: "JPY" };

/** The `[path, message]` pairs of a failed parse. */
function issuesOf(input: unknown): [string, string][] {
  const result = ContractSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

describe("ContractSchema", () => {
  it("fills in defaults: interval month, intervalCount 1, end null", () => {
    const contract = ContractSchema.parse(base);
    expect(contract).toEqual({ ...base, amount: expect.any(Decimal), end: null, interval: "month", intervalCount: 1 });
    expect(contract.amount.equals(1000)).toBe(true);
    expect(ContractSchema.parse({ ...base, end: null }).end).toBeNull();
    expect(ContractSchema.parse({ ...base, end: undefined }).end).toBeNull();
  });

  it("accepts amounts as decimal strings, numbers and Decimals, exactly", () => {
    expect(ContractSchema.parse({ ...base, amount: "1200.50" }).amount.equals("1200.5")).toBe(true);
    expect(ContractSchema.parse({ ...base, amount: 1200.5 }).amount.equals("1200.5")).toBe(true);
    expect(ContractSchema.parse({ ...base, amount: new Decimal("0.1") }).amount.equals("0.1")).toBe(true);
    expect(ContractSchema.parse({ ...base, amount: " 12 " }).amount.equals(12)).toBe(true);
    expect(ContractSchema.parse({ ...base, amount: ".5" }).amount.equals("0.5")).toBe(true);
    expect(ContractSchema.parse({ ...base, amount: "0" }).amount.isZero()).toBe(true);
    expect(ContractSchema.parse({ ...base, amount: "-0" }).amount.isNegative()).toBe(false);
    // 0.1 as a number is read by its shortest decimal text, "0.1", not 0.1000000000000000055…
    expect(ContractSchema.parse({ ...base, amount: 0.1 }).amount.toString()).toBe("0.1");
  });

  it("accepts Date objects and reads them in UTC, and keeps optional fields", () => {
    const contract = ContractSchema.parse({
      ...base,
      start: new Date("2025-03-31T23:30:00-05:00"), // 2025-04-01T04:30Z
      end: new Date("2026-04-01T08:00:00+09:00"), // 2026-03-31T23:00Z
      product: "BI",
      plan: "enterprise",
      seats: 0,
      interval: "year",
      intervalCount: 3,
    });
    expect([contract.start, contract.end, contract.product, contract.plan, contract.seats, contract.interval, contract.intervalCount]).toEqual([
      "2025-04-01",
      "2026-03-31",
      "BI",
      "enterprise",
      0,
      "year",
      3,
    ]);
    expect(ContractSchema.parse({ ...base, id: 12, customerId: 7 })).toMatchObject({ id: "12", customerId: "7" });
  });

  it("rejects a negative amount, NaN and Infinity, exponents and junk", () => {
    expect(issuesOf({ ...base, amount: "-1" })).toEqual([["amount", "must not be negative (got -1)"]]);
    expect(issuesOf({ ...base, amount: -0.5 })).toEqual([["amount", "must not be negative (got -0.5)"]]);
    expect(issuesOf({ ...base, amount: Number.NaN })).toEqual([["amount", "must be a finite number (got NaN)"]]);
    expect(issuesOf({ ...base, amount: Number.POSITIVE_INFINITY })).toEqual([["amount", "must be a finite number (got Infinity)"]]);
    expect(issuesOf({ ...base, amount: new Decimal(Number.NaN) })).toEqual([["amount", "must be a finite number (got NaN)"]]);
    expect(issuesOf({ ...base, amount: new Decimal("-Infinity") })[0]?.[0]).toBe("amount");
    expect(issuesOf({ ...base, amount: "1e3" })[0]?.[0]).toBe("amount");
    expect(issuesOf({ ...base, amount: "NaN" })[0]?.[0]).toBe("amount");
    expect(issuesOf({ ...base, amount: "1,000" })[0]?.[0]).toBe("amount");
    expect(issuesOf({ ...base, amount: "" })[0]?.[0]).toBe("amount");
    expect(issuesOf({ ...base, amount: null })[0]?.[0]).toBe("amount");
    expect(issuesOf({ ...base, amount: 10n })[0]?.[0]).toBe("amount");
  });

  it("rejects an unknown currency, and reads a lower-case one as its upper-case code", () => {
    expect(issuesOf({ ...base, currency: "ABC" })).toEqual([["currency", 'must be an ISO 4217 currency code like "JPY" (got "ABC")']]);
    expect(ContractSchema.parse({ ...base, currency: "jpy" }).currency).toBe("JPY");
    expect(issuesOf({ ...base, currency: "ｊｐｙ" })[0]?.[0]).toBe("currency");
    expect(issuesOf({ ...base, currency: 392 })[0]?.[0]).toBe("currency");
    expect(issuesOf({ ...base, currency: undefined })[0]?.[0]).toBe("currency");
  });

  it("rejects impossible dates, other date formats and invalid Dates", () => {
    expect(issuesOf({ ...base, start: "2025-02-30" })).toEqual([["start", 'must be a calendar date YYYY-MM-DD (got "2025-02-30")']]);
    expect(issuesOf({ ...base, start: "2025-2-3" })[0]?.[0]).toBe("start");
    expect(issuesOf({ ...base, start: "2025-02-03T00:00:00Z" })[0]?.[0]).toBe("start");
    expect(issuesOf({ ...base, start: new Date(Number.NaN) })).toEqual([["start", "must be a calendar date YYYY-MM-DD (got Invalid Date)"]]);
    expect(issuesOf({ ...base, start: 1_735_689_600_000 })[0]?.[0]).toBe("start");
    expect(issuesOf({ ...base, end: "2025-13-01" })[0]?.[0]).toBe("end");
  });

  it("rejects end ≤ start on the end field, and does not pile on when start itself is invalid", () => {
    expect(issuesOf({ ...base, end: "2025-01-01" })).toEqual([["end", "must be after start (2025-01-01)"]]);
    expect(issuesOf({ ...base, end: "2024-12-31" })).toEqual([["end", "must be after start (2025-01-01)"]]);
    // reported together with another field's problem
    expect(issuesOf({ ...base, end: "2024-12-31", amount: "-1" })).toEqual([
      ["amount", "must not be negative (got -1)"],
      ["end", "must be after start (2025-01-01)"],
    ]);
    expect(issuesOf({ ...base, start: "2025-02-30", end: "2024-12-31" })).toEqual([["start", 'must be a calendar date YYYY-MM-DD (got "2025-02-30")']]);
  });

  it("rejects bad ids, intervals, interval counts and seats", () => {
    expect(issuesOf({ ...base, id: "" })[0]?.[0]).toBe("id");
    expect(issuesOf({ ...base, customerId: 1.5 })[0]?.[0]).toBe("customerId");
    expect(issuesOf({ ...base, interval: "fortnight" })).toEqual([["interval", 'must be "month", "quarter", "year", "week" or "day" (got "fortnight")']]);
    expect(issuesOf({ ...base, intervalCount: 0 })).toEqual([["intervalCount", "must be a whole number ≥ 1 (got 0)"]]);
    expect(issuesOf({ ...base, intervalCount: 1.5 })[0]?.[0]).toBe("intervalCount");
    expect(issuesOf({ ...base, seats: -1 })[0]?.[0]).toBe("seats");
    expect(issuesOf({ ...base, seats: Number.NaN })[0]?.[0]).toBe("seats");
  });

  it("rejects what is not a contract object", () => {
    expect(issuesOf(null)).toEqual([["", "must be a contract object (got null)"]]);
    expect(issuesOf([base])[0]?.[1]).toMatch(/must be a contract object/);
    expect(issuesOf("c-1")[0]?.[1]).toMatch(/must be a contract object/);
  });
});

describe("field schemas", () => {
  it("CalendarDateSchema, AmountSchema, CurrencySchema, IntervalSchema", () => {
    expect(CalendarDateSchema.parse("2024-02-29")).toBe("2024-02-29");
    expect(CalendarDateSchema.safeParse("2023-02-29").success).toBe(false);
    expect(AmountSchema.parse("0.30").equals("0.3")).toBe(true);
    expect(CurrencySchema.parse("USD")).toBe("USD");
    expect(IntervalSchema.parse("quarter")).toBe("quarter");
  });
});

describe("PeriodSchema", () => {
  it("accepts a half-open [start, end) with text or Dates", () => {
    expect(PeriodSchema.parse({ start: "2025-04-01", end: "2026-04-01" })).toEqual({ start: "2025-04-01", end: "2026-04-01" });
    expect(PeriodSchema.parse({ start: new Date(Date.UTC(2025, 3, 1)), end: "2025-05-01", label: "April" })).toEqual({
      start: "2025-04-01",
      end: "2025-05-01",
      label: "April",
    });
  });

  it("rejects end ≤ start and impossible dates", () => {
    const same = PeriodSchema.safeParse({ start: "2025-04-01", end: "2025-04-01" });
    expect(same.success ? null : same.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["end", "must be after start (2025-04-01)"]]);
    expect(PeriodSchema.safeParse({ start: "2025-04-31", end: "2025-05-01" }).success).toBe(false);
  });
});
