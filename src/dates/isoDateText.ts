/**
 * `YYYY-MM-DD` text to an epoch day by arithmetic on its character codes (internal): the readers of
 * large inputs (contract lines, product events) call it once per row, where a parse through `Date` or
 * a memo look-up would cost more than the rest of the row.
 * @module
 */
import { type EpochDay, isLeapYear } from "./calendarDate.js";

const CODE_0 = 48;
const CODE_9 = 57;
const CODE_DASH = 45;
const CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= CODE_0 && code <= CODE_9 ? code - CODE_0 : -1;
}

/**
 * Epoch day of a `YYYY-MM-DD` string of an existing date in years 0001–9999, by arithmetic on the
 * proleptic Gregorian calendar (as `Date.UTC` counts); `null` otherwise. Agrees with
 * `parseCalendarDate` on every input.
 */
export function epochDayOfIsoText(text: string): EpochDay | null {
  if (text.length !== 10 || text.charCodeAt(4) !== CODE_DASH || text.charCodeAt(7) !== CODE_DASH) return null;
  const y0 = digitAt(text, 0);
  const y1 = digitAt(text, 1);
  const y2 = digitAt(text, 2);
  const y3 = digitAt(text, 3);
  const m0 = digitAt(text, 5);
  const m1 = digitAt(text, 6);
  const d0 = digitAt(text, 8);
  const d1 = digitAt(text, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return null;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  const leap = isLeapYear(year);
  const monthDays = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  if (day > monthDays) return null;
  // Days from 0001-01-01 to the date, then shift to 1970-01-01 (719162 days later).
  const previousYears = year - 1;
  const daysBeforeYear =
    previousYears * 365 + Math.floor(previousYears / 4) - Math.floor(previousYears / 100) + Math.floor(previousYears / 400);
  const daysBeforeMonth = CUMULATIVE_DAYS[month - 1]! + (leap && month > 2 ? 1 : 0);
  return daysBeforeYear + daysBeforeMonth + day - 1 - 719_162;
}

