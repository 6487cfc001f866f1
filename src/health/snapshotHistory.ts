/**
 * Validated usage snapshots grouped into per-customer histories (internal): validated once, sorted by
 * date, one snapshot per customer and day, so no result depends on the order of the input.
 * @module
 */
import { type EpochDay, parseCalendarDate } from "../dates/calendarDate.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { compareIds } from "../ids/compareIds.js";
import { CalendarDateSchema, formatPath } from "../schemas/primitives.js";
import { type UsageSnapshot, type UsageSnapshotInput, UsageSnapshotSchema, fastUsageSnapshot } from "../schemas/usageSnapshot.js";
import { cachedEpochDay } from "./calendarDayCache.js";

/** A validated snapshot with its epoch day and its index in the caller's array. */
export interface DatedSnapshot {
  readonly snapshot: UsageSnapshot;
  readonly day: EpochDay;
  /** Index in the caller's array, for error paths (`snapshots[12]`). */
  readonly index: number;
}

/** One customer's snapshots, oldest first. */
export interface CustomerHistory {
  readonly customerId: string;
  readonly snapshots: readonly DatedSnapshot[];
}

/**
 * Validates snapshots and groups them by customer (customers by id, snapshots by date).
 * @throws {@link ValidationError} naming `snapshots[i].field`, and a second snapshot of one customer on one day.
 */
export function snapshotHistories(inputs: readonly UsageSnapshotInput[], root = "snapshots"): CustomerHistory[] {
  if (!Array.isArray(inputs)) throw new ValidationError([{ path: root, message: "must be an array of usage snapshots" }]);
  const issues: ValidationIssue[] = [];
  const byCustomer = new Map<string, DatedSnapshot[]>();
  for (let index = 0; index < inputs.length; index++) {
    let snapshot = fastUsageSnapshot(inputs[index]);
    if (snapshot === null) {
      const parsed = UsageSnapshotSchema.safeParse(inputs[index]);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) issues.push({ path: formatPath(`${root}[${index}]`, issue.path), message: issue.message });
        continue;
      }
      snapshot = parsed.data;
    }
    const entry: DatedSnapshot = { snapshot, day: cachedEpochDay(snapshot.at)!, index };
    const list = byCustomer.get(snapshot.customerId);
    if (list === undefined) byCustomer.set(snapshot.customerId, [entry]);
    else list.push(entry);
  }
  const histories: CustomerHistory[] = [];
  const duplicates: (ValidationIssue & { readonly index: number })[] = [];
  for (const [customerId, list] of byCustomer) {
    list.sort((a, b) => a.day - b.day || a.index - b.index);
    for (let k = 1; k < list.length; k++) {
      const previous = list[k - 1]!;
      const current = list[k]!;
      if (current.day === previous.day) {
        const later = Math.max(previous.index, current.index);
        const earlier = Math.min(previous.index, current.index);
        duplicates.push({
          index: later,
          path: `${root}[${later}].at`,
          message: `duplicate snapshot of customer ${JSON.stringify(customerId)} on ${current.snapshot.at} (also ${root}[${earlier}])`,
        });
      }
    }
    histories.push({ customerId, snapshots: list });
  }
  duplicates.sort((a, b) => a.index - b.index);
  for (const { path, message } of duplicates) issues.push({ path, message });
  if (issues.length > 0) throw new ValidationError(issues);
  return histories.sort((a, b) => compareIds(a.customerId, b.customerId));
}

/** Position of the latest snapshot on or before `day` (binary search), or −1 when there is none. */
export function latestIndexOnOrBefore(snapshots: readonly DatedSnapshot[], day: EpochDay): number {
  let low = 0;
  let high = snapshots.length; // invariant: snapshots[< low].day ≤ day < snapshots[≥ high].day
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (snapshots[middle]!.day <= day) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** Parses a calendar-date option (`options.asOf`) to an epoch day. */
export function dateOption(value: unknown, path: string): EpochDay {
  const parsed = CalendarDateSchema.safeParse(value);
  if (!parsed.success) throw new ValidationError([{ path, message: parsed.error.issues[0]!.message }]);
  return parseCalendarDate(parsed.data)!;
}

/** Checks a numeric option: finite, and ≥ `min` when given. */
export function numberOption(value: unknown, path: string, min?: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ValidationError([{ path, message: `must be a finite number (got ${typeof value === "number" ? String(value) : typeof value})` }]);
  }
  if (min !== undefined && value < min) throw new ValidationError([{ path, message: `must be ≥ ${min} (got ${value})` }]);
  return value;
}
