/**
 * A small memo of parsed `YYYY-MM-DD` texts (internal). Usage snapshots repeat few dates (one a day or
 * a month), and parsing a calendar date is far slower than a map look-up.
 * @module
 */
import { type EpochDay, parseCalendarDate } from "../dates/calendarDate.js";

const MAX_ENTRIES = 100_000;
const days = new Map<string, EpochDay | null>();

/** The epoch day of a `YYYY-MM-DD` text, or `null` when it is not an existing calendar date (see `parseCalendarDate`). */
export function cachedEpochDay(text: string): EpochDay | null {
  let day = days.get(text);
  if (day === undefined) {
    day = parseCalendarDate(text);
    if (days.size >= MAX_ENTRIES) days.clear();
    days.set(text, day);
  }
  return day;
}
