import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { adoptionCurves, onboardingStatus, quarter } from "../../src/index.js";
import { asInput, contractBookArb, dateOfDay, dayOfDate } from "../support/contractArbitraries.js";

const CUSTOMERS = ["acme", "beta", "chiyoda", "daiichi", "eiwa", "fuji"];
const FEATURES = ["training", "import", "report", "approval"];
const dayArb = fc.integer({ min: dayOfDate("2025-01-01"), max: dayOfDate("2025-09-30") });

describe("CS loop properties", () => {
  const world = contractBookArb({ period: fc.constant(quarter(2025, 2)) }).chain((book) =>
    fc.tuple(
      fc.constant(book),
      fc.array(fc.record({ customerId: fc.constantFrom(...CUSTOMERS), day: dayArb, feature: fc.option(fc.constantFrom(...FEATURES), { nil: undefined }) }), { maxLength: 30 }),
      fc.record({ atLeast: fc.integer({ min: 1, max: 5 }), within: fc.integer({ min: 1, max: 60 }), features: fc.integer({ min: 1, max: 4 }), combine: fc.constantFrom("all" as const, "any" as const), allowed: fc.integer({ min: 0, max: 90 }) }),
      dayArb,
      fc.integer(),
    ),
  );

  test.prop([world])("onboardingStatus: order of contracts and events never matters; statuses and cohort counts add up; a later `on` never un-completes", ([{ records }, generated, c, onDay, seed]) => {
    const contracts = asInput(records);
    const events = generated.map(({ customerId, day, feature }) => ({ customerId, userId: 1, at: dateOfDay(day), ...(feature === undefined ? {} : { feature }) }));
    const criteria = { activeDays: { atLeast: c.atLeast, within: c.within }, features: { atLeast: c.features }, combine: c.combine, within: c.allowed };
    const result = onboardingStatus(contracts, { events }, criteria, { on: dateOfDay(onDay) });
    const shuffle = <T>(items: T[]): T[] => fc.sample(fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }), { seed, numRuns: 1 })[0]!;
    expect(onboardingStatus(shuffle(contracts), { events: shuffle(events) }, criteria, { on: dateOfDay(onDay) })).toEqual(result);
    expect(result.counts.complete + result.counts.inProgress + result.counts.overdue).toBe(result.customers.length);
    expect(result.cohorts.reduce((sum, cohort) => sum + cohort.customers, 0)).toBe(result.customers.length);
    for (const cohort of result.cohorts) expect(cohort.completeWithin).toBeLessThanOrEqual(Math.min(cohort.judged, cohort.complete));
    const later = onboardingStatus(contracts, { events }, criteria, { on: dateOfDay(onDay + 30) });
    for (const row of result.customers) {
      if (row.completedAt !== null) expect(later.customers.find((other) => other.customerId === row.customerId)?.completedAt).toBe(row.completedAt);
      if (row.daysToComplete !== null) expect(row.daysToComplete).toBeGreaterThanOrEqual(0);
    }
  });

  const snapshotWorld = contractBookArb({ period: fc.constant(quarter(2025, 2)) }).chain((book) =>
    fc.tuple(
      fc.constant(book),
      fc.uniqueArray(fc.record({ customerId: fc.constantFrom(...CUSTOMERS), day: dayArb, used: fc.integer({ min: 0, max: 10 }) }), { maxLength: 30, selector: (s) => `${s.customerId}/${s.day}` }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer(),
    ),
  );

  test.prop([snapshotWorld])("adoptionCurves: order never matters, shapes add up, values sit in the target's order", ([{ records }, generated, months, seed]) => {
    const contracts = asInput(records);
    const snapshots = generated.map(({ customerId, day, used }) => ({ customerId, at: dateOfDay(day), featuresUsed: used, featuresAvailable: 10 }));
    const options = { measure: { signal: "featureAdoption" as const }, months, target: 0.5 };
    const result = adoptionCurves(snapshots, contracts, options);
    const shuffle = <T>(items: T[]): T[] => fc.sample(fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }), { seed, numRuns: 1 })[0]!;
    expect(adoptionCurves(shuffle(snapshots), shuffle(contracts), options)).toEqual(result);
    expect(Object.values(result.counts).reduce((a, b) => a + b, 0)).toBe(result.customers.length);
    for (const curve of result.customers) {
      expect(curve.values).toHaveLength(months);
      if (curve.reachedMonth !== null) {
        expect(curve.values[curve.reachedMonth - 1]).toBeGreaterThanOrEqual(0.5);
        for (const value of curve.values.slice(0, curve.reachedMonth - 1)) if (value !== null) expect(value).toBeLessThan(0.5);
      }
    }
  });
});
