import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { renewalForecast, renewals } from "../../src/index.js";
import { contractBookArb, dateOfDay, dayOfDate } from "../support/contractArbitraries.js";
import { exactSum, expectClose } from "../support/decimals.js";

const withAsOf = contractBookArb().chain((generated) =>
  fc.tuple(fc.constant(generated), fc.option(fc.integer({ min: dayOfDate(generated.period.start) - 5, max: dayOfDate(generated.period.end) + 5 }).map(dateOfDay))),
);

describe("renewals properties", () => {
  test.prop([withAsOf])("gross rate ∈ [0, 1] and ≤ net rate; totals are the months' sums", ([{ records, period }, asOf]) => {
    const result = renewals(records, period, asOf === null ? {} : { asOf });
    for (const t of [result.totals, ...result.byMonth]) {
      if (t.grossRenewalRate === null) {
        expect(t.decided).toBe(0);
        continue;
      }
      expect(t.grossRenewalRate.gte(0) && t.grossRenewalRate.lte(1)).toBe(true);
      expect(t.grossRenewalRate.lte(t.netRenewalRate!)).toBe(true);
    }
    expect(result.byMonth.reduce((n, m) => n + m.renewals, 0)).toBe(result.totals.renewals);
    // ARR of a multi-year or 2-month term may not terminate (12 × 1.00 / 36): each figure is rounded to 40 digits.
    expectClose(exactSum(...result.byMonth.map((m) => m.arrDue)), result.totals.arrDue);
    expectClose(exactSum(...result.rows.map((row) => row.arrDue)), result.totals.arrDue);
    for (const row of result.rows) {
      expect(row.arrDue.gt(0)).toBe(true);
      expect(row.renewalDate >= period.start && row.renewalDate < period.end).toBe(true);
      expect(row.arrRenewed === null).toBe(asOf !== null && row.renewalDate > asOf);
    }
    // Every pending row is forecast; with every rate 1 the expected ARR is the ARR due.
    const forecast = renewalForecast(result, [...new Set(result.rows.map((row) => row.customerId))].map((customerId) => ({ customerId, band: "good" as const })), { good: 1, normal: 1, bad: 1 });
    expect(forecast.rows.length).toBe(result.totals.renewals - result.totals.decided);
    expectClose(forecast.totals.expectedArr, result.totals.pendingArrDue);
  });

  test.prop([withAsOf, fc.integer()])("shuffled input gives identical output", ([{ records, period }, asOf], seed) => {
    const shuffled = fc.sample(fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }), { seed, numRuns: 1 })[0]!;
    const options = asOf === null ? {} : { asOf };
    expect(renewals(shuffled, period, options)).toEqual(renewals(records, period, options));
  });
});
