/**
 * The scorecard schema, DOMAIN.md §5: measures (a derived signal or a `metrics` key) with a weight and
 * a scoring rule, band thresholds, and what to do with missing measures.
 * @module
 */
import { z } from "zod";
import { ValidationError } from "../errors.js";
import { SIGNAL_NAMES, type SignalName, isSignalName } from "../health/signals.js";
import { describeValue, formatPath } from "./primitives.js";

const FiniteSchema = z.custom<number>(() => true).transform((value, ctx): number => {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  ctx.addIssue({ code: "custom", message: `must be a finite number (got ${describeValue(value)})` });
  return z.NEVER;
});

const PointsSchema = FiniteSchema.refine((value) => value >= 0 && value <= 100, { message: "must be between 0 and 100 points" });

/** `linear`: `worst` scores 0 points, `best` 100, linear in between, clamped; `worst > best` = lower is better. */
export const LinearScaleSchema = z
  .object({ type: z.literal("linear"), worst: FiniteSchema, best: FiniteSchema })
  .refine((scale) => scale.worst !== scale.best, { message: "worst and best must differ", path: ["best"] });

/** One step: a value `≥ from` (up to the next step) scores `score` points. */
export const ScoreStepSchema = z.object({ from: FiniteSchema, score: PointsSchema });

/** `steps`: the points of the highest step whose `from` the value reaches; 0 below the first step. */
export const StepsScaleSchema = z.object({
  type: z.literal("steps"),
  steps: z
    .array(ScoreStepSchema)
    .min(1, { message: "must list at least one step" })
    .superRefine((steps, ctx) => {
      for (let index = 1; index < steps.length; index++) {
        const previous = steps[index - 1]!.from;
        if (steps[index]!.from <= previous) {
          ctx.addIssue({ code: "custom", path: [index, "from"], message: `steps must be in increasing order of from (${steps[index]!.from} is not above ${previous})` });
        }
      }
    }),
});

/** How a measure's value becomes 0–100 points. */
export const ScaleSchema = z.discriminatedUnion("type", [LinearScaleSchema, StepsScaleSchema], {
  error: () => 'must be { type: "linear", worst, best } or { type: "steps", steps }',
});

const WeightSchema = FiniteSchema.refine((value) => value > 0, { message: "must be greater than 0" });

/** One measure: exactly one of `signal` (a derived signal) or `metric` (a `metrics` key), a weight > 0, a scale. */
export const MeasureSchema = z
  .object({
    signal: z.string().optional(),
    metric: z.string().min(1, { message: "must be a non-empty metrics key" }).optional(),
    weight: WeightSchema,
    scale: ScaleSchema,
  })
  .superRefine((measure, ctx) => {
    if ((measure.signal === undefined) === (measure.metric === undefined)) {
      ctx.addIssue({ code: "custom", path: [], message: "must name exactly one of signal or metric" });
    } else if (measure.signal !== undefined && !isSignalName(measure.signal)) {
      ctx.addIssue({ code: "custom", path: ["signal"], message: `unknown signal ${JSON.stringify(measure.signal)} (known: ${SIGNAL_NAMES.join(", ")})` });
    }
  });

/** What a scorecard does with a measure whose value is missing. */
export const MissingPolicySchema = z.enum(["renormalize", "zero", "error"], {
  error: () => 'must be "renormalize", "zero" or "error"',
});

/**
 * A health scorecard. Validated by {@link healthScore} and {@link scoreCustomers}; errors name paths
 * like `scorecard.measures[1].weight`.
 *
 * @example
 * ```ts
 * import { ScorecardSchema } from "cs-metrics";
 * const scorecard = ScorecardSchema.parse({
 *   measures: [{ signal: "utilizationRate", weight: 2, scale: { type: "linear", worst: 0.2, best: 0.8 } }],
 *   bands: { good: 70, bad: 40 },
 * });
 * scorecard.missing; //=> "renormalize"
 * ```
 */
export const ScorecardSchema = z
  .object({
    measures: z.array(MeasureSchema).min(1, { message: "must list at least one measure" }),
    bands: z.object({ good: PointsSchema, bad: PointsSchema }),
    missing: MissingPolicySchema.optional().transform((value) => value ?? "renormalize"),
  })
  .superRefine((scorecard, ctx) => {
    if (scorecard.bands.good < scorecard.bands.bad) {
      ctx.addIssue({ code: "custom", path: ["bands", "good"], message: `must be ≥ bands.bad (${scorecard.bands.good} < ${scorecard.bands.bad})` });
    }
    const seen = new Map<string, number>();
    scorecard.measures.forEach((measure, index) => {
      const key = measure.signal ?? measure.metric;
      if (key === undefined) return; // names neither: already reported, no key to compare
      const earlier = seen.get(key);
      if (earlier === undefined) seen.set(key, index);
      else ctx.addIssue({ code: "custom", path: ["measures", index], message: `duplicate measure ${JSON.stringify(key)} (also measures[${earlier}])` });
    });
  });

/** A `linear` scale as the caller writes it. */
export interface LinearScaleInput {
  readonly type: "linear";
  /** The value that scores 0 points. */
  readonly worst: number;
  /** The value that scores 100 points (below `worst` when lower is better). */
  readonly best: number;
}

/** A `steps` scale as the caller writes it: `from` strictly increasing, `score` 0–100. */
export interface StepsScaleInput {
  readonly type: "steps";
  readonly steps: readonly { readonly from: number; readonly score: number }[];
}

/** A measure as the caller writes it: exactly one of `signal` or `metric`. */
export interface MeasureInput {
  /** A derived signal (see {@link SIGNAL_NAMES}). */
  readonly signal?: SignalName;
  /** A key of the snapshot's `metrics`. */
  readonly metric?: string;
  /** Relative weight, > 0. */
  readonly weight: number;
  readonly scale: LinearScaleInput | StepsScaleInput;
}

/** A scorecard as the caller writes it (readonly, so `as const` objects are accepted). */
export interface ScorecardInput {
  readonly measures: readonly MeasureInput[];
  /** Points thresholds: score ≥ good → Good, score < bad → Bad, else Normal; good ≥ bad. */
  readonly bands: { readonly good: number; readonly bad: number };
  /** What to do with a missing measure; default `"renormalize"`. */
  readonly missing?: MissingPolicy;
}

/** A validated scorecard (`missing` always set). */
export type Scorecard = z.output<typeof ScorecardSchema>;

/** One validated measure. */
export type Measure = z.output<typeof MeasureSchema>;

/** A validated scale. */
export type Scale = z.output<typeof ScaleSchema>;

/** What a scorecard does with a missing measure: leave it out and renormalise, score it 0, or throw. */
export type MissingPolicy = z.output<typeof MissingPolicySchema>;

/** The key a measure reads: its signal name or its metrics key (a validated measure has exactly one). */
export function measureKey(measure: Measure): string {
  return measure.signal ?? (measure.metric as string);
}

/** The signal a measure reads, or `null` when it reads a metric (a validated signal is a known name). */
export function measureSignal(measure: Measure): SignalName | null {
  return (measure.signal as SignalName | undefined) ?? null;
}

/** Validates a scorecard, naming fields `scorecard.measures[1].weight`. */
export function parseScorecard(input: ScorecardInput): Scorecard {
  const parsed = ScorecardSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(parsed.error.issues.map((issue) => ({ path: formatPath("scorecard", issue.path), message: issue.message })));
}
