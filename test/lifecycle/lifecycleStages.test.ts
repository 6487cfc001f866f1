import { describe, expect, it } from "vitest";
import { type ContractInput, LIFECYCLE_STAGES, ValidationError, lifecycleStages, onboardingStatus, stageFlow } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { deepFreeze } from "../support/deepFreeze.js";

/**
 * TOWN's trial → onboarding, SmartHR's onboarding vs adoption, uSonar's up/cross-sell (onboarding = the
 * first 30 days from the first paid day, days 0 … 29):
 * - acme: 100 from 01-01, +50 add-on from 03-01 → MRR 150 > 100 on its first paid day: expansion.
 * - beta: paid from 03-20 → on 04-01 day 12 < 30: onboarding; on 03-10 not yet a customer (none).
 * - chiyoda: 01-01 → 03-01 → churned on both dates.
 * - daiichi: trial 03-25 → 04-08, never pays → trial on 04-01, none on 03-10 (not started).
 * - eiwa: trial 03-01 → 03-15, pays from 03-15 → trial on 03-10, onboarding on 04-01 (day 17).
 * - fuji: 200 until 03-01, then 150 → contraction is adoption (150 is not above 200).
 * - gamma: first contract 06-01 → no stage yet.
 * - iwate: paid 2024-01-01 → 2024-06-01, back from 2025-02-01 at the same 100 → adoption (first paid
 *   day in 2024, its 30 days long over).
 */
const contracts: ContractInput[] = [
  { id: "a1", customerId: "acme", start: "2025-01-01", amount: 100, currency: "USD" },
  { id: "a2", customerId: "acme", start: "2025-03-01", amount: 50, currency: "USD" },
  { id: "b", customerId: "beta", start: "2025-03-20", amount: 100, currency: "USD" },
  { id: "c", customerId: "chiyoda", start: "2025-01-01", end: "2025-03-01", amount: 80, currency: "USD" },
  { id: "e", customerId: "eiwa", start: "2025-03-15", amount: 60, currency: "USD" },
  { id: "f1", customerId: "fuji", start: "2025-01-01", end: "2025-03-01", amount: 200, currency: "USD" },
  { id: "f2", customerId: "fuji", start: "2025-03-01", amount: 150, currency: "USD" },
  { id: "g", customerId: "gamma", start: "2025-06-01", amount: 100, currency: "USD" },
  { id: "i1", customerId: "iwate", start: "2024-01-01", end: "2024-06-01", amount: 100, currency: "USD" },
  { id: "i2", customerId: "iwate", start: "2025-02-01", amount: 100, currency: "USD" },
];
const trials = [
  { customerId: "daiichi", start: "2025-03-25", end: "2025-04-08" },
  { customerId: "eiwa", start: "2025-03-01", end: "2025-03-15" },
];
const stageList = (result: ReturnType<typeof lifecycleStages>) => result.customers.map((c) => `${c.customerId} ${c.stage}`);

describe("lifecycleStages", () => {
  const april = lifecycleStages(contracts, { on: "2025-04-01", onboarding: 30, trials });
  const march = lifecycleStages(contracts, { on: "2025-03-10", onboarding: 30, trials });

  it("puts each customer in its stage on the date", () => {
    expect(stageList(april)).toEqual(["acme expansion", "beta onboarding", "chiyoda churned", "daiichi trial", "eiwa onboarding", "fuji adoption", "iwate adoption"]);
    expect(april.counts).toEqual({ trial: 1, onboarding: 2, adoption: 2, expansion: 1, churned: 1 });
    expect(stageList(march)).toEqual(["acme expansion", "chiyoda churned", "eiwa trial", "fuji adoption", "iwate adoption"]);
    expect(april.on).toBe("2025-04-01");
  });

  it("reads a customer's trials in order: the one covering the date counts", () => {
    const twoTrials = [{ customerId: "kobe", start: "2025-05-01", end: "2025-05-15" }, { customerId: "kobe", start: "2025-01-01", end: "2025-01-15" }];
    expect(stageList(lifecycleStages([], { on: "2025-05-10", trials: twoTrials }))).toEqual(["kobe trial"]);
    expect(stageList(lifecycleStages([], { on: "2025-03-10", trials: twoTrials }))).toEqual([]);
  });

  it("ends onboarding on day 30 (03-20 + 30 = 04-19), and a lapsed trial has no stage", () => {
    expect(stageList(lifecycleStages(contracts, { on: "2025-04-18", onboarding: 30, trials }))).toContain("beta onboarding");
    const later = lifecycleStages(contracts, { on: "2025-04-19", onboarding: 30, trials });
    expect(stageList(later)).toContain("beta adoption");
    expect(later.customers.some((c) => c.customerId === "daiichi")).toBe(false);
  });

  it("without onboarding or trials options, paying customers go straight to adoption or expansion", () => {
    expect(lifecycleStages(contracts, { on: "2025-04-01" }).counts).toEqual({ trial: 0, onboarding: 0, adoption: 4, expansion: 1, churned: 1 });
  });

  it("reads onboarding completion dates from an onboardingStatus result: unlisted or not yet complete is onboarding", () => {
    const status = { customers: [{ customerId: "beta", completedAt: "2025-03-25" }, { customerId: "eiwa", completedAt: null }, { customerId: "acme", completedAt: "2025-04-02" }] };
    // beta done 03-25 → adoption (100 = its first-day MRR); eiwa not done; acme done only after 04-01; fuji, iwate unlisted.
    expect(stageList(lifecycleStages(contracts, { on: "2025-04-01", onboarding: status, trials }))).toEqual([
      "acme onboarding", "beta adoption", "chiyoda churned", "daiichi trial", "eiwa onboarding", "fuji onboarding", "iwate onboarding",
    ]);
    // The real function's result is accepted as it is.
    const real = onboardingStatus(contracts, { events: [] }, { event: "setup", within: 30 }, { on: "2025-04-01" });
    expect(lifecycleStages(contracts, { on: "2025-04-01", onboarding: real }).counts.onboarding).toBe(5);
  });

  it("does not depend on input order and does not mutate its input", () => {
    const frozen = deepFreeze({ contracts: structuredClone(contracts), trials: structuredClone(trials) });
    expect(lifecycleStages([...frozen.contracts].reverse(), { on: "2025-04-01", onboarding: 30, trials: [...frozen.trials].reverse() })).toEqual(april);
  });

  it("names bad options", () => {
    const issues = (options: unknown) => (caught(() => lifecycleStages(contracts, options as never)) as ValidationError).issues.map((i) => `${i.path}: ${i.message}`);
    expect(caught(() => lifecycleStages(contracts, {} as never))).toBeInstanceOf(ValidationError);
    expect(issues({ on: "2025-02-30", onboarding: -1 })).toEqual(['options.on: must be a calendar date YYYY-MM-DD (got "2025-02-30")']);
    expect(issues({ on: "2025-02-01", onboarding: -1 })).toEqual(["options.onboarding: must be a whole number of days ≥ 0 or an onboardingStatus(…) result (got -1)"]);
    expect(issues({ on: "2025-02-01", onboarding: { customers: [{ customerId: "a", completedAt: "x" }, { customerId: "a", completedAt: null }] } })).toEqual([
      'options.onboarding.customers[0].completedAt: must be a calendar date YYYY-MM-DD (got "x")',
    ]);
    expect(issues({ on: "2025-02-01", onboarding: { customers: [{ customerId: "a", completedAt: null }, { customerId: "a", completedAt: null }] } })).toEqual([
      'options.onboarding.customers[1].customerId: duplicate customer "a"',
    ]);
    expect(issues({ on: "2025-02-01", onboarding: { customers: "x" } })).toEqual(['options.onboarding.customers: must be an array (got "x")']);
    expect(issues({ on: "2025-02-01", trials: [{ customerId: "a", start: "x", end: "2025-01-01" }] })).toEqual(['options.trials[0].start: must be a calendar date YYYY-MM-DD (got "x")']);
    expect(issues(null)).toEqual(["options: must be an options object { on, onboarding?, trials? } (got null)"]);
    expect(issues({ on: "2025-02-01", onboarding: { customers: [1] } })).toEqual([
      "options.onboarding.customers[0]: must be { customerId, completedAt } (got 1)",
    ]);
    expect(issues({ on: "2025-02-01", trail: [], extra: 1 })).toEqual(['options: unknown keys "trail", "extra"']);
  });
});

describe("stageFlow", () => {
  const march = lifecycleStages(contracts, { on: "2025-03-10", onboarding: 30, trials });
  const april = lifecycleStages(contracts, { on: "2025-04-01", onboarding: 30, trials });

  it("counts the moves between each pair of stages, none for customers without a stage", () => {
    // beta none→onboarding, daiichi none→trial, eiwa trial→onboarding; fuji and iwate stay in adoption,
    // acme in expansion, chiyoda churned: 3 moved, 4 stayed, 7 customers in either list.
    const flow = stageFlow(march, april);
    expect(flow.moves.map((m) => `${m.from}→${m.to} ${m.customers}`)).toEqual([
      "none→trial 1", "none→onboarding 1", "trial→onboarding 1", "adoption→adoption 2", "expansion→expansion 1", "churned→churned 1",
    ]);
    expect([flow.from, flow.to, flow.stayed, flow.moved]).toEqual(["2025-03-10", "2025-04-01", 4, 3]);
  });

  it("reads results saved as JSON, and the same date twice moves nobody", () => {
    const saved = JSON.parse(JSON.stringify(april)) as typeof april;
    const flow = stageFlow(saved, april);
    expect(flow.moved).toBe(0);
    expect(flow.moves.every((m) => m.from === m.to)).toBe(true);
    expect(LIFECYCLE_STAGES).toEqual(["trial", "onboarding", "adoption", "expansion", "churned"]);
  });

  it("names bad input", () => {
    const issues = (from: unknown, to: unknown) => (caught(() => stageFlow(from as never, to as never)) as ValidationError).issues.map((i) => `${i.path}: ${i.message}`);
    expect(issues(april, march)).toEqual(["to.on: must not be before from.on (2025-04-01) (got 2025-03-10)"]);
    expect(issues(null, { on: "2025-01-01", customers: [{ customerId: "a", stage: "lost" }, { customerId: "b", stage: "trial" }, { customerId: "b", stage: "trial" }] })).toMatchInlineSnapshot(`
      [
        "from: must be a lifecycleStages(…) result (got null)",
        "to.customers[0].stage: must be one of "trial", "onboarding", "adoption", "expansion", "churned"",
      ]
    `);
    expect(issues({ on: "2025-01-01", customers: [{ customerId: "b", stage: "trial" }, { customerId: "b", stage: "trial" }] }, { on: "2025-01-01", customers: [1] })).toEqual([
      'from.customers[1].customerId: duplicate customer "b"',
      "to.customers[0]: must be { customerId, stage } (got 1)",
    ]);
    expect(issues({ on: "2025-01-01", customers: {} }, { on: "2025-01-01", customers: [] })).toEqual(["from.customers: must be an array (got a value of type object)"]);
  });
});
