/**
 * ISO 8601 weeks (Monday to Sunday; week 1 holds the year's first Thursday) on epoch days (internal).
 * @module
 */
import { type EpochDay, epochDayOf, partsOf } from "./calendarDate.js";

/** A period step: `[start, end)` as `YYYY-MM-DD` and a label. */
export interface DayRange {
  readonly start: EpochDay;
  readonly end: EpochDay;
  readonly label: string;
}

/** Monday = 0 … Sunday = 6 (1970-01-01, epoch day 0, was a Thursday). */
export function isoWeekday(day: EpochDay): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The ISO week label of a day, `2026-W02` (the ISO week-numbering year may differ from the calendar year near 1 January). */
export function isoWeekLabel(day: EpochDay): string {
  const thursday = day - isoWeekday(day) + 3;
  const year = partsOf(thursday).year;
  const week = Math.floor((thursday - epochDayOf(year, 1, 1)!) / 7) + 1;
  return `${String(year).padStart(4, "0")}-W${String(week).padStart(2, "0")}`;
}

/** The ISO weeks overlapping `[startDay, endDay)`, each cut to the range: `[max(monday, start), min(monday + 7, end))`. */
export function weeksOf(startDay: EpochDay, endDay: EpochDay): DayRange[] {
  const weeks: DayRange[] = [];
  for (let monday = startDay - isoWeekday(startDay); monday < endDay; monday += 7) {
    weeks.push({ start: Math.max(monday, startDay), end: Math.min(monday + 7, endDay), label: isoWeekLabel(monday) });
  }
  return weeks;
}
