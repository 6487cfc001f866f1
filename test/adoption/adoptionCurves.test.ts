import { describe, expect, it } from "vitest";
import { type ContractInput, type UsageSnapshotInput, ValidationError, adoptionCurves } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { deepFreeze } from "../support/deepFreeze.js";

/**
 * CX Value Lab's three customers, all paying from 2025-01-10, feature adoption = featuresUsed / 10,
 * target 60%, 6 months, read on 2025-07-31. Month k = [01-10 + (k − 1) months, 01-10 + k months):
 * m1 01-10…02-09, m2 02-10…03-09, m3 03-10…04-09, m4 04-10…05-09, m5 05-10…06-09, m6 06-10…07-09.
 * Snapshots on month ends fall in m1 (01-31) … m6 (06-30).
 * - quick-start uses many features from the start: 01-20 0.5 then 01-31 0.7 (the latest in m1 counts)
 *   → [0.7, 0.8, 0.8, 0.9, 0.9, 0.9], reached in month 1: early.
 * - month-three struggles until month three then takes off: [0.2, 0.3, 0.7, 0.8, 0.8, 0.9] (m3 has
 *   03-15 0.4 and 03-31 0.7 → 0.7): reached in month 3: late.
 * - slow-ramp: [0.1, 0.2, 0.3, 0.3, 0.4, 0.5] never reaches 0.6, and month 6 ended 07-09 ≤ 07-31:
 *   stalled — the churn-risk pattern.
 * - young pays from 2025-06-01: m1 (06-01…06-30) 0.3, m2 (07-01…07-31) no snapshot; month 6 ends
 *   11-30 > 07-31: ongoing.
 * Cohort 2025-01 mean per month: (0.7 + 0.2 + 0.1) / 3 = 1/3; (0.8 + 0.3 + 0.2) / 3 = 13/30;
 * (0.8 + 0.7 + 0.3) / 3 = 3/5; (0.9 + 0.8 + 0.3) / 3 = 2/3; (0.9 + 0.8 + 0.4) / 3 = 7/10;
 * (0.9 + 0.9 + 0.5) / 3 = 23/30.
 */
const contracts: ContractInput[] = [
  { id: "q", customerId: "quick-start", start: "2025-01-10", amount: 100, currency: "USD" },
  { id: "m", customerId: "month-three", start: "2025-01-10", amount: 100, currency: "USD" },
  { id: "s", customerId: "slow-ramp", start: "2025-01-10", amount: 100, currency: "USD" },
  { id: "y", customerId: "young", start: "2025-06-01", amount: 100, currency: "USD" },
  { id: "z", customerId: "zero", start: "2025-01-01", amount: 0, currency: "USD" },
];
const MONTH_ENDS = ["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31", "2025-06-30"];
const series = (customerId: string, used: number[]): UsageSnapshotInput[] =>
  used.map((featuresUsed, k) => ({ customerId, at: MONTH_ENDS[k]!, featuresUsed, featuresAvailable: 10, metrics: { reportsBuilt: featuresUsed * 2 } }));
const snapshots: UsageSnapshotInput[] = [
  ...series("quick-start", [7, 8, 8, 9, 9, 9]),
  { customerId: "quick-start", at: "2025-01-20", featuresUsed: 5, featuresAvailable: 10 },
  ...series("month-three", [2, 3, 7, 8, 8, 9]),
  { customerId: "month-three", at: "2025-03-15", featuresUsed: 4, featuresAvailable: 10 },
  ...series("slow-ramp", [1, 2, 3, 3, 4, 5]),
  { customerId: "young", at: "2025-06-30", featuresUsed: 3, featuresAvailable: 10 },
  { customerId: "no-contract", at: "2025-06-30", featuresUsed: 9, featuresAvailable: 10 },
  { customerId: "young", at: "2025-08-15", featuresUsed: 9, featuresAvailable: 10 },
];
const options = { measure: { signal: "featureAdoption" as const }, months: 6, target: 0.6, on: "2025-07-31" };

describe("adoptionCurves: CX Value Lab's three shapes", () => {
  const curves = adoptionCurves(snapshots, contracts, options);

  it("gives each customer's curve, the month it reached the target, and its shape", () => {
    expect(curves.customers.map((c) => [c.customerId, c.startedAt, c.cohort, c.values, c.reachedMonth, c.shape])).toEqual([
      ["month-three", "2025-01-10", "2025-01", [0.2, 0.3, 0.7, 0.8, 0.8, 0.9], 3, "late"],
      ["quick-start", "2025-01-10", "2025-01", [0.7, 0.8, 0.8, 0.9, 0.9, 0.9], 1, "early"],
      ["slow-ramp", "2025-01-10", "2025-01", [0.1, 0.2, 0.3, 0.3, 0.4, 0.5], null, "stalled"],
      ["young", "2025-06-01", "2025-06", [0.3, null, null, null, null, null], null, "ongoing"],
    ]);
    expect(curves.counts).toEqual({ early: 1, late: 1, stalled: 1, ongoing: 1, unobserved: 0 });
    expect([curves.measure, curves.months, curves.target, curves.earlyBy, curves.on]).toEqual(["featureAdoption", 6, 0.6, 1, "2025-07-31"]);
  });

  it("averages each start cohort month by month over the values it has", () => {
    expect(curves.cohorts).toEqual([
      { cohort: "2025-01", customers: 3, mean: [1 / 3, 13 / 30, 3 / 5, 2 / 3, 7 / 10, 23 / 30], observed: [3, 3, 3, 3, 3, 3] },
      { cohort: "2025-06", customers: 1, mean: [0.3, null, null, null, null, null], observed: [1, 0, 0, 0, 0, 0] },
    ]);
  });

  it("earlyBy moves the line between early and late; a metric works as a measure", () => {
    expect(adoptionCurves(snapshots, contracts, { ...options, earlyBy: 3 }).counts).toEqual({ early: 2, late: 0, stalled: 1, ongoing: 1, unobserved: 0 });
    // reportsBuilt = 2 × featuresUsed: ≥ 12 first at 6 features → quick-start month 1, month-three month 3, slow-ramp never.
    const reports = adoptionCurves(snapshots, contracts, { ...options, measure: { metric: "reportsBuilt" }, target: 12 });
    expect(reports.measure).toBe("metrics.reportsBuilt");
    expect(reports.customers.map((c) => c.reachedMonth)).toEqual([3, 1, null, null]);
    // young's only snapshot has no reportsBuilt: missing, not 0 — so nothing to judge: unobserved.
    expect(reports.customers[3]).toMatchObject({ values: [null, null, null, null, null, null], shape: "unobserved" });
  });

  it("defaults on to the latest snapshot (08-15: young's month 3 counts, 0.9 ≥ 0.6 → late)", () => {
    const { on, ...rest } = options;
    const latest = adoptionCurves(snapshots, contracts, rest);
    expect(latest.on).toBe("2025-08-15");
    expect(latest.customers[3]).toMatchObject({ values: [0.3, null, 0.9, null, null, null], reachedMonth: 3, shape: "late" });
    expect(on).toBe("2025-07-31");
    expect(adoptionCurves([], contracts, rest)).toMatchObject({ on: null, customers: [], cohorts: [] });
  });

  it("does not depend on input order and does not mutate its input", () => {
    const frozen = deepFreeze({ snapshots: structuredClone(snapshots), contracts: structuredClone(contracts) });
    expect(adoptionCurves([...frozen.snapshots].reverse(), [...frozen.contracts].reverse(), options)).toEqual(curves);
  });
});

describe("adoptionCurves validation", () => {
  const issues = (action: () => unknown) => (caught(action) as ValidationError).issues.map((i) => `${i.path}: ${i.message}`);

  it("names bad options", () => {
    expect(issues(() => adoptionCurves([], [], { measure: { signal: "nps" }, months: 121, target: Number.NaN, earlyBy: 0, on: "x" } as never))).toMatchInlineSnapshot(`
      [
        "options.measure.signal: must be one of "deploymentRate", "utilizationRate", "stickiness", "featureAdoption" (got "nps")",
        "options.months: must be at most 120",
        "options.target: must be a finite number (got NaN)",
        "options.earlyBy: must be a whole number ≥ 1 (got 0)",
        "options.on: must be a calendar date YYYY-MM-DD (got "x")",
      ]
    `);
    expect(issues(() => adoptionCurves([], [], { measure: { metric: "" }, months: 2, target: 1, earlyBy: 3 }))).toEqual(["options.measure.metric: must be a non-empty metrics key"]);
    expect(issues(() => adoptionCurves([], [], { measure: { metric: "a" }, months: 2, target: 1, earlyBy: 3 }))).toEqual(["options.earlyBy: must be at most months (2) (got 3)"]);
    expect(issues(() => adoptionCurves([], [], { measure: { signal: "stickiness", metric: "a" }, months: 2, target: 1 } as never))).toEqual(['options.measure: unknown key "metric"']);
    expect(issues(() => adoptionCurves([], [], undefined as never))).toEqual(["options: must be an options object { measure, months, target, earlyBy?, on? } (got nothing)"]);
  });

  it("names bad snapshots", () => {
    expect(issues(() => adoptionCurves([{ customerId: "a", at: "2025-01-01" }, { customerId: "a", at: "2025-01-01" }], [], { measure: { metric: "a" }, months: 1, target: 1 }))).toEqual([
      'snapshots[1].at: duplicate snapshot of customer "a" on 2025-01-01 (also snapshots[0])',
    ]);
  });
});
