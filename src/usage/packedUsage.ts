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

function unpackDays(from: Float64Array, at: number, dates: number): (EpochDay | null)[] {
  const days: (EpochDay | null)[] = [];
  for (let i = 0; i < dates; i++) days.push(Number.isNaN(from[at + i]!) ? null : from[at + i]!);
  return days;
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

/** The maps of a {@link packUsage} result. */
export function unpackUsage(packed: PackedUsage): Map<string, Map<string, UserState>> {
  const { dates } = packed;
  const customers = new Map<string, Map<string, UserState>>();
  let u = 0;
  let f = 0;
  packed.customerIds.forEach((customerId, c) => {
    const users = new Map<string, UserState>();
    for (let end = u + packed.usersPerCustomer[c]!; u < end; u++) {
      const seen = unpackDays(packed.seen, u * dates, dates);
      const features = new Map<string, FeatureUse>();
      for (let last = f + packed.featuresPerUser[u]!; f < last; f++) {
        features.set(packed.features[f]!, { seen: unpackDays(packed.featureSeen, f * dates, dates), events: Array.from(packed.featureEvents.subarray(f * dates, (f + 1) * dates)) });
      }
      users.set(packed.userIds[u]!, { first: packed.first[u]!, seen: seen.every((day) => day === null) ? [] : seen, features });
    }
    customers.set(customerId, users);
  });
  return customers;
}
