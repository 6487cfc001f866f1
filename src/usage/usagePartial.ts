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
import type { UsageSnapshot } from "../schemas/usageSnapshot.js";
import { type FeatureAdoption, adoptionOf } from "./featureAdoption.js";
import { type SnapshotInputOptions, readSnapshotInputs, sortedIds } from "./snapshotInputs.js";
import { snapshotsOf, startUsage } from "./usageSnapshots.js";
import { type FeatureUse, UsageState, type UserState } from "./usageState.js";
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
  /** Customers by id, each with its users by id. */
  readonly customers: readonly { readonly customerId: string; readonly users: readonly UsagePartialUser[] }[];
}

/** Options of {@link usagePartial}. */
export interface UsagePartialOptions {
  readonly on: OnDates;
  readonly windows?: UsageWindows;
  readonly timeZone?: string;
}

const dateOrNull = (day: EpochDay | null): CalendarDate | null => (day === null ? null : formatCalendarDate(day));

function partialOf(state: UsageState): UsagePartial {
  return {
    kind: "UsagePartial",
    on: state.dates.map(formatCalendarDate),
    windows: { ...state.windows },
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
 * @param events - The shard's usage events; not mutated.
 * @param options - `on`, `windows`, `timeZone`, as {@link usageSnapshots}.
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
  for (const event of events) state.add(event);
  state.check();
  return partialOf(state);
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

function readFeature(value: unknown, length: number, path: string): [string, FeatureUse] {
  const item = (value ?? {}) as Partial<UsagePartialFeature>;
  const events = readList(item.events, `${path}.events`);
  if (events.length !== length || !events.every((n) => typeof n === "number" && Number.isSafeInteger(n) && n >= 0)) {
    throw invalid(`${path}.events`, `must be an array of ${length} whole numbers ≥ 0`);
  }
  return [readText(item.feature, `${path}.feature`), { seen: readSeen(item.seen, length, `${path}.seen`, false), events: [...(events as number[])] }];
}

/** A partial read back into a state (checked: it may come from JSON). */
function stateOf(partial: UsagePartial, path: string): UsageState {
  if (typeof partial !== "object" || partial === null || partial.kind !== "UsagePartial") {
    throw invalid(path, "must be a UsagePartial (from usagePartial or mergeUsagePartials)");
  }
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
  return state;
}

/**
 * Merges usage partials of disjoint event sets into the partial of all their events.
 *
 * @remarks Earliest first day, latest active days, summed event counts: associative and commutative,
 * so shards merge in any tree. Every partial must have the same dates and windows.
 * @param partials - At least one {@link UsagePartial}, e.g. parsed back from JSON.
 * @returns The merged {@link UsagePartial}.
 * @throws {@link ValidationError} for an empty list, a malformed partial, or other dates or windows (`partials[1].on`).
 * @example
 * ```ts
 * import { mergeUsagePartials, usagePartial } from "cs-metrics";
 * const a = usagePartial([{ customerId: "acme", userId: "ann", at: "2025-06-28" }], { on: "2025-06-30" });
 * const b = usagePartial([{ customerId: "acme", userId: "ann", at: "2025-06-02" }], { on: "2025-06-30" });
 * mergeUsagePartials([a, b]).customers[0]?.users[0]?.first; //=> "2025-06-02"
 * ```
 */
export function mergeUsagePartials(partials: readonly UsagePartial[]): UsagePartial {
  if (!Array.isArray(partials) || partials.length === 0) throw invalid("partials", "must be a non-empty array of usage partials");
  const states = partials.map((partial, index) => stateOf(partial, `partials[${index}]`));
  const merged = states[0]!;
  states.forEach((state, index) => {
    if (state.dates.join() !== merged.dates.join()) throw invalid(`partials[${index}].on`, `must be the dates of partials[0] (${partials[0]!.on.join(", ")})`);
    const { wau, mau, features } = merged.windows;
    if (state.windows.wau !== wau || state.windows.mau !== mau || state.windows.features !== features) {
      throw invalid(`partials[${index}].windows`, `must be the windows of partials[0] (wau ${wau}, mau ${mau}, features ${features})`);
    }
    if (index > 0) merged.merge(state);
  });
  return partialOf(merged);
}

/**
 * The usage snapshots of a (merged) partial: exactly {@link usageSnapshots} over all its events.
 *
 * @remarks Definitions as {@link usageSnapshots}; the non-event inputs (seats, contacts, features
 * available, provisioned users) are given here.
 * @param partial - A {@link UsagePartial}.
 * @param options - The non-event inputs of {@link usageSnapshots}, and `timeZone` for contact date-times.
 * @returns As {@link usageSnapshots}.
 * @throws {@link ValidationError} for a malformed partial or an invalid option.
 * @example
 * ```ts
 * import { usagePartial, usageSnapshotsFromPartial } from "cs-metrics";
 * const partial = usagePartial([{ customerId: "acme", userId: "ann", at: "2025-06-28" }], { on: "2025-06-30" });
 * usageSnapshotsFromPartial(partial, { contacts: [{ customerId: "acme", at: "2025-06-01" }] })[0]?.lastContactAt; //=> "2025-06-01"
 * ```
 */
export function usageSnapshotsFromPartial(partial: UsagePartial, options?: SnapshotInputOptions): UsageSnapshot[] {
  const given = readOptions(options);
  const state = stateOf(partial, "partial");
  return snapshotsOf(state, readSnapshotInputs(given, checkTimeZone(given.timeZone)));
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
  const state = stateOf(partial, "partial");
  if (given.on === undefined) return adoptionOf(state, state.dates.length - 1);
  const [day] = readDates(given.on);
  const index = state.dates.indexOf(day!);
  if (index < 0) throw invalid("options.on", `must be one of the partial's dates (${partial.on.join(", ")})`);
  return adoptionOf(state, index);
}
