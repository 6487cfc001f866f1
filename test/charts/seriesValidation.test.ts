/**
 * The MRR movements chart and the concentration curve check their input as the other charts do
 * (validation.test.ts): a ValidationError listing every problem with its path
 * (`series.steps[1].report.movements.newMrr`, `concentration.curve[0].mrrShare`), and results saved
 * as JSON (Decimals as strings) draw the same spec as the results themselves.
 */
import { describe, expect, it } from "vitest";
import { concentrationCurveChart, mrrMovementsChart } from "../../src/charts/index.js";
import { customerConcentration, quarter, revenueSeries } from "../../src/index.js";
import { issuesOf, paths } from "./support/issues.js";
import { concentration as concentrationOf, series36 } from "./support/fixtures.js";



/** JSON round trip, typed loosely so a test can break a field. */
const saved = (value: unknown): any => JSON.parse(JSON.stringify(value));

const loose = <F extends (...args: never[]) => unknown>(fn: F) => fn as unknown as (...args: unknown[]) => unknown;

/**
 * a 100 from 2024, b 30 from 2025-02-01 (new), a's second line 10 until 2025-03-01 (contraction),
 * monthly over 2025-Q1: ending MRR 110, 140, 130.
 */
const series = () =>
  revenueSeries(
    [
      { id: "1", customerId: "a", start: "2024-01-01", amount: 100, currency: "USD" },
      { id: "2", customerId: "b", start: "2025-02-01", amount: 30, currency: "USD" },
      { id: "3", customerId: "a", start: "2024-01-01", end: "2025-03-01", amount: 10, currency: "USD" },
    ],
    quarter(2025, 1),
  );

/** a 75, b 25 on 2025-01-31: curve (50%, 75%), (100%, 100%); Herfindahl 0.5625 + 0.0625 = 0.625. */
const concentration = () =>
  customerConcentration(
    [
      { id: "1", customerId: "a", start: "2025-01-01", amount: 75, currency: "USD" },
      { id: "2", customerId: "b", start: "2025-01-01", amount: 25, currency: "USD" },
    ],
    "2025-01-31",
  );

describe("mrrMovementsChart checks the series", () => {
  it("names what is not a series at all", () => {
    expect(paths(() => loose(mrrMovementsChart)(null))).toEqual(["series"]);
    expect(issuesOf(() => loose(mrrMovementsChart)({}))).toEqual([
      { path: "series.currency", message: "must be an ISO 4217 currency code (got nothing)" },
      { path: "series.steps", message: "must be an array of steps of revenueSeries(…) (got nothing)" },
    ]);
    expect(paths(() => loose(mrrMovementsChart)({ currency: "USD", steps: [null, {}] }))).toEqual([
      "series.steps[0]",
      "series.steps[1].step",
      "series.steps[1].report",
    ]);
  });

  it("names each bad amount, step name and currency with its path", () => {
    const json = saved(series());
    json.steps[1].report.movements.newMrr = "0x10";
    json.steps[2].report.movements.churnedMrr = -5;
    json.steps[0].step.label = "";
    expect(issuesOf(() => mrrMovementsChart(json))).toEqual([
      { path: "series.steps[0].step.label", message: 'must be a non-empty string (got "")' },
      { path: "series.steps[1].report.movements.newMrr", message: 'must be a decimal number like "1200.50" (got "0x10")' },
      { path: "series.steps[2].report.movements.churnedMrr", message: "must not be negative (got -5)" },
    ]);
    const unlabelled = saved(series());
    delete unlabelled.steps[0].step.label;
    unlabelled.steps[0].step.start = "2025-02-30";
    expect(paths(() => mrrMovementsChart(unlabelled))).toEqual(["series.steps[0].step.start"]);
    expect(paths(() => mrrMovementsChart({ ...saved(series()), currency: "EURO" }))).toEqual(["series.currency"]);
    const mixed = saved(series());
    mixed.steps[1].report.movements.currency = "JPY";
    expect(issuesOf(() => mrrMovementsChart(mixed))).toEqual([
      { path: "series.steps[1].report.movements.currency", message: "must be the series' currency USD (got JPY)" },
    ]);
  });

  it("rejects a step that would draw a misleading chart: broken identity, repeated step", () => {
    const json = saved(series());
    // February: 110 + 30 = 140, not 150
    json.steps[1].report.movements.endingMrr = "150";
    json.steps[2].step.label = json.steps[0].step.label;
    expect(issuesOf(() => mrrMovementsChart(json))).toEqual([
      {
        path: "series.steps[1].report.movements.endingMrr",
        message: "must equal startingMrr + newMrr + expansionMrr + reactivationMrr − contractionMrr − churnedMrr = 140 (got 150)",
      },
      { path: "series.steps[2].step.label", message: 'duplicate step "2025-01" (also at series.steps[0].step.label)' },
    ]);
  });

  it("draws a JSON round trip exactly as the series, at 3 and at 36 steps", () => {
    expect(mrrMovementsChart(saved(series()))).toEqual(mrrMovementsChart(series()));
    const long = series36();
    expect(mrrMovementsChart(saved(long))).toEqual(mrrMovementsChart(long));
  });

  it("widens with the steps: 480 px up to 20 steps, 24 px a step beyond", () => {
    expect(mrrMovementsChart(series())["width"]).toBe(480);
    // 36 × 24 = 864
    expect(mrrMovementsChart(series36())["width"]).toBe(864);
    expect(mrrMovementsChart(series36(), { width: 300 })["width"]).toBe(300);
  });
});

describe("concentrationCurveChart checks the result", () => {
  it("names what is not a concentration at all", () => {
    expect(paths(() => loose(concentrationCurveChart)([]))).toEqual(["concentration"]);
    expect(issuesOf(() => loose(concentrationCurveChart)({}))).toEqual([
      { path: "concentration.currency", message: "must be an ISO 4217 currency code (got nothing)" },
      { path: "concentration.date", message: 'must be a calendar date "YYYY-MM-DD" (got nothing)' },
      { path: "concentration.customers", message: "must be a whole number ≥ 0 (got nothing)" },
      { path: "concentration.herfindahl", message: "must be a decimal string, number or Decimal (got nothing)" },
      {
        path: "concentration.curve",
        message: "must be an array of curve points { rank, customerId, mrr, customerShare, mrrShare } (got nothing)",
      },
    ]);
  });

  it("names each bad point field with its path", () => {
    const json = saved(concentration());
    json.curve[0].mrrShare = "1.5";
    json.curve[0].mrr = "NaN";
    json.curve[1].customerShare = Number.NaN;
    json.herfindahl = "0x1";
    json.date = "2025-13-01";
    expect(issuesOf(() => concentrationCurveChart(json))).toEqual([
      { path: "concentration.date", message: 'must be a calendar date "YYYY-MM-DD" (got "2025-13-01")' },
      { path: "concentration.herfindahl", message: 'must be a decimal number like "1200.50" (got "0x1")' },
      { path: "concentration.curve[0].mrr", message: 'must be a decimal number like "1200.50" (got "NaN")' },
      { path: "concentration.curve[0].mrrShare", message: "must be ≤ 1 (got 1.5)" },
      { path: "concentration.curve[1].customerShare", message: "must be a finite number (got NaN)" },
    ]);
  });

  it("rejects a curve that does not match its result: wrong length, out of rank order, a customer twice", () => {
    const json = saved(concentration());
    expect(paths(() => concentrationCurveChart({ ...json, customers: 3 }))).toEqual(["concentration.curve"]);
    const swapped = saved(concentration());
    swapped.curve.reverse();
    expect(issuesOf(() => concentrationCurveChart(swapped))).toEqual([
      { path: "concentration.curve[0].rank", message: "must be 1: the points are in rank order (got 2)" },
      { path: "concentration.curve[1].rank", message: "must be 2: the points are in rank order (got 1)" },
    ]);
    const twice = saved(concentration());
    twice.curve[1].customerId = "a";
    expect(paths(() => concentrationCurveChart(twice))).toEqual(["concentration.curve[1].customerId"]);
  });

  it("draws a JSON round trip exactly as the result, at 2 and at 500 customers, and an empty book", () => {
    expect(concentrationCurveChart(saved(concentration()))).toEqual(concentrationCurveChart(concentration()));
    const large = concentrationOf(500);
    expect(concentrationCurveChart(saved(large))).toEqual(concentrationCurveChart(large));
    const empty = customerConcentration([], "2026-03-31");
    expect(saved(empty).herfindahl).toBeNull();
    expect(concentrationCurveChart(saved(empty))).toEqual(concentrationCurveChart(empty));
  });

  it("draws a dot per customer while they are 8 px apart or more", () => {
    const point = (spec: ReturnType<typeof concentrationCurveChart>) => (spec["layer"] as { mark: { point: unknown } }[])[0]?.mark.point;
    // 2 customers at 480 px: 240 px apart
    expect(point(concentrationCurveChart(concentration()))).toBe(true);
    // 60 customers at 480 px: exactly 8 px; 61: 7.9 px
    expect(point(concentrationCurveChart(concentrationOf(60)))).toBe(true);
    expect(point(concentrationCurveChart(concentrationOf(61)))).toBe("transparent");
  });
});

describe("options and inputs", () => {
  const builders: [string, (options: object) => unknown][] = [
    ["mrrMovementsChart", (options) => mrrMovementsChart(series(), options)],
    ["concentrationCurveChart", (options) => concentrationCurveChart(concentration(), options)],
  ];

  it.each(builders)("%s: width and height must be finite numbers > 0, the title a string", (_name, build) => {
    for (const bad of [Number.NaN, -1, 0, Number.POSITIVE_INFINITY, "480"]) {
      expect(paths(() => build({ width: bad, height: bad }))).toEqual(["options.width", "options.height"]);
    }
    expect(paths(() => build({ title: 5 }))).toEqual(["options.title"]);
    expect(paths(() => build(null as never))).toEqual(["options"]);
  });

  it("data and option problems are reported together", () => {
    expect(paths(() => loose(concentrationCurveChart)({ ...saved(concentration()), currency: "X" }, { width: -1 }))).toEqual([
      "concentration.currency",
      "options.width",
    ]);
  });

  it("neither builder changes what it is given", () => {
    const json = [saved(series()), saved(concentration())];
    const before = JSON.stringify(json);
    mrrMovementsChart(json[0]);
    concentrationCurveChart(json[1]);
    expect(JSON.stringify(json)).toBe(before);
  });
});
