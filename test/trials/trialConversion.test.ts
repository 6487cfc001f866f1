import { describe, expect, it } from "vitest";
import { type ContractInput, type TrialInput, TrialSchema, ValidationError, month, trialConversion } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { deepFreeze } from "../support/deepFreeze.js";
import { expectDecimal } from "../support/decimals.js";

/**
 * April 2025, within 14 days (trial `end` = first day after the trial, Stripe's trial_end):
 * - acme: trial 04-01 → 04-15, pays from 04-15 → day 0;
 * - beta: trial 04-10 → 04-24, pays from 05-04 → 10 days;
 * - chiyoda: trial 04-20 → 05-04, pays from 05-19 → 15 days > 14: not converted;
 * - daiichi: trial 04-05 → 04-19, pays from 04-10 (during the trial) → day 0;
 * - eiwa: trial 04-28 → 05-12, a ¥0 line only: not converted;
 * - fuji: trial 03-20 → 04-03: started in March, not counted;
 * - gamma: trial 04-02 → 04-16, paid 2024 and cancelled before the trial: not converted.
 * 3 of 6 converted → rate 0.5; days [0, 0, 10] → median 0.
 */
const trials: TrialInput[] = [
  { customerId: "acme", start: "2025-04-01", end: "2025-04-15" },
  { customerId: "beta", start: "2025-04-10", end: "2025-04-24" },
  { customerId: "chiyoda", start: "2025-04-20", end: "2025-05-04" },
  { customerId: "daiichi", start: "2025-04-05", end: "2025-04-19" },
  { customerId: "eiwa", start: "2025-04-28", end: "2025-05-12" },
  { customerId: "fuji", start: "2025-03-20", end: "2025-04-03" },
  { customerId: "gamma", start: "2025-04-02", end: "2025-04-16" },
];
const contracts: ContractInput[] = [
  { id: "a", customerId: "acme", start: "2025-04-15", amount: 100, currency: "USD" },
  { id: "b", customerId: "beta", start: "2025-05-04", amount: 100, currency: "USD" },
  { id: "c", customerId: "chiyoda", start: "2025-05-19", amount: 100, currency: "USD" },
  { id: "d", customerId: "daiichi", start: "2025-04-10", amount: 100, currency: "USD" },
  { id: "e", customerId: "eiwa", start: "2025-05-01", amount: 0, currency: "USD" },
  { id: "f", customerId: "fuji", start: "2025-04-03", amount: 100, currency: "USD" },
  { id: "g", customerId: "gamma", start: "2024-01-01", end: "2024-06-01", amount: 100, currency: "USD" },
];

describe("trialConversion: worked example", () => {
  const result = trialConversion(trials, contracts, month("2025-04"), { within: 14 });

  it("counts the trials started in the period and their conversions", () => {
    expect([result.trials, result.converted, result.within]).toEqual([6, 3, 14]);
    expectDecimal(result.rate, "0.5");
    expectDecimal(result.medianDaysToConvert, 0);
    expect(result.rows.map((row) => [row.customerId, row.convertedOn, row.daysToConvert])).toEqual([
      ["acme", "2025-04-15", 0],
      ["gamma", null, null],
      ["daiichi", "2025-04-10", 0],
      ["beta", "2025-05-04", 10],
      ["chiyoda", null, null],
      ["eiwa", null, null],
    ]);
  });

  it("a longer window converts chiyoda: days [0, 0, 10, 15] → median (0 + 10) / 2 = 5", () => {
    const wider = trialConversion(trials, contracts, month("2025-04"), { within: 15 });
    expect(wider.converted).toBe(4);
    expectDecimal(wider.medianDaysToConvert, 5);
    expectDecimal(wider.rate, fraction4of6());
  });

  it("is null where no trial started or none converted", () => {
    const none = trialConversion(trials, contracts, month("2025-06"), { within: 14 });
    expect([none.trials, none.rate, none.medianDaysToConvert]).toEqual([0, null, null]);
    const lost = trialConversion([trials[4]!], contracts, month("2025-04"), { within: 14 });
    expect(lost.rate?.toString()).toBe("0");
    expect(lost.medianDaysToConvert).toBeNull();
  });
});

/** 4/6 as the library rounds it: 40 significant digits, half to even. */
function fraction4of6(): string {
  return `0.${"6".repeat(39)}7`;
}

describe("trialConversion: bad arguments", () => {
  it("names the trial and field", () => {
    const error = caught(() => trialConversion([{ customerId: "a", start: "2025-04-10", end: "2025-04-10" }, "x" as never, { customerId: "", start: "2025-13-01", end: "2025-04-01" }], contracts, month("2025-04"), { within: 1 }));
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(["trials[0].end", "trials[1]", "trials[2].customerId", "trials[2].start"]);
    expect((error as ValidationError).issues[0]!.message).toBe("must be after start (2025-04-10)");
    expect((caught(() => trialConversion("x" as never, contracts, month("2025-04"), { within: 1 })) as ValidationError).issues[0]!.path).toBe("trials");
  });

  it.each([undefined, -1, 1.5, "7", Number.NaN])("rejects within = %s", (within) => {
    const error = caught(() => trialConversion(trials, contracts, month("2025-04"), { within } as never));
    expect((error as ValidationError).issues[0]!.path).toBe("options.within");
  });

  it("TrialSchema takes Date inputs", () => {
    expect(TrialSchema.parse({ customerId: 7, start: new Date(Date.UTC(2025, 3, 1)), end: "2025-04-15" })).toEqual({ customerId: "7", start: "2025-04-01", end: "2025-04-15" });
  });

  it("does not mutate its inputs", () => {
    const frozenTrials = deepFreeze(trials.map((trial) => ({ ...trial })));
    const frozenContracts = deepFreeze(contracts.map((contract) => ({ ...contract })));
    expect(() => trialConversion(frozenTrials, frozenContracts, month("2025-04"), deepFreeze({ within: 14 }))).not.toThrow();
    expect(frozenTrials).toEqual(trials);
  });
});
