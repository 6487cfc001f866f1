import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { UsageSnapshotSchema } from "../../src/index.js";
import { fastUsageSnapshot } from "../../src/schemas/usageSnapshot.js";
import { runs } from "../hardening/support/runs.js";

const anyValue = fc.oneof(
  fc.integer({ min: -5, max: 500 }),
  fc.double({ noDefaultInfinity: false }),
  fc.constantFrom("2025-06-30", "2024-02-29", "2025-02-29", "", "acme", "0000-01-01", "2025-6-1"),
  fc.constantFrom(null, undefined, true, Number.NaN, -0),
  fc.constant(new Date(Date.UTC(2025, 5, 30, 23, 59))),
  fc.constant([1]),
);
const metricsValue = fc.oneof(
  fc.dictionary(fc.constantFrom("openTickets", "nps", "__proto__", "toString"), fc.oneof(fc.integer(), fc.double(), fc.constant(null)), { maxKeys: 3 }),
  anyValue,
);
const fields = ["customerId", "at", "licensedSeats", "provisionedUsers", "activeUsers", "dau", "wau", "mau", "featuresUsed", "featuresAvailable", "lastContactAt", "extra"];
const inputArb = fc.oneof(
  fc.record(Object.fromEntries([...fields.map((field) => [field, anyValue]), ["metrics", metricsValue]]), { requiredKeys: [] }),
  fc.record({ customerId: fc.constantFrom("a", 7), at: fc.constantFrom("2025-06-30", "2024-02-29"), activeUsers: fc.nat(), metrics: metricsValue }),
  // a valid snapshot with exactly one field replaced: each of the fast path's checks on its own
  // (a negative count, an array of metrics…), which the all-random records above rarely isolate
  fc
    .tuple(fc.constantFrom(...fields, "metrics"), fc.oneof(anyValue, metricsValue, fc.constantFrom(-1, -0.5, Number.NEGATIVE_INFINITY, "3", [2], Object.create(null) as object)))
    .map(([field, value]) => ({ customerId: "a", at: "2025-06-30", licensedSeats: 10, activeUsers: 3, metrics: { nps: 1 }, [field]: value })),
  anyValue,
);

describe("fastUsageSnapshot", () => {
  test.prop([inputArb], { numRuns: runs(2000) })("returns exactly what UsageSnapshotSchema returns, or null", (input) => {
    const fast = fastUsageSnapshot(input);
    const parsed = UsageSnapshotSchema.safeParse(input);
    if (fast === null) return;
    expect(parsed.success).toBe(true);
    expect(fast).toStrictEqual(parsed.data);
    expect(Object.keys(fast.metrics)).toEqual(Object.keys(parsed.data!.metrics));
    expect(Object.getPrototypeOf(fast.metrics)).toBe(null);
  });

  test.prop([fc.record({ customerId: fc.constantFrom("a", 7), at: fc.constantFrom("2025-06-30", "2024-02-29"), activeUsers: fc.nat() })])(
    "takes the fast path for plain valid snapshots",
    (input) => {
      expect(fastUsageSnapshot(input)).not.toBeNull();
    },
  );
});

describe("fastUsageSnapshot: a count given as undefined", () => {
  it("keeps the key, as UsageSnapshotSchema does", () => {
    const input = { customerId: "a", at: "2025-06-30", dau: undefined, mau: 5 };
    const fast = fastUsageSnapshot(input);
    expect(fast).toStrictEqual(UsageSnapshotSchema.parse(input));
    expect(Object.keys(fast!)).toContain("dau");
    // absent stays absent
    expect(Object.keys(fastUsageSnapshot({ customerId: "a", at: "2025-06-30" })!)).not.toContain("dau");
  });
});
