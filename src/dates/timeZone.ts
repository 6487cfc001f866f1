/**
 * Unix times to calendar dates in an IANA time zone (`"UTC"`, `"Asia/Tokyo"`), through
 * {@link epochDayInZone}, so the result never depends on the machine's zone.
 * @module
 */
import { ValidationError } from "../errors.js";
import { describeValue } from "../schemas/primitives.js";
import type { EpochDay } from "./calendarDate.js";
import { epochDayInZone, isKnownTimeZone } from "./zonedDate.js";

/**
 * The time zone option checked: an IANA name `Intl` knows (`"UTC"` when absent).
 * @throws {@link ValidationError} at `path` for anything else.
 */
export function readTimeZone(value: unknown, path: string): string {
  if (value === undefined) return "UTC";
  if (isKnownTimeZone(value)) return value;
  throw new ValidationError([{ path, message: `must be an IANA time zone like "UTC" or "Asia/Tokyo" (got ${describeValue(value)})` }]);
}

/** Latest Unix time (seconds) read: 9999-12-29T00:00:00Z, so the date is in years 1970–9999 in every zone. */
export const MAX_UNIX_SECONDS = 253_402_041_600;

/**
 * The calendar day (epoch day) that a Unix time in seconds (0 to {@link MAX_UNIX_SECONDS}) falls on
 * in `timeZone` (checked with {@link readTimeZone}).
 */
export function epochDayOfUnixSeconds(seconds: number, timeZone: string): EpochDay {
  // In range by the caller's check: years 1970–9999 in every zone, never null.
  return epochDayInZone(seconds * 1000, timeZone)!;
}
