import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { cohortRetention } from "../../src/index.js";
import { asInput, contractBookArb, dateOfDay, dayOfDate } from "../support/contractArbitraries.js";
import { expectDecimal } from "../support/decimals.js";
import { fraction } from "../support/fraction.js";
import { NAIVE_DENOMINATOR, naiveMrrUnits, naiveUnitsOn } from "../support/naiveMovements.js";

/** `YYYY-MM-01` of the month after the one `date` (YYYY-MM-DD) is in. */
function nextMonthStart(date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

describe("cohortRetention properties", () => {
  test.prop([contractBookArb()])("matches a naive scan: cohorts by first paid month, cells on whole months' last days", ({ records, period }) => {
    // Whole calendar months inside [start, end), by their first days.
    const months: string[] = [];
    let first = period.start.endsWith("-01") ? period.start : nextMonthStart(period.start);
    while (nextMonthStart(first) <= period.end) {
      months.push(first);
      first = nextMonthStart(first);
    }
    const lastDayOf = (monthStart: string): string => dateOfDay(dayOfDate(nextMonthStart(monthStart)) - 1);
    // Each customer's first day with MRR > 0 (its earliest paid record's start).
    const firstPaid = new Map<string, string>();
    for (const record of records) {
      if (naiveMrrUnits(record) === 0n) continue;
      const known = firstPaid.get(record.customerId);
      if (known === undefined || record.start < known) firstPaid.set(record.customerId, record.start);
    }
    const expected = months.flatMap((monthStart, index) => {
      const members = [...firstPaid].filter(([, start]) => start.slice(0, 7) === monthStart.slice(0, 7)).map(([id]) => id);
      if (members.length === 0) return [];
      const own = records.filter((record) => members.includes(record.customerId));
      return [
        {
          cohort: monthStart.slice(0, 7),
          customers: members.length,
          cells: months.slice(index).map((observed) => ({
            month: observed.slice(0, 7),
            active: members.filter((id) => naiveUnitsOn(own.filter((r) => r.customerId === id), lastDayOf(observed)) > 0n).length,
            units: naiveUnitsOn(own, lastDayOf(observed)),
          })),
        },
      ];
    });
    const result = cohortRetention(asInput(records), period);
    expect(result.cohorts.map((c) => [c.cohort, c.customers, c.cells.map((cell) => [cell.month, cell.activeCustomers])])).toEqual(
      expected.map((c) => [c.cohort, c.customers, c.cells.map((cell) => [cell.month, cell.active])]),
    );
    result.cohorts.forEach((cohort, i) => {
      const base = expected[i]!.cells[0]!.units;
      expectDecimal(cohort.startingMrr, fraction(base.toString(), NAIVE_DENOMINATOR.toString()));
      cohort.cells.forEach((cell, k) => {
        const naive = expected[i]!.cells[k]!;
        expectDecimal(cell.mrr, fraction(naive.units.toString(), NAIVE_DENOMINATOR.toString()));
        expectDecimal(cell.logoRetention, fraction(naive.active, cohort.customers));
        if (base === 0n) expect(cell.revenueRetention).toBeNull();
        else expectDecimal(cell.revenueRetention, fraction(naive.units.toString(), base.toString()));
      });
    });
  });
});
