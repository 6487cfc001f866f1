/**
 * The product-event and contact schemas: one user of a customer active on a day (optionally with a
 * feature and a count), and one touch of a customer by the CS team. Dates are calendar dates, or
 * date-times read in an IANA time zone that the caller names.
 * @module
 */
import { z } from "zod";
import { type CalendarDate, formatCalendarDate } from "../dates/calendarDate.js";
import { epochDayInZone, isKnownTimeZone, parseOffsetDateTime } from "../dates/zonedDate.js";
import { ValidationError } from "../errors.js";
import { readOptions } from "./options.js";
import { IdSchema, describeValue, toCalendarDate } from "./primitives.js";

/** Options of the functions that validate events and contacts. */
export interface EventDateOptions {
  /**
   * IANA time zone (`"Asia/Tokyo"`) in which a date-time `at` (ISO 8601 with `Z` or an offset, or a
   * `Date`) is read as a calendar date. Without it a date-time is a validation error and a `Date`
   * counts as its UTC date, as everywhere in the library.
   */
  readonly timeZone?: string;
}

/** What an event's or contact's `at` accepts. */
export type EventDateInput = string | Date;

/** Checks a `timeZone` option; `undefined` stays `undefined`. */
export function checkTimeZone(value: unknown, path = "options.timeZone"): string | undefined {
  if (value === undefined) return undefined;
  if (isKnownTimeZone(value)) return value;
  throw new ValidationError([{ path, message: `must be an IANA time zone such as "Asia/Tokyo" (got ${describeValue(value)})` }]);
}

/** Why an event date input is not one. */
export interface EventDateProblem {
  readonly message: string;
}

/** The calendar date of an event date input, or why it is not one. */
export function eventDate(value: unknown, timeZone: string | undefined): CalendarDate | EventDateProblem {
  if (typeof value === "string") {
    const date = toCalendarDate(value);
    if (date !== null) return date;
    const instant = parseOffsetDateTime(value);
    if (instant !== null) {
      if (timeZone === undefined) return { message: `is a date-time (got ${describeValue(value)}): pass the timeZone option to read it as a calendar date` };
      const day = epochDayInZone(instant, timeZone);
      if (day !== null) return formatCalendarDate(day);
    }
    return { message: `must be a calendar date YYYY-MM-DD${timeZone === undefined ? "" : " or an ISO 8601 date-time with Z or an offset"} (got ${describeValue(value)})` };
  }
  if (value instanceof Date) {
    const day = timeZone === undefined ? null : epochDayInZone(value.getTime(), timeZone);
    const date = timeZone === undefined ? toCalendarDate(value) : day === null ? null : formatCalendarDate(day);
    if (date !== null) return date;
  }
  return { message: `must be a calendar date YYYY-MM-DD (got ${describeValue(value)})` };
}

function dateField(timeZone: string | undefined) {
  return z.custom<EventDateInput>(() => true).transform((value, ctx): CalendarDate => {
    const date = eventDate(value, timeZone);
    if (typeof date !== "string") {
      ctx.addIssue({ code: "custom", message: date.message });
      return z.NEVER;
    }
    return date;
  });
}

const FeatureSchema = z.custom<string>(() => true).transform((value, ctx): string => {
  if (typeof value === "string" && value.length > 0) return value;
  ctx.addIssue({ code: "custom", message: `must be a non-empty feature name (got ${describeValue(value)})` });
  return z.NEVER;
});

const EventCountSchema = z.custom<number>(() => true).transform((value, ctx): number => {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 1) return value;
  ctx.addIssue({ code: "custom", message: `must be a whole number ≥ 1 (got ${describeValue(value)})` });
  return z.NEVER;
});

function eventObjectSchema(timeZone: string | undefined) {
  return z.object({
    customerId: IdSchema,
    userId: IdSchema,
    at: dateField(timeZone),
    // `null` reads as absent: CSV and warehouse exports write an empty feature as null.
    feature: FeatureSchema.nullish().transform((value) => value ?? undefined),
    count: EventCountSchema.nullish().transform((value) => value ?? 1),
  }, { error: (issue) => (issue.code === "invalid_type" ? `must be a usage event object (got ${describeValue(issue.input)})` : undefined) });
}

function contactObjectSchema(timeZone: string | undefined) {
  return z.object({ customerId: IdSchema, at: dateField(timeZone) }, {
    error: (issue) => (issue.code === "invalid_type" ? `must be a contact object (got ${describeValue(issue.input)})` : undefined),
  });
}

/** The zone-less schema, or one built for `options.timeZone`. */
function inZone<S>(options: EventDateOptions | undefined, plain: S, build: (timeZone: string) => S): S {
  const timeZone = checkTimeZone(readOptions(options).timeZone);
  return timeZone === undefined ? plain : build(timeZone);
}

/**
 * The schema of a usage event read with `options.timeZone` (internal: the usage functions take the
 * `timeZone` option). Throws a {@link ValidationError} for an unknown zone (`options.timeZone`).
 */
export function usageEventSchema(options?: EventDateOptions): ReturnType<typeof eventObjectSchema> {
  return inZone(options, UsageEventSchema, eventObjectSchema);
}

/**
 * A product event: user `userId` of customer `customerId` was active on `at`, optionally using
 * `feature`, `count` times (a whole number ≥ 1, default 1). User ids are scoped to their customer.
 *
 * @remarks `at` is a `YYYY-MM-DD` calendar date (or a `Date`'s UTC date). An ISO 8601 date-time with
 * `Z` or an offset is accepted by the usage functions given a `timeZone` option (`usageSnapshots`,
 * `featureAdoption`, …), and read as the calendar date in that zone; here, without one, it is an error.
 *
 * @example
 * ```ts
 * import { UsageEventSchema } from "cs-metrics";
 * UsageEventSchema.parse({ customerId: "acme", userId: 7, at: "2025-06-30", feature: "export" });
 * //=> { customerId: "acme", userId: "7", at: "2025-06-30", feature: "export", count: 1 }
 * ```
 */
export const UsageEventSchema = eventObjectSchema(undefined);

/** A usage event as the caller may pass it. */
export type UsageEventInput = z.input<typeof UsageEventSchema>;

/** A validated usage event (`count` filled in, `feature` absent when not given). */
export type UsageEvent = z.output<typeof UsageEventSchema>;

/** The schema of a contact record read with `options.timeZone` (internal, as {@link usageEventSchema}). */
export function contactSchema(options?: EventDateOptions): ReturnType<typeof contactObjectSchema> {
  return inZone(options, ContactSchema, contactObjectSchema);
}

/**
 * A contact: the CS team touched customer `customerId` on `at` (a call, a meeting, an email thread
 * from the CRM). Dates as in {@link UsageEventSchema}.
 *
 * @example
 * ```ts
 * import { ContactSchema } from "cs-metrics";
 * ContactSchema.parse({ customerId: 42, at: "2025-06-12" }); //=> { customerId: "42", at: "2025-06-12" }
 * ```
 */
export const ContactSchema = contactObjectSchema(undefined);

/** A contact record as the caller may pass it. */
export type ContactInput = z.input<typeof ContactSchema>;

/** A validated contact record. */
export type Contact = z.output<typeof ContactSchema>;
