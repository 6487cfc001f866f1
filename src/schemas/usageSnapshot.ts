/**
 * The usage-snapshot schema, DOMAIN.md §1: a customer's adoption state observed on one day.
 * @module
 */
import { z } from "zod";
import { cachedEpochDay } from "../health/calendarDayCache.js";
import { CalendarDateSchema, CountSchema, IdSchema, describeValue } from "./primitives.js";

/** Named measures as a null-prototype record, so keys like `__proto__` or `toString` are plain data. */
export type UsageMetrics = Readonly<Record<string, number>>;

/**
 * `metrics`: a plain object of finite numbers (absent or `null` → no metrics). The output is built with
 * a null prototype: `{"__proto__": 3}` from `JSON.parse` keeps its key, and no inherited property
 * (`toString`) ever reads as a metric.
 */
const MetricsSchema = z.custom<Readonly<Record<string, number>> | null>(() => true).optional().transform((value, ctx): UsageMetrics => {
  const metrics: Record<string, number> = Object.create(null) as Record<string, number>;
  if (value === undefined || value === null) return metrics;
  if (typeof value !== "object" || Array.isArray(value) || value instanceof Date) {
    ctx.addIssue({ code: "custom", message: `must be an object of named numbers (got ${describeValue(value)})` });
    return z.NEVER;
  }
  let valid = true;
  for (const key of Object.keys(value)) {
    const metric: unknown = (value as Record<string, unknown>)[key];
    if (typeof metric === "number" && Number.isFinite(metric)) {
      metrics[key] = metric; // a null-prototype object has no __proto__ setter: this creates an own property
    } else {
      valid = false;
      ctx.addIssue({ code: "custom", message: `must be a finite number (got ${describeValue(metric)})`, path: [key] });
    }
  }
  return valid ? metrics : z.NEVER;
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
  metrics: MetricsSchema,
}, { error: (issue) => (issue.code === "invalid_type" ? `must be a usage snapshot object (got ${describeValue(issue.input)})` : undefined) });

/** A usage snapshot as the caller may pass it. */
export type UsageSnapshotInput = z.input<typeof UsageSnapshotSchema>;

/** A validated usage snapshot (`metrics` always present, `lastContactAt` `null` when unknown). */
export type UsageSnapshot = z.output<typeof UsageSnapshotSchema>;

const COUNT_FIELDS = ["licensedSeats", "provisionedUsers", "activeUsers", "dau", "wau", "mau", "featuresUsed", "featuresAvailable"] as const;

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/**
 * The common case of {@link UsageSnapshotSchema}, without zod: a plain object whose fields are already in
 * their output form (string or integer id, `YYYY-MM-DD` texts, numbers). Returns exactly what the schema
 * would, or `null` when the input needs the schema (a `Date`, or anything invalid: the schema then says why).
 * Checked against the schema by a property test.
 */
export function fastUsageSnapshot(input: unknown): UsageSnapshot | null {
  if (!isPlainObject(input)) return null;
  const { customerId, at, lastContactAt, metrics } = input;
  let id: string;
  if (typeof customerId === "string" && customerId.length > 0) id = customerId;
  else if (typeof customerId === "number" && Number.isSafeInteger(customerId)) id = String(customerId);
  else return null;
  if (typeof at !== "string" || cachedEpochDay(at) === null) return null;
  const snapshot: Record<string, unknown> = { customerId: id, at };
  for (const field of COUNT_FIELDS) {
    const value = input[field];
    if (value === undefined) {
      // zod keeps a key given as `undefined` (and omits an absent one): so does the fast path
      if (field in input) snapshot[field] = undefined;
      continue;
    }
    if (!isCount(value)) return null;
    snapshot[field] = value;
  }
  if (lastContactAt === undefined || lastContactAt === null) snapshot.lastContactAt = null;
  else if (typeof lastContactAt === "string" && cachedEpochDay(lastContactAt) !== null) snapshot.lastContactAt = lastContactAt;
  else return null;
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  if (metrics !== undefined && metrics !== null) {
    if (!isPlainObject(metrics)) return null;
    for (const key of Object.keys(metrics)) {
      const value = metrics[key];
      if (typeof value !== "number" || !Number.isFinite(value)) return null;
      out[key] = value;
    }
  }
  snapshot.metrics = out;
  return snapshot as UsageSnapshot;
}
