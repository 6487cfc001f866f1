/**
 * Properties of every chart builder over generated results: no spec contains a non-finite number or
 * `undefined` (a Vega-Lite spec is JSON: `undefined` would vanish and NaN turn into null), whatever the
 * options; and a result saved as JSON (Decimals as strings) draws the same spec as the result itself.
 */
import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import {
  type VegaLiteSpec,
  bandDistributionChart,
  cohortRetentionChart,
  concentrationCurveChart,
  mrrBridgeChart,
  mrrMovementsChart,
  priorityQuadrantChart,
} from "../../src/charts/index.js";
import { cohortRetention, customerConcentration, goodMinusBad, priorityQuadrant, revenueReport, revenueSeries } from "../../src/index.js";
import { asInput, contractBookArb } from "../support/contractArbitraries.js";

/** Every place in `value` holding a non-finite number or `undefined`, as paths (`layer[3].mark.size`). */
function badValues(value: unknown, path = "spec"): string[] {
  if (value === undefined) return [`${path}: undefined`];
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path}: ${value}`];
  if (Array.isArray(value)) return value.flatMap((item, index) => badValues(item, `${path}[${index}]`));
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([key, item]) => badValues(item, `${path}.${key}`));
  return [];
}

const saved = (value: unknown): never => JSON.parse(JSON.stringify(value)) as never;

/** Options any builder takes: sizes from tiny to huge, and titles. */
const frameArb = fc.record(
  {
    title: fc.string({ maxLength: 30 }),
    width: fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
    height: fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
  },
  { requiredKeys: [] },
);

const snapshotArb = fc.record({
  customerId: fc.string({ minLength: 1, maxLength: 40 }),
  licensedSeats: fc.integer({ min: 0, max: 5000 }),
  provisionedUsers: fc.integer({ min: 0, max: 6000 }),
  activeUsers: fc.integer({ min: 0, max: 6000 }),
  contactDay: fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }),
});

const quadrantOptionsArb = fc.record(
  {
    deploymentThreshold: fc.double({ min: 0, max: 3, noNaN: true }),
    utilizationThreshold: fc.double({ min: 0, max: 3, noNaN: true }),
    labelTop: fc.integer({ min: 0, max: 60 }),
  },
  { requiredKeys: [] },
);

const bandsArb = fc.array(fc.constantFrom("good" as const, "normal" as const, "bad" as const, null), { maxLength: 40 });

function expectClean(spec: VegaLiteSpec): void {
  expect(badValues(spec)).toEqual([]);
}

describe("chart specs never hold NaN, Infinity or undefined", { timeout: 60_000 }, () => {
  test.prop([contractBookArb(), frameArb, fc.constantFrom("revenue" as const, "logo" as const)])(
    "MRR bridge and cohort heat map of any book",
    ({ records, period }, frame, basis) => {
      expectClean(mrrBridgeChart(revenueReport(asInput(records), period).movements, frame));
      expectClean(cohortRetentionChart(cohortRetention(asInput(records), period), { ...frame, basis }));
    },
  );

  test.prop([contractBookArb(), frameArb, fc.constantFrom("month" as const, "quarter" as const)])(
    "MRR movements series and concentration curve of any book",
    ({ records, period }, frame, every) => {
      expectClean(mrrMovementsChart(revenueSeries(asInput(records), period, { every }), frame));
      expectClean(concentrationCurveChart(customerConcentration(asInput(records), period.start), frame));
      expectClean(concentrationCurveChart(customerConcentration(asInput(records), period.end), frame));
    },
  );

  test.prop([fc.uniqueArray(snapshotArb, { selector: (s) => s.customerId, maxLength: 80 }), quadrantOptionsArb, frameArb])(
    "priority quadrant of any snapshots, thresholds and labelTop",
    (snapshots, options, frame) => {
      const ranked = priorityQuadrant(
        snapshots.map(({ contactDay, ...snapshot }) => ({
          ...snapshot,
          at: "2026-02-28",
          ...(contactDay === undefined ? {} : { lastContactAt: `2026-02-${String(contactDay).padStart(2, "0")}` }),
        })),
        { asOf: "2026-02-28", deploymentThreshold: 0.5, utilizationThreshold: 0.5, contactWithinDays: 14 },
      );
      expectClean(priorityQuadrantChart(ranked, { ...options, ...frame }));
    },
  );

  test.prop([fc.array(bandsArb, { maxLength: 40 }), frameArb])("band distribution of any bands", (months, frame) => {
    const points = months.map((bands, index) => ({ label: `m${index}`, bands: goodMinusBad(bands.map((band) => ({ band }))) }));
    expectClean(bandDistributionChart(points, frame));
  });
});

describe("a result saved as JSON draws the same chart", { timeout: 60_000 }, () => {
  test.prop([contractBookArb()])("MRR bridge and cohort heat map (both bases)", ({ records, period }) => {
    const movements = revenueReport(asInput(records), period).movements;
    expect(mrrBridgeChart(saved(movements))).toEqual(mrrBridgeChart(movements));
    const retention = cohortRetention(asInput(records), period);
    expect(cohortRetentionChart(saved(retention))).toEqual(cohortRetentionChart(retention));
    expect(cohortRetentionChart(saved(retention), { basis: "logo" })).toEqual(cohortRetentionChart(retention, { basis: "logo" }));
  });

  test.prop([contractBookArb(), fc.constantFrom("month" as const, "quarter" as const)])("MRR movements series and concentration curve", ({ records, period }, every) => {
    const series = revenueSeries(asInput(records), period, { every });
    expect(mrrMovementsChart(saved(series))).toEqual(mrrMovementsChart(series));
    const concentration = customerConcentration(asInput(records), period.start);
    expect(concentrationCurveChart(saved(concentration))).toEqual(concentrationCurveChart(concentration));
  });

  test.prop([fc.uniqueArray(snapshotArb, { selector: (s) => s.customerId, maxLength: 40 })])("priority quadrant", (snapshots) => {
    const ranked = priorityQuadrant(
      snapshots.map(({ contactDay: _contactDay, ...snapshot }) => ({ ...snapshot, at: "2026-02-28" })),
      { asOf: "2026-02-28", deploymentThreshold: 0.5, utilizationThreshold: 0.5, contactWithinDays: 14 },
    );
    expect(priorityQuadrantChart(saved(ranked))).toEqual(priorityQuadrantChart(ranked));
  });

  test.prop([fc.array(bandsArb, { maxLength: 24 })])("band distribution", (months) => {
    const points = months.map((bands, index) => ({ label: `m${index}`, bands: goodMinusBad(bands.map((band) => ({ band }))) }));
    expect(bandDistributionChart(saved(points))).toEqual(bandDistributionChart(points));
  });
});
