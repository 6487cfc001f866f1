import { describe, expect, it } from "vitest";
import { type ContractInput, type UsageEventInput, ValidationError, onboardingStatus } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { deepFreeze } from "../support/deepFreeze.js";
import { expectDecimal } from "../support/decimals.js";

/**
 * uSonar's hand-off point: onboarding is complete when "the initial training has started and the
 * customer's people have learned every operation" (one feature-names criterion: training, import,
 * report, approval) OR "the product has been used for a set period" (5 active days within the first
 * 30 days) — combined with `any`. 45 days allowed; read on 2025-06-15 (end of day).
 *
 * - tokyo-mfg, paid from 04-01: training 04-02, import 04-03, report 04-07, approval 04-10 → every
 *   operation on 04-10 (day 9); its 5th active day is 04-20 → any = 04-10, 9 days.
 * - osaka-trade, from 04-10: active 04-11, 04-12, 04-15, 04-18, 04-25, never approval → the 5th active
 *   day 04-25 (day 15) completes it: 15 days.
 * - sendai-net, from 04-01: training 04-05, import 04-06, report 05-19, approval 05-20 → every operation
 *   on 05-20 (day 49 > 45: complete, but late); active days in the first 30: only 2.
 * - kobe-soft, from 04-15: training 04-10 was before its start (not counted); active 04-16, 04-20,
 *   05-10, 05-14 (day 29, the window's last day) and 05-15 (day 30, outside) → 4 < 5; 06-15 − 04-15 =
 *   61 ≥ 45 → overdue.
 * - nara-ink, from 05-01: active 05-02, 05-05, 05-06; 06-16 and 06-17 are after `on` (not seen);
 *   06-15 − 05-01 = 45 ≥ 45 → overdue (its last allowed day, 06-15, is over).
 * - kyoto-print, from 05-10: no usage, 36 days < 45 → inProgress.
 *
 * Cohort 2025-04: 4 customers, all judged (start + 45 ≤ 06-15); within 45 days: tokyo, osaka → 2/4 =
 * 0.5; days to complete [9, 15, 49] → median 15. Cohort 2025-05: nara judged (05-01 + 45 = 06-15),
 * kyoto not (05-10 + 45 = 06-24) → 0/1 = 0; nobody complete → median null.
 */
const contracts: ContractInput[] = [
  { id: "t", customerId: "tokyo-mfg", start: "2025-04-01", amount: 100000, currency: "JPY" },
  { id: "o", customerId: "osaka-trade", start: "2025-04-10", amount: 80000, currency: "JPY" },
  { id: "s", customerId: "sendai-net", start: "2025-04-01", amount: 50000, currency: "JPY" },
  { id: "k", customerId: "kobe-soft", start: "2025-04-15", amount: 60000, currency: "JPY" },
  { id: "n", customerId: "nara-ink", start: "2025-05-01", amount: 30000, currency: "JPY" },
  { id: "y", customerId: "kyoto-print", start: "2025-05-10", amount: 30000, currency: "JPY" },
  { id: "f", customerId: "future-co", start: "2025-07-01", amount: 30000, currency: "JPY" },
];
const ev = (customerId: string, at: string, feature?: string): UsageEventInput => ({ customerId, userId: 1, at, ...(feature === undefined ? {} : { feature }) });
const events: UsageEventInput[] = [
  ev("tokyo-mfg", "2025-04-02", "training"), ev("tokyo-mfg", "2025-04-03", "import"), ev("tokyo-mfg", "2025-04-07", "report"),
  ev("tokyo-mfg", "2025-04-10", "approval"), ev("tokyo-mfg", "2025-04-20"),
  ev("osaka-trade", "2025-04-11", "training"), ev("osaka-trade", "2025-04-12", "import"), ev("osaka-trade", "2025-04-15", "report"),
  ev("osaka-trade", "2025-04-18"), ev("osaka-trade", "2025-04-25"), ev("osaka-trade", "2025-04-25", "import"),
  ev("sendai-net", "2025-04-05", "training"), ev("sendai-net", "2025-04-06", "import"), ev("sendai-net", "2025-05-19", "report"), ev("sendai-net", "2025-05-20", "approval"),
  ev("kobe-soft", "2025-04-10", "training"), ev("kobe-soft", "2025-04-16"), ev("kobe-soft", "2025-04-20"), ev("kobe-soft", "2025-05-10"),
  ev("kobe-soft", "2025-05-14"), ev("kobe-soft", "2025-05-15"),
  ev("nara-ink", "2025-05-02", "training"), ev("nara-ink", "2025-05-05"), ev("nara-ink", "2025-05-06"), ev("nara-ink", "2025-06-16"), ev("nara-ink", "2025-06-17"),
];
const criteria = { features: ["training", "import", "report", "approval"], activeDays: { atLeast: 5, within: 30 }, combine: "any" as const, within: 45 };

describe("onboardingStatus: uSonar's two criteria, combined with any", () => {
  const result = onboardingStatus(contracts, { events }, criteria, { on: "2025-06-15" });

  it("gives each customer's completion day, days to complete and status", () => {
    expect(result.customers.map((c) => [c.customerId, c.startedAt, c.completedAt, c.daysToComplete, c.status])).toEqual([
      ["kobe-soft", "2025-04-15", null, null, "overdue"],
      ["kyoto-print", "2025-05-10", null, null, "inProgress"],
      ["nara-ink", "2025-05-01", null, null, "overdue"],
      ["osaka-trade", "2025-04-10", "2025-04-25", 15, "complete"],
      ["sendai-net", "2025-04-01", "2025-05-20", 49, "complete"],
      ["tokyo-mfg", "2025-04-01", "2025-04-10", 9, "complete"],
    ]);
    expect(result.counts).toEqual({ complete: 3, inProgress: 1, overdue: 2 });
    expect(result.on).toBe("2025-06-15");
    expect(result.within).toBe(45);
    expect(result.from).toBe("firstPaidDay");
  });

  it("aggregates per start cohort: share complete within 45 days of the judged, median days", () => {
    const [april, may] = result.cohorts;
    expect(april).toMatchObject({ cohort: "2025-04", customers: 4, complete: 3, judged: 4, completeWithin: 2 });
    expectDecimal(april!.shareCompleteWithin!, "0.5");
    expectDecimal(april!.medianDaysToComplete!, "15");
    expect(may).toMatchObject({ cohort: "2025-05", customers: 2, complete: 0, judged: 1, completeWithin: 0, medianDaysToComplete: null });
    expectDecimal(may!.shareCompleteWithin!, "0");
  });

  it("with all instead of any, both criteria must hold: the later day counts", () => {
    // tokyo-mfg: operations 04-10, 5th active day 04-20 → 04-20 (19 days); osaka never learns approval.
    const all = onboardingStatus(contracts, { events }, { ...criteria, combine: "all" }, { on: "2025-06-15" });
    expect(all.customers.filter((c) => c.status === "complete").map((c) => [c.customerId, c.completedAt, c.daysToComplete])).toEqual([["tokyo-mfg", "2025-04-20", 19]]);
  });

  it("a milestone event alone, and a count of distinct features", () => {
    // training: tokyo 04-02 (1 day), osaka 04-11 (1), sendai 04-05 (4), nara 05-02 (1); kobe's was before its start.
    const training = onboardingStatus(contracts, { events }, { event: "training", within: 7 }, { on: "2025-06-15" });
    expect(training.customers.map((c) => c.daysToComplete)).toEqual([null, null, 1, 1, 4, 1]);
    // 3 distinct features: tokyo report 04-07 (6), osaka report 04-15 (5), sendai report 05-19 (48).
    const three = onboardingStatus(contracts, { events }, { features: { atLeast: 3 }, within: 30 }, { on: "2025-06-15" });
    expect(three.customers.map((c) => c.daysToComplete)).toEqual([null, null, null, 5, 48, 6]);
  });

  it("is the same whatever the order of contracts and events, and does not mutate them", () => {
    const frozen = deepFreeze({ contracts: [...contracts], events: [...events], criteria: structuredClone(criteria) });
    const again = onboardingStatus([...frozen.contracts].reverse(), { events: [...frozen.events].reverse() }, frozen.criteria, { on: "2025-06-15" });
    expect(again).toEqual(result);
  });
});

describe("onboardingStatus from snapshots and from trial starts", () => {
  it("reads active days from activeUsers > 0, features from featuresUsed, a milestone from metrics > 0 (SmartHR's first step of a feature)", () => {
    const snapshots = [
      { customerId: "a", at: "2025-04-05", activeUsers: 0, featuresUsed: 1 },
      { customerId: "a", at: "2025-04-12", activeUsers: 4, featuresUsed: 3, metrics: { firstWorkflow: 0 } },
      { customerId: "a", at: "2025-04-19", activeUsers: 6, featuresUsed: 5, metrics: { firstWorkflow: 1 } },
      { customerId: "b", at: "2025-04-12", activeUsers: 2 },
    ];
    const paid: ContractInput[] = [
      { id: "a", customerId: "a", start: "2025-04-01", amount: 10, currency: "USD" },
      { id: "b", customerId: "b", start: "2025-04-01", amount: 10, currency: "USD" },
    ];
    // a: active snapshots 04-12, 04-19 → 2 active days on 04-19 (18 days); b: one active day only.
    const active = onboardingStatus(paid, { snapshots }, { activeDays: { atLeast: 2 }, within: 30 }, { on: "2025-05-31" });
    expect(active.customers.map((c) => [c.customerId, c.daysToComplete, c.status])).toEqual([["a", 18, "complete"], ["b", null, "overdue"]]);
    // featuresUsed ≥ 3 first on 04-12 (11 days); firstWorkflow > 0 first on 04-19 (18 days).
    expect(onboardingStatus(paid, { snapshots }, { features: { atLeast: 3 }, within: 30 }, { on: "2025-05-31" }).customers[0]!.daysToComplete).toBe(11);
    expect(onboardingStatus(paid, { snapshots }, { event: "firstWorkflow", within: 30 }, { on: "2025-05-31" }).customers[0]!.daysToComplete).toBe(18);
  });

  it("from trial starts: the first trial's start (a trial after paying leaves the paid day), else the first paid day", () => {
    const paid: ContractInput[] = [
      { id: "1", customerId: "acme", start: "2025-04-15", amount: 10, currency: "USD" },
      { id: "2", customerId: "beta", start: "2025-03-01", amount: 10, currency: "USD" },
      { id: "3", customerId: "chiyoda", start: "2025-03-01", amount: 10, currency: "USD" },
    ];
    const trials = [
      { customerId: "acme", start: "2025-04-01", end: "2025-04-15" },
      { customerId: "beta", start: "2025-04-01", end: "2025-04-15" },
      { customerId: "daiichi", start: "2025-05-01", end: "2025-05-15" },
    ];
    const result = onboardingStatus(paid, { events: [{ customerId: "acme", userId: 1, at: "2025-04-03", feature: "setup" }] }, { event: "setup", within: 14 }, { on: "2025-05-10", from: "trialStart", trials });
    expect(result.customers.map((c) => [c.customerId, c.startedAt, c.daysToComplete, c.status])).toEqual([
      ["acme", "2025-04-01", 2, "complete"],
      ["beta", "2025-03-01", null, "overdue"],
      ["chiyoda", "2025-03-01", null, "overdue"],
      ["daiichi", "2025-05-01", null, "inProgress"],
    ]);
    expect(result.from).toBe("trialStart");
  });

  it("with no customer, no rows and no cohorts", () => {
    expect(onboardingStatus([], { events: [] }, { event: "x", within: 1 }, { on: "2025-01-01" })).toMatchObject({ customers: [], cohorts: [], counts: { complete: 0, inProgress: 0, overdue: 0 } });
  });
});

describe("onboardingStatus validation", () => {
  const paid: ContractInput[] = [{ id: "1", customerId: "acme", start: "2025-04-01", amount: 10, currency: "USD" }];
  const messages = (action: () => unknown) => {
    const error = caught(action);
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((issue) => `${issue.path}: ${issue.message}`);
  };

  it("names every bad criterion and option", () => {
    expect(messages(() => onboardingStatus(paid, { events: [] }, { activeDays: { atLeast: 0 }, features: [], within: -1, combine: "some" } as never, { on: "x", from: "signup", extra: 1 } as never))).toMatchInlineSnapshot(`
      [
        "criteria.activeDays.atLeast: must be a whole number ≥ 1 (got 0)",
        "criteria.features: must name at least one feature",
        "criteria.combine: must be "all" or "any"",
        "criteria.within: must be a whole number of days ≥ 0 (got -1)",
      ]
    `);
    expect(messages(() => onboardingStatus(paid, { events: [] }, { within: 3 }, { on: "x", from: "signup", extra: 1 } as never))).toMatchInlineSnapshot(`
      [
        "criteria: must set at least one of activeDays, features or event",
      ]
    `);
    expect(messages(() => onboardingStatus(paid, { events: [] }, { event: "", features: { atLeast: 1.5 }, within: 3 }, { on: "2025-01-01" }))).toMatchInlineSnapshot(`
      [
        "criteria.features: must be { atLeast } or an array of feature names (got a value of type object)",
        "criteria.event: must be a non-empty name (got "")",
      ]
    `);
    expect(messages(() => onboardingStatus(paid, { events: [] }, null as never, { on: "2025-01-01" }))).toEqual(["criteria: must be an onboarding criteria object (got null)"]);
    expect(messages(() => onboardingStatus(paid, { events: [] }, { event: "x", within: 3 }, { on: "x", from: "signup", extra: 1 } as never))).toMatchInlineSnapshot(`
      [
        "options.on: must be a calendar date YYYY-MM-DD (got "x")",
        "options.from: must be "firstPaidDay" or "trialStart"",
        "options: unknown key "extra"",
      ]
    `);
    expect(messages(() => onboardingStatus(paid, { events: [] }, { event: "x", within: 3 }, { on: "2025-01-01", from: "trialStart" }))).toEqual(['options.trials: is required with from: "trialStart"']);
    expect(messages(() => onboardingStatus(paid, { events: [] }, { event: "x", within: 3 }, { on: "2025-01-01", from: "trialStart", trials: [{ customerId: "a", start: "2025-01-05", end: "2025-01-01" }] }))).toEqual([
      "options.trials[0].end: must be after start (2025-01-05)",
    ]);
    expect(messages(() => onboardingStatus(paid, { events: [] }, { event: "x", within: 3 }, { on: "2025-01-01", timeZone: "Mars/Olympus" }))).toEqual([
      'options.timeZone: must be an IANA time zone such as "Asia/Tokyo" (got "Mars/Olympus")',
    ]);
  });

  it("names bad usage records, and refuses feature names with snapshots", () => {
    expect(messages(() => onboardingStatus(paid, [] as never, { event: "x", within: 3 }, { on: "2025-01-01" }))).toEqual(["usage: must be { events: [...] } or { snapshots: [...] } (got an array)"]);
    expect(messages(() => onboardingStatus(paid, { events: [], snapshots: [] } as never, { event: "x", within: 3 }, { on: "2025-01-01" }))).toHaveLength(1);
    expect(messages(() => onboardingStatus(paid, { events: "x" } as never, { event: "x", within: 3 }, { on: "2025-01-01" }))).toEqual(['usage.events: must be an array of usage events (got "x")']);
    expect(messages(() => onboardingStatus(paid, { events: [{ customerId: "a", userId: 1, at: "2025-13-01" }] }, { event: "x", within: 3 }, { on: "2025-01-01" }))).toEqual([
      'usage.events[0].at: must be a calendar date YYYY-MM-DD (got "2025-13-01")',
    ]);
    expect(messages(() => onboardingStatus(paid, { snapshots: [{ customerId: "a", at: "2025-01-01", activeUsers: -1 }] }, { event: "x", within: 3 }, { on: "2025-01-01" }))).toEqual([
      "usage.snapshots[0].activeUsers: must be a finite number ≥ 0 (got -1)",
    ]);
    expect(messages(() => onboardingStatus(paid, { snapshots: [] }, { features: ["export"], within: 3 }, { on: "2025-01-01" }))).toEqual([
      "criteria.features: feature names need usage events: snapshots carry only a count of features (use { atLeast })",
    ]);
  });

  it("reads events' date-times in the time zone given", () => {
    // 2025-04-01T15:30Z is 04-02 in Tokyo: one day after the start.
    const result = onboardingStatus(paid, { events: [{ customerId: "acme", userId: 1, at: "2025-04-01T15:30:00Z", feature: "setup" }] }, { event: "setup", within: 3 }, { on: "2025-04-30", timeZone: "Asia/Tokyo" });
    expect(result.customers[0]!.daysToComplete).toBe(1);
  });
});
