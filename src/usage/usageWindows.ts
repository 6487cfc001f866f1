/**
 * The dates and activity windows a usage computation is asked for (internal): `on` (one date or
 * several) and the lengths, in days, of the weekly, monthly and feature windows.
 * @module
 */
import { type EpochDay, parseCalendarDate } from "../dates/calendarDate.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { CalendarDateSchema, type CalendarDateInput, describeValue } from "../schemas/primitives.js";

/** Lengths of the activity windows in days, each ending on (and including) the snapshot date. */
export interface UsageWindows {
  /** Days of the `wau` window. Default 7. */
  readonly wau?: number;
  /** Days of the `mau` (= `activeUsers`) window. Default 30. */
  readonly mau?: number;
  /** Days of the `featuresUsed` window. Default 30. */
  readonly features?: number;
}

/** {@link UsageWindows} with every length filled in. */
export type ResolvedWindows = Required<UsageWindows>;

/** The default windows: 7, 30 and 30 days. */
export const DEFAULT_WINDOWS: ResolvedWindows = { wau: 7, mau: 30, features: 30 };

/** Longest window accepted (ten years of days). */
export const MAX_WINDOW_DAYS = 3660;

/** Checks the `windows` option. */
export function readWindows(value: unknown, path = "options.windows"): ResolvedWindows {
  if (value === undefined) return DEFAULT_WINDOWS;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ValidationError([{ path, message: `must be an object of window lengths in days (got ${describeValue(value)})` }]);
  }
  const given = value as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  const windows: Record<string, number> = { ...DEFAULT_WINDOWS };
  for (const key of Object.keys(given)) {
    if (!(key in DEFAULT_WINDOWS)) {
      issues.push({ path: `${path}.${key}`, message: "is not a window (expected wau, mau or features)" });
      continue;
    }
    const days = given[key];
    if (days === undefined) continue;
    const problem = windowProblem(days);
    if (problem === null) windows[key] = days as number;
    else issues.push({ path: `${path}.${key}`, message: problem });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return windows as ResolvedWindows;
}

function windowProblem(days: unknown): string | null {
  if (typeof days === "number" && Number.isSafeInteger(days) && days >= 1 && days <= MAX_WINDOW_DAYS) return null;
  return `must be a whole number of days from 1 to ${MAX_WINDOW_DAYS} (got ${describeValue(days)})`;
}

/** Checks a window length given as a single number (`featureAdoption`'s `window`). */
export function readWindowDays(value: unknown, fallback: number, path: string): number {
  if (value === undefined) return fallback;
  const problem = windowProblem(value);
  if (problem !== null) throw new ValidationError([{ path, message: problem }]);
  return value as number;
}

function dateAt(value: unknown, path: string): EpochDay {
  const parsed = CalendarDateSchema.safeParse(value);
  if (!parsed.success) throw new ValidationError([{ path, message: parsed.error.issues[0]!.message }]);
  return parseCalendarDate(parsed.data)!;
}

/** Checks `on` (one date or a non-empty array of dates): the distinct epoch days, ascending. */
export function readDates(value: unknown, path = "options.on"): EpochDay[] {
  if (!Array.isArray(value)) return [dateAt(value, path)];
  if (value.length === 0) throw new ValidationError([{ path, message: "must be a date or a non-empty array of dates" }]);
  const days = new Set<EpochDay>();
  value.forEach((item: unknown, index) => days.add(dateAt(item, `${path}[${index}]`)));
  return [...days].sort((a, b) => a - b);
}

/** `on` as the caller may give it. */
export type OnDates = CalendarDateInput | readonly CalendarDateInput[];
