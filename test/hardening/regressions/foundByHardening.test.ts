/**
 * Regression tests for defects the hardening suites found in this library, one per bug class.
 */
import { describe, expect, it } from "vitest";
import {
  expectedRetention,
  AmountSchema,
  ContractSchema,
  Decimal,
  InvalidPeriodError,
  ValidationError,
  cohortRetention,
  compoundRate,
  contractBook,
  fiscalQuarter,
  fiscalYear,
  formatMoney,
  formatPercent,
  healthScore,
  lostRevenue,
  month,
  netRevenueChurnRate,
  quarter,
  revenueReport,
  year,
} from "../../../src/index.js";

describe("regressions found by the differential oracle", () => {
  it("cohort of a month that starts before the period is not reported (period starting mid-month)", () => {
    // Period 2023-10-02 … 2023-11-01: October 2023 does not start inside it, so it has no whole
    // month and no cohort. Before the fix the partial October was a cohort "2023-10" of 1 customer.
    const result = cohortRetention(
      [{ id: "k0", customerId: "a", start: "2023-10-03", amount: "0.001", currency: "USD" }],
      { start: "2023-10-02", end: "2023-11-01" },
    );
    expect(result.cohorts).toEqual([]);
  });

  it("a period starting mid-month begins its cohorts with the next whole month", () => {
    // Period 2025-01-15 … 2025-04-01: whole months February and March. Customer a starts 2025-01-20
    // (in no cohort: January is partial), b starts 2025-02-03 (cohort 2025-02, followed Feb and Mar).
    const result = cohortRetention(
      [
        { id: "1", customerId: "a", start: "2025-01-20", amount: 10, currency: "USD" },
        { id: "2", customerId: "b", start: "2025-02-03", amount: 20, currency: "USD" },
      ],
      { start: "2025-01-15", end: "2025-04-01" },
    );
    expect(result.cohorts.map((c) => [c.cohort, c.customers, c.cells.map((cell) => cell.month)])).toEqual([["2025-02", 1, ["2025-02", "2025-03"]]]);
  });
});

/** The thrown error, for inline snapshots of its message. */
function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a throw");
}

const usd = [{ id: "1", customerId: "a", start: "2024-01-01", end: "2025-04-01", amount: 100, currency: "USD" }];

describe("regressions found by the public-API fuzz: options that are not an object", () => {
  // Each used to fail with "TypeError: Cannot read properties of null/undefined".
  it.each([
    ["compoundRate with null options", () => compoundRate("0.99", null as never)],
    ["lostRevenue with null options", () => lostRevenue(usd, year(2025), null as never)],
    ["revenueReport with null options", () => revenueReport(usd, year(2025), null as never)],
    ["netRevenueChurnRate with null options", () => netRevenueChurnRate(usd, year(2025), null as never)],
    ["fiscalYear with null options", () => fiscalYear(2025, null as never)],
    ["fiscalQuarter with array options", () => fiscalQuarter(2025, 1, [] as never)],
    ["formatPercent with null options", () => formatPercent("0.5", null as never)],
    ["formatMoney with numeric options", () => formatMoney("5", "USD", 3 as never)],
  ])("%s is a ValidationError at options", (_, run) => {
    const error = thrown(run);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toBe("options");
  });

  it("the message says what an options argument must be", () => {
    expect(thrown(() => lostRevenue(usd, year(2025), null as never)).message).toMatchInlineSnapshot(`
      "cs-metrics: invalid input (1 problem):
        options: must be an options object (got null)"
    `);
  });

  it("compoundRate without options names the missing unit", () => {
    expect(thrown(() => compoundRate("0.99", undefined as never)).message).toMatchInlineSnapshot(`
      "cs-metrics: invalid input (1 problem):
        options.from: must be "month", "quarter" or "year""
    `);
  });
});

describe("regressions found by the public-API fuzz: Intl and String() failures", () => {
  it("an invalid locale is a ValidationError, not Intl's RangeError", () => {
    expect(thrown(() => formatPercent("0.5", { locale: "not a locale!" })).message).toMatchInlineSnapshot(`
      "cs-metrics: invalid input (1 problem):
        options.locale: must be a BCP 47 locale like "ja-JP" (got "not a locale!")"
    `);
    expect(thrown(() => formatMoney("5", "USD", { locale: 42 as never }))).toBeInstanceOf(ValidationError);
  });

  it("a non-string nullText is a ValidationError (formatPercent returns a string)", () => {
    expect((thrown(() => formatPercent(null, { nullText: 0 as never })) as ValidationError).issues[0]?.path).toBe("options.nullText");
  });

  it("an object whose String() throws is described, not converted (TypeError before)", () => {
    const hostile = [{ toString: Number.NaN }];
    expect(thrown(() => fiscalQuarter(0, 0, { startMonth: hostile as never })).message).toMatchInlineSnapshot(
      `"cs-metrics: options.startMonth: must be a month 1–12 (got an array)"`,
    );
    expect(thrown(() => year(hostile as never))).toBeInstanceOf(InvalidPeriodError);
    expect(thrown(() => month(2025, hostile as never))).toBeInstanceOf(InvalidPeriodError);
    expect(thrown(() => quarter(2025, { valueOf: null } as never))).toBeInstanceOf(InvalidPeriodError);
    expect(thrown(() => formatPercent("0.5", { decimals: hostile as never }))).toBeInstanceOf(ValidationError);
    expect(thrown(() => compoundRate("1", { from: { toString: Number.NaN } as never, to: "year" }))).toBeInstanceOf(ValidationError);
  });
});

describe("regressions found by the public-API fuzz: tiny inputs that demanded huge work", () => {
  it("an amount of Decimal('1e-9000000') is rejected instead of building a nine-million-digit denominator", () => {
    const error = thrown(() => contractBook([{ id: "1", customerId: "a", start: "2025-01-01", amount: new Decimal("1e-9000000"), currency: "USD" }]));
    expect(error.message).toMatchInlineSnapshot(`
      "cs-metrics: invalid input (1 problem):
        contracts[0].amount: must have at most 100 decimal places (got 9000000)"
    `);
  });

  it("an amount of 1e100 or more is rejected; 100 decimal places and 99 integer digits are accepted", () => {
    expect(AmountSchema.safeParse(new Decimal("9.99e9000000")).success).toBe(false);
    expect(AmountSchema.safeParse(`1${"0".repeat(100)}`).success).toBe(false);
    expect(AmountSchema.safeParse(5e-324).success).toBe(false); // 5e-324 has 340 decimal places
    const widest = `${"9".repeat(100)}.${"9".repeat(100)}`.slice(1); // 99 integer digits, 100 decimals
    const parsed = AmountSchema.safeParse(widest);
    expect(parsed.success && parsed.data.toFixed()).toBe(widest);
  });

  it("formatting 1e300 or more is rejected (writing out 1e9000000 took minutes; Intl wrote 1e999 as ∞)", () => {
    expect(thrown(() => formatPercent(new Decimal("9.99e9000000"))).message).toMatchInlineSnapshot(`
      "cs-metrics: invalid input (1 problem):
        rate: must be less than 1e300 in magnitude (got 9.990e+9000000)"
    `);
    expect(thrown(() => formatMoney("1e1000", "USD"))).toBeInstanceOf(ValidationError);
    // Formatted through Intl these read "¥∞" and "∞%" before the bound was lowered to 1e300.
    expect(thrown(() => formatMoney(`1${"0".repeat(999)}`, "JPY")).message).toContain("amount: must be less than 1e300 in magnitude");
    expect(thrown(() => formatPercent("1e400"))).toBeInstanceOf(ValidationError);
    // 299 nines × 100 = 301 digits "99…900", grouped 9,999,…,900.
    expect(formatPercent("9".repeat(299), { decimals: 0 })).toBe(`9${",999".repeat(99)},900%`);
    expect(formatMoney(`1${"0".repeat(297)}`, "JPY")).toBe(`¥1${",000".repeat(99)}`);
  });
});

describe("regressions found by the boundary suites: formatting", () => {
  it("formatPercent keeps every digit: ×100 is not rounded to the global Decimal precision (20 digits)", () => {
    // 0.1234567890123456789012345 × 100 = 12.34567890123456789012345 → 20 decimals, half up:
    // 12.34567890123456789012 (the 21st decimal is 3). Before: the product was cut to 20 significant
    // digits, 12.345678901234567890, and shown as 12.34567890123456789000%.
    expect(formatPercent("0.1234567890123456789012345", { decimals: 20 })).toBe("12.34567890123456789012%");
  });

  it("formatPercent does not depend on the caller's global Decimal settings", () => {
    const saved = Decimal.precision;
    Decimal.set({ precision: 2 });
    try {
      // 0.123456 × 100 = 12.3456 → 12.3% (with precision 2 the product was 12 → "12.0%").
      expect(formatPercent("0.123456")).toBe("12.3%");
    } finally {
      Decimal.set({ precision: saved });
    }
  });
});

describe("regressions found by mutation testing", () => {
  it("contractBook's fast reader rejects what the schema rejects: an amount with 101 decimal places", () => {
    // "0.000…01" with 101 decimal places has one significant digit, so the fast reader (≤ 15 digits)
    // took it as 1 × 10^-101 while ContractSchema says "at most 100 decimal places". Now both refuse it.
    const record = { id: "c", customerId: "a", start: "2025-01-01", amount: `0.${"0".repeat(100)}1`, currency: "USD" };
    expect(ContractSchema.safeParse(record).success).toBe(false);
    expect(thrown(() => contractBook([record])).message).toContain("contracts[0].amount: must have at most 100 decimal places (got 101)");
    // 100 places is the limit, accepted by both: 10^-100 USD a month
    const limit = { ...record, amount: `0.${"0".repeat(99)}1` };
    expect(contractBook([limit]).contracts[0]?.amount.equals("1e-100")).toBe(true);
    // trailing zeros do not count: 101 written places, 100 significant ones
    expect(contractBook([{ ...record, amount: `0.${"0".repeat(99)}10` }]).contracts[0]?.amount.equals("1e-100")).toBe(true);
  });
});

describe("regressions found by the health oracle", () => {
  it("a sum of weights that overflows doubles does not read as a score of 0", () => {
    // Weights MAX_VALUE (≈ 1.7977e308) and 1e301 add up past the largest double. Tickets 1 ≥ 0.5 → 1
    // point; 展開率 0/1 = 0 → 0 points. Exact score = 1 · MAX / (MAX + 1e301) = 0.99999994… → 1 at 6
    // decimals, ≥ good 0.5. Before the fix the float path divided by Infinity: score 0, band "bad".
    const scorecard = {
      measures: [
        { metric: "openTickets", weight: Number.MAX_VALUE, scale: { type: "steps" as const, steps: [{ from: 0.5, score: 1 }] } },
        { signal: "deploymentRate" as const, weight: 1e301, scale: { type: "linear" as const, worst: 0, best: 1 } },
      ],
      bands: { good: 0.5, bad: 0.1 },
    };
    const result = healthScore({ customerId: "c1", at: "2024-12-31", licensedSeats: 1, provisionedUsers: 0, metrics: { openTickets: 1 } }, scorecard);
    expect([result.score, result.band]).toEqual([1, "good"]);
  });

  it("expected retention divides the exact sum once (no 40-digit rounding of the sum first)", () => {
    // Good 0.9 + Normal 1.0000000000000001e-40 = 0.90000000000000000000000000000000000000010000000000000001
    // (exact); / 2 = 0.450000000000000000000000000000000000000050000000000000005, whose 41st significant
    // digit is 5 followed by more: rounded to 40 digits it is …0001. Rounding the sum first gave 0.9…0001 / 2
    // = 0.45…00005, a tie rounded half-even to 0.45.
    const result = expectedRetention([{ band: "good" }, { band: "normal" }], { good: "0.9", normal: 1.0000000000000001e-40, bad: "0.9" });
    expect(result.expectedRenewals?.toString()).toBe("0.90000000000000000000000000000000000000010000000000000001");
    expect(result.rate?.toString()).toBe("0.4500000000000000000000000000000000000001");
  });
});
