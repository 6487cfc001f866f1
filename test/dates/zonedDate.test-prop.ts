/**
 * epochDayInZone (memoised per UTC hour) equals the date `Intl` writes for the instant, in zones with
 * daylight time, half- and quarter-hour offsets and 30-minute daylight shifts, around transitions too.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCalendarDate } from "../../src/dates/calendarDate.js";
import { epochDayInZone } from "../../src/dates/zonedDate.js";

const ZONES = ["Asia/Tokyo", "America/Los_Angeles", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham", "Europe/London", "UTC"];
/** Transition instants (UTC): Los Angeles 2025-03-09 02:00 PST and 2025-11-02 02:00 PDT; Lord Howe 2025-04-06 02:00 (+11 → +10:30) and 2025-10-05 02:00 (+10:30 → +11). */
const TRANSITIONS = [Date.UTC(2025, 2, 9, 10), Date.UTC(2025, 10, 2, 9), Date.UTC(2025, 3, 5, 15), Date.UTC(2025, 9, 4, 15, 30)];

/** The oracle: `Intl`'s own `YYYY-MM-DD` for the instant (the en-CA locale writes ISO dates). */
const oracles = new Map(ZONES.map((timeZone) => [timeZone, new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })]));
function intlDate(epochMs: number, timeZone: string): string {
  return oracles.get(timeZone)!.format(epochMs);
}

describe("epochDayInZone", () => {
  it("equals Intl's date for random instants and instants within two hours of a transition", () => {
    const instant = fc.oneof(
      fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
      fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -7_200, max: 7_200 })).map(([at, seconds]) => at + seconds * 1000),
    );
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (epochMs, zone) => {
        expect(formatCalendarDate(epochDayInZone(epochMs, zone)!)).toBe(intlDate(epochMs, zone));
      }),
      { numRuns: 2000 },
    );
  }, 120_000);

  it("Lord Howe's half-hour shift: 15:29Z and 15:31Z on 2025-10-04 are both 2025-10-05 (01:59 +10:30, 02:31 → 03:01 +11)", () => {
    // 15:29Z + 10:30 = 01:59 on 10-05; 15:31Z + 11:00 = 02:31 on 10-05.
    expect(formatCalendarDate(epochDayInZone(Date.UTC(2025, 9, 4, 15, 29), "Australia/Lord_Howe")!)).toBe("2025-10-05");
    expect(formatCalendarDate(epochDayInZone(Date.UTC(2025, 9, 4, 15, 31), "Australia/Lord_Howe")!)).toBe("2025-10-05");
    // 13:29Z + 10:30 = 23:59 on 10-04.
    expect(formatCalendarDate(epochDayInZone(Date.UTC(2025, 9, 4, 13, 29), "Australia/Lord_Howe")!)).toBe("2025-10-04");
  });
});
