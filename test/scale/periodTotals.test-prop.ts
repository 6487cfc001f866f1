/**
 * The one-pass totals (exact doubles over the columnar index) agree with the per-customer rows folded
 * in bigints. (A look-alike book object never reaches this code: toContractBook re-validates anything
 * contractBook did not build — see test/revenue/bookIdentity.test.ts.)
 */
import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { resolvePeriod } from "../../src/dates/period.js";
import { contractBook } from "../../src/revenue/contractBook.js";
import { evaluatePeriod, evaluatePeriodTotals } from "../../src/revenue/periodRows.js";
import { periodTotals } from "../../src/revenue/periodTotals.js";
import { asInput, contractBookArb } from "../support/contractArbitraries.js";
import { runs } from "../hardening/support/runs.js";

describe("one-pass period totals", { timeout: 60_000 }, () => {
  test.prop([contractBookArb({ maxContracts: 30 })], { numRuns: runs(300) })("equal the fold of the period rows", ({ period, records }) => {
    const book = contractBook(asInput(records));
    const resolved = resolvePeriod(period);
    const rows = evaluatePeriod(book, resolved);
    const { totals, churnedRows } = evaluatePeriodTotals(book, resolved);
    expect(totals).toEqual(periodTotals(rows));
    expect(churnedRows).toEqual(rows.filter((row) => row.movement === "churn"));
  });
});
