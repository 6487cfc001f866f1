/** fast-check arbitraries of usage events, shared by the usage and SQL property tests. */
import fc from "fast-check";
import { dateOfDay } from "./contractArbitraries.js";

/** A raw usage event as the tests generate it. */
export interface GeneratedEvent {
  customerId: string;
  userId: string;
  at: string;
  feature?: string;
  count: number;
}

/** What the events are drawn from: ids, feature names and an epoch-day range. */
export interface EventPool {
  readonly customers: readonly string[];
  readonly users: readonly string[];
  readonly features: readonly string[];
  readonly firstDay: number;
  readonly lastDay: number;
  readonly maxCount: number;
}

/** One event of the pool (the feature absent about half the time). */
export function eventArbitrary(pool: EventPool): fc.Arbitrary<GeneratedEvent> {
  return fc
    .record({
      customerId: fc.constantFrom(...pool.customers),
      userId: fc.constantFrom(...pool.users),
      day: fc.integer({ min: pool.firstDay, max: pool.lastDay }),
      feature: fc.option(fc.constantFrom(...pool.features), { nil: undefined }),
      count: fc.integer({ min: 1, max: pool.maxCount }),
    })
    .map(({ day, feature, ...rest }) => ({ ...rest, at: dateOfDay(day), ...(feature === undefined ? {} : { feature }) }));
}
