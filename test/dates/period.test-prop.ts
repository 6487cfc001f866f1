import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { fiscalQuarter, fiscalYear, month, monthsOf } from "../../src/index.js";
import { dayOfDate, periodArb } from "../support/contractArbitraries.js";

describe("period properties", () => {
  test.prop([periodArb])("monthsOf tiles the period: contiguous, clipped, one per calendar month", (period) => {
    const months = monthsOf(period);
    expect(months[0]?.start).toBe(period.start);
    expect(months.at(-1)?.end).toBe(period.end);
    for (let index = 1; index < months.length; index++) expect(months[index]!.start).toBe(months[index - 1]!.end);
    for (const m of months) {
      expect(m.start < m.end).toBe(true);
      expect(m.start.slice(0, 7)).toBe(m.label);
      expect(dayOfDate(m.end) - dayOfDate(m.start)).toBeLessThanOrEqual(31);
    }
    expect(new Set(months.map((m) => m.label)).size).toBe(months.length);
  });

  test.prop([fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 })])(
    "fiscal years and their quarters chain: FY n ends where FY n+1 starts; four quarters cover it",
    (fiscal, startMonth) => {
      const fy = fiscalYear(fiscal, { startMonth });
      expect(fy.end).toBe(fiscalYear(fiscal + 1, { startMonth }).start);
      expect([365, 366]).toContain(dayOfDate(fy.end) - dayOfDate(fy.start));
      const quarters = [1, 2, 3, 4].map((q) => fiscalQuarter(fiscal, q, { startMonth }));
      expect(quarters[0]!.start).toBe(fy.start);
      expect(quarters[3]!.end).toBe(fy.end);
      for (let q = 1; q < 4; q++) expect(quarters[q]!.start).toBe(quarters[q - 1]!.end);
      expect(monthsOf(fy).map((m) => m.start)).toEqual(
        Array.from({ length: 12 }, (_, k) => month(fiscal + Math.floor((startMonth - 1 + k) / 12), ((startMonth - 1 + k) % 12) + 1).start),
      );
    },
  );
});
