/**
 * A usage fold (customer → user → state) packed into a few flat arrays (internal), to be sent to
 * another thread: structured-cloning the maps and small objects themselves measured seconds for
 * 140,000 users, the packed form a few milliseconds.
 * @module
 */
import type { EpochDay } from "../dates/calendarDate.js";
import type { FeatureUse, UserState } from "./userActivity.js";

/** Users by customer, as flat arrays; per-date values of user `u` at `[u × dates, (u + 1) × dates)`. */
export interface PackedUsage {
  /** Number of dates. */
  readonly dates: number;
  readonly customerIds: readonly string[];
  /** Users of each customer (their count, in `userIds` order). */
  readonly usersPerCustomer: Int32Array;
  readonly userIds: readonly string[];
  readonly first: Float64Array;
  /** Latest active day per user and date (`NaN`: none; a user with no `seen` has all `NaN`). */
  readonly seen: Float64Array;
  /** Features of each user (their count, in `features` order). */
  readonly featuresPerUser: Int32Array;
  readonly features: readonly string[];
  /** Per feature use and date: latest use (`NaN`: none) and Σ count. */
  readonly featureSeen: Float64Array;
  readonly featureEvents: Float64Array;
}

function packDays(into: Float64Array, at: number, days: readonly (EpochDay | null)[], dates: number): void {
  for (let i = 0; i < dates; i++) into[at + i] = days[i] ?? Number.NaN;
}

/** Folds the packed days at `from[at …]` into `days` (latest of each; `days` empty: all null so far). */
function laterDays(days: (EpochDay | null)[], from: Float64Array, at: number, dates: number): (EpochDay | null)[] {
  let result = days;
  for (let i = 0; i < dates; i++) {
    const day = from[at + i]!;
    if (Number.isNaN(day)) continue;
    if (result.length === 0) result = new Array<EpochDay | null>(dates).fill(null);
    const mine = result[i];
    if (mine === null || mine === undefined || day > mine) result[i] = day;
  }
  return result;
}

/** Packs `customers` (per-date arrays of `dates` entries). */
export function packUsage(customers: ReadonlyMap<string, ReadonlyMap<string, UserState>>, dates: number): PackedUsage {
  let userCount = 0;
  let featureCount = 0;
  for (const users of customers.values()) {
    userCount += users.size;
    for (const user of users.values()) featureCount += user.features.size;
  }
  const usersPerCustomer = new Int32Array(customers.size);
  const userIds: string[] = [];
  const first = new Float64Array(userCount);
  const seen = new Float64Array(userCount * dates).fill(Number.NaN);
  const featuresPerUser = new Int32Array(userCount);
  const features: string[] = [];
  const featureSeen = new Float64Array(featureCount * dates);
  const featureEvents = new Float64Array(featureCount * dates);
  let c = 0;
  for (const users of customers.values()) {
    usersPerCustomer[c++] = users.size;
    for (const [userId, user] of users) {
      const u = userIds.push(userId) - 1;
      first[u] = user.first;
      if (user.seen.length > 0) packDays(seen, u * dates, user.seen, dates);
      featuresPerUser[u] = user.features.size;
      for (const [feature, use] of user.features) {
        const f = features.push(feature) - 1;
        packDays(featureSeen, f * dates, use.seen, dates);
        featureEvents.set(use.events, f * dates);
      }
    }
  }
  return { dates, customerIds: [...customers.keys()], usersPerCustomer, userIds, first, seen, featuresPerUser, features, featureSeen, featureEvents };
}

/**
 * Merges a {@link packUsage} result into `customers` (as merging states: earliest first day, latest
 * active days, Σ event counts), building only what `customers` lacks.
 */
export function mergePackedUsage(customers: Map<string, Map<string, UserState>>, packed: PackedUsage): void {
  const { dates } = packed;
  let u = 0;
  let f = 0;
  packed.customerIds.forEach((customerId, c) => {
    let users = customers.get(customerId);
    if (users === undefined) customers.set(customerId, (users = new Map()));
    for (const end = u + packed.usersPerCustomer[c]!; u < end; u++) {
      const userId = packed.userIds[u]!;
      let user = users.get(userId);
      if (user === undefined) users.set(userId, (user = { first: packed.first[u]!, seen: [], features: new Map() }));
      else user.first = Math.min(user.first, packed.first[u]!);
      user.seen = laterDays(user.seen, packed.seen, u * dates, dates);
      for (const last = f + packed.featuresPerUser[u]!; f < last; f++) {
        const feature = packed.features[f]!;
        let use: FeatureUse | undefined = user.features.get(feature);
        if (use === undefined) user.features.set(feature, (use = { seen: new Array<EpochDay | null>(dates).fill(null), events: new Array<number>(dates).fill(0) }));
        laterDays(use.seen, packed.featureSeen, f * dates, dates);
        for (let i = 0; i < dates; i++) use.events[i]! += packed.featureEvents[f * dates + i]!;
      }
    }
  });
}
