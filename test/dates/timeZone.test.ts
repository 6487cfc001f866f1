import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { cohortRetention, contractBook, fiscalYear, lostRevenue, month, mrrOn, mrrSeries, revenueMovements, revenueReport } from "../../src/index.js";

// Node re-reads process.env.TZ when it is assigned, so one process can try extreme zones: UTC+14
// (Kiritimati), UTC−11 (Pago Pago), a half-hour zone (India) and one with DST (Los Angeles).
const ZONES = ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata", "America/Los_Angeles", "Asia/Tokyo"];
const originalZone = process.env.TZ;
afterAll(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

const records = JSON.parse(readFileSync(new URL("../../examples/data/contracts.json", import.meta.url), "utf8"));

/** Every revenue result on the sample data, with Date inputs built from local-time constructors. */
function everything(): string {
  const book = contractBook(records);
  const fy = fiscalYear(2025, { startMonth: 4 });
  // A Date made at 00:30 UTC: its local calendar date differs from its UTC date in UTC−x zones.
  const early = new Date(Date.UTC(2025, 6, 1, 0, 30));
  // …and one at 23:30 UTC, a different local date in UTC+x zones.
  const late = new Date(Date.UTC(2025, 5, 30, 23, 30));
  return JSON.stringify({
    report: revenueReport(book, fy, { proration: "day" }),
    lost: lostRevenue(book, fy),
    movements: revenueMovements(book, month("2025-07")),
    series: mrrSeries(book, fy),
    cohorts: cohortRetention(book, fy),
    mrrEarly: mrrOn(book, early),
    mrrLate: mrrOn(book, late),
    periodFromDates: revenueMovements(book, { start: early, end: new Date(Date.UTC(2025, 9, 1, 23, 59)) }),
  });
}

describe("results are identical under any time zone", () => {
  it.each(ZONES)("TZ=%s gives the UTC results", (zone) => {
    process.env.TZ = "UTC";
    const reference = everything();
    process.env.TZ = zone;
    // The zone really is in effect (Kiritimati is 14 hours ahead of UTC, so local time differs).
    if (zone === "Pacific/Kiritimati") expect(new Date(Date.UTC(2025, 0, 1, 12)).getDate()).toBe(2);
    expect(everything()).toBe(reference);
  });
});
