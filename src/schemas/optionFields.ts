/**
 * zod fragments shared by option schemas (internal): whole numbers, finite numbers and calendar dates
 * whose messages say what was expected and what came, as the record schemas' messages do.
 * @module
 */
import { z } from "zod";
import { type CalendarDate, parseCalendarDate } from "../dates/calendarDate.js";
import { describeValue, toCalendarDate } from "./primitives.js";

/** A safe integer ≥ `min`. */
export function wholeNumberSchema(min: number, unit = "") {
  return z.custom<number>(() => true).transform((value, ctx): number => {
    if (typeof value === "number" && Number.isSafeInteger(value) && value >= min) return value;
    ctx.addIssue({ code: "custom", message: `must be a whole number${unit} ≥ ${min} (got ${describeValue(value)})` });
    return z.NEVER;
  });
}

/** A finite JavaScript number. */
export const FiniteNumberSchema = z.custom<number>(() => true).transform((value, ctx): number => {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  ctx.addIssue({ code: "custom", message: `must be a finite number (got ${describeValue(value)})` });
  return z.NEVER;
});

/** A calendar date (`YYYY-MM-DD` or a `Date`, read in UTC) as its epoch day and text. */
export const DayOptionSchema = z.custom<string | Date>(() => true).transform((value, ctx): { readonly day: number; readonly date: CalendarDate } => {
  const date = toCalendarDate(value);
  if (date !== null) return { day: parseCalendarDate(date)!, date };
  ctx.addIssue({ code: "custom", message: `must be a calendar date YYYY-MM-DD (got ${describeValue(value)})` });
  return z.NEVER;
});

/** An options object that names its unknown keys (`unknown option "activeDay"`). */
export function optionsObject<Shape extends z.core.$ZodLooseShape>(shape: Shape, what: string) {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === "unrecognized_keys") return `unknown ${issue.keys.length === 1 ? "key" : "keys"} ${issue.keys.map((key) => JSON.stringify(key)).join(", ")}`;
      if (issue.code === "invalid_type") return `must be ${what} (got ${describeValue(issue.input)})`;
      return undefined;
    },
  });
}
