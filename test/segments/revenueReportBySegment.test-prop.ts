import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type ContractInput, type SegmentReport, revenueReportBySegment } from "../../src/index.js";
import { contractBookArb } from "../support/contractArbitraries.js";
import { expectClose, expectDecimal, exactSum } from "../support/decimals.js";

const labelled = fc.tuple(
  contractBookArb({ exactMrr: true }),
  fc.array(fc.constantFrom("A", "B", "C", undefined), { minLength: 14, maxLength: 14 }),
);

function withPlans([generated, plans]: [{ records: ContractInput[] }, (string | undefined)[]]): ContractInput[] {
  return generated.records.map((record, index) => (plans[index] === undefined ? { ...record } : { ...record, plan: plans[index]! }));
}

const sum = (segments: readonly SegmentReport[], pick: (s: SegmentReport) => Parameters<typeof exactSum>[0]) => exactSum(...segments.map(pick));

describe("revenueReportBySegment properties", () => {
  test.prop([labelled])("each segment's movement identity holds; segments add up to the whole exactly", (input) => {
    const records = withPlans(input as never);
    const result = revenueReportBySegment(records, input[0].period, { segment: "plan" });
    const { segments, total } = result;
    for (const { movements: m, rates } of segments) {
      const bridge = exactSum(m.newMrr, m.reactivationMrr, m.expansionMrr, m.enteringSegmentMrr).minus(m.contractionMrr).minus(m.churnedMrr).minus(m.leavingSegmentMrr);
      expectDecimal(m.netNewMrr, bridge);
      if (rates.grr !== null) {
        expect(rates.grr.gte(0) && rates.grr.lte(1)).toBe(true);
        expect(rates.grr.lte(rates.nrr!)).toBe(true);
      }
    }
    const whole = total.movements;
    expectDecimal(sum(segments, (s) => s.movements.startingMrr), whole.startingMrr);
    expectDecimal(sum(segments, (s) => s.movements.endingMrr), whole.endingMrr);
    expectDecimal(sum(segments, (s) => s.movements.newMrr), whole.newMrr);
    expectDecimal(sum(segments, (s) => s.movements.reactivationMrr), whole.reactivationMrr);
    expectDecimal(sum(segments, (s) => s.movements.churnedMrr), whole.churnedMrr);
    expectDecimal(
      sum(segments, (s) => s.movements.expansionMrr.minus(s.movements.contractionMrr).plus(s.movements.enteringSegmentMrr).minus(s.movements.leavingSegmentMrr)),
      whole.expansionMrr.minus(whole.contractionMrr),
    );
    // Lost revenue prorates by days of a month (x / 31): each total is rounded to 40 significant digits.
    expectClose(sum(segments, (s) => s.lostRevenue.total), total.lostRevenue.total);
    // Logo counts: a customer counts in each of its segments, so never fewer than the whole.
    expect(segments.reduce((n, s) => n + s.movements.startingCustomers, 0)).toBeGreaterThanOrEqual(whole.startingCustomers);
    expect(segments.reduce((n, s) => n + s.movements.churnedCustomers, 0)).toBeGreaterThanOrEqual(whole.churnedCustomers);
  });

  test.prop([contractBookArb({ exactMrr: true }), fc.func(fc.constantFrom("east", "west", undefined))])(
    "a customer attribute partitions: every movement and logo count adds up, nothing enters or leaves",
    ({ records, period }, region) => {
      const { segments, total } = revenueReportBySegment(records, period, { segment: (id) => region(id) });
      for (const s of segments) {
        expect(s.movements.enteringSegmentMrr.isZero() && s.movements.leavingSegmentMrr.isZero()).toBe(true);
      }
      const whole = total.movements;
      for (const key of ["startingMrr", "endingMrr", "newMrr", "reactivationMrr", "expansionMrr", "contractionMrr", "churnedMrr"] as const) {
        expectDecimal(sum(segments, (s) => s.movements[key]), whole[key]);
      }
      for (const key of ["startingCustomers", "endingCustomers", "newCustomers", "reactivatedCustomers", "expandedCustomers", "contractedCustomers", "churnedCustomers", "flatCustomers"] as const) {
        expect(segments.reduce((n, s) => n + s.movements[key], 0)).toBe(whole[key]);
      }
    },
  );

  test.prop([labelled, fc.integer()])("shuffled input gives identical output", (input, seed) => {
    const records = withPlans(input as never);
    const shuffled = fc.sample(fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }), { seed, numRuns: 1 })[0]!;
    expect(revenueReportBySegment(shuffled, input[0].period, { segment: "plan" })).toEqual(
      revenueReportBySegment(records, input[0].period, { segment: "plan" }),
    );
  });
});
