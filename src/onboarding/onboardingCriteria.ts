/**
 * What "onboarded" means: active days, features used, a milestone event, combined with all or any,
 * and the days allowed to get there.
 * @module
 */
import { z } from "zod";
import { parseOptions } from "../schemas/options.js";
import { optionsObject, wholeNumberSchema } from "../schemas/optionFields.js";
import { describeValue } from "../schemas/primitives.js";

const NameSchema = z.custom<string>(() => true).transform((value, ctx): string => {
  if (typeof value === "string" && value.length > 0) return value;
  ctx.addIssue({ code: "custom", message: `must be a non-empty name (got ${describeValue(value)})` });
  return z.NEVER;
});

const FeaturesSchema = z.union([
  optionsObject({ atLeast: wholeNumberSchema(1) }, "{ atLeast } or an array of feature names"),
  z.array(NameSchema).min(1, { error: "must name at least one feature" }),
], { error: (issue) => `must be { atLeast } or an array of feature names (got ${describeValue(issue.input)})` });

/** The criteria's schema (internal; read with {@link readOnboardingCriteria}). */
const CriteriaSchema = optionsObject({
  activeDays: optionsObject({ atLeast: wholeNumberSchema(1), within: wholeNumberSchema(1, " of days").optional() }, "{ atLeast, within? }").optional(),
  features: FeaturesSchema.optional(),
  event: NameSchema.optional(),
  combine: z.enum(["all", "any"], { error: () => 'must be "all" or "any"' }).optional(),
  within: wholeNumberSchema(0, " of days"),
}, "an onboarding criteria object").superRefine((criteria, ctx) => {
  if (criteria.activeDays === undefined && criteria.features === undefined && criteria.event === undefined) {
    ctx.addIssue({ code: "custom", message: "must set at least one of activeDays, features or event" });
  }
});

/**
 * When a customer counts as onboarded. Give at least one criterion; `within` is required.
 *
 * @remarks Every criterion counts only usage from the customer's start day up to the `on` date.
 */
export interface OnboardingCriteria {
  /**
   * `atLeast` distinct active days (a day with a usage event, or a snapshot with `activeUsers` > 0)
   * among the first `within` days from the start (day 0 … within − 1; all days when omitted): uSonar's
   * "used for a set period".
   */
  readonly activeDays?: { readonly atLeast: number; readonly within?: number };
  /**
   * `{ atLeast: n }`: n distinct features used (events), or a snapshot with `featuresUsed` ≥ n; or an
   * array of names: every one of these features used at least once (events only) — uSonar's "learned
   * every operation", SmartHR's "first step of using a feature".
   */
  readonly features?: { readonly atLeast: number } | readonly string[];
  /**
   * A milestone: the first event whose `feature` is this name ("training-started"), or with snapshots
   * the first whose `metrics[name]` is > 0.
   */
  readonly event?: string;
  /** `"all"` (default): complete when every criterion is met (on the day the last one is); `"any"`: when the first one is. */
  readonly combine?: "all" | "any";
  /** Days allowed from the start: a customer not complete after day `within` is `overdue`; the cohorts' share complete within N days uses it. */
  readonly within: number;
}

/** Validated criteria (internal). */
export type ReadCriteria = z.output<typeof CriteriaSchema>;

/** Validates criteria, naming fields `criteria.activeDays.atLeast`. */
export function readOnboardingCriteria(criteria: unknown): ReadCriteria {
  return parseOptions(CriteriaSchema, criteria, "criteria");
}
