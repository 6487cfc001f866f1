/**
 * Chart builders check what they are given as the core does: a ValidationError whose issues name the
 * field (`movements.newMrr`, `customers[0].deploymentRate`, `options.width`), never a TypeError, a NaN
 * in the spec or a silently wrong chart. Results that went through JSON (Decimals as strings) are
 * read by the amount schema's rules.
 */
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import {
  bandDistributionChart,
  cohortRetentionChart,
  mrrBridgeChart,
  mrrBridgeSteps,
  priorityQuadrantChart,
} from "../../src/charts/index.js";
import { ValidationError, cohortRetention, goodMinusBad, quarter } from "../../src/index.js";
import { issuesOf, paths } from "./support/issues.js";
import { smallMovements as movements } from "./support/fixtures.js";

const saved = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

const quadrantRow = { customerId: "b", priority: 1, quadrant: "low-low", deploymentRate: 0.4, utilizationRate: 0.25, contactedRecently: false } as const;
const cohortResult = {
  cohorts: [{ cohort: "2025-01", customers: 2, cells: [{ monthsSinceStart: 0, month: "2025-01", revenueRetention: "1", logoRetention: "1" }] }],
};

describe("what is not a result at all", () => {
  // Each call is written as a user might make it from untyped data.
  const loose = <F extends (...args: never[]) => unknown>(fn: F) => fn as unknown as (...args: unknown[]) => unknown;

  it.each([
    ["mrrBridgeChart({})", () => loose(mrrBridgeChart)({}), "movements.currency"],
    ["mrrBridgeChart(null)", () => loose(mrrBridgeChart)(null), "movements"],
    ["mrrBridgeSteps(undefined)", () => loose(mrrBridgeSteps)(undefined), "movements"],
    ["cohortRetentionChart(null)", () => loose(cohortRetentionChart)(null), "retention"],
    ["cohortRetentionChart({})", () => loose(cohortRetentionChart)({}), "retention.cohorts"],
    ["cohortRetentionChart({ cohorts: [null] })", () => loose(cohortRetentionChart)({ cohorts: [null] }), "retention.cohorts[0]"],
    ["priorityQuadrantChart(null)", () => loose(priorityQuadrantChart)(null), "customers"],
    ["priorityQuadrantChart([{}])", () => loose(priorityQuadrantChart)([{}]), "customers[0].customerId"],
    ["priorityQuadrantChart([7])", () => loose(priorityQuadrantChart)([7]), "customers[0]"],
    ["bandDistributionChart(null)", () => loose(bandDistributionChart)(null), "points"],
    ["bandDistributionChart([{}])", () => loose(bandDistributionChart)([{}]), "points[0].label"],
    ["bandDistributionChart([{ label: 'x' }])", () => loose(bandDistributionChart)([{ label: "x" }]), "points[0].bands"],
    ["bandDistributionChart([[], 'x'])", () => loose(bandDistributionChart)([[], "x"]), "points[0]"],
    ["cohortRetentionChart with a cell that is null", () => loose(cohortRetentionChart)({ cohorts: [{ cohort: "2025-01", customers: 1, cells: [null] }] }), "retention.cohorts[0].cells[0]"],
  ])("%s throws a ValidationError at %s…", (_name, run, firstPath) => {
    expect(paths(run)[0]).toBe(firstPath);
  });

  it("lists every problem of one input, not only the first", () => {
    expect(issuesOf(() => mrrBridgeChart({} as never))).toEqual([
      { path: "movements.currency", message: "must be an ISO 4217 currency code (got nothing)" },
      ...["startingMrr", "endingMrr", "newMrr", "expansionMrr", "reactivationMrr", "contractionMrr", "churnedMrr"].map((key) => ({
        path: `movements.${key}`,
        message: "must be a decimal string, number or Decimal (got nothing)",
      })),
    ]);
    expect(issuesOf(() => priorityQuadrantChart([{}] as never))).toEqual([
      { path: "customers[0].customerId", message: "must be a non-empty string (got nothing)" },
      { path: "customers[0].priority", message: "must be a whole number ≥ 1 (got nothing)" },
      { path: "customers[0].quadrant", message: 'must be one of "low-low", "low-high", "high-low", "high-high" (got nothing)' },
      { path: "customers[0].deploymentRate", message: "must be a decimal string, number or Decimal (got nothing)" },
      { path: "customers[0].utilizationRate", message: "must be a decimal string, number or Decimal (got nothing)" },
      { path: "customers[0].contactedRecently", message: "must be true or false (got nothing)" },
    ]);
  });
});

describe("decimal fields: Decimals, numbers, or plain decimal strings only", () => {
  it.each(["0x10", "1e5", "", "abc", "1,000", "Infinity", "NaN", " ", "--5"])("rejects %j in a movement, naming the field", (text) => {
    const json = { ...(saved(movements()) as Record<string, unknown>), newMrr: text };
    expect(issuesOf(() => mrrBridgeChart(json as never))).toEqual([
      { path: "movements.newMrr", message: `must be a decimal number like "1200.50" (got ${JSON.stringify(text)})` },
    ]);
  });

  it("rejects non-finite numbers and Decimals, and negative amounts", () => {
    const base = saved(movements()) as Record<string, unknown>;
    expect(issuesOf(() => mrrBridgeChart({ ...base, churnedMrr: Number.NaN } as never))).toEqual([
      { path: "movements.churnedMrr", message: "must be a finite number (got NaN)" },
    ]);
    expect(paths(() => mrrBridgeChart({ ...base, churnedMrr: new Decimal(Infinity) } as never))).toEqual(["movements.churnedMrr"]);
    expect(issuesOf(() => mrrBridgeChart({ ...base, churnedMrr: "-40" } as never))).toEqual([
      { path: "movements.churnedMrr", message: "must not be negative (got -40)" },
    ]);
  });

  it("rejects a rate given as '0x10' or '1e5' in the quadrant and the heat map", () => {
    expect(paths(() => priorityQuadrantChart([{ ...quadrantRow, deploymentRate: "0x10" }] as never))).toEqual(["customers[0].deploymentRate"]);
    expect(paths(() => priorityQuadrantChart([{ ...quadrantRow, utilizationRate: Number.NaN }] as never))).toEqual(["customers[0].utilizationRate"]);
    const cells = [{ monthsSinceStart: 0, month: "2025-01", revenueRetention: "1e5", logoRetention: "abc" }];
    expect(issuesOf(() => cohortRetentionChart({ cohorts: [{ ...cohortResult.cohorts[0], cells }] } as never))).toEqual([
      { path: "retention.cohorts[0].cells[0].revenueRetention", message: 'must be a decimal number like "1200.50" (got "1e5")' },
    ]);
    // the basis chosen decides which field is read
    expect(paths(() => cohortRetentionChart({ cohorts: [{ ...cohortResult.cohorts[0], cells }] } as never, { basis: "logo" }))).toEqual([
      "retention.cohorts[0].cells[0].logoRetention",
    ]);
  });

  it("reads the Good−Bad index signed, within −100…+100, and the shares within 0…100", () => {
    const bands = saved(goodMinusBad([{ band: "bad" }, { band: "normal" }])) as Record<string, unknown>;
    // 0 Good, 1 Normal, 1 Bad: index 0 − 50 = −50 (from JSON: "-50")
    expect(bands["index"]).toBe("-50");
    const values = (spec: ReturnType<typeof bandDistributionChart>) => (spec.data as { values: { goodMinusBad: number }[] }).values;
    expect(values(bandDistributionChart([{ label: "x", bands: bands as never }]))[0]?.goodMinusBad).toBe(-50);
    expect(issuesOf(() => bandDistributionChart([{ label: "x", bands: { ...bands, index: "-150" } as never }]))).toEqual([
      { path: "points[0].bands.index", message: "must be ≥ -100 (got -150)" },
    ]);
    expect(issuesOf(() => bandDistributionChart([{ label: "x", bands: { ...bands, index: "-0x10" } as never }]))).toEqual([
      { path: "points[0].bands.index", message: 'must be a decimal number like "-12.5" (got "-0x10")' },
    ]);
    // a JSON-saved Decimal's exponent text, signed, is read; other exponent text and out-of-bounds magnitudes are not
    expect(values(bandDistributionChart([{ label: "x", bands: { ...bands, index: "-4.1666e-9" } as never }]))[0]?.goodMinusBad).toBe(-4.1666e-9);
    expect(values(bandDistributionChart([{ label: "x", bands: { ...bands, index: "4.1666e-9" } as never }]))[0]?.goodMinusBad).toBe(4.1666e-9);
    expect(values(bandDistributionChart([{ label: "x", bands: { ...bands, index: " -0 " } as never }]))[0]?.goodMinusBad).toBe(0);
    expect(issuesOf(() => bandDistributionChart([{ label: "x", bands: { ...bands, index: "-1e1" } as never }]))).toEqual([
      { path: "points[0].bands.index", message: 'must be a decimal number like "-12.5" (got "-1e1")' },
    ]);
    expect(issuesOf(() => bandDistributionChart([{ label: "x", bands: { ...bands, index: "abc" } as never }]))).toEqual([
      { path: "points[0].bands.index", message: 'must be a decimal number like "1200.50" (got "abc")' },
    ]);
    expect(paths(() => bandDistributionChart([{ label: "x", bands: { ...bands, index: `-0.${"0".repeat(120)}1` } as never }]))).toEqual(["points[0].bands.index"]);
    // a negative number or Decimal is read as it is
    expect(values(bandDistributionChart([{ label: "x", bands: { ...bands, index: -1.5 } as never }]))[0]?.goodMinusBad).toBe(-1.5);
    expect(values(bandDistributionChart([{ label: "x", bands: { ...bands, index: new Decimal("-2.5") } as never }]))[0]?.goodMinusBad).toBe(-2.5);
    expect(paths(() => bandDistributionChart([{ label: "x", bands: { ...bands, goodPct: "100.5", good: -1 } as never }]))).toEqual([
      "points[0].bands.good",
      "points[0].bands.goodPct",
    ]);
  });
});

describe("options", () => {
  const builders: [string, (options: object) => unknown][] = [
    ["mrrBridgeChart", (options) => mrrBridgeChart(movements(), options)],
    ["cohortRetentionChart", (options) => cohortRetentionChart(cohortResult as never, options)],
    ["priorityQuadrantChart", (options) => priorityQuadrantChart([quadrantRow], options)],
    ["bandDistributionChart", (options) => bandDistributionChart([], options)],
  ];

  it.each(builders)("%s: width and height must be finite numbers > 0", (_name, build) => {
    for (const bad of [Number.NaN, -1, 0, Number.POSITIVE_INFINITY, "480"]) {
      expect(paths(() => build({ width: bad, height: bad }))).toEqual(["options.width", "options.height"]);
    }
    expect(issuesOf(() => build({ width: -1 }))).toEqual([{ path: "options.width", message: "must be greater than 0 (got -1)" }]);
    expect(issuesOf(() => build({ height: Number.NaN }))).toEqual([{ path: "options.height", message: "must be a finite number (got NaN)" }]);
    expect(issuesOf(() => build({ title: 5 }))).toEqual([{ path: "options.title", message: "must be a string (got 5)" }]);
    expect(paths(() => build(null as never))).toEqual(["options"]);
    expect(paths(() => build([] as never))).toEqual(["options"]);
  });

  it("quadrant thresholds are finite ratios ≥ 0; labelTop a whole number ≥ 0", () => {
    for (const bad of [Number.NaN, Number.NEGATIVE_INFINITY, -0.1, 2e6]) {
      expect(paths(() => priorityQuadrantChart([quadrantRow], { deploymentThreshold: bad, utilizationThreshold: bad }))).toEqual([
        "options.deploymentThreshold",
        "options.utilizationThreshold",
      ]);
    }
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "10"]) {
      expect(paths(() => priorityQuadrantChart([quadrantRow], { labelTop: bad as number }))).toEqual(["options.labelTop"]);
    }
  });

  it("the heat map's basis is revenue or logo", () => {
    expect(issuesOf(() => cohortRetentionChart(cohortResult as never, { basis: "seats" as never }))).toEqual([
      { path: "options.basis", message: 'must be one of "revenue", "logo" (got "seats")' },
    ]);
  });
});

describe("inputs that would draw a misleading chart", () => {
  it("an ending MRR that is not the chained movements", () => {
    // 140 + 25 − 40 = 125, not 130
    const json = { ...(saved(movements()) as Record<string, unknown>), endingMrr: "130" };
    expect(issuesOf(() => mrrBridgeChart(json as never))).toEqual([
      {
        path: "movements.endingMrr",
        message: "must equal startingMrr + newMrr + expansionMrr + reactivationMrr − contractionMrr − churnedMrr = 125 (got 130)",
      },
    ]);
    // within one part in 10^9 of the largest level (165) passes: what 40-digit results and floats leave
    expect(() => mrrBridgeChart({ ...json, endingMrr: "125.0000000001" } as never)).not.toThrow();
    expect(() => mrrBridgeChart({ ...json, endingMrr: "125.000001" } as never)).toThrow(ValidationError);
  });

  it("an unknown currency", () => {
    expect(issuesOf(() => mrrBridgeChart({ ...movements(), currency: "EURO" }))).toEqual([
      { path: "movements.currency", message: 'must be an ISO 4217 currency code (got "EURO")' },
    ]);
  });

  it("a currency code in any letter case is its upper-case code, as the schemas read it", () => {
    // "usd" (as Stripe writes it) draws the same chart as "USD"; "ｕsd" (a full-width letter) is no code.
    expect(mrrBridgeChart({ ...movements(), currency: "usd" })).toEqual(mrrBridgeChart({ ...movements(), currency: "USD" }));
    expect(paths(() => mrrBridgeChart({ ...movements(), currency: "ｕsd" }))).toEqual(["movements.currency"]);
  });

  it("a duplicate cohort, cohort month or band label", () => {
    const cohort = cohortResult.cohorts[0]!;
    expect(issuesOf(() => cohortRetentionChart({ cohorts: [cohort, cohort] } as never))).toEqual([
      { path: "retention.cohorts[1].cohort", message: 'duplicate cohort "2025-01" (also at retention.cohorts[0].cohort)' },
    ]);
    expect(paths(() => cohortRetentionChart({ cohorts: [{ ...cohort, cells: [cohort.cells[0], cohort.cells[0]] }] } as never))).toEqual([
      "retention.cohorts[0].cells[1].monthsSinceStart",
    ]);
    const bands = goodMinusBad([{ band: "good" }]);
    expect(paths(() => bandDistributionChart([{ label: "2025-06", bands }, { label: "2025-06", bands }]))).toEqual(["points[1].label"]);
  });

  it("counts, priorities and months that are not whole numbers", () => {
    expect(paths(() => priorityQuadrantChart([{ ...quadrantRow, priority: 0 }]))).toEqual(["customers[0].priority"]);
    expect(paths(() => priorityQuadrantChart([{ ...quadrantRow, priority: 1.5 }]))).toEqual(["customers[0].priority"]);
    expect(paths(() => priorityQuadrantChart([{ ...quadrantRow, contactedRecently: "yes" as never }]))).toEqual(["customers[0].contactedRecently"]);
    expect(paths(() => priorityQuadrantChart([{ ...quadrantRow, deploymentRate: 1e7 }]))).toEqual(["customers[0].deploymentRate"]);
    const cohort = cohortResult.cohorts[0]!;
    expect(paths(() => cohortRetentionChart({ cohorts: [{ ...cohort, customers: -1, cells: [{ ...cohort.cells[0], monthsSinceStart: 0.5 }] }] } as never))).toEqual([
      "retention.cohorts[0].customers",
      "retention.cohorts[0].cells[0].monthsSinceStart",
    ]);
  });
});

describe("results after a JSON round trip", () => {
  it("give the same specs as the results themselves", () => {
    const result = movements();
    expect(mrrBridgeChart(saved(result) as never)).toEqual(mrrBridgeChart(result));
    expect(mrrBridgeSteps(saved(result) as never).map((step) => step.to.toString())).toEqual(["140", "165", "165", "165", "165", "125", "125"]);
    const bands = [{ label: "2025-06", bands: goodMinusBad([{ band: "good" }, { band: "good" }, { band: "bad" }]) }];
    // 2 Good, 1 Bad of 3: shares 200/3 and 100/3 are 40-digit decimals; their JSON text reads back to the same floats
    expect(bandDistributionChart(saved(bands) as never)).toEqual(bandDistributionChart(bands));
  });
});

describe("exponent notation: only as JSON.stringify writes a Decimal", () => {
  it("a retention below 1e-7, which decimal.js saves as exponent text, still charts from JSON", () => {
    // b pays 0.01 a year (MRR 0.01 / 12 = 0.000833…), a 2,000,000 a month until February: the
    // January cohort keeps 0.000833… / 2,000,000.000833… ≈ 4.17e-10 of its revenue.
    const retention = cohortRetention(
      [
        { id: "1", customerId: "a", start: "2025-01-01", end: "2025-02-01", amount: 2000000, currency: "USD" },
        { id: "2", customerId: "b", start: "2025-01-01", amount: "0.01", interval: "year", currency: "USD" },
      ],
      quarter(2025, 1),
    );
    const json = saved(retention) as { cohorts: { cells: { revenueRetention: string }[] }[] };
    expect(json.cohorts[0]?.cells[1]?.revenueRetention).toMatch(/^4\.1666666649\d+e-10$/);
    expect(cohortRetentionChart(json as never)).toEqual(cohortRetentionChart(retention));
  });

  it.each(["1e5", "1E-8", "1.50e-8", "1e-3", "+1e-8", "1e+5"])("rejects %j (not the text a Decimal writes for its value)", (text) => {
    const cells = [{ monthsSinceStart: 0, month: "2025-01", revenueRetention: text, logoRetention: "1" }];
    expect(paths(() => cohortRetentionChart({ cohorts: [{ ...cohortResult.cohorts[0], cells }] } as never))).toEqual([
      "retention.cohorts[0].cells[0].revenueRetention",
    ]);
  });

  it("accepts the canonical forms, signed where the field is", () => {
    const cells = [{ monthsSinceStart: 0, month: "2025-01", revenueRetention: "1e-8", logoRetention: "1" }];
    const values = (spec: ReturnType<typeof cohortRetentionChart>) => (spec.data as { values: { retention: number }[] }).values;
    // 1e-8 × 100 = 1e-6 points
    expect(values(cohortRetentionChart({ cohorts: [{ ...cohortResult.cohorts[0], cells }] } as never))[0]?.retention).toBe(1e-6);
    const bands = { ...(saved(goodMinusBad([{ band: "good" }])) as Record<string, unknown>), index: "-1.5e-9" };
    expect((bandDistributionChart([{ label: "x", bands: bands as never }]).data as { values: { goodMinusBad: number }[] }).values[0]?.goodMinusBad).toBe(-1.5e-9);
  });
});

describe("inputs are not mutated", () => {
  it("no builder changes what it is given", () => {
    const result = saved(movements()) as never;
    const rows = [{ ...quadrantRow }, { ...quadrantRow, customerId: "a", priority: 2 }];
    const cohorts = saved(cohortResult) as never;
    const points = saved([{ label: "x", bands: goodMinusBad([{ band: "good" }]) }]) as never;
    const before = JSON.stringify([result, rows, cohorts, points]);
    mrrBridgeChart(result);
    mrrBridgeSteps(result);
    priorityQuadrantChart(rows);
    cohortRetentionChart(cohorts);
    bandDistributionChart(points);
    expect(JSON.stringify([result, rows, cohorts, points])).toBe(before);
  });
});

describe("mrrBridgeSteps is exact at any length", () => {
  it("adds 25-digit amounts without the global 20-digit rounding", () => {
    // 1234567890.123456789012345 + 0.000000000000001 = 1234567890.123456789012346 (25 significant
    // digits; Decimal's default precision of 20 would give 1234567890.1234567890)
    const steps = mrrBridgeSteps({
      currency: "USD",
      startingMrr: "1234567890.123456789012345",
      newMrr: "0.000000000000001",
      expansionMrr: "0",
      reactivationMrr: "0",
      contractionMrr: "0",
      churnedMrr: "0",
      endingMrr: "1234567890.123456789012346",
    });
    expect(steps[1]?.to.toFixed()).toBe("1234567890.123456789012346");
    expect(steps.at(-2)?.to.toFixed()).toBe("1234567890.123456789012346");
  });
});
