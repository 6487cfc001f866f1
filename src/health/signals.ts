/**
 * Derived usage signals, DOMAIN.md §1: 展開率 (deployment rate), 活用率 (utilization rate),
 * stickiness and feature adoption.
 * @module
 */
import { ValidationError } from "../errors.js";
import { formatPath } from "../schemas/primitives.js";
import { type UsageSnapshot, type UsageSnapshotInput, UsageSnapshotSchema, fastUsageSnapshot } from "../schemas/usageSnapshot.js";
import { type Rational, quotient, rationalOf } from "./rational.js";

/** The names of the derived signals a scorecard or an alert rule can refer to. */
export const SIGNAL_NAMES = ["deploymentRate", "utilizationRate", "stickiness", "featureAdoption"] as const;

/** A derived signal's name. */
export type SignalName = (typeof SIGNAL_NAMES)[number];

/** The derived signals of one snapshot; each a ratio (1 = 100%), or `null` when its base is 0 or missing. */
export type Signals = { readonly [Name in SignalName]: number | null };

type CountField = "licensedSeats" | "provisionedUsers" | "activeUsers" | "dau" | "mau" | "featuresUsed" | "featuresAvailable";

/** Numerator and base (denominator) field of each signal. */
const SIGNAL_FIELDS: Readonly<Record<SignalName, readonly [CountField, CountField]>> = {
  deploymentRate: ["provisionedUsers", "licensedSeats"],
  utilizationRate: ["activeUsers", "provisionedUsers"],
  stickiness: ["dau", "mau"],
  featureAdoption: ["featuresUsed", "featuresAvailable"],
};

/** `true` when `name` is one of {@link SIGNAL_NAMES}. */
export function isSignalName(name: string): name is SignalName {
  return Object.hasOwn(SIGNAL_FIELDS, name);
}

/** A signal's numerator and base, or `null` when either is missing or the base is 0 (internal). */
export function signalParts(snapshot: UsageSnapshot, name: SignalName): readonly [number, number] | null {
  const [top, base] = SIGNAL_FIELDS[name];
  const numerator = snapshot[top];
  const denominator = snapshot[base];
  if (numerator === undefined || denominator === undefined || denominator === 0) return null;
  return [numerator, denominator];
}

/** A signal as an exact fraction of the snapshot's counts (internal; used by scoring and alerts). */
export function signalRational(snapshot: UsageSnapshot, name: SignalName): Rational | null {
  const parts = signalParts(snapshot, name);
  return parts === null ? null : quotient(rationalOf(parts[0]), rationalOf(parts[1]));
}

/** A signal as a number (one IEEE division of the two counts: the nearest double to the exact ratio). */
export function signalValue(snapshot: UsageSnapshot, name: SignalName): number | null {
  const parts = signalParts(snapshot, name);
  return parts === null ? null : parts[0] / parts[1];
}

/** Validates one snapshot, naming fields `snapshot.licensedSeats` (or under another root). */
export function parseSnapshot(input: UsageSnapshotInput, root: string): UsageSnapshot {
  const fast = fastUsageSnapshot(input);
  if (fast !== null) return fast;
  const parsed = UsageSnapshotSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(parsed.error.issues.map((issue) => ({ path: formatPath(root, issue.path), message: issue.message })));
}

/**
 * The derived signals of a usage snapshot: 展開率, 活用率, stickiness and feature adoption.
 *
 * @remarks
 * deploymentRate (展開率) = provisionedUsers / licensedSeats; utilizationRate (活用率) =
 * activeUsers / provisionedUsers; stickiness = dau / mau; featureAdoption = featuresUsed /
 * featuresAvailable (DOMAIN.md §1). A signal whose base is 0 or missing, or whose numerator is
 * missing, is `null` ("missing"), never 0 or NaN. Ratios may exceed 1 (more users provisioned than
 * licensed). Each value is one IEEE division of the two counts, i.e. the double nearest to the exact
 * ratio; scoring uses the exact ratio.
 *
 * @param snapshot - A usage snapshot (see {@link UsageSnapshotSchema}); not mutated.
 * @returns The four signals as ratios (1 = 100%), each `null` when missing.
 * @throws {@link ValidationError} when the snapshot is invalid (`snapshot.activeUsers: must be a finite number ≥ 0 …`).
 * @example
 * ```ts
 * import { deriveSignals } from "cs-metrics";
 * deriveSignals({ customerId: "acme", at: "2025-06-30", licensedSeats: 100, provisionedUsers: 80, activeUsers: 40, mau: 0 });
 * //=> { deploymentRate: 0.8, utilizationRate: 0.5, stickiness: null, featureAdoption: null }
 * ```
 */
export function deriveSignals(snapshot: UsageSnapshotInput): Signals {
  return signalsOf(parseSnapshot(snapshot, "snapshot"));
}

/** The signals of an already validated snapshot. */
export function signalsOf(snapshot: UsageSnapshot): Signals {
  return {
    deploymentRate: signalValue(snapshot, "deploymentRate"),
    utilizationRate: signalValue(snapshot, "utilizationRate"),
    stickiness: signalValue(snapshot, "stickiness"),
    featureAdoption: signalValue(snapshot, "featureAdoption"),
  };
}
