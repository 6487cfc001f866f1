import { fc, test } from "@fast-check/vitest";
import { describe } from "vitest";
import { type RateUnit, compoundRate } from "../../src/index.js";
import { expectClose } from "../support/decimals.js";

const unitArb = fc.constantFrom<RateUnit>("month", "quarter", "year");
/** Rates 0–3 with up to 6 decimals, as text. */
const rateArb = fc.integer({ min: 0, max: 3_000_000 }).map((micros) => (micros / 1_000_000).toFixed(6));

describe("compoundRate properties", () => {
  test.prop([rateArb, unitArb, unitArb])("compounding there and back returns the rate (within 1e-30)", (rate, from, to) => {
    const there = compoundRate(rate, { from, to });
    expectClose(compoundRate(there, { from: to, to: from }), rate);
  });

  test.prop([rateArb])("month → quarter → year equals month → year (within 1e-30)", (rate) => {
    const viaQuarter = compoundRate(compoundRate(rate, { from: "month", to: "quarter" }), { from: "quarter", to: "year" });
    expectClose(viaQuarter, compoundRate(rate, { from: "month", to: "year" }));
  });
});
