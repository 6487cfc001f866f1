/** featureAdoption and the partial API on hand-built events (figures counted by hand in the comments). */
import { describe, expect, it } from "vitest";
import {
  type UsageEventInput,
  type UsagePartial,
  ValidationError,
  featureAdoption,
  featureAdoptionFromPartial,
  mergeUsagePartials,
  usagePartial,
  usageSnapshots,
  usageSnapshotsFromAsyncIterable,
  usageSnapshotsFromIterable,
  usageSnapshotsFromPartial,
} from "../../src/index.js";
import { caught } from "../support/caught.js";
import { deepFreeze } from "../support/deepFreeze.js";

/** The window 2025-06-01 … 06-30 (30 days ending on 06-30). */
const EVENTS: UsageEventInput[] = [
  { customerId: "acme", userId: "ann", at: "2025-06-30", feature: "export", count: 3 },
  { customerId: "acme", userId: "bob", at: "2025-06-10", feature: "export" },
  { customerId: "acme", userId: "bob", at: "2025-05-31", feature: "api" }, // day 31 back: outside
  { customerId: "beta", userId: "cy", at: "2025-06-15", feature: "api", count: 2 },
  { customerId: "beta", userId: "dan", at: "2025-06-20" },
  { customerId: "zen", userId: "eve", at: "2025-05-20" }, // inactive in the window
  { customerId: "zen", userId: "eve", at: "2025-07-01", feature: "api" }, // after on: ignored
];

const issuesOf = (action: () => unknown): unknown => (caught(action) as ValidationError).issues;

describe("featureAdoption", () => {
  it("per feature: customers, users, events and the share of active customers, by hand", () => {
    const adoption = featureAdoption(EVENTS, { on: "2025-06-30" });
    // Active in 06-01 … 06-30: acme (ann, bob), beta (cy, dan) → 2 customers, 4 users; zen is not.
    expect(adoption).toMatchObject({ on: "2025-06-30", window: 30, activeCustomers: 2, activeUsers: 4 });
    // api: beta/cy only (bob's use is 05-31) → 1 customer, 1 user, 2 events, 1/2.
    // export: acme/ann (3) + acme/bob (1) → 1 customer, 2 users, 4 events, 1/2.
    expect(adoption.features.map((f) => [f.feature, f.customers, f.users, f.events, f.customerShare.toString()])).toEqual([
      ["api", 1, 1, 2, "0.5"],
      ["export", 1, 2, 4, "0.5"],
    ]);
  });

  it("a longer window takes in older uses", () => {
    const adoption = featureAdoption(EVENTS, { on: "2025-06-30", window: 41 });
    // 41 days: 05-21 … 06-30 takes in bob's api on 05-31 but not eve on 05-20.
    // api: acme/bob, beta/cy → 2 customers of 2 → share 1.
    expect(adoption.features[0]).toMatchObject({ feature: "api", customers: 2, users: 2, events: 3 });
    expect(adoption.features[0]?.customerShare.toString()).toBe("1");
  });

  it("checks events and options, and does not mutate its input", () => {
    const events = deepFreeze(structuredClone(EVENTS));
    featureAdoption(events, { on: "2025-06-30" });
    expect(events).toEqual(EVENTS);
    expect(issuesOf(() => featureAdoption(EVENTS, { on: ["2025-06-30", "2025-07-01"] as unknown as string }))).toEqual([{ path: "options.on", message: "must be one date" }]);
    expect(issuesOf(() => featureAdoption(EVENTS, {} as { on: string }))).toEqual([{ path: "options.on", message: "is required: the last day of the window" }]);
    expect(issuesOf(() => featureAdoption(EVENTS, { on: "2025-06-30", window: 1.5 }))).toEqual([
      { path: "options.window", message: "must be a whole number of days from 1 to 3660 (got 1.5)" },
    ]);
    expect(issuesOf(() => featureAdoption("x" as unknown as UsageEventInput[], { on: "2025-06-30" }))).toEqual([
      { path: "events", message: "must be an array of usage events" },
    ]);
    expect(issuesOf(() => featureAdoption([{ customerId: "a", userId: "u", at: "2025-06-01", count: 1.5 }], { on: "2025-06-30" }))).toEqual([
      { path: "events[0].count", message: "must be a whole number ≥ 1 (got 1.5)" },
    ]);
  });
});

describe("partials and streams", () => {
  const on = ["2025-06-10", "2025-06-30"];

  it("partials of any split merge into the whole: snapshots and adoption", () => {
    const whole = usageSnapshots(EVENTS, { on });
    const parts = [usagePartial(EVENTS.slice(0, 2), { on }), usagePartial(EVENTS.slice(2, 5), { on }), usagePartial(EVENTS.slice(5), { on })];
    const merged = mergeUsagePartials(JSON.parse(JSON.stringify(parts)) as UsagePartial[]);
    expect(merged).toEqual(usagePartial(EVENTS, { on }));
    expect(usageSnapshotsFromPartial(merged)).toEqual(whole);
    expect(featureAdoptionFromPartial(merged)).toEqual(featureAdoption(EVENTS, { on: "2025-06-30" }));
    expect(featureAdoptionFromPartial(merged, { on: "2025-06-10" })).toEqual(featureAdoption(EVENTS, { on: "2025-06-10" }));
  });

  it("iterables and async iterables give the batch result", async () => {
    function* rows(): Generator<UsageEventInput> {
      yield* EVENTS;
    }
    async function* asyncRows(): AsyncGenerator<UsageEventInput> {
      yield* EVENTS;
    }
    const whole = usageSnapshots(EVENTS, { on });
    expect(usageSnapshotsFromIterable(rows(), { on })).toEqual(whole);
    expect(await usageSnapshotsFromAsyncIterable(asyncRows(), { on })).toEqual(whole);
    expect(await usageSnapshotsFromAsyncIterable(EVENTS, { on })).toEqual(whole);
    expect(issuesOf(() => usageSnapshotsFromIterable(5 as unknown as UsageEventInput[], { on }))).toEqual([{ path: "events", message: "must be an iterable of usage events" }]);
    await expect(usageSnapshotsFromAsyncIterable(5 as unknown as UsageEventInput[], { on })).rejects.toThrow(/must be an iterable of usage events/);
    await expect(usageSnapshotsFromAsyncIterable([{ customerId: "a" }] as UsageEventInput[], { on })).rejects.toThrow(/events\[0\]\.userId/);
  });

  it("rejects partials that do not fit together or are malformed", () => {
    const a = usagePartial(EVENTS, { on });
    const b = usagePartial(EVENTS, { on: "2025-06-30" });
    const c = usagePartial(EVENTS, { on, windows: { mau: 28 } });
    expect(issuesOf(() => mergeUsagePartials([]))).toEqual([{ path: "partials", message: "must be a non-empty array of usage partials" }]);
    expect(issuesOf(() => mergeUsagePartials([a, b]))).toEqual([{ path: "partials[1].on", message: "must be the dates of partials[0] (2025-06-10, 2025-06-30)" }]);
    expect(issuesOf(() => mergeUsagePartials([a, c]))).toEqual([{ path: "partials[1].windows", message: "must be the windows of partials[0] (wau 7, mau 30, features 30)" }]);
    expect(issuesOf(() => mergeUsagePartials([a, {} as UsagePartial]))).toEqual([
      { path: "partials[1]", message: "must be a UsagePartial (from usagePartial or mergeUsagePartials)" },
    ]);
    expect(issuesOf(() => usageSnapshotsFromPartial({ ...a, on: ["2025-06-30", "2025-06-10"] }))).toEqual([
      { path: "partial.on", message: "must be distinct dates in ascending order" },
    ]);
    const broken = (edit: (p: { customers: { customerId: unknown; users: Record<string, unknown>[] }[] }) => void): UsagePartial => {
      const copy = structuredClone(a) as unknown as { customers: { customerId: unknown; users: Record<string, unknown>[] }[] };
      edit(copy);
      return copy as unknown as UsagePartial;
    };
    expect(issuesOf(() => usageSnapshotsFromPartial(broken((p) => { p.customers[0]!.customerId = ""; })))).toEqual([
      { path: "partial.customers[0].customerId", message: "must be a non-empty string" },
    ]);
    expect(issuesOf(() => usageSnapshotsFromPartial(broken((p) => { p.customers[0]!.users[0]!["first"] = "2025-02-30"; })))).toEqual([
      { path: "partial.customers[0].users[0].first", message: "must be a calendar date YYYY-MM-DD" },
    ]);
    expect(issuesOf(() => usageSnapshotsFromPartial(broken((p) => { p.customers[0]!.users[0]!["seen"] = [null]; })))).toEqual([
      { path: "partial.customers[0].users[0].seen", message: "must be an array of 2 dates or nulls" },
    ]);
    expect(issuesOf(() => usageSnapshotsFromPartial(broken((p) => { p.customers[0]!.users[0]!["features"] = [{ feature: "x", seen: [null, null], events: [0, -1] }]; })))).toEqual([
      { path: "partial.customers[0].users[0].features[0].events", message: "must be an array of 2 whole numbers ≥ 0" },
    ]);
    expect(issuesOf(() => usageSnapshotsFromPartial(broken((p) => { p.customers = 3 as unknown as []; })))).toEqual([
      { path: "partial.customers", message: "must be an array" },
    ]);
    expect(issuesOf(() => featureAdoptionFromPartial(a, { on: "2025-06-11" }))).toEqual([
      { path: "options.on", message: "must be one of the partial's dates (2025-06-10, 2025-06-30)" },
    ]);
    expect(issuesOf(() => usagePartial(7 as unknown as UsageEventInput[], { on }))).toEqual([{ path: "events", message: "must be an iterable of usage events" }]);
  });
});
