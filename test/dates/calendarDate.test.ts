import { describe, expect, it } from "vitest";
import {
  addMonthsToDay,
  daysInMonth,
  epochDayOf,
  epochDayOfDate,
  formatCalendarDate,
  formatMonth,
  parseCalendarDate,
  startOfMonthDay,
} from "../../src/dates/calendarDate.js";

describe("calendar dates as epoch days", () => {
  it("counts days from 1970-01-01", () => {
    expect(epochDayOf(1970, 1, 1)).toBe(0);
    expect(epochDayOf(1970, 2, 1)).toBe(31);
    expect(epochDayOf(1969, 12, 31)).toBe(-1);
    // 2000-01-01: 30 years, 7 of them leap (72, 76, 80, 84, 88, 92, 96) → 30 × 365 + 7 = 10,957
    expect(epochDayOf(2000, 1, 1)).toBe(10_957);
    expect(parseCalendarDate("2000-01-01")).toBe(10_957);
  });

  it("rejects dates that do not exist", () => {
    expect(epochDayOf(2025, 2, 29)).toBeNull(); // 2025 is not a leap year
    expect(epochDayOf(2024, 2, 29)).toBe(parseCalendarDate("2024-02-29"));
    expect(epochDayOf(2100, 2, 29)).toBeNull(); // divisible by 100, not by 400
    expect(epochDayOf(2000, 2, 29)).not.toBeNull(); // divisible by 400
    expect(epochDayOf(2025, 4, 31)).toBeNull();
    expect(epochDayOf(2025, 13, 1)).toBeNull();
    expect(epochDayOf(2025, 0, 1)).toBeNull();
    expect(epochDayOf(0, 1, 1)).toBeNull();
    expect(epochDayOf(10_000, 1, 1)).toBeNull();
    expect(epochDayOf(2025, 1.5, 1)).toBeNull();
  });

  it("parses only YYYY-MM-DD text of existing dates", () => {
    expect(parseCalendarDate("2025-02-30")).toBeNull();
    expect(parseCalendarDate("2025-2-3")).toBeNull();
    expect(parseCalendarDate("2025-02-03T00:00:00Z")).toBeNull();
    expect(parseCalendarDate(" 2025-02-03")).toBeNull();
    expect(parseCalendarDate("20250203")).toBeNull();
    expect(parseCalendarDate("0001-01-01")).not.toBeNull();
    expect(parseCalendarDate("9999-12-31")).not.toBeNull();
    expect(parseCalendarDate("0000-12-31")).toBeNull();
  });

  it("formats back to the same text, including years below 1000", () => {
    for (const text of ["2025-04-01", "2024-02-29", "0001-01-01", "0999-12-31", "9999-12-31", "1969-12-31"]) {
      expect(formatCalendarDate(parseCalendarDate(text)!)).toBe(text);
    }
    expect(formatMonth(parseCalendarDate("2025-04-17")!)).toBe("2025-04");
  });

  it("knows the days in each month", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
  });

  it("reads a Date as its UTC calendar date", () => {
    // 23:30 at UTC−5 on March 31 is April 1 04:30 UTC.
    expect(formatCalendarDate(epochDayOfDate(new Date("2025-03-31T23:30:00-05:00"))!)).toBe("2025-04-01");
    // 08:00 at UTC+9 on April 1 is March 31 23:00 UTC.
    expect(formatCalendarDate(epochDayOfDate(new Date("2025-04-01T08:00:00+09:00"))!)).toBe("2025-03-31");
    expect(epochDayOfDate(new Date(Number.NaN))).toBeNull();
    expect(epochDayOfDate(new Date(Date.UTC(10_000, 0, 1)))).toBeNull();
  });

  it("adds months as date-fns does (Jan 31 + 1 month = last day of February) and finds month starts", () => {
    const day = (text: string): number => parseCalendarDate(text)!;
    expect(formatCalendarDate(addMonthsToDay(day("2025-01-31"), 1))).toBe("2025-02-28");
    expect(formatCalendarDate(addMonthsToDay(day("2024-01-31"), 1))).toBe("2024-02-29");
    expect(formatCalendarDate(addMonthsToDay(day("2025-11-01"), 3))).toBe("2026-02-01");
    expect(formatCalendarDate(addMonthsToDay(day("2025-03-01"), -12))).toBe("2024-03-01");
    expect(formatCalendarDate(startOfMonthDay(day("2025-03-31")))).toBe("2025-03-01");
    expect(formatCalendarDate(startOfMonthDay(day("2025-03-01")))).toBe("2025-03-01");
  });
});
