import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { contractBook, lostRevenue, monthsOf, revenueMovements } from "../../src/index.js";
import { asInput, builtPeriodArb, contractBookArb, dateOfDay, dayOfDate } from "../support/contractArbitraries.js";
import { NAIVE_DENOMINATOR, naiveRows, naiveUnitsOn } from "../support/naiveMovements.js";
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

  test.prop([contractBookArb({ exactMrr: true })])(
    "day proration, from the records: churn date = the day after the last day with MRR, lost = 12 × M0 × remaining days / 365",
    ({ records, period }) => {
      // Independent of the library: MRR summed from the raw records day by day (test/support/naiveMovements.ts).
      const start = dayOfDate(period.start);
      const end = dayOfDate(period.end);
      const expected = naiveRows(records, period)
        .filter((row) => row.movement === "churn")
        .map((row) => {
          const own = records.filter((record) => record.customerId === row.customerId);
          let lastActive = end - 1;
          while (naiveUnitsOn(own, dateOfDay(lastActive)) === 0n) lastActive--; // stops at start − 1 at the latest (M0 > 0)
          const remainingDays = end - (lastActive + 1);
          const baseArr = new Exact(row.m0.toString()).times(12).div(NAIVE_DENOMINATOR.toString());
          return { customerId: row.customerId, churnDate: dateOfDay(lastActive + 1), remainingDays, baseArr, lost: baseArr.times(remainingDays).div(365) };
        });
      const lost = lostRevenue(asInput(records), period, { proration: "day" });
      expect(lost.customers.map((r) => [r.customerId, r.churnDate, r.remainingDays])).toEqual(expected.map((r) => [r.customerId, r.churnDate, r.remainingDays]));
      lost.customers.forEach((row, i) => {
        expectDecimal(row.baseArr, expected[i]!.baseArr);
        expectRelativelyClose(row.lostRevenue, expected[i]!.lost);
        expect(dayOfDate(row.churnDate) >= start).toBe(true);
      });
      expectClose(lost.total, exactSum(...expected.map((r) => r.lost)));
    },
  );
});
