/**
 * The period schema, DOMAIN.md §1: a half-open calendar interval `[start, end)`.
 * @module
 */
import { z } from "zod";
import { CalendarDateSchema } from "./primitives.js";

/**
 * A period `[start, end)`: `start` is its first day, `end` the first day after it. An optional
 * `label` names it in reports (`"2025-03"`, `"FY2025"`).
 *
 * @remarks A plain zod schema: `PeriodSchema.parse` throws zod's `ZodError` (issues such as
 * `{ path: ["end"], message: "must be after start (2025-04-01)" }`), not a cs-metrics error. The
 * helpers and metrics that take a period throw `InvalidPeriodError` with the same messages instead.
 * @example
 * ```ts
 * import { PeriodSchema } from "cs-metrics";
 * PeriodSchema.parse({ start: "2025-04-01", end: "2026-04-01" }).end; //=> "2026-04-01"
 * ```
 */
export const PeriodSchema = z
  .object({
    start: CalendarDateSchema,
    end: CalendarDateSchema,
    label: z.string().optional(),
  })
  .refine((period) => period.end > period.start, {
    path: ["end"],
    error: (issue) => `must be after start (${(issue.input as { start: string }).start})`,
  });

/** A period as the caller may pass it (dates as `YYYY-MM-DD` text or `Date`). */
export type PeriodInput = z.input<typeof PeriodSchema>;

/** A validated period with canonical `YYYY-MM-DD` dates. */
export type Period = z.output<typeof PeriodSchema>;
