/**
 * The usage-snapshot schema, DOMAIN.md §1: a customer's adoption state observed on one day.
 * @module
 */
import { z } from "zod";
import { CalendarDateSchema, CountSchema, IdSchema, describeValue } from "./primitives.js";

const MetricValueSchema = z.custom<number>(() => true).transform((value, ctx): number => {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  ctx.addIssue({ code: "custom", message: `must be a finite number (got ${describeValue(value)})` });
  return z.NEVER;
});

/**
 * A usage snapshot. Every count is optional; a derived signal whose base is missing or 0 is missing.
 *
 * @example
 * ```ts
 * import { UsageSnapshotSchema } from "cs-metrics";
 * const snapshot = UsageSnapshotSchema.parse({
 *   customerId: "acme", at: "2025-06-30", licensedSeats: 100, provisionedUsers: 80, activeUsers: 40,
 *   metrics: { openTickets: 2 },
 * });
 * snapshot.metrics.openTickets; //=> 2
 * ```
 */
export const UsageSnapshotSchema = z.object({
  customerId: IdSchema,
  at: CalendarDateSchema,
  licensedSeats: CountSchema.optional(),
  provisionedUsers: CountSchema.optional(),
  activeUsers: CountSchema.optional(),
  dau: CountSchema.optional(),
  wau: CountSchema.optional(),
  mau: CountSchema.optional(),
  featuresUsed: CountSchema.optional(),
  featuresAvailable: CountSchema.optional(),
  lastContactAt: CalendarDateSchema.nullish().transform((value) => value ?? null),
  metrics: z
    .record(z.string(), MetricValueSchema)
    .optional()
    .transform((value) => value ?? {}),
}, { error: (issue) => (issue.code === "invalid_type" ? `must be a usage snapshot object (got ${describeValue(issue.input)})` : undefined) });

/** A usage snapshot as the caller may pass it. */
export type UsageSnapshotInput = z.input<typeof UsageSnapshotSchema>;

/** A validated usage snapshot (`metrics` always present, `lastContactAt` `null` when unknown). */
export type UsageSnapshot = z.output<typeof UsageSnapshotSchema>;
