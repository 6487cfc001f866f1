import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { LIFECYCLE_STAGES, lifecycleStages, quarter, stageFlow } from "../../src/index.js";
import { asInput, contractBookArb, dateOfDay, dayOfDate } from "../support/contractArbitraries.js";

describe("stageFlow properties", () => {
  const customers = ["acme", "beta", "chiyoda", "daiichi", "eiwa", "fuji", "zeta"];
  const world = contractBookArb({ period: fc.constant(quarter(2025, 2)) }).chain((book) =>
    fc.tuple(
      fc.constant(book),
      fc.array(fc.record({ customerId: fc.constantFrom(...customers), start: fc.integer({ min: dayOfDate("2025-01-01"), max: dayOfDate("2025-08-01") }), length: fc.integer({ min: 1, max: 40 }) }), { maxLength: 8 }),
      fc.integer({ min: dayOfDate("2024-06-01"), max: dayOfDate("2025-09-01") }),
      fc.integer({ min: 0, max: 200 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer(),
    ),
  );

  test.prop([world])("conserves customers, counts every stage, and ignores input order", ([{ records }, generated, fromDay, gap, onboarding, seed]) => {
    const trials = generated.map(({ customerId, start, length }) => ({ customerId, start: dateOfDay(start), end: dateOfDay(start + length) }));
    const contracts = asInput(records);
    const from = lifecycleStages(contracts, { on: dateOfDay(fromDay), onboarding, trials });
    const to = lifecycleStages(contracts, { on: dateOfDay(fromDay + gap), onboarding, trials });
    const flow = stageFlow(from, to);
    const union = new Set([...from.customers, ...to.customers].map((c) => c.customerId));
    expect(flow.moves.reduce((sum, move) => sum + move.customers, 0)).toBe(union.size);
    expect(flow.stayed + flow.moved).toBe(union.size);
    for (const stage of LIFECYCLE_STAGES) {
      expect(flow.moves.filter((m) => m.from === stage).reduce((sum, m) => sum + m.customers, 0)).toBe(from.counts[stage]);
      expect(flow.moves.filter((m) => m.to === stage).reduce((sum, m) => sum + m.customers, 0)).toBe(to.counts[stage]);
    }
    expect(Object.values(from.counts).reduce((a, b) => a + b, 0)).toBe(from.customers.length);
    const shuffle = <T>(items: T[]): T[] => fc.sample(fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }), { seed, numRuns: 1 })[0]!;
    expect(lifecycleStages(shuffle(contracts), { on: dateOfDay(fromDay), onboarding, trials: shuffle(trials) })).toEqual(from);
  });
});
