import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PackedUsage, mergePackedUsage, packUsage } from "../../src/usage/packedUsage.js";
import type { UserState } from "../../src/usage/userActivity.js";

/** The maps of a packed fold: merged into empty ones. */
function unpacked(packed: PackedUsage): Map<string, Map<string, UserState>> {
  const customers = new Map<string, Map<string, UserState>>();
  mergePackedUsage(customers, packed);
  return customers;
}
import { startUsage } from "../../src/usage/usageSnapshots.js";

const event = fc.record({
  customerId: fc.constantFrom("acme", "beta", "gamma"),
  userId: fc.constantFrom("ann", "bob", "cy"),
  at: fc.constantFrom("1969-12-25", "2025-05-01", "2025-05-30", "2025-06-15", "2025-06-30"),
  feature: fc.option(fc.constantFrom("export", "alerts"), { nil: undefined }),
  count: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
});

describe("packUsage / mergePackedUsage", () => {
  it("give back the fold's maps exactly, for any events and dates (days before 1970 too)", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), fc.subarray(["1970-01-01", "2025-05-31", "2025-06-10", "2025-06-30"], { minLength: 1 }), (events, on) => {
        const { state } = startUsage({ on, windows: { wau: 7, mau: 30, features: 14 } });
        for (const item of events) state.add(item);
        const packed = packUsage(state.customers, on.length);
        expect(unpacked(structuredClone(packed))).toEqual(state.customers);
      }),
    );
  });

  it("packs a user without activity in any window as NaN days", () => {
    const { state } = startUsage({ on: "2025-06-30" });
    state.add({ customerId: "acme", userId: "ann", at: "2025-01-01" });
    const packed = packUsage(state.customers, 1);
    expect(packed.first).toEqual(Float64Array.of(20089)); // 2025-01-01: 55 years × 365 + 14 leap days = 20,089
    expect(Number.isNaN(packed.seen[0])).toBe(true);
    expect(unpacked(packed).get("acme")?.get("ann")).toEqual({ first: 20089, seen: [], features: new Map() });
  });
});
