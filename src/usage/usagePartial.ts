/**
 * Mergeable usage partials: the activity state of one shard of events as plain JSON-safe data, so
 * shards read by workers, processes or machines merge into exactly the single-pass snapshots and
 * feature adoption.
 * @module
 */
import { assertRecordSource } from "../schemas/recordSource.js";
import { type CalendarDate, type EpochDay, formatCalendarDate, parseCalendarDate } from "../dates/calendarDate.js";
import { ValidationError } from "../errors.js";
import { readOptions } from "../schemas/options.js";
import type { CalendarDateInput } from "../schemas/primitives.js";
import { checkTimeZone } from "../schemas/usageEvent.js";
import type { UsageEventInput } from "../schemas/usageEvent.js";
import { type FeatureAdoption, adoptionOf } from "./featureAdoption.js";
import { type SnapshotInputOptions, readSnapshotInputs, sortedIds } from "./snapshotInputs.js";
import { type UsageDataQuality, type UsageSnapshots, dataQualityOf, snapshotsOf, startUsage, withDataQuality } from "./usageSnapshots.js";
import { type FeatureUse, SAMPLE_INDEXES, UsageState, type UserState } from "./usageState.js";
import { type OnDates, type ResolvedWindows, type UsageWindows, readDates, readWindows } from "./usageWindows.js";

/** One feature of one user in a {@link UsagePartial}: per date, latest use in the feature window and Σ count there. */
export interface UsagePartialFeature {
  readonly feature: string;
  readonly seen: readonly (CalendarDate | null)[];
  readonly events: readonly number[];
}

/** One user of one customer in a {@link UsagePartial}. */
export interface UsagePartialUser {
  readonly userId: string;
  /** First day seen (on or before the last date). */
  readonly first: CalendarDate;
  /** Per date, the latest active day in the longest window ending on it; empty when none. */
  readonly seen: readonly (CalendarDate | null)[];
  readonly features: readonly UsagePartialFeature[];
}

/** The activity state of a shard of events, JSON-safe. */
export interface UsagePartial {
  readonly kind: "UsagePartial";
  /** The dates, ascending. */
  readonly on: readonly CalendarDate[];
  readonly windows: ResolvedWindows;
  /** How many events the partial was made from (a merged partial: their sum): its sample indexes are below it. */
  readonly events: number;
  /**
   * What {@link usageSnapshots} reports as `dataQuality`, tallied as the partial was made (unknown
   * customers only when `licensedSeats` contract lines were given). A sample index is the event's
   * position in the partial's events; in a merged partial, its position in the merged partials' events
   * laid end to end in the order given to {@link mergeUsagePartials} (partials[k]'s n-th event is
   * n + the events of partials[0 … k−1]).
   */
  readonly dataQuality: UsageDataQuality;
  /** Customers by id, each with its users by id. */
  readonly customers: readonly { readonly customerId: string; readonly users: readonly UsagePartialUser[] }[];
}

/** Options of {@link usagePartial}. */
export interface UsagePartialOptions {
  readonly on: OnDates;
  readonly windows?: UsageWindows;
  readonly timeZone?: string;
  /**
   * As {@link usageSnapshots}' option; here only the customers of contract lines count: events of
   * others are tallied in `dataQuality.unknownCustomers`. The seats themselves are read by
   * {@link usageSnapshotsFromPartial}.
   */
  readonly licensedSeats?: NonNullable<SnapshotInputOptions["licensedSeats"]>;
}

const dateOrNull = (day: EpochDay | null): CalendarDate | null => (day === null ? null : formatCalendarDate(day));

function partialOf(state: UsageState, events: number, dataQuality: UsageDataQuality): UsagePartial {
  return {
    kind: "UsagePartial",
    on: state.dates.map(formatCalendarDate),
    windows: { ...state.windows },
    events,
    dataQuality,
    customers: sortedIds(state.customers.keys()).map((customerId) => {
      const users = state.customers.get(customerId)!;
      return {
        customerId,
        users: sortedIds(users.keys()).map((userId) => {
          const user = users.get(userId)!;
          return {
            userId,
            first: formatCalendarDate(user.first),
            seen: user.seen.map(dateOrNull),
            features: sortedIds(user.features.keys()).map((feature) => {
              const use = user.features.get(feature)!;
              return { feature, seen: use.seen.map(dateOrNull), events: [...use.events] };
            }),
          };
        }),
      };
    }),
  };
}

/**
 * The mergeable usage state of one shard of events.
 *
 * @remarks Per customer and user: the first day seen and, per date d, the latest active day in the
 * longest window ending on d; per feature, the latest use and Σ count in the feature window. Merging
 * takes the earliest first day, the latest days and the sums, so partials of disjoint event sets (split
 * any way: by customer, by file, by day) merge into the partial of all the events.
 *
 * It also carries the events' `dataQuality` ({@link UsageDataQuality}: events after the last date,
 * events of customers missing from the `licensedSeats` contract lines), each tally with the positions
 * of its first five events in the shard; merging adds the tallies (see {@link UsagePartial.dataQuality}
 * for the positions).
 * @param events - The shard's usage events; not mutated.
 * @param options - `on`, `windows`, `timeZone`, and `licensedSeats` for the unknown-customer tally, as
 * {@link usageSnapshots}.
 * @returns A JSON-safe {@link UsagePartial}.
 * @throws {@link ValidationError} as {@link usageSnapshots}.
 * @example
 * ```ts
 * import { usagePartial } from "cs-metrics";
 * const partial = usagePartial([{ customerId: "acme", userId: "ann", at: "2025-06-28" }], { on: "2025-06-30" });
 * partial.customers[0]?.users[0]; //=> { userId: "ann", first: "2025-06-28", seen: ["2025-06-28"], features: [] }
 * ```
 */
export function usagePartial(events: Iterable<UsageEventInput>, options: UsagePartialOptions): UsagePartial {
  const { state } = startUsage(options);
  assertRecordSource(events, "events", "usage events", false);
  let read = 0;
  for (const event of events) {
    state.add(event);
    read++;
  }
  state.check();
  return partialOf(state, read, dataQualityOf(state));
}

function invalid(path: string, message: string): ValidationError {
  return new ValidationError([{ path, message }]);
}

function readDay(value: unknown, path: string): EpochDay {
  const day = typeof value === "string" ? parseCalendarDate(value) : null;
  if (day === null) throw invalid(path, "must be a calendar date YYYY-MM-DD");
  return day;
}

function readSeen(value: unknown, length: number, path: string, allowEmpty: boolean): (EpochDay | null)[] {
  if (!Array.isArray(value) || (value.length !== length && !(allowEmpty && value.length === 0))) {
    throw invalid(path, `must be an array of ${length} dates or nulls`);
  }
  return value.map((item: unknown, i) => (item === null ? null : readDay(item, `${path}[${i}]`)));
}

function readList(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw invalid(path, "must be an array");
  return value;
}

function readText(value: unknown, path: string): string {
  if (typeof value !== "string" || value.length === 0) throw invalid(path, "must be a non-empty string");
  return value;
}

const isCount = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/** A data-quality tally of a partial of `total` events: at most `total` events, the first positions ascending. */
function readTally(value: unknown, total: number, path: string): { events: number; sampleIndexes: number[] } {
  const { events, sampleIndexes } = (value ?? {}) as { events?: unknown; sampleIndexes?: unknown };
  if (!isCount(events) || events > total) throw invalid(`${path}.events`, `must be a whole number from 0 to the partial's events (${total})`);
  const indexes = readList(sampleIndexes, `${path}.sampleIndexes`);
  const wanted = Math.min(events, SAMPLE_INDEXES);
  if (indexes.length !== wanted || !indexes.every((n, i) => isCount(n) && n < total && (i === 0 || n > (indexes[i - 1] as number)))) {
    throw invalid(`${path}.sampleIndexes`, `must be ${wanted} ascending event positions below ${total}`);
  }
  return { events, sampleIndexes: [...(indexes as number[])] };
}

function readDataQuality(value: unknown, total: number, path: string): UsageDataQuality {
  const { unknownCustomers, futureEvents } = (value ?? {}) as Partial<Record<keyof UsageDataQuality, unknown>>;
  const unknownPath = `${path}.unknownCustomers`;
  const unknown = readTally(unknownCustomers, total, unknownPath);
  const customers = readList((unknownCustomers as { customers?: unknown } | undefined)?.customers, `${unknownPath}.customers`).map((id, i) =>
    readText(id, `${unknownPath}.customers[${i}]`),
  );
  if (new Set(customers).size !== customers.length || customers.length > unknown.events || (customers.length === 0) !== (unknown.events === 0)) {
    throw invalid(`${unknownPath}.customers`, `must be distinct ids, at least one and at most events (${unknown.events}) when events > 0, none otherwise`);
  }
  return {
    unknownCustomers: { customers: sortedIds(customers), ...unknown },
    futureEvents: readTally(futureEvents, total, `${path}.futureEvents`),
  };
}

/** The first {@link SAMPLE_INDEXES} of `into` followed by `more` shifted by `offset`. */
function appendSample(into: number[], more: readonly number[], offset: number): void {
  for (const index of more) if (into.length < SAMPLE_INDEXES) into.push(index + offset);
}

/** The data quality of partials laid end to end: tallies added, sample positions offset by the events before. */
function mergeDataQuality(parts: readonly { readonly events: number; readonly dataQuality: UsageDataQuality }[]): UsageDataQuality {
  const customers = new Set<string>();
  const unknown = { events: 0, sampleIndexes: [] as number[] };
  const future = { events: 0, sampleIndexes: [] as number[] };
  let offset = 0;
  for (const { events, dataQuality } of parts) {
    for (const customerId of dataQuality.unknownCustomers.customers) customers.add(customerId);
    unknown.events += dataQuality.unknownCustomers.events;
    appendSample(unknown.sampleIndexes, dataQuality.unknownCustomers.sampleIndexes, offset);
    future.events += dataQuality.futureEvents.events;
    appendSample(future.sampleIndexes, dataQuality.futureEvents.sampleIndexes, offset);
    offset += events;
  }
  return { unknownCustomers: { customers: sortedIds(customers), ...unknown }, futureEvents: future };
}

function readFeature(value: unknown, length: number, path: string): [string, FeatureUse] {
  const item = (value ?? {}) as Partial<UsagePartialFeature>;
  const events = readList(item.events, `${path}.events`);
  if (events.length !== length || !events.every((n) => typeof n === "number" && Number.isSafeInteger(n) && n >= 0)) {
    throw invalid(`${path}.events`, `must be an array of ${length} whole numbers ≥ 0`);
  }
  return [readText(item.feature, `${path}.feature`), { seen: readSeen(item.seen, length, `${path}.seen`, false), events: [...(events as number[])] }];
}

/** A partial read back (checked: it may come from JSON). */
interface ReadPartial {
  readonly state: UsageState;
  readonly events: number;
  readonly dataQuality: UsageDataQuality;
}

/** A partial read back into a state, its event count and data quality (checked: it may come from JSON). */
function readPartial(partial: UsagePartial, path: string): ReadPartial {
  if (typeof partial !== "object" || partial === null || partial.kind !== "UsagePartial") {
    throw invalid(path, "must be a UsagePartial (from usagePartial or mergeUsagePartials)");
  }
  if (!isCount(partial.events)) throw invalid(`${path}.events`, "must be a whole number ≥ 0");
  const dataQuality = readDataQuality(partial.dataQuality, partial.events, `${path}.dataQuality`);
  const dates = readDates(partial.on, `${path}.on`);
  if (dates.length !== partial.on.length || dates.some((day, i) => formatCalendarDate(day) !== partial.on[i])) {
    throw invalid(`${path}.on`, "must be distinct dates in ascending order");
  }
  const state = new UsageState(dates, readWindows(partial.windows, `${path}.windows`), undefined);
  readList(partial.customers, `${path}.customers`).forEach((entry, c) => {
    const customerPath = `${path}.customers[${c}]`;
    const customer = (entry ?? {}) as { customerId?: unknown; users?: unknown };
    const users = new Map<string, UserState>();
    state.customers.set(readText(customer.customerId, `${customerPath}.customerId`), users);
    readList(customer.users, `${customerPath}.users`).forEach((item, u) => {
      const userPath = `${customerPath}.users[${u}]`;
      const user = (item ?? {}) as Partial<UsagePartialUser>;
      users.set(readText(user.userId, `${userPath}.userId`), {
        first: readDay(user.first, `${userPath}.first`),
        seen: readSeen(user.seen, dates.length, `${userPath}.seen`, true),
        features: new Map(readList(user.features, `${userPath}.features`).map((f, k) => readFeature(f, dates.length, `${userPath}.features[${k}]`))),
      });
    });
  });
  return { state, events: partial.events, dataQuality };
}

/**
 * Merges usage partials of disjoint event sets into the partial of all their events.
 *
 * @remarks Earliest first day, latest active days, summed event counts: associative and commutative,
 * so shards merge in any tree. Every partial must have the same dates and windows.
 *
 * The `dataQuality` tallies add up and the unknown customers unite. Sample indexes are positions in
 * the partials' events laid end to end in the given order (partials[k]'s n-th event is n + the
 * `events` of partials[0 … k−1]), the first five kept: merge the shards of a file or stream in input
 * order and they are the positions in the whole input, exactly as {@link usageSnapshots} over all
 * the events reports them (merging is then associative, no longer commutative, for the indexes
 * alone). Partials made without contract lines add no unknown customers.
 * @param partials - At least one {@link UsagePartial}, e.g. parsed back from JSON.
 * @returns The merged {@link UsagePartial}.
 * @throws {@link ValidationError} for an empty list, a malformed partial, or other dates or windows (`partials[1].on`).
 * @example
 * ```ts
 * import { mergeUsagePartials, usagePartial } from "cs-metrics";
 * const a = usagePartial([{ customerId: "acme", userId: "ann", at: "2025-06-28" }], { on: "2025-06-30" });
 * const b = usagePartial([
 *   { customerId: "acme", userId: "ann", at: "2025-06-02" },
 *   { customerId: "acme", userId: "ann", at: "2025-07-01" }, // after the date: b's event 1
 * ], { on: "2025-06-30" });
 * const merged = mergeUsagePartials([a, b]);
 * merged.customers[0]?.users[0]?.first; //=> "2025-06-02"
 * // b's event 1 comes after a's one event: position 1 + 1 = 2.
 * merged.dataQuality.futureEvents; //=> { events: 1, sampleIndexes: [2] }
 * ```
 */
export function mergeUsagePartials(partials: readonly UsagePartial[]): UsagePartial {
  if (!Array.isArray(partials) || partials.length === 0) throw invalid("partials", "must be a non-empty array of usage partials");
  const parts = partials.map((partial, index) => readPartial(partial, `partials[${index}]`));
  const merged = parts[0]!.state;
  parts.forEach(({ state }, index) => {
    if (state.dates.join() !== merged.dates.join()) throw invalid(`partials[${index}].on`, `must be the dates of partials[0] (${partials[0]!.on.join(", ")})`);
    const { wau, mau, features } = merged.windows;
    if (state.windows.wau !== wau || state.windows.mau !== mau || state.windows.features !== features) {
      throw invalid(`partials[${index}].windows`, `must be the windows of partials[0] (wau ${wau}, mau ${mau}, features ${features})`);
    }
    if (index > 0) merged.merge(state);
  });
  return partialOf(merged, parts.reduce((sum, part) => sum + part.events, 0), mergeDataQuality(parts));
}

/**
 * The usage snapshots of a (merged) partial: exactly {@link usageSnapshots} over all its events.
 *
 * @remarks Definitions as {@link usageSnapshots}; the non-event inputs (seats, contacts, features
 * available, provisioned users) are given here. The `dataQuality` is the partial's (tallied when the
 * partials were made: give their `licensedSeats` to {@link usagePartial} for unknown customers).
 * @param partial - A {@link UsagePartial}.
 * @param options - The non-event inputs of {@link usageSnapshots}, and `timeZone` for contact date-times.
 * @returns As {@link usageSnapshots}, with the partial's `dataQuality` ({@link UsagePartial.dataQuality}).
 * @throws {@link ValidationError} for a malformed partial or an invalid option.
 * @example
 * ```ts
 * import { usagePartial, usageSnapshotsFromPartial } from "cs-metrics";
 * const partial = usagePartial([{ customerId: "acme", userId: "ann", at: "2025-06-28" }], { on: "2025-06-30" });
 * usageSnapshotsFromPartial(partial, { contacts: [{ customerId: "acme", at: "2025-06-01" }] })[0]?.lastContactAt; //=> "2025-06-01"
 * ```
 */
export function usageSnapshotsFromPartial(partial: UsagePartial, options?: SnapshotInputOptions): UsageSnapshots {
  const given = readOptions(options);
  const { state, dataQuality } = readPartial(partial, "partial");
  return withDataQuality(snapshotsOf(state, readSnapshotInputs(given, checkTimeZone(given.timeZone))), dataQuality);
}

/**
 * The feature adoption of a (merged) partial on one of its dates, over its `features` window.
 *
 * @remarks As {@link featureAdoption} with `window` = the partial's `windows.features`.
 * @param partial - A {@link UsagePartial}.
 * @param options - `on`: one of the partial's dates (default its last).
 * @returns As {@link featureAdoption}.
 * @throws {@link ValidationError} for a malformed partial or a date it does not hold (`options.on`).
 * @example
 * ```ts
 * import { featureAdoptionFromPartial, usagePartial } from "cs-metrics";
 * const partial = usagePartial([{ customerId: "acme", userId: "ann", at: "2025-06-28", feature: "export" }], { on: ["2025-06-30", "2025-07-31"] });
 * featureAdoptionFromPartial(partial, { on: "2025-06-30" }).features.length; //=> 1
 * featureAdoptionFromPartial(partial).features.length; //=> 0
 * ```
 */
export function featureAdoptionFromPartial(partial: UsagePartial, options?: { readonly on?: CalendarDateInput }): FeatureAdoption {
  const given = readOptions(options);
  const { state } = readPartial(partial, "partial");
  if (given.on === undefined) return adoptionOf(state, state.dates.length - 1);
  const [day] = readDates(given.on);
  const index = state.dates.indexOf(day!);
  if (index < 0) throw invalid("options.on", `must be one of the partial's dates (${partial.on.join(", ")})`);
  return adoptionOf(state, index);
}
