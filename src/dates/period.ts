/**
 * Building periods (months, quarters, years, fiscal years) and resolving any period input to the
 * epoch days the metrics work on.
 * @module
 */
import { InvalidPeriodError } from "../errors.js";
import { readOptions } from "../schemas/options.js";
import { type Period, type PeriodInput, PeriodSchema } from "../schemas/period.js";
import { describeValue, formatPath } from "../schemas/primitives.js";
import {
  type EpochDay,
  addMonthsToDay,
  epochDayOf,
  formatCalendarDate,
  formatMonth,
  parseCalendarDate,
  startOfMonthDay,
} from "./calendarDate.js";

/** A period resolved to epoch days: `[startDay, endDay)`. */
export interface ResolvedPeriod {
  readonly period: Period;
  readonly startDay: EpochDay;
  readonly endDay: EpochDay;
}

/** Options of {@link fiscalYear} and {@link fiscalQuarter}. */
export interface FiscalYearOptions {
  /** Month (1–12) the fiscal year starts in; 4 for the April fiscal years common in Japan. Default 1. */
  readonly startMonth?: number;
}

/** Validates a period input and resolves it to epoch days; throws {@link InvalidPeriodError}. */
export function resolvePeriod(input: PeriodInput, root = "period"): ResolvedPeriod {
  const parsed = PeriodSchema.safeParse(input);
  if (!parsed.success) {
    // A failed parse has at least one issue.
    const issue = parsed.error.issues[0]!;
    throw new InvalidPeriodError(formatPath(root, issue.path), issue.message);
  }
  const period = parsed.data;
  return { period, startDay: dayOf(period.start), endDay: dayOf(period.end) };
}

/** Epoch day of a date the period schema has already validated (so it always parses). */
function dayOf(date: string): EpochDay {
  return parseCalendarDate(date)!;
}

function checkYear(year: number, path: string): void {
  if (!Number.isInteger(year) || year < 1 || year > 9998) {
    throw new InvalidPeriodError(path, `must be a whole year from 1 to 9998 (got ${describeValue(year)})`);
  }
}

function monthsFrom(startDay: EpochDay, months: number, label: string): Period {
  const endDay = addMonthsToDay(startDay, months);
  return { start: formatCalendarDate(startDay), end: formatCalendarDate(endDay), label };
}

/** First day of a month; callers have checked the year (1–9998) and the month (1–12). */
function firstDay(year: number, month: number): EpochDay {
  return epochDayOf(year, month, 1)!;
}

/**
 * One calendar month, from `"YYYY-MM"` text (or a year and a month 1–12).
 *
 * @remarks `[YYYY-MM-01, first day of the next month)`.
 * @throws {@link InvalidPeriodError} for text that is not a month.
 * @example
 * ```ts
 * import { month } from "cs-metrics";
 * month("2025-03"); //=> { start: "2025-03-01", end: "2025-04-01", label: "2025-03" }
 * ```
 */
export function month(yearMonth: string): Period;
export function month(year: number, monthOfYear: number): Period;
export function month(first: string | number, second?: number): Period {
  let year: number;
  let monthOfYear: number;
  if (typeof first === "string") {
    const match = /^(\d{4})-(\d{2})$/.exec(first);
    if (match === null) throw new InvalidPeriodError("month", `must be "YYYY-MM" (got ${JSON.stringify(first)})`);
    year = Number(match[1]);
    monthOfYear = Number(match[2]);
  } else {
    year = first;
    monthOfYear = second ?? Number.NaN;
  }
  checkYear(year, "month");
  if (!Number.isInteger(monthOfYear) || monthOfYear < 1 || monthOfYear > 12) {
    throw new InvalidPeriodError("month", `month must be 1–12 (got ${describeValue(monthOfYear)})`);
  }
  const start = firstDay(year, monthOfYear);
  return monthsFrom(start, 1, formatMonth(start));
}

/**
 * A calendar quarter (Q1 = January–March).
 *
 * @remarks `[first day of month 3q−2, first day of month 3q+1)`.
 * @throws {@link InvalidPeriodError} for a quarter outside 1–4.
 * @example
 * ```ts
 * import { quarter } from "cs-metrics";
 * quarter(2025, 1); //=> { start: "2025-01-01", end: "2025-04-01", label: "2025-Q1" }
 * ```
 */
export function quarter(year: number, quarterOfYear: number): Period {
  return fiscalQuarter(year, quarterOfYear, { startMonth: 1 });
}

/**
 * A calendar year.
 *
 * @remarks `[YYYY-01-01, (YYYY+1)-01-01)`.
 * @example
 * ```ts
 * import { year } from "cs-metrics";
 * year(2025); //=> { start: "2025-01-01", end: "2026-01-01", label: "2025" }
 * ```
 */
export function year(calendarYear: number): Period {
  checkYear(calendarYear, "year");
  return monthsFrom(firstDay(calendarYear, 1), 12, String(calendarYear));
}

/**
 * A fiscal year named by the calendar year it starts in (the Japanese convention: FY2025 with
 * `startMonth: 4` runs 2025-04-01 … 2026-03-31).
 *
 * @remarks `[fiscalYear-startMonth-01, (fiscalYear+1)-startMonth-01)`.
 * @throws {@link InvalidPeriodError} for a start month outside 1–12.
 * @example
 * ```ts
 * import { fiscalYear } from "cs-metrics";
 * fiscalYear(2025, { startMonth: 4 }); //=> { start: "2025-04-01", end: "2026-04-01", label: "FY2025" }
 * ```
 */
export function fiscalYear(fiscal: number, options: FiscalYearOptions = {}): Period {
  const startMonth = checkStartMonth(readOptions(options).startMonth);
  checkYear(fiscal, "fiscalYear");
  return monthsFrom(firstDay(fiscal, startMonth), 12, `FY${fiscal}`);
}

/**
 * A quarter of a fiscal year (Q1 begins in the fiscal year's start month).
 *
 * @remarks `[start of fiscal year + 3(q−1) months, + 3 months)`.
 * @throws {@link InvalidPeriodError} for a quarter outside 1–4 or a start month outside 1–12.
 * @example
 * ```ts
 * import { fiscalQuarter } from "cs-metrics";
 * fiscalQuarter(2025, 4, { startMonth: 4 }); //=> { start: "2026-01-01", end: "2026-04-01", label: "FY2025-Q4" }
 * ```
 */
export function fiscalQuarter(fiscal: number, quarterOfYear: number, options: FiscalYearOptions = {}): Period {
  const startMonth = checkStartMonth(readOptions(options).startMonth);
  checkYear(fiscal, "quarter");
  if (!Number.isInteger(quarterOfYear) || quarterOfYear < 1 || quarterOfYear > 4) {
    throw new InvalidPeriodError("quarter", `must be 1–4 (got ${describeValue(quarterOfYear)})`);
  }
  const yearStart = firstDay(fiscal, startMonth);
  const label = startMonth === 1 ? `${fiscal}-Q${quarterOfYear}` : `FY${fiscal}-Q${quarterOfYear}`;
  return monthsFrom(addMonthsToDay(yearStart, 3 * (quarterOfYear - 1)), 3, label);
}

function checkStartMonth(startMonth: number | undefined): number {
  const value = startMonth ?? 1;
  if (!Number.isInteger(value) || value < 1 || value > 12) {
    throw new InvalidPeriodError("options.startMonth", `must be a month 1–12 (got ${describeValue(startMonth)})`);
  }
  return value;
}

/**
 * The calendar months that a period overlaps, each clipped to the period (a period starting mid-month
 * yields a partial first month).
 *
 * @remarks Months `[max(start, m), min(end, m+1))` for every month m that overlaps `[start, end)`.
 * @throws {@link InvalidPeriodError} for an invalid period.
 * @example
 * ```ts
 * import { monthsOf, quarter } from "cs-metrics";
 * monthsOf(quarter(2025, 2)).map((m) => m.label); //=> ["2025-04", "2025-05", "2025-06"]
 * ```
 */
export function monthsOf(period: PeriodInput): Period[] {
  const { startDay, endDay } = resolvePeriod(period);
  const months: Period[] = [];
  let monthStart = startOfMonthDay(startDay);
  while (monthStart < endDay) {
    const next = addMonthsToDay(monthStart, 1);
    const start = Math.max(monthStart, startDay);
    const end = Math.min(next, endDay);
    months.push({ start: formatCalendarDate(start), end: formatCalendarDate(end), label: formatMonth(monthStart) });
    monthStart = next;
  }
  return months;
}
