/**
 * Shaped arguments for the fuzz of the health exports and `correlation`: mostly valid (so calls reach
 * the scoring, alert, quadrant and statistics logic), sometimes one field broken (near-valid), now
 * and then anything at all.
 */
import fc from "fast-check";
import { dateArgument, nearValid, optionsArgument, validScorecard, validSnapshot, weirdValue } from "./weirdValues.js";

const shaped = <T>(valid: fc.Arbitrary<T>, nearValidOnes: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 6, arbitrary: valid }, { weight: 2, arbitrary: nearValidOnes }, { weight: 1, arbitrary: weirdValue });

const asOf = fc.constantFrom("2024-12-31", "2025-01-15", "2025-06-30");

export const snapshotsArgument = shaped(fc.uniqueArray(validSnapshot, { maxLength: 8, selector: (x) => `${x.customerId}|${x.at}` }), fc.array(nearValid(validSnapshot), { minLength: 1, maxLength: 4 }));
export const snapshotArgument = shaped(validSnapshot, nearValid(validSnapshot));
export const scorecardArgument = shaped(validScorecard, nearValid(validScorecard));
export const asOfOptionsArgument = shaped(fc.record({ asOf }), fc.oneof(nearValid(fc.record({ asOf })), fc.record({ asOf: dateArgument }), optionsArgument));

const band = fc.constantFrom("good", "normal", "bad", null);
export const bandsArgument = shaped(fc.array(fc.record({ band }), { maxLength: 12 }), fc.array(nearValid(fc.record({ band })), { minLength: 1, maxLength: 3 }));

const scorePoint = fc.record({ customerId: fc.constant("a"), at: fc.constantFrom("2025-01-01", "2025-01-31", "2025-03-02", "2025-04-01", "2025-05-01", "2025-06-30", "2025-07-31"), score: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(null)) });
export const historyArgument = shaped(
  fc.uniqueArray(scorePoint, { maxLength: 7, selector: (p) => p.at }),
  fc.array(nearValid(scorePoint), { minLength: 1, maxLength: 3 }),
);
const trendOptions = fc.record({ window: fc.integer({ min: 2, max: 8 }), flatThreshold: fc.constantFrom(0, 0.5, 1, 5) }, { requiredKeys: [] });
export const trendOptionsArgument = shaped(trendOptions, fc.oneof(nearValid(trendOptions), optionsArgument));

const rule = fc.constantFrom<Record<string, unknown>>(
  { id: "low-util", signal: "utilizationRate", below: 0.5 },
  { id: "nps-drop", metric: "nps", dropsBy: 0.2, days: 30 },
  { id: "score-low", score: true, below: 50 },
  { id: "to-bad", bandBecomes: "bad" },
  { id: "quiet", noContactForDays: 30 },
);
export const rulesArgument = shaped(fc.uniqueArray(rule, { maxLength: 5, selector: (r) => r["id"] }), fc.array(nearValid(rule), { minLength: 1, maxLength: 3 }));
export const alertOptionsArgument = shaped(fc.record({ scorecard: validScorecard }), fc.oneof(nearValid(fc.record({ scorecard: validScorecard })), optionsArgument));

const quadrantOptions = fc.record({ asOf, deploymentThreshold: fc.constantFrom(0, 0.5, 0.8, 1), utilizationThreshold: fc.constantFrom(0, 0.3, 0.5), contactWithinDays: fc.constantFrom(0, 30, 90) });
export const quadrantOptionsArgument = shaped(quadrantOptions, fc.oneof(nearValid(quadrantOptions), optionsArgument));

const renewal = fc.record({ customerId: fc.constantFrom("a", "b", "c"), band: fc.constantFrom("good", "normal", "bad"), renewed: fc.boolean() });
export const renewalsArgument = shaped(fc.array(renewal, { maxLength: 10 }), fc.array(nearValid(renewal), { minLength: 1, maxLength: 3 }));
const rate = fc.oneof(fc.constantFrom("0.9", "0.5", "1", "0", 0.75, null), fc.double({ min: 0, max: 1, noNaN: true }));
const rates = fc.record({ good: rate, normal: rate, bad: rate });
export const renewalRatesArgument = shaped(rates, nearValid(rates));

const values = (length: number): fc.Arbitrary<number[]> =>
  fc.array(fc.oneof(fc.integer({ min: -100, max: 100 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e-200, 1e300, 5e-324)), { minLength: length, maxLength: length });
export const correlationArguments: fc.Arbitrary<unknown[]> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(values(n), values(n), fc.constantFrom({}, { method: "pearson" }, { method: "spearman" }))) },
  { weight: 2, arbitrary: fc.tuple(fc.array(fc.oneof(fc.integer(), weirdValue), { maxLength: 4 }), values(3), optionsArgument) },
  { weight: 1, arbitrary: fc.tuple(weirdValue, weirdValue, weirdValue) },
);
