import type { ScorecardInput } from "../../src/index.js";

/** The scorecard of issue 3 / DOMAIN.md §5. */
export const issueScorecard = {
  measures: [
    { signal: "utilizationRate", weight: 2, scale: { type: "linear", worst: 0.2, best: 0.8 } },
    { metric: "openTickets", weight: 1, scale: { type: "linear", worst: 10, best: 0 } },
    {
      signal: "featureAdoption",
      weight: 1,
      scale: { type: "steps", steps: [{ from: 0, score: 0 }, { from: 0.3, score: 50 }, { from: 0.6, score: 100 }] },
    },
  ],
  bands: { good: 70, bad: 40 },
  missing: "renormalize",
} as const satisfies ScorecardInput;

/** Deep-freezes a value, so a test fails if a function mutates its input. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
