/**
 * Boundary suite: empty and one-customer books, 10^15 amounts, JPY next to USD, amounts with 20
 * decimal places. Expected values are derived by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import {
  CurrencyMismatchError,
  contractBook,
  formatMoney,
  lostRevenue,
  mrrOn,
  revenueMovements,
  revenueReport,
  year,
} from "../../../src/index.js";
import { expectDecimal } from "../../support/decimals.js";
import { fraction } from "../../support/fraction.js";

const y2025 = year(2025);

describe("zero and one customer", () => {
  it("an empty book has zero MRR, zero counts and every rate null", () => {
    const report = revenueReport([], y2025);
    expect(report.currency).toBe("XXX");
    expectDecimal(report.movements.startingMrr, 0);
    expectDecimal(report.movements.endingMrr, 0);
    expect(report.movements.startingCustomers).toBe(0);
    expect(Object.values(report.rates)).toEqual(Array(10).fill(null));
    expectDecimal(report.lostRevenue.total, 0);
    expect(report.lostRevenue.customers).toEqual([]);
  });

  it("an empty book takes the currency it is given", () => {
    expect(contractBook([], { currency: "JPY" }).currency).toBe("JPY");
    expect(revenueReport(contractBook([], { currency: "USD" }), y2025).movements.currency).toBe("USD");
  });

  it("one customer that churns: every rate at its extreme", () => {
    const report = revenueReport([{ id: "1", customerId: "a", start: "2024-01-01", end: "2025-07-01", amount: 100, currency: "USD" }], y2025);
    const r = report.rates;
    // S = 100, churn = 100: GRR 0, NRR 0, revenue churn 1, logo churn 1/1, net logo churn (1 − 0)/1.
    expectDecimal(r.grr, 0);
    expectDecimal(r.nrr, 0);
    expectDecimal(r.revenueChurnRate, 1);
    expectDecimal(r.logoChurnRate, 1);
    expectDecimal(r.logoRetentionRate, 0);
    expectDecimal(r.netLogoChurnRate, 1);
    // Lost: ARR 1,200 × 6/12 (July–December) = 600.
    expectDecimal(report.lostRevenue.total, 600);
  });

  it("one new customer: rates null (empty starting cohort), movements count it", () => {
    const report = revenueReport([{ id: "1", customerId: "a", start: "2025-03-01", amount: 100, currency: "USD" }], y2025);
    expect(report.rates.nrr).toBeNull();
    expect(report.rates.netLogoChurnRate).toBeNull();
    expect(report.movements.newCustomers).toBe(1);
    expectDecimal(report.movements.newMrr, 100);
  });
});

describe("10^15 amounts", () => {
  it("sums beyond 2^53 stay exact", () => {
    // 10 customers × 999,999,999,999,999.99 = 9,999,999,999,999,999.9 (2^53 ≈ 9.007 × 10^15).
    const contracts = Array.from({ length: 10 }, (_, i) => ({ id: `${i}`, customerId: `c${i}`, start: "2024-01-01", amount: "999999999999999.99", currency: "USD" }));
    expectDecimal(mrrOn(contracts, "2025-01-01").amount, "9999999999999999.9");
  });

  it("a yearly 10^15 amount has MRR 10^15/12 to 40 significant digits, and 12 of them add back exactly", () => {
    const one = [{ id: "1", customerId: "a", start: "2024-01-01", amount: "1000000000000000", interval: "year" as const, currency: "JPY" }];
    expectDecimal(mrrOn(one, "2025-01-01").amount, fraction("1000000000000000", 12)); // 83,333,333,333,333.33…
    const twelve = Array.from({ length: 12 }, (_, i) => ({ ...one[0]!, id: `${i}`, customerId: `c${i}` }));
    expectDecimal(mrrOn(twelve, "2025-01-01").amount, "1000000000000000"); // summed in exact units, not 12 rounded values
  });

  it("lost revenue of a 10^15 customer is exact", () => {
    // MRR 10^15 ends 2025-04-01: ARR 1.2 × 10^16 × 9/12 = 9 × 10^15.
    const lost = lostRevenue([{ id: "1", customerId: "a", start: "2024-01-01", end: "2025-04-01", amount: "1000000000000000", currency: "JPY" }], y2025);
    expectDecimal(lost.total, "9000000000000000");
  });
});

describe("JPY next to USD", () => {
  const mixed = [
    { id: "1", customerId: "a", start: "2024-01-01", amount: "150000", currency: "JPY" },
    { id: "2", customerId: "b", start: "2024-01-01", amount: "99.99", currency: "USD" },
  ];

  it("mixing currencies without rates names the first foreign record", () => {
    let error: unknown;
    try {
      contractBook(mixed);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CurrencyMismatchError);
    expect((error as CurrencyMismatchError).path).toBe("contracts[1].currency");
  });

  it("with exchangeRates, USD converts exactly into the JPY book", () => {
    // 99.99 USD × 150.25 = 15,023.4975 JPY; total MRR 165,023.4975 (JPY keeps the fraction: no rounding inside).
    const book = contractBook(mixed, { currency: "JPY", exchangeRates: { USD: "150.25" } });
    expectDecimal(mrrOn(book, "2025-01-01").amount, "165023.4975");
    // Shown in yen (no minor unit), rounded half up only when formatted.
    expect(formatMoney(mrrOn(book, "2025-01-01").amount, "JPY")).toBe("¥165,023");
    expect(formatMoney("99.995", "USD")).toBe("$100.00");
  });

  it("a USD book converts JPY at a fractional rate", () => {
    // 150,000 JPY × 0.0067 = 1,005 USD; + 99.99 = 1,104.99.
    const book = contractBook(mixed, { currency: "USD", exchangeRates: { JPY: "0.0067" } });
    expectDecimal(mrrOn(book, "2025-01-01").amount, "1104.99");
  });
});

describe("amounts with 20 decimal places", () => {
  it("are kept to the last digit in MRR and movements", () => {
    const contracts = [
      { id: "1", customerId: "a", start: "2024-01-01", amount: "0.00000000000000000001", currency: "USD" },
      { id: "2", customerId: "a", start: "2025-06-01", amount: "12345678901234.12345678901234567890", currency: "USD" },
    ];
    // M0 = 1e-20, M1 = 1e-20 + 12,345,678,901,234.1234567890123456789 → expansion = the second amount.
    const m = revenueMovements(contracts, y2025);
    expectDecimal(m.startingMrr, "1e-20");
    expectDecimal(m.expansionMrr, "12345678901234.1234567890123456789");
    expectDecimal(m.endingMrr, "12345678901234.12345678901234567891");
  });

  it("three quarterly amounts of 20 decimal places divided by 3 add up exactly", () => {
    // 0.00000000000000000001 per quarter → MRR 1/3 × 10^-20 each (non-terminating); three customers
    // sum to exactly 10^-20 because the sum is taken in exact units before the one division.
    const contracts = ["a", "b", "c"].map((c) => ({ id: c, customerId: c, start: "2024-01-01", amount: "0.00000000000000000001", interval: "quarter" as const, currency: "USD" }));
    expectDecimal(mrrOn(contracts, "2025-01-01").amount, "1e-20");
    expectDecimal(mrrOn(contracts.slice(0, 1), "2025-01-01").amount, fraction("1e-20", 3));
  });
});
