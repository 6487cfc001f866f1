/**
 * usageSnapshots on hand-built event sets: every figure below is counted by hand from the events
 * listed beside it (the arithmetic is in the comments), not taken from the code's own output.
 */
import { describe, expect, it } from "vitest";
import {
  type UsageEventInput,
  UsageSnapshotSchema,
  ValidationError,
  contractBook,
  scoreCustomers,
  usageSnapshots,
} from "../../src/index.js";
import { caught } from "../support/caught.js";
import { deepFreeze } from "../support/deepFreeze.js";

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Three users of acme over ten days (2025-06-01 … 06-10) and one of beta. */
const TEN_DAYS: UsageEventInput[] = [
  { customerId: "acme", userId: "ann", at: "2025-06-01" },
  { customerId: "acme", userId: "ann", at: "2025-06-10", feature: "export" },
  { customerId: "acme", userId: "bob", at: "2025-06-03", feature: "api" },
  { customerId: "acme", userId: "bob", at: "2025-06-05" },
  { customerId: "acme", userId: "cy", at: "2025-06-03", feature: "export", count: 4 },
  { customerId: "beta", userId: "dan", at: "2025-06-09", feature: "api" },
];

describe("usageSnapshots: worked examples", () => {
  it("3 users over 10 days: dau, wau, mau, provisioned users and features by hand", () => {
    const [acme, beta] = usageSnapshots(TEN_DAYS, { on: "2025-06-10", featuresAvailable: 5 });
    // On 06-10 acme: active that day = {ann} → dau 1.
    // 7-day window 06-04 … 06-10: ann (06-10), bob (06-05); cy's only day 06-03 is the 8th day back → wau 2.
    // 30-day window 05-12 … 06-10: ann, bob, cy → mau 3 = activeUsers; seen on or before 06-10: 3 users.
    // Features in the 30-day window: export (ann, cy), api (bob) → 2.
    expect(plain(acme)).toEqual({
      customerId: "acme", at: "2025-06-10", provisionedUsers: 3, activeUsers: 3, dau: 1, wau: 2, mau: 3,
      featuresUsed: 2, featuresAvailable: 5, lastContactAt: null, metrics: {},
    });
    // beta: dan on 06-09 only → dau 0 (not on 06-10), wau 1, mau 1, 1 user, 1 feature (api).
    expect(plain(beta)).toMatchObject({ customerId: "beta", dau: 0, wau: 1, mau: 1, provisionedUsers: 1, featuresUsed: 1 });
  });

  it("several dates: one snapshot per customer with an event on or before the date, customer then date order", () => {
    const snapshots = usageSnapshots(TEN_DAYS, { on: ["2025-06-10", "2025-06-04", "2025-06-04"] });
    // beta's first event is 06-09: no snapshot on 06-04. Duplicated dates count once.
    expect(snapshots.map((s) => [s.customerId, s.at])).toEqual([["acme", "2025-06-04"], ["acme", "2025-06-10"], ["beta", "2025-06-10"]]);
    // acme on 06-04: events after it (ann 06-10, bob 06-05) are ignored. Active on 06-04: nobody → dau 0.
    // 06-01 … 06-04 is inside both windows: ann (06-01), bob and cy (06-03) → wau 3, mau 3; features api, export → 2.
    expect(snapshots[0]).toMatchObject({ dau: 0, wau: 3, mau: 3, provisionedUsers: 3, featuresUsed: 2 });
  });

  it("window edges: day 7 in the week and day 8 out; day 30 in the month and day 31 out", () => {
    const [snapshot] = usageSnapshots(
      [
        { customerId: "c", userId: "d7", at: "2025-06-24" }, // 06-24 … 06-30 is 7 days: in wau
        { customerId: "c", userId: "d8", at: "2025-06-23" }, // 8th day back: out of wau, in mau
        { customerId: "c", userId: "d30", at: "2025-06-01", feature: "f30" }, // 06-01 … 06-30 is 30 days: in mau
        { customerId: "c", userId: "d31", at: "2025-05-31", feature: "f31" }, // 31st day back: out of mau, still provisioned
      ],
      { on: "2025-06-30" },
    );
    expect(snapshot).toMatchObject({ dau: 0, wau: 1, mau: 3, activeUsers: 3, provisionedUsers: 4, featuresUsed: 1 });
  });

  it("configurable windows: a 28-day month and a 1-day week", () => {
    const [snapshot] = usageSnapshots(
      [
        { customerId: "c", userId: "a", at: "2025-06-30" },
        { customerId: "c", userId: "b", at: "2025-06-29" },
        { customerId: "c", userId: "x", at: "2025-06-03", feature: "f" }, // 28 days back inclusive: 06-03 … 06-30
        { customerId: "c", userId: "y", at: "2025-06-02", feature: "g" }, // 29th day back: out of a 28-day window
      ],
      { on: "2025-06-30", windows: { wau: 1, mau: 28, features: 28 } },
    );
    // wau over 1 day = dau = {a}; mau over 06-03 … 06-30 = {a, b, x}; features = {f}.
    expect(snapshot).toMatchObject({ dau: 1, wau: 1, mau: 3, featuresUsed: 1, provisionedUsers: 4 });
  });

  it("licensed seats: Σ seats of the customer's lines active on the date, from a contract book", () => {
    const book = contractBook([
      { id: "1", customerId: "acme", start: "2025-01-01", end: "2025-06-08", amount: 100, currency: "USD", seats: 10 },
      { id: "2", customerId: "acme", start: "2025-06-01", amount: 50, currency: "USD", seats: 5 },
      { id: "3", customerId: "acme", start: "2025-06-01", amount: 9, currency: "USD" }, // no seats: not counted
      { id: "4", customerId: "beta", start: "2025-06-01", amount: 9, currency: "USD" },
    ]);
    const snapshots = usageSnapshots(TEN_DAYS, { on: ["2025-06-04", "2025-06-10"], licensedSeats: book });
    // acme 06-04: lines 1 and 2 active → 10 + 5 = 15; 06-10: line 1 ended on 06-08 → 5.
    // beta: its only line has no seats → left out.
    expect(snapshots.map((s) => s.licensedSeats)).toEqual([15, 5, undefined]);
    expect("licensedSeats" in snapshots[2]!).toBe(false);
    // The same from raw records, and from a map.
    expect(usageSnapshots(TEN_DAYS, { on: "2025-06-04", licensedSeats: [...book.contracts].map((c) => ({ ...c, amount: c.amount.toString() })) })[0]?.licensedSeats).toBe(15);
    expect(usageSnapshots(TEN_DAYS, { on: "2025-06-10", licensedSeats: new Map([["beta", 3]]) }).map((s) => s.licensedSeats)).toEqual([undefined, 3]);
    expect(usageSnapshots(TEN_DAYS, { on: "2025-06-10", licensedSeats: { acme: 20 } })[0]?.licensedSeats).toBe(20);
  });

  it("last contact: the latest contact on or before the date, null when none", () => {
    const contacts = [
      { customerId: "acme", at: "2025-06-05" },
      { customerId: "acme", at: "2025-06-02" },
      { customerId: "acme", at: "2025-06-12" }, // after both dates
      { customerId: "ghost", at: "2025-06-01" }, // no events: no snapshot
    ];
    const snapshots = usageSnapshots(TEN_DAYS, { on: ["2025-06-04", "2025-06-10"], contacts });
    expect(snapshots.map((s) => [s.customerId, s.at, s.lastContactAt])).toEqual([
      ["acme", "2025-06-04", "2025-06-02"],
      ["acme", "2025-06-10", "2025-06-05"],
      ["beta", "2025-06-10", null],
    ]);
  });

  it("featuresAvailable as a list: featuresUsed counts only the listed names; provisionedUsers from a map", () => {
    const [acme, beta] = usageSnapshots(TEN_DAYS, { on: "2025-06-10", featuresAvailable: ["export", "billing", "export"], provisionedUsers: { acme: 40 } });
    // Listed: export, billing → 2 available. acme used export and api: only export counts → 1.
    expect(acme).toMatchObject({ featuresUsed: 1, featuresAvailable: 2, provisionedUsers: 40 });
    // beta used api only (unlisted) → 0; not in the provisioned map → left out.
    expect(beta).toMatchObject({ featuresUsed: 0, featuresAvailable: 2 });
    expect("provisionedUsers" in beta!).toBe(false);
  });

  it("user ids are scoped to their customer, and integer ids read as text", () => {
    const snapshots = usageSnapshots(
      [
        { customerId: 1, userId: 7, at: "2025-06-10" },
        { customerId: 2, userId: 7, at: "2025-06-10" },
        { customerId: 1, userId: "7", at: "2025-06-09" },
      ],
      { on: "2025-06-10" },
    );
    // Customer "1": user "7" twice → 1 user; customer "2": its own user "7" → 1.
    expect(snapshots.map((s) => [s.customerId, s.mau])).toEqual([["1", 1], ["2", 1]]);
  });

  it("no events, or all after the date: no snapshots", () => {
    expect(usageSnapshots([], { on: "2025-06-10" })).toEqual([]);
    expect(usageSnapshots([{ customerId: "a", userId: "u", at: "2025-06-11" }], { on: "2025-06-10" })).toEqual([]);
  });
});

describe("usageSnapshots: time zones", () => {
  it("an event at 2025-03-31T16:00:00Z is 2025-04-01 in Asia/Tokyo (UTC+9: 01:00 the next day)", () => {
    const events = [{ customerId: "c", userId: "u", at: "2025-03-31T16:00:00Z" }];
    expect(usageSnapshots(events, { on: "2025-04-01", timeZone: "Asia/Tokyo" })[0]?.dau).toBe(1);
    // In UTC it is still 03-31: on 04-01 it is not a daily user.
    expect(usageSnapshots(events, { on: "2025-04-01", timeZone: "UTC" })[0]?.dau).toBe(0);
  });

  it("offsets and Los Angeles daylight time (UTC−7 from 2025-03-09)", () => {
    const snapshots = usageSnapshots(
      [
        { customerId: "c", userId: "a", at: "2025-04-01T03:00:00Z" }, // 2025-03-31 20:00 PDT
        { customerId: "c", userId: "b", at: "2025-04-01T09:00:00+09:00" }, // 2025-04-01 00:00Z → 2025-03-31 17:00 PDT
        { customerId: "c", userId: "c", at: "2025-04-01T07:00:00.5Z" }, // 2025-04-01 00:00:00.5 PDT
        { customerId: "c", userId: "d", at: new Date(Date.UTC(2025, 3, 1, 6, 59)) }, // 2025-03-31 23:59 PDT
      ],
      { on: "2025-03-31", timeZone: "America/Los_Angeles" },
    );
    // a, b and d fall on 03-31; c on 04-01 (after the date: ignored).
    expect(snapshots[0]).toMatchObject({ dau: 3, provisionedUsers: 3 });
  });

  it("a date-time without the timeZone option is an error naming the event", () => {
    const error = caught(() =>
      usageSnapshots([{ customerId: "c", userId: "u", at: "2025-04-01" }, { customerId: "c", userId: "u", at: "2025-03-31T16:00:00Z" }], { on: "2025-04-01" }),
    ) as ValidationError;
    expect(error.issues).toEqual([
      { path: "events[1].at", message: 'is a date-time (got "2025-03-31T16:00:00Z"): pass the timeZone option to read it as a calendar date' },
    ]);
  });

  it("a contact date-time is read in the same zone", () => {
    const [snapshot] = usageSnapshots([{ customerId: "c", userId: "u", at: "2025-04-01" }], {
      on: "2025-04-01",
      timeZone: "Asia/Tokyo",
      contacts: [{ customerId: "c", at: "2025-03-31T15:00:00Z" }], // 2025-04-01 00:00 JST
    });
    expect(snapshot?.lastContactAt).toBe("2025-04-01");
  });
});

describe("usageSnapshots: invalid input", () => {
  it("names the event and field: events[4].at, events[1].count, events[2].userId", () => {
    const events = [
      { customerId: "a", userId: "u", at: "2025-06-01" },
      { customerId: "a", userId: "u", at: "2025-06-01", count: 0 },
      { customerId: "a", at: "2025-06-01" },
      { customerId: "a", userId: "u", at: "2025-06-01", feature: "" },
      { customerId: "a", userId: "u", at: "2025-02-30" },
      "row",
    ];
    const error = caught(() => usageSnapshots(events as UsageEventInput[], { on: "2025-06-10" }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toMatchInlineSnapshot(`
      [
        {
          "message": "must be a whole number ≥ 1 (got 0)",
          "path": "events[1].count",
        },
        {
          "message": "must be a non-empty string or an integer (got nothing)",
          "path": "events[2].userId",
        },
        {
          "message": "must be a non-empty feature name (got "")",
          "path": "events[3].feature",
        },
        {
          "message": "must be a calendar date YYYY-MM-DD (got "2025-02-30")",
          "path": "events[4].at",
        },
        {
          "message": "must be a usage event object (got "row")",
          "path": "events[5]",
        },
      ]
    `);
  });

  it("checks its options", () => {
    const issues = (options: unknown, events: unknown = []): unknown =>
      (caught(() => usageSnapshots(events as UsageEventInput[], options as { on: string })) as ValidationError).issues;
    expect(issues({})).toEqual([{ path: "options.on", message: "is required: the snapshot date or dates" }]);
    expect(issues(null)).toEqual([{ path: "options", message: "must be an options object (got null)" }]);
    expect(issues({ on: [] })).toEqual([{ path: "options.on", message: "must be a date or a non-empty array of dates" }]);
    expect(issues({ on: ["2025-06-01", "2025-13-01"] })).toEqual([{ path: "options.on[1]", message: 'must be a calendar date YYYY-MM-DD (got "2025-13-01")' }]);
    expect(issues({ on: "2025-06-01", windows: { mau: 0, week: 7 } })).toEqual([
      { path: "options.windows.mau", message: "must be a whole number of days from 1 to 3660 (got 0)" },
      { path: "options.windows.week", message: "is not a window (expected wau, mau or features)" },
    ]);
    expect(issues({ on: "2025-06-01", windows: 7 })).toEqual([{ path: "options.windows", message: "must be an object of window lengths in days (got 7)" }]);
    expect(issues({ on: "2025-06-01", timeZone: "Mars/Olympus" })).toEqual([
      { path: "options.timeZone", message: 'must be an IANA time zone such as "Asia/Tokyo" (got "Mars/Olympus")' },
    ]);
    expect(issues({ on: "2025-06-01", featuresAvailable: -1 })).toEqual([
      { path: "options.featuresAvailable", message: "must be a finite number ≥ 0 or a list of feature names (got -1)" },
    ]);
    expect(issues({ on: "2025-06-01", featuresAvailable: ["a", 3] })).toEqual([
      { path: "options.featuresAvailable[1]", message: "must be a non-empty feature name (got 3)" },
    ]);
    expect(issues({ on: "2025-06-01", licensedSeats: { acme: "ten" } })).toEqual([{ path: "options.licensedSeats.acme", message: 'must be a finite number ≥ 0 (got "ten")' }]);
    expect(issues({ on: "2025-06-01", licensedSeats: 12 })).toEqual([{ path: "options.licensedSeats", message: "must be contract lines or seats per customer (got 12)" }]);
    expect(issues({ on: "2025-06-01", provisionedUsers: new Map<unknown, number>([[3, 1]]) })).toEqual([
      { path: 'options.provisionedUsers["3"]', message: "must be keyed by customer id text (got 3)" },
    ]);
    expect(issues({ on: "2025-06-01", provisionedUsers: 5 })).toEqual([{ path: "options.provisionedUsers", message: "must be user counts per customer id (got 5)" }]);
    expect(issues({ on: "2025-06-01", contacts: {} })).toEqual([{ path: "options.contacts", message: "must be an array of contact records (got a value of type object)" }]);
    expect(issues({ on: "2025-06-01", contacts: [{ customerId: "a", at: "2025-06-31" }] })).toEqual([
      { path: "options.contacts[0].at", message: 'must be a calendar date YYYY-MM-DD (got "2025-06-31")' },
    ]);
    expect(issues({ on: "2025-06-01" }, "events")).toEqual([{ path: "events", message: "must be an array of usage events" }]);
  });
});

describe("usageSnapshots: contracts", () => {
  it("does not mutate its inputs and returns the same for any event order", () => {
    const events = deepFreeze(plain(TEN_DAYS));
    const contacts = deepFreeze([{ customerId: "acme", at: "2025-06-02" }]);
    const options = deepFreeze({ on: ["2025-06-10", "2025-06-04"], contacts, featuresAvailable: ["export", "api"] });
    const first = usageSnapshots(events, options);
    expect(events).toEqual(plain(TEN_DAYS));
    expect(usageSnapshots([...events].reverse(), options)).toEqual(first);
  });

  it("every snapshot is already what UsageSnapshotSchema makes of it, and scoreCustomers reads them as they are", () => {
    const book = [
      { id: "1", customerId: "acme", start: "2025-01-01", amount: 100, currency: "USD", seats: 4 },
      { id: "2", customerId: "beta", start: "2025-01-01", amount: 100, currency: "USD", seats: 2 },
    ];
    const snapshots = usageSnapshots(TEN_DAYS, { on: "2025-06-10", licensedSeats: book, featuresAvailable: 4 });
    for (const snapshot of snapshots) expect(UsageSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    const scorecard = {
      measures: [
        { signal: "deploymentRate", weight: 1, scale: { type: "linear", worst: 0, best: 1 } },
        { signal: "featureAdoption", weight: 1, scale: { type: "linear", worst: 0, best: 1 } },
      ],
      bands: { good: 70, bad: 40 },
    } as const;
    const results = scoreCustomers(snapshots, scorecard, { asOf: "2025-06-10" });
    // acme: deployment 3 users / 4 seats = 0.75 → 75 points; adoption 2 / 4 features = 0.5 → 50; mean 62.5 → normal.
    // beta: deployment 1 / 2 = 0.5 → 50; adoption 1 / 4 = 0.25 → 25; mean 37.5 → bad.
    expect(results.map((r) => [r.customerId, r.score, r.band])).toEqual([["acme", 62.5, "normal"], ["beta", 37.5, "bad"]]);
  });
});
