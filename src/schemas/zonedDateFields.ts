/**
 * Date-time fields read as calendar dates in a named time zone, before a record meets its schema:
 * an ISO 8601 date-time with `Z` or an offset (`"2025-03-31T23:30:00Z"`) in one of the named fields
 * becomes the `YYYY-MM-DD` date it falls on in the zone. Everything else is left for the schema to
 * accept or report, so the schema stays the one place that says what is valid.
 * @module
 */
import { formatCalendarDate } from "../dates/calendarDate.js";
import { epochDayInZone, parseOffsetDateTime } from "../dates/zonedDate.js";

/**
 * The record with each of `fields` that holds an offset date-time replaced by its calendar date in
 * `timeZone` (a zone that `isKnownTimeZone` accepted): a new object when anything changed, the
 * record itself otherwise (never mutated).
 */
export function withZonedDates(record: unknown, fields: readonly string[], timeZone: string): unknown {
  if (typeof record !== "object" || record === null || Array.isArray(record)) return record;
  let copy: Record<string, unknown> | null = null;
  for (const field of fields) {
    const value = (record as Record<string, unknown>)[field];
    if (typeof value !== "string") continue;
    const instant = parseOffsetDateTime(value);
    const day = instant === null ? null : epochDayInZone(instant, timeZone);
    if (day === null) continue;
    copy ??= { ...(record as Record<string, unknown>) };
    copy[field] = formatCalendarDate(day);
  }
  return copy ?? record;
}
