/**
 * merge(shards) = whole: partials of disjoint customer shards, merged in any order (and after a JSON
 * round trip), give exactly the single-pass revenueReport totals, rates and lost-revenue total.
 */
import { test } from "@fast-check/vitest";
import type Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError } from "../../src/errors.js";
import { year } from "../../src/dates/period.js";
import { contractBook } from "../../src/revenue/contractBook.js";
import { mergePeriodPartials, periodPartial, revenueReportFromPartial } from "../../src/revenue/periodPartial.js";
import { revenueReport } from "../../src/revenue/revenueReport.js";
import { asInput, contractBookArb } from "../support/contractArbitraries.js";
import { fraction } from "../support/fraction.js";
import { runs } from "../hardening/support/runs.js";

function sameDecimal(a: Decimal | null, b: Decimal | null): boolean {
  return a === null || b === null ? a === b : a.equals(b);
}

function expectSameFigures(actual: Record<string, unknown>, expected: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(expected)) {
    const other = actual[key];
    if (typeof value === "object" && value !== null && "equals" in value) {
      expect(sameDecimal(other as Decimal, value as Decimal), `${key}: ${String(other)} vs ${String(value)}`).toBe(true);
    } else if (value === null) expect(other, key).toBeNull();
    else if (typeof value !== "object") expect(other, key).toEqual(value);
  }
}

describe("mergeable period partials", { timeout: 60_000 }, () => {
  test.prop(
    [
      contractBookArb({ maxContracts: 24 }),
      fc.integer({ min: 1, max: 5 }),
      fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
      fc.constantFrom("month" as const, "day" as const),
      fc.boolean(),
    ],
    { numRuns: runs(150) },
  )("merging shard partials gives the single-pass report", ({ period, records }, shardCount, draws, proration, viaJson) => {
    const input = asInput(records);
    const currency = String(input[0]?.currency ?? "JPY");
    const whole = contractBook(input, { currency });
    // Shard by customer: every customer's contracts go to one shard.
    const customers = [...new Set(input.map((record) => record.customerId))].sort();
    const shardOf = new Map(customers.map((customer, index) => [customer, draws[index % draws.length]! % shardCount]));
    const shards = Array.from({ length: shardCount }, (_, shard) =>
      contractBook(input.filter((record) => shardOf.get(String(record.customerId)) === shard), { currency }),
    );
    let partials = shards.map((shard) => periodPartial(shard, period, { proration }));
    if (viaJson) partials = JSON.parse(JSON.stringify(partials)) as typeof partials;
    // Merge in a shuffled order, as a tree: ((p3 + p1) + (p0 + p2)) …
    const order = partials.map((_, index) => index).sort((a, b) => (draws[a % 6]! % 7) - (draws[b % 6]! % 7) || a - b);
    const half = Math.ceil(order.length / 2);
    const left = mergePeriodPartials(order.slice(0, half).map((index) => partials[index]!));
    const merged = order.length > half ? mergePeriodPartials([left, mergePeriodPartials(order.slice(half).map((index) => partials[index]!))]) : left;

    const expected = revenueReport(whole, period, { proration });
    const actual = revenueReportFromPartial(merged);
    expectSameFigures(actual.movements as unknown as Record<string, unknown>, expected.movements as unknown as Record<string, unknown>);
    expectSameFigures(actual.rates as unknown as Record<string, unknown>, expected.rates as unknown as Record<string, unknown>);
    expect(actual.lostRevenue.total.equals(expected.lostRevenue.total), `${actual.lostRevenue.total} vs ${expected.lostRevenue.total}`).toBe(true);
    expect(actual.period).toEqual(expected.period);
    // A partial of the whole book is the merged partial, up to the common denominator.
    const direct = revenueReportFromPartial(periodPartial(whole, period, { proration }));
    expectSameFigures(direct.movements as unknown as Record<string, unknown>, actual.movements as unknown as Record<string, unknown>);
  }, 60_000);

  it("names what does not merge", () => {
    const jpy = periodPartial([{ id: "1", customerId: "a", start: "2024-01-01", amount: 1, currency: "JPY" }], year(2025));
    const usd = periodPartial([{ id: "2", customerId: "b", start: "2024-01-01", amount: 1, currency: "USD" }], year(2025));
    const otherYear = periodPartial([{ id: "3", customerId: "c", start: "2024-01-01", amount: 1, currency: "JPY" }], year(2024));
    expect(() => mergePeriodPartials([jpy, usd])).toThrow(CurrencyMismatchError);
    expect(() => mergePeriodPartials([jpy, otherYear])).toThrow(/partials\[1\]\.period: must be the period of partials\[0\] \(2025-01-01 – 2026-01-01\)/);
    expect(() => mergePeriodPartials([])).toThrow(ValidationError);
    expect(() => mergePeriodPartials([{ ...jpy, units: { ...jpy.units, churnedUnits: "-1" } }])).toThrow(/partials\[0\]\.units\.churnedUnits/);
  });

  it("works out a two-shard example by hand", () => {
    // Shard 1: a pays 100/month all along; shard 2: b pays 1200/year (100/month) and ends 2025-10-01.
    const a = periodPartial([{ id: "1", customerId: "a", start: "2024-01-01", amount: 100, currency: "USD" }], year(2025));
    const b = periodPartial([{ id: "2", customerId: "b", start: "2024-10-01", end: "2025-10-01", amount: 1200, interval: "year", currency: "USD" }], year(2025));
    const report = revenueReportFromPartial(mergePeriodPartials([a, b]));
    // S = 100 + 100 = 200; churn 100 → GRR = NRR = 100 / 200 = 0.5; lost = 100 × 3 months (Oct–Dec) = 300.
    expect(report.movements.startingMrr.equals(200)).toBe(true);
    expect(report.rates.nrr?.equals(0.5)).toBe(true);
    expect(report.lostRevenue.total.equals(300)).toBe(true);
  });
});

describe("partials read back from JSON: integer fields", () => {
  it("a denominator must be a positive integer as decimal text; a unit total a non-negative one", () => {
    const partial = JSON.parse(JSON.stringify(periodPartial([{ id: "1", customerId: "a", start: "2024-01-01", amount: 100, currency: "USD" }], year(2025)))) as Record<string, unknown>;
    const issue = (changed: Record<string, unknown>): unknown => {
      try {
        mergePeriodPartials([{ ...partial, ...changed } as never]);
      } catch (error) {
        return (error as ValidationError).issues;
      }
      return "no error";
    };
    expect(issue({ denominator: "0" })).toEqual([{ path: "partials[0].denominator", message: "must be a positive integer as decimal text" }]);
    expect(issue({ denominator: "-3" })).toEqual([{ path: "partials[0].denominator", message: "must be a positive integer as decimal text" }]);
    expect(issue({ units: { ...(partial["units"] as object), newUnits: "1.5" } })).toEqual([
      { path: "partials[0].units.newUnits", message: "must be a non-negative integer as decimal text" },
    ]);
  });
});

describe("merging lost revenue fractions", () => {
  it("adds the shards' fractions exactly: 1,000 × 20/31 + 600 × 10/31 = 26,000/31", () => {
    // a: ARR 12,000 (1,000 a month) churned 2025-03-12: month proration, 20 of March's 31 days left →
    //    lost 1,000 × 20/31 = 20,000/31 (period = March 2025).
    // b: ARR 7,200 (600 a month) churned 2025-03-22: 10 of 31 days left → 600 × 10/31 = 6,000/31.
    // total = 26,000/31; single pass and merged shards must agree exactly.
    const records = [
      { id: "a1", customerId: "a", start: "2024-01-01", end: "2025-03-12", amount: 1000, currency: "JPY" },
      { id: "b1", customerId: "b", start: "2024-01-01", end: "2025-03-22", amount: 600, currency: "JPY" },
    ];
    const march = { start: "2025-03-01", end: "2025-04-01" };
    const merged = revenueReportFromPartial(mergePeriodPartials([periodPartial([records[0]!], march), periodPartial([records[1]!], march)]));
    // 20,000/31 + 6,000/31 = 26,000/31 = 838.709677…
    expect(merged.lostRevenue.total.equals(fraction(26_000, 31))).toBe(true);
    expect(merged.lostRevenue.total.equals(revenueReport(records, march).lostRevenue.total)).toBe(true);
  });
});
