/**
 * Instants to calendar dates in an IANA time zone (`"UTC"`, `"Asia/Tokyo"`), through `Intl`, so the
 * result never depends on the machine's zone.
 * @module
 */
import { ValidationError } from "../errors.js";
import { describeValue } from "../schemas/primitives.js";
import { type EpochDay, epochDayOf } from "./calendarDate.js";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The time zone option checked: an IANA name `Intl` knows (`"UTC"` when absent).
 * @throws {@link ValidationError} at `path` for anything else.
 */
export function readTimeZone(value: unknown, path: string): string {
  if (value === undefined) return "UTC";
  if (typeof value === "string" && value.length > 0) {
    try {
      formatterOf(value);
      return value;
    } catch {
      // An unknown zone: reported below.
    }
  }
  throw new ValidationError([{ path, message: `must be an IANA time zone like "UTC" or "Asia/Tokyo" (got ${describeValue(value)})` }]);
}

/** Latest Unix time (seconds) read: 9999-12-29T00:00:00Z, so the date is in years 1970–9999 in every zone. */
export const MAX_UNIX_SECONDS = 253_402_041_600;

/**
 * The calendar day (epoch day) that a Unix time in seconds (0 to {@link MAX_UNIX_SECONDS}) falls on
 * in `timeZone` (checked with {@link readTimeZone}).
 */
export function epochDayOfUnixSeconds(seconds: number, timeZone: string): EpochDay {
  const parts: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(new Date(seconds * 1000))) parts[part.type] = Number(part.value);
  return epochDayOf(parts["year"]!, parts["month"]!, parts["day"]!)!;
}
