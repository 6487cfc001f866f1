import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { interventionEffect } from "../../src/index.js";
import { deepFreeze } from "../support/deepFreeze.js";

const dayText = (day: number) => new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);
const AT = 60; // 2025-03-02; windows of 30 days: before days 30–59, after days 60–89

/** Customers with 1–3 values in each window, integer values (exact in binary, so sums are exact too). */
const customerArb = fc.record({
  before: fc.array(fc.record({ day: fc.integer({ min: 30, max: 59 }), value: fc.integer({ min: -100, max: 100 }) }), { minLength: 1, maxLength: 3 }),
  after: fc.array(fc.record({ day: fc.integer({ min: 60, max: 89 }), value: fc.integer({ min: -100, max: 100 }) }), { minLength: 1, maxLength: 3 }),
});
const groupsArb = fc.record({
  treated: fc.array(customerArb, { minLength: 1, maxLength: 6 }),
  control: fc.array(customerArb, { minLength: 1, maxLength: 6 }),
});

interface Customer {
  readonly before: readonly { readonly day: number; readonly value: number }[];
  readonly after: readonly { readonly day: number; readonly value: number }[];
}
function records(prefix: string, customers: readonly Customer[], shift = 0) {
  return customers.flatMap((c, k) => [
    ...c.before.map((v) => ({ customerId: `${prefix}${k}`, date: dayText(v.day), value: v.value })),
    ...c.after.map((v) => ({ customerId: `${prefix}${k}`, date: dayText(v.day), value: v.value + shift })),
  ]);
}
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, k) => `${prefix}${k}`);
const OPTIONS = { at: dayText(AT), before: 30, after: 30, resamples: 200 } as const;

describe("interventionEffect properties", () => {
  test.prop([fc.array(customerArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: -50, max: 50 })])(
    "a constant shift of the treated (controls = the same customers unshifted) gives exactly that shift",
    (customers, shift) => {
      const values = [...records("t", customers, shift), ...records("c", customers)];
      const result = interventionEffect(deepFreeze(values), { ...OPTIONS, treated: ids("t", customers.length) });
      expect(result.effect).toBe(shift);
    },
  );

  test.prop([groupsArb, fc.integer({ min: 0, max: 2 ** 32 - 1 })])("the bootstrap interval is reproducible for a seed and contains the estimate", ({ treated, control }, seed) => {
    const values = [...records("t", treated), ...records("c", control)];
    const options = { ...OPTIONS, treated: ids("t", treated.length), seed };
    const first = interventionEffect(values, options);
    expect(interventionEffect(values, options)).toEqual(first);
    expect(first.interval!.lower).toBeLessThanOrEqual(first.effect!);
    expect(first.effect!).toBeLessThanOrEqual(first.interval!.upper);
  });

  test.prop([groupsArb, fc.integer({ min: 0, max: 1000 })])("the result does not depend on the order of the values", ({ treated, control }, seed) => {
    const values = [...records("t", treated), ...records("c", control)];
    const shuffled = values.map((v, k) => ({ v, key: (k * 7919 + seed) % 104729 })).sort((a, b) => a.key - b.key).map(({ v }) => v);
    const options = { ...OPTIONS, treated: ids("t", treated.length), seed };
    expect(interventionEffect(shuffled, options)).toEqual(interventionEffect(values, options));
  });
});
