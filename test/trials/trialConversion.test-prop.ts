import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { quarter, trialConversion } from "../../src/index.js";
import { contractBookArb, dateOfDay, dayOfDate } from "../support/contractArbitraries.js";

describe("trialConversion properties", () => {
  const customers = ["acme", "beta", "chiyoda", "daiichi", "eiwa", "fuji", "zeta"];
  const world = contractBookArb({ period: fc.constant(quarter(2025, 2)) }).chain((book) =>
    fc.tuple(
      fc.constant(book),
      fc.array(
        fc.record({ customerId: fc.constantFrom(...customers), start: fc.integer({ min: dayOfDate("2025-03-01"), max: dayOfDate("2025-08-01") }), length: fc.integer({ min: 1, max: 40 }) }),
        { maxLength: 12 },
      ),
      fc.integer({ min: 0, max: 60 }),
      fc.integer(),
    ),
  );

  test.prop([world])("rate ∈ [0, 1], a wider window never converts fewer, shuffled input gives identical output", ([{ records, period }, generated, within, seed]) => {
    const trialRecords = generated.map(({ customerId, start, length }) => ({ customerId, start: dateOfDay(start), end: dateOfDay(start + length) }));
    const result = trialConversion(trialRecords, records, period, { within });
    if (result.rate !== null) expect(result.rate.gte(0) && result.rate.lte(1)).toBe(true);
    expect(trialConversion(trialRecords, records, period, { within: within + 7 }).converted).toBeGreaterThanOrEqual(result.converted);
    for (const row of result.rows) if (row.daysToConvert !== null) expect(row.daysToConvert).toBeLessThanOrEqual(within);
    const shuffle = <T>(items: T[]): T[] => fc.sample(fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }), { seed, numRuns: 1 })[0]!;
    expect(trialConversion(shuffle(trialRecords), shuffle(records), period, { within })).toEqual(result);
  });
});
