/**
 * Usage as dated observations per customer (internal): product events or usage snapshots, validated
 * and sorted by day, reduced to what the onboarding criteria read.
 * @module
 */
import { type EpochDay, parseCalendarDate } from "../dates/calendarDate.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { snapshotHistories } from "../health/snapshotHistory.js";
import { compareIds } from "../ids/compareIds.js";
import { describeValue, formatPath } from "../schemas/primitives.js";
import { type UsageEventInput, usageEventSchema } from "../schemas/usageEvent.js";
import type { UsageSnapshotInput } from "../schemas/usageSnapshot.js";

/** Usage as product events or as usage snapshots. */
export type OnboardingUsage = { readonly events: readonly UsageEventInput[] } | { readonly snapshots: readonly UsageSnapshotInput[] };

/** What one event or snapshot says on its day. */
export interface Observation {
  readonly day: EpochDay;
  /** An event, or a snapshot with activeUsers > 0. */
  readonly active: boolean;
  /** An event's feature; `null` for a snapshot or an event without one. */
  readonly feature: string | null;
  /** A snapshot's featuresUsed; `null` for an event or when absent. */
  readonly featuresUsed: number | null;
  /** An event's feature, or a snapshot's metric keys whose value is > 0. */
  readonly milestones: readonly string[];
}

/** Each customer's observations, oldest first, and which kind of usage they came from. */
export interface UsageObservations {
  readonly kind: "events" | "snapshots";
  readonly byCustomer: ReadonlyMap<string, readonly Observation[]>;
}

function eventObservations(events: unknown, timeZone: string | undefined): Map<string, Observation[]> {
  if (!Array.isArray(events)) throw new ValidationError([{ path: "usage.events", message: `must be an array of usage events (got ${describeValue(events)})` }]);
  const schema = usageEventSchema(timeZone === undefined ? {} : { timeZone });
  const issues: ValidationIssue[] = [];
  const byCustomer = new Map<string, Observation[]>();
  events.forEach((record: unknown, index) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ path: formatPath(`usage.events[${index}]`, issue.path), message: issue.message });
      return;
    }
    const { customerId, at, feature } = parsed.data;
    const observation: Observation = { day: parseCalendarDate(at)!, active: true, feature: feature ?? null, featuresUsed: null, milestones: feature === undefined ? [] : [feature] };
    const list = byCustomer.get(customerId);
    if (list === undefined) byCustomer.set(customerId, [observation]);
    else list.push(observation);
  });
  if (issues.length > 0) throw new ValidationError(issues);
  // Within a day the order never matters: every criterion reads a day as a whole.
  for (const list of byCustomer.values()) list.sort((a, b) => a.day - b.day || compareIds(a.feature ?? "", b.feature ?? ""));
  return byCustomer;
}

function snapshotObservations(snapshots: readonly UsageSnapshotInput[]): Map<string, Observation[]> {
  const byCustomer = new Map<string, Observation[]>();
  for (const history of snapshotHistories(snapshots, "usage.snapshots")) {
    byCustomer.set(history.customerId, history.snapshots.map(({ snapshot, day }) => ({
      day,
      active: (snapshot.activeUsers ?? 0) > 0,
      feature: null,
      featuresUsed: snapshot.featuresUsed ?? null,
      milestones: Object.keys(snapshot.metrics).filter((key) => snapshot.metrics[key]! > 0),
    })));
  }
  return byCustomer;
}

/** Validates `usage` (`usage.events[3].at`, `usage.snapshots[2].activeUsers`) into observations. */
export function usageObservations(usage: unknown, timeZone: string | undefined): UsageObservations {
  const record = typeof usage === "object" && usage !== null && !Array.isArray(usage) ? (usage as Record<string, unknown>) : null;
  const hasEvents = record !== null && record["events"] !== undefined;
  const hasSnapshots = record !== null && record["snapshots"] !== undefined;
  if (hasEvents === hasSnapshots) {
    throw new ValidationError([{ path: "usage", message: `must be { events: [...] } or { snapshots: [...] } (got ${describeValue(usage)})` }]);
  }
  return hasEvents
    ? { kind: "events", byCustomer: eventObservations(record!["events"], timeZone) }
    : { kind: "snapshots", byCustomer: snapshotObservations(record!["snapshots"] as readonly UsageSnapshotInput[]) };
}
