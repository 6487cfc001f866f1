/**
 * Events are reported, never dropped silently: the `dataQuality` of usageSnapshots, its streaming
 * forms and the usage partials counts the events after the last date and those of customers missing
 * from the contract book. Every count is read off the events listed beside it.
 */
import { describe, expect, it } from "vitest";
import {
  type UsageEventInput,
  type UsagePartial,
  ValidationError,
  contractBook,
  mergeUsagePartials,
  usagePartial,
  usageSnapshots,
  usageSnapshotsFromPartial,
  usageSnapshotsFromAsyncIterable,
  usageSnapshotsFromIterable,
} from "../../src/index.js";
import { caught } from "../support/caught.js";
import { deepFreeze } from "../support/deepFreeze.js";

const book = contractBook([
  { id: "1", customerId: "acme", start: "2025-01-01", amount: 900, currency: "USD", seats: 4 },
  { id: "2", customerId: "beta", start: "2025-01-01", amount: 300, currency: "USD" },
]);

const EVENTS: UsageEventInput[] = [
  { customerId: "acme", userId: "ann", at: "2025-06-01" }, // 0
  { customerId: "ghost", userId: "g1", at: "2025-06-02" }, // 1: not in the book
  { customerId: "acme", userId: "ann", at: "2025-07-01" }, // 2: after 06-30
  { customerId: "beta", userId: "bo", at: "2025-06-30" }, // 3
  { customerId: "ghost", userId: "g2", at: "2025-06-03" }, // 4: not in the book
  { customerId: "demo", userId: "d", at: "2025-06-04" }, // 5: not in the book
  { customerId: "demo", userId: "d", at: "2026-01-01" }, // 6: after 06-30 (counted as future only)
];

describe("usageSnapshots: dataQuality", () => {
  it("counts events of customers missing from the book and events after the last date, with their positions", () => {
    const snapshots = usageSnapshots(deepFreeze(EVENTS), { on: "2025-06-30", licensedSeats: book });
    // ghost (events 1, 4) and demo (5) are in no contract line: 3 events; 2 and 6 are after 06-30.
    expect(snapshots.dataQuality).toEqual({
      unknownCustomers: { customers: ["demo", "ghost"], events: 3, sampleIndexes: [1, 4, 5] },
      futureEvents: { events: 2, sampleIndexes: [2, 6] },
    });
    // Unknown customers still get a snapshot (without seats); the future events count nowhere.
    expect(snapshots.map((s) => [s.customerId, s.licensedSeats ?? null, s.provisionedUsers])).toEqual([
      ["acme", 4, 1], ["beta", null, 1], ["demo", null, 1], ["ghost", null, 2],
    ]);
  });

  it("is not enumerable: JSON and deep equality see the plain array", () => {
    const snapshots = usageSnapshots(EVENTS.slice(0, 1), { on: "2025-06-30" });
    expect(Object.keys(snapshots)).toEqual(["0"]);
    expect(JSON.parse(JSON.stringify(snapshots))).toEqual([...snapshots]);
  });

  it("without contract lines nobody is unknown; seats per customer as a map name no customers either", () => {
    expect(usageSnapshots(EVENTS, { on: "2025-06-30" }).dataQuality.unknownCustomers).toEqual({ customers: [], events: 0, sampleIndexes: [] });
    expect(usageSnapshots(EVENTS, { on: "2025-06-30", licensedSeats: { acme: 4 } }).dataQuality.unknownCustomers.events).toBe(0);
    // Contract records (not a built book) work the same way: only acme is known here.
    const records = [{ id: "1", customerId: "acme", start: "2025-01-01", amount: 900, currency: "USD" }];
    expect(usageSnapshots(EVENTS, { on: "2025-06-30", licensedSeats: records }).dataQuality.unknownCustomers.customers).toEqual(["beta", "demo", "ghost"]);
  });

  it("keeps the first five positions and counts the rest", () => {
    // 8 events on 07-01 … 07-08, all after 06-30.
    const late = Array.from({ length: 8 }, (_, i) => ({ customerId: "acme", userId: "u", at: `2025-07-0${i + 1}` }));
    expect(usageSnapshots(late, { on: "2025-06-30" }).dataQuality.futureEvents).toEqual({ events: 8, sampleIndexes: [0, 1, 2, 3, 4] });
  });

  it("with several dates, only events after the last one are future", () => {
    // 07-01 is after 06-30 but not after 07-31: it belongs to the second snapshot.
    expect(usageSnapshots(EVENTS, { on: ["2025-06-30", "2025-07-31"] }).dataQuality.futureEvents).toEqual({ events: 1, sampleIndexes: [6] });
  });

  it("the streaming forms report the same", async () => {
    const options = { on: "2025-06-30", licensedSeats: book } as const;
    const batch = usageSnapshots(EVENTS, options).dataQuality;
    function* each() { yield* EVENTS; }
    async function* eachAsync() { yield* EVENTS; }
    expect(usageSnapshotsFromIterable(each(), options).dataQuality).toEqual(batch);
    expect((await usageSnapshotsFromAsyncIterable(eachAsync(), options)).dataQuality).toEqual(batch);
  });

  it("an event without a user (or customer, or date) is an error naming it, not a dropped row", () => {
    const error = caught(() => usageSnapshots([{ customerId: "acme", at: "2025-06-01" } as unknown as UsageEventInput, { customerId: "acme", userId: "", at: "2025-06-01" }], { on: "2025-06-30" }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(["events[0].userId", "events[1].userId"]);
  });
});

describe("usage partials: dataQuality", () => {
  const on = "2025-06-30";
  const issuesOf = (action: () => unknown): unknown => (caught(action) as ValidationError).issues;

  it("a partial carries its events' tallies, as usageSnapshots reports them", () => {
    const partial = usagePartial(EVENTS, { on, licensedSeats: book });
    expect(partial.events).toBe(7);
    // As above: ghost (1, 4) and demo (5) unknown; 2 and 6 after 06-30.
    expect(partial.dataQuality).toEqual({
      unknownCustomers: { customers: ["demo", "ghost"], events: 3, sampleIndexes: [1, 4, 5] },
      futureEvents: { events: 2, sampleIndexes: [2, 6] },
    });
    // Without contract lines nobody is unknown.
    expect(usagePartial(EVENTS, { on }).dataQuality.unknownCustomers).toEqual({ customers: [], events: 0, sampleIndexes: [] });
  });

  it("merging in input order gives the positions in the whole input", () => {
    // Shard A = events 0–2 (3 events): ghost at its 1, future at its 2.
    // Shard B = events 3–6 (4 events): ghost at its 1, demo at its 2, future at its 3.
    const a = usagePartial(EVENTS.slice(0, 3), { on, licensedSeats: book });
    const b = usagePartial(EVENTS.slice(3), { on, licensedSeats: book });
    expect(a.dataQuality.unknownCustomers.sampleIndexes).toEqual([1]);
    expect(b.dataQuality.unknownCustomers.sampleIndexes).toEqual([1, 2]);
    const merged = mergeUsagePartials([a, b]);
    // B's positions follow A's 3 events: unknown [1] + [1 + 3, 2 + 3] = [1, 4, 5]; future [2] + [3 + 3] = [2, 6].
    expect(merged.events).toBe(3 + 4);
    expect(merged.dataQuality).toEqual({
      unknownCustomers: { customers: ["demo", "ghost"], events: 1 + 2, sampleIndexes: [1, 4, 5] },
      futureEvents: { events: 1 + 1, sampleIndexes: [2, 6] },
    });
    // The same as one pass over all the events, and what usageSnapshotsFromPartial reports.
    expect(merged).toEqual(usagePartial(EVENTS, { on, licensedSeats: book }));
    const snapshots = usageSnapshotsFromPartial(merged, { licensedSeats: book });
    expect(snapshots.dataQuality).toEqual(usageSnapshots(EVENTS, { on, licensedSeats: book }).dataQuality);
    expect(Object.keys(snapshots)).toEqual(["0", "1", "2", "3"]);
  });

  it("merging in another order lays the partials end to end in that order", () => {
    const a = usagePartial(EVENTS.slice(0, 3), { on, licensedSeats: book });
    const b = usagePartial(EVENTS.slice(3), { on, licensedSeats: book });
    // B first (4 events), then A shifted by 4: unknown [1, 2] + [1 + 4] = [1, 2, 5]; future [3] + [2 + 4] = [3, 6].
    expect(mergeUsagePartials([b, a]).dataQuality).toEqual({
      unknownCustomers: { customers: ["demo", "ghost"], events: 3, sampleIndexes: [1, 2, 5] },
      futureEvents: { events: 2, sampleIndexes: [3, 6] },
    });
    // A merge of merges: ((b) + (a + a)) = b's 4 events, then a's 3, then a's 3 again.
    // Future: b [3], a [2 + 4 = 6], a again [2 + 7 = 9]; 3 events.
    expect(mergeUsagePartials([b, mergeUsagePartials([a, a])]).dataQuality.futureEvents).toEqual({ events: 3, sampleIndexes: [3, 6, 9] });
  });

  it("keeps the first five positions across partials and adds the counts", () => {
    // 8 events on 07-01 … 07-08, all after 06-30, split 3 + 5: [0, 1, 2] then [0 … 4] + 3 → first five 0 … 4.
    const late = Array.from({ length: 8 }, (_, i) => ({ customerId: "acme", userId: "u", at: `2025-07-0${i + 1}` }));
    const merged = mergeUsagePartials([usagePartial(late.slice(0, 3), { on }), usagePartial(late.slice(3), { on })]);
    expect(merged.dataQuality.futureEvents).toEqual({ events: 8, sampleIndexes: [0, 1, 2, 3, 4] });
    // An empty partial adds nothing and shifts nothing.
    expect(mergeUsagePartials([usagePartial([], { on }), merged]).dataQuality).toEqual(merged.dataQuality);
  });

  it("a partial made without contract lines adds no unknown customers to the merge", () => {
    const known = usagePartial(EVENTS.slice(0, 3), { on, licensedSeats: book });
    const blind = usagePartial(EVENTS.slice(3), { on });
    // Only A's ghost (at 1) is tallied; B's ghost and demo events are not.
    expect(mergeUsagePartials([known, blind]).dataQuality.unknownCustomers).toEqual({ customers: ["ghost"], events: 1, sampleIndexes: [1] });
  });

  it("survives JSON and does not mutate its inputs", () => {
    const records = deepFreeze([{ id: "1", customerId: "acme", start: "2025-01-01", amount: 900, currency: "USD", seats: 4 }]);
    const events = deepFreeze(structuredClone(EVENTS));
    const a = deepFreeze(usagePartial(events.slice(0, 3), deepFreeze({ on, licensedSeats: records })));
    const b = deepFreeze(JSON.parse(JSON.stringify(usagePartial(events.slice(3), { on, licensedSeats: records }))) as UsagePartial);
    const before = structuredClone([a, b]);
    const merged = mergeUsagePartials(deepFreeze([a, b]));
    const snapshots = usageSnapshotsFromPartial(a);
    expect([a, b]).toEqual(before);
    expect(events).toEqual(EVENTS);
    // Only acme is known here: beta (3), ghost (1, 4) and demo (5) are not.
    expect(merged.dataQuality.unknownCustomers).toEqual({ customers: ["beta", "demo", "ghost"], events: 4, sampleIndexes: [1, 3, 4, 5] });
    // The results are new arrays: changing them leaves the partials alone.
    (merged.dataQuality.futureEvents.sampleIndexes as number[]).push(99);
    (snapshots.dataQuality.futureEvents.sampleIndexes as number[]).push(99);
    expect(a.dataQuality.futureEvents.sampleIndexes).toEqual([2]);
  });

  it("rejects a partial whose count or tallies do not hold together, naming the field", () => {
    const partial = usagePartial(EVENTS, { on, licensedSeats: book });
    const edited = (edit: (copy: { events: unknown; dataQuality: Record<string, Record<string, unknown>> }) => void): UsagePartial => {
      const copy = structuredClone(partial) as unknown as { events: unknown; dataQuality: Record<string, Record<string, unknown>> };
      edit(copy);
      return copy as unknown as UsagePartial;
    };
    expect(issuesOf(() => mergeUsagePartials([partial, edited((p) => { p.events = -1; })]))).toEqual([
      { path: "partials[1].events", message: "must be a whole number ≥ 0" },
    ]);
    expect(issuesOf(() => usageSnapshotsFromPartial(edited((p) => { p.dataQuality["futureEvents"]!["events"] = 8; })))).toEqual([
      { path: "partial.dataQuality.futureEvents.events", message: "must be a whole number from 0 to the partial's events (7)" },
    ]);
    expect(issuesOf(() => usageSnapshotsFromPartial(edited((p) => { p.dataQuality["futureEvents"]!["sampleIndexes"] = [6, 2]; })))).toEqual([
      { path: "partial.dataQuality.futureEvents.sampleIndexes", message: "must be 2 ascending event positions below 7" },
    ]);
    expect(issuesOf(() => usageSnapshotsFromPartial(edited((p) => { p.dataQuality["futureEvents"]!["sampleIndexes"] = [2, 7]; })))).toEqual([
      { path: "partial.dataQuality.futureEvents.sampleIndexes", message: "must be 2 ascending event positions below 7" },
    ]);
    expect(issuesOf(() => usageSnapshotsFromPartial(edited((p) => { p.dataQuality["futureEvents"]!["sampleIndexes"] = [2]; })))).toEqual([
      { path: "partial.dataQuality.futureEvents.sampleIndexes", message: "must be 2 ascending event positions below 7" },
    ]);
    expect(issuesOf(() => usageSnapshotsFromPartial(edited((p) => { p.dataQuality["unknownCustomers"]!["customers"] = ["ghost", ""]; })))).toEqual([
      { path: "partial.dataQuality.unknownCustomers.customers[1]", message: "must be a non-empty string" },
    ]);
    for (const customers of [[], ["ghost", "ghost"], ["a", "b", "c", "d"]]) {
      expect(issuesOf(() => usageSnapshotsFromPartial(edited((p) => { p.dataQuality["unknownCustomers"]!["customers"] = customers; })))).toEqual([
        { path: "partial.dataQuality.unknownCustomers.customers", message: "must be distinct ids, at least one and at most events (3) when events > 0, none otherwise" },
      ]);
    }
    expect(issuesOf(() => usageSnapshotsFromPartial(edited((p) => { delete (p as Partial<typeof p>).dataQuality; })))).toEqual([
      { path: "partial.dataQuality.unknownCustomers.events", message: "must be a whole number from 0 to the partial's events (7)" },
    ]);
  });
});
