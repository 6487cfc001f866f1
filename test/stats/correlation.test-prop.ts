import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { correlation } from "../../src/index.js";

const valueArb = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }));
const pairsArb = fc.array(fc.tuple(valueArb, valueArb), { maxLength: 60 }).map((pairs) => [pairs.map((p) => p[0]), pairs.map((p) => p[1])] as const);
const methodArb = fc.constantFrom("pearson" as const, "spearman" as const);

describe("correlation properties", () => {
  test.prop([pairsArb, methodArb])("lies in [−1, 1] (or null) and is symmetric", ([xs, ys], method) => {
    const frozenX = Object.freeze([...xs]);
    const frozenY = Object.freeze([...ys]);
    const r = correlation(frozenX, frozenY, { method });
    expect(correlation(frozenY, frozenX, { method })).toBe(r);
    if (r === null) return;
    expect(r).toBeGreaterThanOrEqual(-1);
    expect(r).toBeLessThanOrEqual(1);
  });

  test.prop([pairsArb])("Spearman is unchanged by a strictly increasing transform of x", ([xs, ys]) => {
    const transformed = xs.map((x) => 2 * x + 7);
    // 2x + 7 is strictly increasing; in doubles it can merge two values that differ in the last bit, so only compare when it did not
    fc.pre(new Set(transformed).size === new Set(xs).size);
    expect(correlation(transformed, ys, { method: "spearman" })).toBe(correlation(xs, ys, { method: "spearman" }));
  });
});
