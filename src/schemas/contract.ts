/**
 * The contract (recurring-revenue line) schema, DOMAIN.md §1.
 * @module
 */
import { z } from "zod";
import { AmountSchema, CalendarDateSchema, CurrencySchema, IdSchema, describeValue } from "./primitives.js";

/**
 * Billing interval of a contract's `amount` (per `intervalCount`): MRR = amount, amount / 3,
 * amount / 12, amount × weeks per month (default 52/12) or amount × days per month (default 365/12)
 * — see `ContractBookOptions.weeksPerMonth` / `daysPerMonth`.
 */
export const IntervalSchema = z.enum(["month", "quarter", "year", "week", "day"], {
  error: (issue) => `must be "month", "quarter", "year", "week" or "day" (got ${describeValue(issue.input)})`,
});

/** A billing interval. */
export type Interval = z.output<typeof IntervalSchema>;

const IntervalCountSchema = z.custom<number>(() => true).transform((value, ctx): number => {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 1) return value;
  ctx.addIssue({ code: "custom", message: `must be a whole number ≥ 1 (got ${describeValue(value)})` });
  return z.NEVER;
});

/**
 * A contract: one recurring-revenue line of a customer, active on the half-open interval
 * `[start, end)` (`end` absent or `null` = open-ended).
 *
 * MRR = amount / (months per interval × intervalCount), months per interval being 1, 3 or 12, and
 * 1 / weeksPerMonth (default 12/52) for `week`, 1 / daysPerMonth (default 12/365) for `day`.
 *
 * @example
 * ```ts
 * import { ContractSchema } from "cs-metrics";
 * const contract = ContractSchema.parse({
 *   id: "c-1", customerId: "acme", start: "2025-01-01", end: "2025-04-01",
 *   amount: "2400000", interval: "year", currency: "JPY",
 * });
 * contract.amount.toString(); //=> "2400000"
 * contract.intervalCount; //=> 1
 * ```
 */
export const ContractSchema = z
  .object({
    id: IdSchema,
    customerId: IdSchema,
    start: CalendarDateSchema,
    end: CalendarDateSchema.nullish().transform((value) => value ?? null),
    amount: AmountSchema,
    interval: IntervalSchema.default("month"),
    intervalCount: IntervalCountSchema.default(1),
    currency: CurrencySchema,
    product: z.string().optional(),
    plan: z.string().optional(),
    seats: z
      .custom<number>(() => true)
      .transform((value, ctx): number => {
        if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
        ctx.addIssue({ code: "custom", message: `must be a whole number ≥ 0 (got ${describeValue(value)})` });
        return z.NEVER;
      })
      .optional(),
  }, { error: (issue) => (issue.code === "invalid_type" ? `must be a contract object (got ${describeValue(issue.input)})` : undefined) })
  .refine((contract) => contract.end === null || contract.end > contract.start, {
    path: ["end"],
    // Also report a reversed interval when other fields (the amount, say) are invalid.
    when: (payload) =>
      typeof payload.value === "object" &&
      payload.value !== null &&
      payload.issues.every((issue) => issue.path !== undefined && issue.path.length > 0 && issue.path[0] !== "start" && issue.path[0] !== "end"),
    error: (issue) => {
      const contract = issue.input as { start: string };
      return `must be after start (${contract.start})`;
    },
  });

/** A contract as the caller may pass it (amounts as strings, numbers or Decimals; dates as text or Date). */
export type ContractInput = z.input<typeof ContractSchema>;

/** A validated contract: canonical `YYYY-MM-DD` dates, Decimal amount, defaults filled in. */
export type Contract = z.output<typeof ContractSchema>;

