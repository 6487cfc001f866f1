/**
 * Calendar dates of instants: an ISO 8601 date-time with an offset or `Z` (or a `Date`) read as the
 * calendar date it falls on in an IANA time zone. Never the machine's zone: the zone is always named.
 * @module
 */
import { type EpochDay, epochDayOf } from "./calendarDate.js";

/** `YYYY-MM-DDThh:mm[:ss[.fff…]]` followed by `Z` or `±hh:mm` / `±hhmm` / `±hh` (a space may replace the `T`). */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The formatter that writes an instant's calendar date in `timeZone`, or `null` when `Intl` does not
 * know the zone.
 */
function formatterOf(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", { timeZone, era: "short", year: "numeric", month: "numeric", day: "numeric", calendar: "gregory", numberingSystem: "latn" });
    } catch {
      return null;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** `true` when `timeZone` is an IANA zone name (or offset) that `Intl` knows, e.g. `"Asia/Tokyo"`. */
export function isKnownTimeZone(timeZone: unknown): timeZone is string {
  return typeof timeZone === "string" && timeZone.length > 0 && formatterOf(timeZone) !== null;
}

/**
 * Epoch day of the calendar date that the instant `epochMs` falls on in `timeZone` (a zone that
 * {@link isKnownTimeZone} accepted), or `null` outside years 1–9999.
 */
export function epochDayInZone(epochMs: number, timeZone: string): EpochDay | null {
  if (!Number.isFinite(epochMs)) return null;
  const parts = formatterOf(timeZone)!.formatToParts(epochMs);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  // Years before 1 come out as a positive year with the era "BC": outside the accepted range.
  if (parts.find((p) => p.type === "era")?.value !== "AD") return null;
  return epochDayOf(part("year"), part("month"), part("day"));
}

/**
 * The instant (milliseconds since 1970-01-01T00:00Z) of an ISO 8601 date-time with an offset or `Z`,
 * or `null` when the text is not one (no offset, an impossible date or time, an offset beyond ±23:59).
 */
export function parseOffsetDateTime(text: string): number | null {
  const match = ISO_DATE_TIME.exec(text);
  if (match === null) return null;
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, oh, om] = match;
  const day = epochDayOf(Number(y), Number(mo), Number(d));
  const hours = Number(h);
  const minutes = Number(mi);
  const seconds = s === undefined ? 0 : Number(s);
  if (day === null || hours > 23 || minutes > 59 || seconds > 59) return null;
  let offsetMinutes = 0;
  if (zulu === undefined) {
    const offsetHours = Number(oh);
    const offsetRest = om === undefined ? 0 : Number(om);
    if (offsetHours > 23 || offsetRest > 59) return null;
    offsetMinutes = (sign === "-" ? -1 : 1) * (offsetHours * 60 + offsetRest);
  }
  const milliseconds = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  return ((day * 24 + hours) * 60 + minutes - offsetMinutes) * 60_000 + seconds * 1000 + milliseconds;
}
