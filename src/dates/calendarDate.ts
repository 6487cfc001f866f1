/**
 * Calendar dates. Internally a date is a whole number of days since 1970-01-01 (an "epoch day"), so
 * comparisons and differences are integer operations and nothing ever depends on the machine's time
 * zone. Month arithmetic goes through date-fns on `UTCDateMini` values.
 * @module
 */
import { UTCDateMini } from "@date-fns/utc";
import { addMonths } from "date-fns";

/** A calendar date written `YYYY-MM-DD`, e.g. `"2025-04-01"`. */
export type CalendarDate = string;

/** Epoch day: whole days since 1970-01-01 (internal representation of a calendar date). */
export type EpochDay = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Earliest and latest years accepted, so every date has a four-digit `YYYY-MM-DD` form. */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

/**
 * Epoch day of a year, month (1–12) and day, or `null` when no such calendar date exists
 * (`2025-02-30`, month 13, year 0). Pure integer arithmetic (proleptic Gregorian calendar, as
 * `Date.UTC` and date-fns use), so parsing millions of dates stays cheap.
 */
export function epochDayOf(year: number, month: number, day: number): EpochDay | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  // Days from 1970-01-01 to the civil date: count March-based years so the leap day falls last.
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const marchMonth = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * marchMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** `true` for Gregorian leap years (divisible by 4, not by 100 unless by 400). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? Number.NaN);
}

/** Parses `YYYY-MM-DD` to an epoch day; `null` when the text is not an existing calendar date. */
export function parseCalendarDate(text: string): EpochDay | null {
  const match = ISO_DATE.exec(text);
  if (match === null) return null;
  return epochDayOf(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * Epoch day of a `Date`'s UTC calendar date (its time of day is ignored); `null` for an invalid Date
 * or one outside years 1–9999.
 */
export function epochDayOfDate(date: Date): EpochDay | null {
  const time = date.getTime();
  if (!Number.isFinite(time)) return null;
  return epochDayOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Year, month (1–12) and day of an epoch day. */
export function partsOf(day: EpochDay): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** `YYYY-MM-DD` text of an epoch day. */
export function formatCalendarDate(day: EpochDay): CalendarDate {
  const parts = partsOf(day);
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

/** `YYYY-MM` text of the month containing an epoch day. */
export function formatMonth(day: EpochDay): string {
  const parts = partsOf(day);
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}`;
}

/** The first day of the month containing `day`. */
export function startOfMonthDay(day: EpochDay): EpochDay {
  const parts = partsOf(day);
  return day - parts.day + 1;
}

/**
 * Adds whole calendar months to a date with date-fns' `addMonths` in UTC (Jan 31 + 1 month = Feb 28
 * or 29, as date-fns does).
 */
export function addMonthsToDay(day: EpochDay, months: number): EpochDay {
  const shifted = addMonths(new UTCDateMini(day * MS_PER_DAY), months);
  return Math.round(shifted.getTime() / MS_PER_DAY);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
