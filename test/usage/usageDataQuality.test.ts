/**
 * Events are reported, never dropped silently: the `dataQuality` of usageSnapshots and its streaming
 * forms counts the events after the last date and those of customers missing from the contract book.
 * Every count is read off the events listed beside it.
 */
import { describe, expect, it } from "vitest";
import {
  type UsageEventInput,
  ValidationError,
  contractBook,
  usageSnapshots,
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
