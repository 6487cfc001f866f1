/**
 * mergePeriodPartials refuses partials it cannot add: a customer count that is not a whole number ≥ 0
 * (e.g. after a JSON round trip through other code), and partials computed with another proration.
 */
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/errors.js";
import { mergePeriodPartials, periodPartial, year } from "../../src/index.js";
import { caught } from "../support/caught.js";

const contracts = [{ id: "1", customerId: "a", start: "2024-01-01", end: "2025-07-16", amount: 310, currency: "USD" }];
const monthly = periodPartial(contracts, year(2025));
const daily = periodPartial(contracts, year(2025), { proration: "day" });

function issuesOf(run: () => unknown): unknown {
  const error = caught(run);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

describe("mergePeriodPartials input checks", () => {
  it("rejects a customer count that is negative, fractional or text", () => {
    for (const bad of [-1, 1.5, "1"]) {
      const partial = { ...monthly, customers: { ...monthly.customers, startingCustomers: bad } } as unknown as typeof monthly;
      expect(issuesOf(() => mergePeriodPartials([monthly, partial]))).toEqual([{ path: "partials[1].customers.startingCustomers", message: "must be a whole number ≥ 0" }]);
    }
  });

  it("rejects partials of another proration, naming the one of partials[0]", () => {
    expect(issuesOf(() => mergePeriodPartials([monthly, daily]))).toEqual([{ path: "partials[1].proration", message: 'must be "month" as in partials[0]' }]);
    expect(issuesOf(() => mergePeriodPartials([daily, monthly]))).toEqual([{ path: "partials[1].proration", message: 'must be "day" as in partials[0]' }]);
  });

  it("merges partials of the same proration (the two prorations really differ here)", () => {
    // a churns on 2025-07-16 at 310/month. By month: July 16/31 + Aug–Dec 5 = 5 16/31 months → 310 × 171/31 = 1,710.
    // By day: days 2025-07-16 … 2025-12-31 = 16 + 31 + 30 + 31 + 30 + 31 = 169 days; 310 × 12 × 169/365 = 628,680/365 = 125,736/73.
    const byMonth = mergePeriodPartials([monthly, monthly]);
    expect(byMonth.lostRevenue).toEqual({ numerator: "3420", denominator: "1" }); // 2 × 1,710
    const byDay = mergePeriodPartials([daily]);
    expect(byDay.lostRevenue).toEqual({ numerator: "125736", denominator: "73" });
  });
});
