import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { contractBook, lostRevenue, monthsOf, revenueMovements } from "../../src/index.js";
import { asInput, builtPeriodArb, contractBookArb, dayOfDate } from "../support/contractArbitraries.js";
import { Exact, exactSum, expectClose, expectDecimal, expectRelativelyClose } from "../support/decimals.js";

const prorationArb = fc.constantFrom("month" as const, "day" as const);

describe("lostRevenue properties", () => {
  test.prop([contractBookArb(), prorationArb])("rows are the churned customers, with base ARR = 12 × M0", ({ records, period }, proration) => {
    const book = contractBook(asInput(records));
    const churned = revenueMovements(book, period).customers.filter((row) => row.movement === "churn");
    const lost = lostRevenue(book, period, { proration });
    expect(lost.customers.map((row) => row.customerId)).toEqual(churned.map((row) => row.customerId));
    // M0 itself may be rounded (1/24 of an amount), 12 × M0 is exact: compare within rounding.
    lost.customers.forEach((row, index) => expectRelativelyClose(row.baseArr, new Exact(churned[index]!.startingMrr).times(12)));
  });

  test.prop([contractBookArb(), prorationArb])("total = Σ rows (within 1e-30: each row is rounded to 40 digits)", ({ records, period }, proration) => {
    const lost = lostRevenue(asInput(records), period, { proration });
    expectClose(lost.total, exactSum(...lost.customers.map((row) => row.lostRevenue)));
    for (const row of lost.customers) {
      // lost = base ARR × remaining months / 12
      expectRelativelyClose(row.lostRevenue, new Exact(row.baseArr).times(row.remainingMonths).div(12));
      expect(row.lostRevenue.gte(0)).toBe(true);
    }
  });

  test.prop([contractBookArb({ period: builtPeriodArb })])(
    "month proration: 0 < remaining months ≤ the period's months, so lost ≤ base ARR × period months / 12",
    ({ records, period }) => {
      // Built periods (month, quarter, year, fiscal year, fiscal quarter) are whole calendar months.
      const periodMonths = monthsOf(period).length;
      const lost = lostRevenue(asInput(records), period, { proration: "month" });
      for (const row of lost.customers) {
        expect(row.remainingMonths.gt(0) && row.remainingMonths.lte(periodMonths), row.remainingMonths.toString()).toBe(true);
        // (+1e-30: the row is rounded to 40 significant digits)
        expect(row.lostRevenue.lte(new Exact(row.baseArr).times(periodMonths).div(12).plus("1e-30"))).toBe(true);
        // a churn on the period's first day loses all of it
        if (row.churnDate === period.start) expectDecimal(row.remainingMonths, periodMonths);
      }
      const baseTotal = exactSum(...lost.customers.map((row) => row.baseArr));
      expect(lost.total.lte(baseTotal.times(periodMonths).div(12).plus("1e-30"))).toBe(true);
    },
  );

  test.prop([contractBookArb()])("day proration: remaining months = remaining days × 12 / 365, days within the period", ({ records, period }) => {
    const periodDays = dayOfDate(period.end) - dayOfDate(period.start);
    const lost = lostRevenue(asInput(records), period, { proration: "day" });
    for (const row of lost.customers) {
      expect(row.remainingDays).toBeGreaterThanOrEqual(1);
      expect(row.remainingDays).toBeLessThanOrEqual(periodDays);
      expect(row.remainingDays).toBe(dayOfDate(period.end) - dayOfDate(row.churnDate));
      expectClose(row.remainingMonths, new Exact(row.remainingDays).times(12).div(365));
      expect(row.lostRevenue.lte(new Exact(row.baseArr).times(periodDays).div(365).plus("1e-30"))).toBe(true);
    }
  });
});
