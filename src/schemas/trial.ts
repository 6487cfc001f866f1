/**
 * The trial schema (DOMAIN.md §8, Trial-to-paid): a customer's free trial on `[start, end)`.
 * @module
 */
import { z } from "zod";
import { CalendarDateSchema, IdSchema, describeValue } from "./primitives.js";

/**
 * A free trial: the customer tries the product from `start` (inclusive) to `end`, the first day after
 * the trial (exclusive, as a contract's `end`; Stripe's `trial_end`, the day revenue would start).
 *
 * @example
 * ```ts
 * import { TrialSchema } from "cs-metrics";
 * TrialSchema.parse({ customerId: "acme", start: "2025-04-01", end: "2025-04-15" });
 * //=> { customerId: "acme", start: "2025-04-01", end: "2025-04-15" }
 * ```
 */
export const TrialSchema = z
  .object(
    { customerId: IdSchema, start: CalendarDateSchema, end: CalendarDateSchema },
    { error: (issue) => (issue.code === "invalid_type" ? `must be a trial object (got ${describeValue(issue.input)})` : undefined) },
  )
  .refine((trial) => trial.end > trial.start, {
    path: ["end"],
    error: (issue) => `must be after start (${(issue.input as { start: string }).start})`,
  });

/** A trial as the caller may pass it (dates as text or `Date`). */
export type TrialInput = z.input<typeof TrialSchema>;

/** A validated trial: canonical `YYYY-MM-DD` dates. */
export type Trial = z.output<typeof TrialSchema>;
