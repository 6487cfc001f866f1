/**
 * Properties of the usage functions on random event sets: a brute-force oracle (filter the events for
 * each count, with plain UTC Date arithmetic) agrees with usageSnapshots and featureAdoption; shuffled
 * events, streams and merged partials of any sharding give the batch result.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type UsageEventInput,
  type UsagePartial,
  featureAdoption,
  featureAdoptionFromPartial,
  mergeUsagePartials,
  usagePartial,
  usageSnapshots,
  usageSnapshotsFromIterable,
  usageSnapshotsFromPartial,
} from "../../src/index.js";
import { dateOfDay, dayOfDate } from "../support/contractArbitraries.js";
import { type GeneratedEvent, eventArbitrary } from "../support/usageArbitraries.js";

const FIRST = dayOfDate("2025-01-01");

type Event = GeneratedEvent;

const eventArb = eventArbitrary({ customers: ["a", "b", "c"], users: ["1", "2", "3", "4"], features: ["x", "y", "z"], firstDay: FIRST, lastDay: FIRST + 60, maxCount: 3 });

const setupArb = fc.record({
  events: fc.array(eventArb, { maxLength: 40 }),
  on: fc.uniqueArray(fc.integer({ min: FIRST, max: FIRST + 70 }), { minLength: 1, maxLength: 3 }).map((days) => days.map(dateOfDay)),
  windows: fc.record({ wau: fc.integer({ min: 1, max: 10 }), mau: fc.integer({ min: 1, max: 35 }), features: fc.integer({ min: 1, max: 35 }) }),
});

/** Distinct values of `key` over the events of a customer with age (days before d) in [0, days). */
function distinct(events: readonly Event[], customerId: string, d: number, days: number, key: (e: Event) => string | undefined): number {
  const values = new Set<string>();
  for (const e of events) {
    const age = d - dayOfDate(e.at);
    const value = key(e);
    if (e.customerId === customerId && age >= 0 && age < days && value !== undefined) values.add(value);
  }
  return values.size;
}

/** A partial with its data-quality sample positions left out (what does not depend on the event order). */
function withoutSamples(partial: UsagePartial): unknown {
  const { unknownCustomers, futureEvents } = partial.dataQuality;
  return { ...partial, dataQuality: { unknownCustomers: { ...unknownCustomers, sampleIndexes: null }, futureEvents: { ...futureEvents, sampleIndexes: null } } };
}

/** Contract lines of some of the customers (the others' events are unknown). */
const knownArb = fc.subarray(["a", "b", "c"]).map((customers) => customers.map((customerId, i) => ({ id: String(i), customerId, start: "2024-01-01", amount: 1, currency: "USD" })));

describe("usage properties", () => {
  it("usageSnapshots equals a brute-force count of the events", () => {
    fc.assert(
      fc.property(setupArb, ({ events, on, windows }) => {
        const expected = [];
        for (const customerId of ["a", "b", "c"]) {
          for (const date of [...on].sort()) {
            const d = dayOfDate(date);
            if (!events.some((e) => e.customerId === customerId && dayOfDate(e.at) <= d)) continue;
            const user = (e: Event): string => e.userId;
            expected.push({
              customerId, at: date,
              provisionedUsers: distinct(events, customerId, d, Number.POSITIVE_INFINITY, user),
              activeUsers: distinct(events, customerId, d, windows.mau, user),
              dau: distinct(events, customerId, d, 1, user),
              wau: distinct(events, customerId, d, windows.wau, user),
              mau: distinct(events, customerId, d, windows.mau, user),
              featuresUsed: distinct(events, customerId, d, windows.features, (e) => e.feature),
              lastContactAt: null,
              metrics: {},
            });
          }
        }
        expect(JSON.parse(JSON.stringify(usageSnapshots(events, { on, windows })))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("featureAdoption equals a brute-force count of the events", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), fc.integer({ min: FIRST, max: FIRST + 70 }), fc.integer({ min: 1, max: 40 }), (events, d, window) => {
        const inWindow = events.filter((e) => d - dayOfDate(e.at) >= 0 && d - dayOfDate(e.at) < window);
        const active = new Set(inWindow.map((e) => e.customerId)).size;
        const features = [...new Set(inWindow.flatMap((e) => (e.feature === undefined ? [] : [e.feature])))].sort();
        const adoption = featureAdoption(events, { on: dateOfDay(d), window });
        expect(adoption.activeCustomers).toBe(active);
        expect(adoption.activeUsers).toBe(new Set(inWindow.map((e) => `${e.customerId}/${e.userId}`)).size);
        expect(adoption.features.map((f) => ({ ...f, customerShare: f.customerShare.mul(active).toNumber() }))).toEqual(
          features.map((feature) => {
            const uses = inWindow.filter((e) => e.feature === feature);
            const customers = new Set(uses.map((e) => e.customerId)).size;
            return {
              feature, customers, users: new Set(uses.map((e) => `${e.customerId}/${e.userId}`)).size,
              events: uses.reduce((sum, e) => sum + e.count, 0), customerShare: customers,
            };
          }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("shuffled events, a stream and merged partials of any sharding give the batch result", () => {
    fc.assert(
      fc.property(
        setupArb,
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 40, maxLength: 40 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        ({ events, on, windows }, shardOf, seed) => {
          const batch = usageSnapshots(events, { on, windows });
          // A deterministic shuffle from the seed.
          const shuffled = [...events].sort((x, y) => ((events.indexOf(x) * 7919 + seed) % 101) - ((events.indexOf(y) * 7919 + seed) % 101));
          expect(usageSnapshots(shuffled, { on, windows })).toEqual(batch);
          function* stream(): Generator<UsageEventInput> {
            yield* shuffled;
          }
          expect(usageSnapshotsFromIterable(stream(), { on, windows })).toEqual(batch);
          const shards: Event[][] = [[], [], [], []];
          events.forEach((event, index) => shards[shardOf[index]!]!.push(event));
          const partials = shards.map((shard) => JSON.parse(JSON.stringify(usagePartial(shard, { on, windows }))) as UsagePartial);
          // Merge as a tree, in another order: ((3 + 1) + (0 + 2)).
          const merged = mergeUsagePartials([mergeUsagePartials([partials[3]!, partials[1]!]), mergeUsagePartials([partials[0]!, partials[2]!])]);
          // Sample positions count the shards laid end to end in merge order; all else is order-free.
          expect(merged).toEqual(usagePartial([...shards[3]!, ...shards[1]!, ...shards[0]!, ...shards[2]!], { on, windows }));
          expect(withoutSamples(merged)).toEqual(withoutSamples(usagePartial(events, { on, windows })));
          expect(usageSnapshotsFromPartial(merged)).toEqual(batch);
          const last = on.reduce((a, b) => (a > b ? a : b));
          expect(featureAdoptionFromPartial(merged)).toEqual(featureAdoption(events, { on: last, window: windows.features }));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("partials of consecutive runs of the events, merged in input order, carry one pass's data quality", () => {
    fc.assert(
      fc.property(setupArb, knownArb, fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 4 }), ({ events, on, windows }, known, cuts) => {
        const bounds = [0, ...[...cuts].sort((x, y) => x - y).map((cut) => Math.min(cut, events.length)), events.length];
        const options = { on, windows, licensedSeats: known };
        const partials = bounds.slice(1).map((end, k) => usagePartial(events.slice(bounds[k], end), options));
        const merged = mergeUsagePartials(JSON.parse(JSON.stringify(partials)) as UsagePartial[]);
        const whole = usageSnapshots(events, options);
        expect(merged).toEqual(usagePartial(events, options));
        expect(merged.events).toBe(events.length);
        expect(usageSnapshotsFromPartial(merged, { licensedSeats: known }).dataQuality).toEqual(whole.dataQuality);
        // The tallies read off the events directly.
        const last = on.reduce((a, b) => (a > b ? a : b));
        const knownIds = new Set(known.map((line) => line.customerId));
        const future = events.flatMap((e, i) => (e.at > last ? [i] : []));
        const unknown = events.flatMap((e, i) => (e.at <= last && !knownIds.has(e.customerId) ? [i] : []));
        expect(whole.dataQuality.futureEvents).toEqual({ events: future.length, sampleIndexes: future.slice(0, 5) });
        expect(whole.dataQuality.unknownCustomers.events).toBe(unknown.length);
        expect(whole.dataQuality.unknownCustomers.sampleIndexes).toEqual(unknown.slice(0, 5));
      }),
      { numRuns: 200 },
    );
  });
});
