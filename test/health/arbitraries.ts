import { fc } from "@fast-check/vitest";
import type { MeasureInput, ScorecardInput, SignalName, UsageSnapshotInput } from "../../src/index.js";

export const SIGNALS: readonly SignalName[] = ["deploymentRate", "utilizationRate", "stickiness", "featureAdoption"];
export const METRICS = ["openTickets", "nps", "logins"] as const;

/** A count or nothing. */
const countArb = fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined });
/** Values a scale works on: ratios 0–1.5 and metric values −50…250, with up to 2 decimals. */
const valueArb = fc.integer({ min: -5000, max: 25_000 }).map((cents) => cents / 100);

/** A snapshot's measurable fields (no customerId/at). */
export const snapshotFieldsArb = fc.record(
  {
    licensedSeats: countArb,
    provisionedUsers: countArb,
    activeUsers: countArb,
    dau: countArb,
    mau: countArb,
    featuresUsed: countArb,
    featuresAvailable: countArb,
    metrics: fc.dictionary(fc.constantFrom(...METRICS), valueArb, { maxKeys: 3 }),
  },
  { requiredKeys: ["metrics"] },
);

/** Drops `undefined` properties (exactOptionalPropertyTypes). */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const pointsArb = fc.integer({ min: 0, max: 100 });

/** A linear scale; `direction` "up" keeps worst < best (higher is better). */
function linearArb(direction: "up" | "any") {
  return fc
    .tuple(valueArb, valueArb)
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => {
      const [worst, best] = direction === "up" ? [Math.min(a, b), Math.max(a, b)] : [a, b];
      return { type: "linear" as const, worst, best };
    });
}

/** A steps scale; `direction` "up" makes scores non-decreasing (higher is better). */
function stepsArb(direction: "up" | "any") {
  return fc
    .uniqueArray(valueArb, { minLength: 1, maxLength: 4 })
    .chain((froms) => fc.tuple(fc.constant([...froms].sort((a, b) => a - b)), fc.array(pointsArb, { minLength: froms.length, maxLength: froms.length })))
    .map(([froms, scores]) => {
      const ordered = direction === "up" ? [...scores].sort((a, b) => a - b) : scores;
      return { type: "steps" as const, steps: froms.map((from, k) => ({ from, score: ordered[k]! })) };
    });
}

/** Weights: whole numbers 1–20 or halves, so that scaling by the factors used in the tests stays exact. */
const weightArb = fc.integer({ min: 1, max: 40 }).map((halves) => halves / 2);

/** A valid scorecard over distinct measures. */
export function scorecardArb(direction: "up" | "any" = "any", missing: fc.Arbitrary<"renormalize" | "zero"> = fc.constantFrom("renormalize", "zero")) {
  const keys = [...SIGNALS.map((signal) => ({ signal })), ...METRICS.map((metric) => ({ metric }))];
  return fc
    .record({
      sources: fc.shuffledSubarray(keys, { minLength: 1, maxLength: keys.length }),
      bands: fc.tuple(pointsArb, pointsArb).map(([a, b]) => ({ good: Math.max(a, b), bad: Math.min(a, b) })),
      missing,
    })
    .chain(({ sources, bands, missing: policy }) =>
      fc
        .tuple(...sources.map(() => fc.tuple(weightArb, fc.oneof(linearArb(direction), stepsArb(direction)))))
        .map((parts): ScorecardInput => ({
          measures: sources.map((source, k): MeasureInput => ({ ...source, weight: parts[k]![0], scale: parts[k]![1] })),
          bands,
          missing: policy,
        })),
    );
}

/** Snapshots of customers a–c, at most one per customer and day, in random order. */
export const historyArb: fc.Arbitrary<UsageSnapshotInput[]> = fc
  .tuple(
    ...["a", "b", "c"].map((customerId) =>
      fc
        .uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 8 })
        .chain((days) => fc.tuple(...days.map((day) => snapshotFieldsArb.map((fields) => ({ day, fields })))))
        .map((rows) => rows.map(({ day, fields }): UsageSnapshotInput => defined({ customerId, at: dayText(day), ...fields, lastContactAt: day % 5 === 0 ? null : dayText(Math.max(0, day - 60 + (day % 7) * 9)) }))),
    ),
  )
  .map((lists) => lists.flat())
  .chain((all) => fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }));

/** 2025-01-01 + day. */
export function dayText(day: number): string {
  return new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);
}
