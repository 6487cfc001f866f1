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

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
/** The offset cache serves instants from 1000-01-01 to 9000-01-01 (far from the year-1 and year-9999 edges). */
const CACHED_FROM = Date.UTC(1000, 0, 1);
const CACHED_UNTIL = Date.UTC(9000, 0, 1);
const MAX_CACHED_HOURS = 200_000;

const clockFormatters = new Map<string, Intl.DateTimeFormat>();
/** Zone → UTC hour → the zone's offset in ms throughout that hour, or `null` when it changes inside it. */
const hourOffsets = new Map<string, Map<number, number | null>>();

/** The zone's offset from UTC at an instant (whole seconds), read from `Intl`'s wall-clock fields. */
function offsetAt(epochMs: number, timeZone: string): number {
  let formatter = clockFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone, year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
      hourCycle: "h23", calendar: "gregory", numberingSystem: "latn",
    });
    clockFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(epochMs);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const wallClock = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wallClock - (epochMs - (epochMs % 1000));
}

/**
 * The zone's offset throughout the UTC hour holding `epochMs`, or `null` when it differs at the hour's
 * two ends (a transition inside it). Memoised: events cluster in few hours, `Intl` is slow.
 */
function hourOffset(epochMs: number, timeZone: string): number | null {
  const hour = Math.floor(epochMs / MS_PER_HOUR);
  let byHour = hourOffsets.get(timeZone);
  if (byHour === undefined) hourOffsets.set(timeZone, (byHour = new Map()));
  let offset = byHour.get(hour);
  if (offset === undefined) {
    const start = offsetAt(hour * MS_PER_HOUR, timeZone);
    offset = start === offsetAt((hour + 1) * MS_PER_HOUR - 1000, timeZone) ? start : null;
    if (byHour.size >= MAX_CACHED_HOURS) byHour.clear();
    byHour.set(hour, offset);
  }
  return offset;
}

/**
 * Epoch day of the calendar date that the instant `epochMs` falls on in `timeZone` (a zone that
 * {@link isKnownTimeZone} accepted), or `null` outside years 1–9999.
 */
export function epochDayInZone(epochMs: number, timeZone: string): EpochDay | null {
  if (!Number.isFinite(epochMs)) return null;
  if (epochMs >= CACHED_FROM && epochMs < CACHED_UNTIL) {
    const offset = hourOffset(epochMs, timeZone);
    if (offset !== null) return Math.floor((epochMs + offset) / MS_PER_DAY);
  }
  return formattedEpochDay(epochMs, timeZone);
}

/** {@link epochDayInZone} read from `Intl`'s date fields directly. */
function formattedEpochDay(epochMs: number, timeZone: string): EpochDay | null {
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
