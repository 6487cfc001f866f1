import { describe, expect, it } from "vitest";
import { adoptionCurvesChart, lifecycleStagesChart, STAGE_COLORS, VEGA_LITE_SCHEMA } from "../../src/charts/index.js";
import { type ContractInput, ValidationError, adoptionCurves, lifecycleStages } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { deepFreeze } from "../support/deepFreeze.js";
import { collisions, overlap, render } from "./support/render.js";

type Layer = { data: { values: Record<string, unknown>[] }; mark: { type: string; strokeWidth?: number }; encoding: Record<string, { field?: string }> };
const issues = (action: () => unknown) => {
  const error = caught(action);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((i) => `${i.path}: ${i.message}`);
};

describe("adoptionCurvesChart", () => {
  // acme and beta pay from 01-01: acme 0.8 in month 1, none in month 2; beta 0.2 then 0.7.
  // Cohort 2025-01 mean: (0.8 + 0.2) / 2 = 0.5, then 0.7 (beta alone).
  const curves = adoptionCurves(
    [
      { customerId: "acme", at: "2025-01-20", featuresUsed: 8, featuresAvailable: 10 },
      { customerId: "beta", at: "2025-01-20", featuresUsed: 2, featuresAvailable: 10 },
      { customerId: "beta", at: "2025-02-20", featuresUsed: 7, featuresAvailable: 10 },
    ],
    [
      { id: "1", customerId: "acme", start: "2025-01-01", amount: 100, currency: "USD" },
      { id: "2", customerId: "beta", start: "2025-01-01", amount: 100, currency: "USD" },
    ],
    { measure: { signal: "featureAdoption" }, months: 2, target: 0.6 },
  );

  it("draws a thin line per customer, the cohort mean bold and the target as a rule", () => {
    const spec = adoptionCurvesChart(deepFreeze(curves), { title: "Feature adoption" });
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    expect(spec.title).toBe("Feature adoption");
    const [lines, means, rule] = spec.layer as unknown as Layer[];
    expect(lines!.data.values).toEqual([
      { customerId: "acme", cohort: "2025-01", month: 1, value: 0.8 },
      { customerId: "beta", cohort: "2025-01", month: 1, value: 0.2 },
      { customerId: "beta", cohort: "2025-01", month: 2, value: 0.7 },
    ]);
    expect(lines!.encoding["detail"]!.field).toBe("customerId");
    expect(means!.data.values).toEqual([{ cohort: "2025-01", month: 1, mean: 0.5 }, { cohort: "2025-01", month: 2, mean: 0.7 }]);
    expect(means!.mark.strokeWidth!).toBeGreaterThan(lines!.mark.strokeWidth!);
    expect(rule!.data.values).toEqual([{ target: 0.6 }]);
  });

  it("draws the same from a JSON round trip", () => {
    const saved = JSON.parse(JSON.stringify(curves)) as typeof curves;
    expect(adoptionCurvesChart(saved)).toEqual(adoptionCurvesChart(curves));
  });

  it("names bad input", () => {
    expect(issues(() => adoptionCurvesChart(null as never))).toEqual(["curves: must be an adoptionCurves(…) result (got null)"]);
    expect(issues(() => adoptionCurvesChart({
      measure: "",
      target: "x",
      customers: [{ customerId: "a", cohort: "2025-01", values: [1, "x"] }, { customerId: "a", cohort: "2025-01", values: "x" }, 3],
      cohorts: [{ cohort: "2025-01", mean: [Infinity] }, { cohort: "2025-01", mean: [] }, null],
    } as never, { width: 0 }))).toMatchInlineSnapshot(`
      [
        "curves.measure: must be a non-empty string (got "")",
        "curves.target: must be a finite number (got "x")",
        "curves.customers[0].values[1]: must be a finite number (got "x")",
        "curves.customers[1].values: must be an array of numbers or nulls (got "x")",
        "curves.customers[2]: must be a { customerId, cohort, values } curve (got 3)",
        "curves.customers[1].customerId: duplicate customer "a" (also at curves.customers[0].customerId)",
        "curves.cohorts[0].mean[0]: must be a finite number (got Infinity)",
        "curves.cohorts[2]: must be a { cohort, mean } curve (got null)",
        "curves.cohorts[1].cohort: duplicate cohort "2025-01" (also at curves.cohorts[0].cohort)",
        "options.width: must be greater than 0 (got 0)",
      ]
    `);
  });
});

describe("lifecycleStagesChart", () => {
  const contracts: ContractInput[] = [
    { id: "1", customerId: "acme", start: "2025-01-01", end: "2025-03-01", amount: 100, currency: "USD" },
    { id: "2", customerId: "beta", start: "2025-01-15", amount: 100, currency: "USD" },
  ];
  const dates = ["2025-02-01", "2025-04-01"];
  const stages = dates.map((on) => lifecycleStages(contracts, { on, onboarding: 30 }));

  it("stacks the counts per date in lifecycle order, leaving empty stages out", () => {
    // 02-01: acme adoption (31 days since 01-01), beta onboarding (day 17); 04-01: acme churned, beta adoption.
    const spec = lifecycleStagesChart(deepFreeze(stages));
    expect((spec.data as { values: unknown[] }).values).toEqual([
      { on: "2025-02-01", stage: "onboarding", order: 1, customers: 1 },
      { on: "2025-02-01", stage: "adoption", order: 2, customers: 1 },
      { on: "2025-04-01", stage: "adoption", order: 2, customers: 1 },
      { on: "2025-04-01", stage: "churned", order: 4, customers: 1 },
    ]);
    expect(spec.width).toBe(480);
    expect(Object.keys(STAGE_COLORS)).toEqual(["trial", "onboarding", "adoption", "expansion", "churned"]);
    expect(lifecycleStagesChart(JSON.parse(JSON.stringify(stages)) as typeof stages)).toEqual(spec);
  });

  it("names bad input", () => {
    expect(issues(() => lifecycleStagesChart("x" as never))).toEqual(['stages: must be an array of lifecycleStages(…) results (got "x")']);
    expect(issues(() => lifecycleStagesChart([
      { on: "2025-01-01", counts: { trial: -1, onboarding: 0, adoption: 0, expansion: 0, churned: 0 } },
      { on: "2025-01-01", counts: null },
      null,
      { on: "x", counts: { trial: 0, onboarding: 0, adoption: 1.5, expansion: 0, churned: 0 } },
    ] as never))).toMatchInlineSnapshot(`
      [
        "stages[0].counts.trial: must be a whole number ≥ 0 (got -1)",
        "stages[1].counts: must be counts per stage (got null)",
        "stages[2]: must be a lifecycleStages(…) result (got null)",
        "stages[3].on: must be a calendar date "YYYY-MM-DD" (got "x")",
        "stages[3].counts.adoption: must be a whole number ≥ 0 (got 1.5)",
        "stages[1].on: duplicate date "2025-01-01" (also at stages[0].on)",
      ]
    `);
  });
});

describe("the CS loop charts render with Vega", { timeout: 60_000 }, () => {
  it("adoption curves of 12 customers in 3 cohorts and 13 monthly stage bars: axis labels never collide, legends stay off the plot", async () => {
    const starts = ["2025-01-01", "2025-02-01", "2025-03-01"];
    const contracts: ContractInput[] = Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, customerId: `customer-${i}`, start: starts[i % 3]!, ...(i % 5 === 4 ? { end: "2025-09-01" } : {}), amount: 100 + i, currency: "USD" }));
    const snapshots = contracts.flatMap((contract, i) =>
      ["2025-01-28", "2025-02-28", "2025-03-28", "2025-04-28", "2025-05-28", "2025-06-28"].map((at, k) => ({ customerId: contract.customerId, at, featuresUsed: Math.min(10, 1 + ((i + 1) * (k + 1)) % 11), featuresAvailable: 10 })));
    const curves = adoptionCurves(snapshots, contracts, { measure: { signal: "featureAdoption" }, months: 6, target: 0.6, on: "2025-07-31" });
    const dates = Array.from({ length: 13 }, (_, k) => new Date(Date.UTC(2025, k, 1)).toISOString().slice(0, 10));
    for (const spec of [adoptionCurvesChart(curves), lifecycleStagesChart(dates.map((on) => lifecycleStages(contracts, { on, onboarding: 30 })))]) {
      const chart = await render(spec);
      expect(chart.svg).toContain("<svg");
      for (const labels of chart.axisLabels) expect(collisions(labels)).toEqual([]);
      for (const legend of chart.legends) expect(overlap(legend, chart.plot)).toBe(false);
    }
  });
});
