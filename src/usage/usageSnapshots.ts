/**
 * Product events → usage snapshots: DAU, WAU, MAU, active and provisioned users and features used,
 * per customer and date, in the form `scoreCustomers` reads.
 * @module
 */
import { assertRecordSource } from "../schemas/recordSource.js";
import { type EpochDay, formatCalendarDate } from "../dates/calendarDate.js";
import { ValidationError } from "../errors.js";
import { readOptions } from "../schemas/options.js";
import { checkTimeZone } from "../schemas/usageEvent.js";
import type { UsageEventInput } from "../schemas/usageEvent.js";
import type { UsageMetrics, UsageSnapshot } from "../schemas/usageSnapshot.js";
import { type SnapshotInputOptions, type SnapshotInputs, readSnapshotInputs, sortedIds } from "./snapshotInputs.js";
import { UsageState } from "./usageState.js";
import { type OnDates, type UsageWindows, readDates, readWindows } from "./usageWindows.js";

/** Options of {@link usageSnapshots} and its streaming forms. */
export interface UsageSnapshotsOptions extends SnapshotInputOptions {
  /** The snapshot date, or several (one snapshot per customer and date). */
  readonly on: OnDates;
  /** Window lengths in days: `wau` (default 7), `mau` (default 30), `features` (default 30). */
  readonly windows?: UsageWindows;
}

/**
 * What {@link usageSnapshots} noticed in the events without rejecting them. An event missing its
 * customer, user or date is not here: it is a {@link ValidationError} (`events[4].userId`).
 */
export interface UsageDataQuality {
  /**
   * Events of customers that are not in the contract lines given as `licensedSeats` (always empty
   * without them): they still make snapshots, with no `licensedSeats`. `customers` sorted by id;
   * `sampleIndexes` = the positions of the first five such events in the input.
   */
  readonly unknownCustomers: { readonly customers: readonly string[]; readonly events: number; readonly sampleIndexes: readonly number[] };
  /** Events dated after the last `on` date: ignored (they belong to no snapshot), counted here. */
  readonly futureEvents: { readonly events: number; readonly sampleIndexes: readonly number[] };
}

/** The snapshots, with {@link UsageDataQuality} as a non-enumerable `dataQuality` property. */
export type UsageSnapshots = UsageSnapshot[] & { readonly dataQuality: UsageDataQuality };

/** The data-quality summary of a finished state. */
export function dataQualityOf(state: UsageState): UsageDataQuality {
  return {
    unknownCustomers: { customers: sortedIds(state.unknownCustomers.keys()), events: state.unknownEvents.events, sampleIndexes: [...state.unknownEvents.sampleIndexes] },
    futureEvents: { events: state.futureEvents.events, sampleIndexes: [...state.futureEvents.sampleIndexes] },
  };
}

/** Snapshots with a data-quality summary attached (not enumerable: JSON and deep equality see a plain array). */
export function withDataQuality(snapshots: UsageSnapshot[], dataQuality: UsageDataQuality): UsageSnapshots {
  Object.defineProperty(snapshots, "dataQuality", { value: dataQuality, enumerable: false });
  return snapshots as UsageSnapshots;
}

/** The options of a usage computation, checked. */
export interface UsageSetup {
  readonly state: UsageState;
  readonly inputs: SnapshotInputs;
}

/** The snapshots of a filled state: its problems thrown ({@link ValidationError}), else the snapshots with their data quality. */
export function finishUsage({ state, inputs }: UsageSetup): UsageSnapshots {
  state.check();
  return withDataQuality(snapshotsOf(state, inputs), dataQualityOf(state));
}

/** Checks the options and starts an empty state. */
export function startUsage(options: UsageSnapshotsOptions | undefined, root = "events"): UsageSetup {
  const given = readOptions(options);
  if (given.on === undefined) throw new ValidationError([{ path: "options.on", message: "is required: the snapshot date or dates" }]);
  const dates = readDates(given.on);
  const windows = readWindows(given.windows);
  const timeZone = checkTimeZone(given.timeZone);
  const inputs = readSnapshotInputs(given, timeZone);
  const state = new UsageState(dates, windows, timeZone, root);
  state.knownCustomers = inputs.knownCustomers;
  return { state, inputs };
}

function inWindow(seen: EpochDay | null | undefined, day: EpochDay, days: number): boolean {
  return seen !== null && seen !== undefined && seen > day - days;
}

/** The snapshots of a finished state, customers by id, then dates ascending. */
export function snapshotsOf(state: UsageState, inputs: SnapshotInputs): UsageSnapshot[] {
  const snapshots: UsageSnapshot[] = [];
  const { dates, windows } = state;
  for (const customerId of sortedIds(state.customers.keys())) {
    const users = [...state.customers.get(customerId)!.values()];
    const first = users.reduce((earliest, user) => Math.min(earliest, user.first), Number.POSITIVE_INFINITY);
    dates.forEach((day, i) => {
      if (day < first) return;
      let dau = 0;
      let wau = 0;
      let mau = 0;
      let seen = 0;
      const features = new Set<string>();
      for (const user of users) {
        if (user.first <= day) seen++;
        const latest = user.seen[i];
        if (latest === day) dau++;
        if (inWindow(latest, day, windows.wau)) wau++;
        if (inWindow(latest, day, windows.mau)) mau++;
        for (const [feature, use] of user.features) {
          if (inWindow(use.seen[i], day, windows.features) && (inputs.featureNames === undefined || inputs.featureNames.has(feature))) features.add(feature);
        }
      }
      const snapshot: Record<string, unknown> = { customerId, at: formatCalendarDate(day) };
      const seats = inputs.seatsOn(customerId, day);
      if (seats !== undefined) snapshot["licensedSeats"] = seats;
      const provisioned = inputs.provisioned === undefined ? seen : inputs.provisioned.get(customerId);
      if (provisioned !== undefined) snapshot["provisionedUsers"] = provisioned;
      Object.assign(snapshot, { activeUsers: mau, dau, wau, mau, featuresUsed: features.size });
      if (inputs.featuresAvailable !== undefined) snapshot["featuresAvailable"] = inputs.featuresAvailable;
      const contact = inputs.lastContactOn(customerId, day);
      snapshot["lastContactAt"] = contact === null ? null : formatCalendarDate(contact);
      snapshot["metrics"] = Object.create(null) as UsageMetrics;
      snapshots.push(snapshot as UsageSnapshot);
    });
  }
  return snapshots;
}

/**
 * Usage snapshots from product events: per customer and date, the DAU, WAU, MAU, active and
 * provisioned users and features used, ready for `scoreCustomers`.
 *
 * @remarks
 * For customer c and date d (events after d are ignored; a customer appears from its first event on):
 * - `dau` = |{users of c active on d}|;
 * - `wau` = |{users active in [d − 6, d]}|, `mau` = |{users active in [d − 29, d]}| (windows of 7 and 30
 *   days including d; `options.windows` changes them), `activeUsers` = `mau`;
 * - `provisionedUsers` = |{users of c seen on or before d}| (or `options.provisionedUsers`);
 * - `featuresUsed` = |{features used by c in [d − 29, d]}| (only the listed names when
 *   `featuresAvailable` is a list); `featuresAvailable` from the option;
 * - `licensedSeats` = Σ `seats` of c's contract lines active on d (`start ≤ d < end`), or from a map;
 * - `lastContactAt` = latest contact of c on or before d, `null` when none.
 *
 * Events are never dropped silently: the result's non-enumerable `dataQuality` counts the events
 * dated after the last date (ignored) and those of customers missing from the contract lines given
 * as `licensedSeats` (kept), with the positions of the first five; an event without a user, a
 * customer or a date is a {@link ValidationError}.
 *
 * User ids are scoped to their customer. The windows follow the usual product-analytics reading
 * (Amplitude, Mixpanel: a rolling window ending on the day); some tools use calendar weeks or months
 * instead, or count a "month" as 28 days — set `windows` to match.
 *
 * @param events - Usage events (see {@link UsageEventSchema}), in any order; not mutated.
 * @param options - `on`, `windows`, `timeZone` for date-times, and the non-event inputs.
 * @returns One snapshot per customer with an event on or before the date, per date, in customer-id
 * then date order, with `dataQuality` ({@link UsageDataQuality}).
 * @throws {@link ValidationError} for an invalid event (`events[4].at`), option (`options.on`,
 * `options.windows.mau`, `options.timeZone`), contact (`options.contacts[2].at`) or contract.
 * @example
 * ```ts
 * import { usageSnapshots } from "cs-metrics";
 * const snapshots = usageSnapshots([
 *   { customerId: "acme", userId: "ann", at: "2025-06-30", feature: "export" },
 *   { customerId: "acme", userId: "bob", at: "2025-06-25" },
 *   { customerId: "acme", userId: "cy", at: "2025-05-01" },
 * ], { on: "2025-06-30", featuresAvailable: 4 });
 * snapshots.map((s) => [s.dau, s.wau, s.mau, s.provisionedUsers, s.featuresUsed]); //=> [[1, 2, 2, 3, 1]]
 * snapshots.dataQuality.futureEvents; //=> { events: 0, sampleIndexes: [] }
 * ```
 */
export function usageSnapshots(events: readonly UsageEventInput[], options: UsageSnapshotsOptions): UsageSnapshots {
  if (!Array.isArray(events)) throw new ValidationError([{ path: "events", message: "must be an array of usage events" }]);
  return usageSnapshotsFromIterable(events, options);
}


/**
 * {@link usageSnapshots} over any iterable of events (a generator, rows decoded lazily), each read
 * once and not kept.
 *
 * @remarks Same definitions and result as {@link usageSnapshots}; memory grows with customers ×
 * distinct users (and the features they used inside the windows) × dates, not with the number of events.
 * @param events - Usage events; the n-th is `events[n]` in error paths.
 * @param options - As {@link usageSnapshots}.
 * @returns As {@link usageSnapshots}.
 * @throws {@link ValidationError} as {@link usageSnapshots}.
 * @example
 * ```ts
 * import { usageSnapshotsFromIterable } from "cs-metrics";
 * function* events() {
 *   for (let day = 1; day <= 9; day++) yield { customerId: "acme", userId: `u${day % 3}`, at: `2025-06-0${day}` };
 * }
 * usageSnapshotsFromIterable(events(), { on: "2025-06-09" }).map((s) => s.mau); //=> [3]
 * ```
 */
export function usageSnapshotsFromIterable(events: Iterable<UsageEventInput>, options: UsageSnapshotsOptions): UsageSnapshots {
  assertRecordSource(events, "events", "usage events", false);
  const setup = startUsage(options);
  for (const event of events) setup.state.add(event);
  return finishUsage(setup);
}

/**
 * {@link usageSnapshots} over an async iterable of events (a Node.js stream in object mode, a
 * database cursor) or a plain iterable, each read once and not kept.
 *
 * @remarks As {@link usageSnapshotsFromIterable}.
 * @param events - Usage events; the n-th is `events[n]` in error paths.
 * @param options - As {@link usageSnapshots}.
 * @returns A promise of the snapshots of {@link usageSnapshots}.
 * @throws (rejects with) {@link ValidationError} as {@link usageSnapshots}.
 * @example
 * ```ts
 * import { usageSnapshotsFromAsyncIterable } from "cs-metrics";
 * async function* events() {
 *   yield { customerId: "acme", userId: "ann", at: "2025-06-30T23:30:00-07:00" };
 * }
 * const [snapshot] = await usageSnapshotsFromAsyncIterable(events(), { on: "2025-07-01", timeZone: "Asia/Tokyo" });
 * // 2025-06-30 23:30 in Los Angeles is 2025-07-01 15:30 in Tokyo: active on the 1st.
 * snapshot?.dau; //=> 1
 * ```
 */
export async function usageSnapshotsFromAsyncIterable(
  events: AsyncIterable<UsageEventInput> | Iterable<UsageEventInput>,
  options: UsageSnapshotsOptions,
): Promise<UsageSnapshots> {
  assertRecordSource(events, "events", "usage events", true);
  const setup = startUsage(options);
  for await (const event of events) setup.state.add(event);
  return finishUsage(setup);
}
