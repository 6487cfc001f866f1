/**
 * The one-pass totals (exact doubles over the columnar index) agree with the per-customer rows folded
 * in bigints, and a book rebuilt from its public customers (no index of its own) evaluates the same.
 */
import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { resolvePeriod } from "../../src/dates/period.js";
import { contractBook, type ContractBook } from "../../src/revenue/contractBook.js";
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

  test.prop([contractBookArb({ maxContracts: 30 })], { numRuns: runs(200) })("are the same for a book known only by its customers", ({ period, records }) => {
    const book = contractBook(asInput(records));
    const copy: ContractBook = { kind: "ContractBook", currency: book.currency, denominator: book.denominator, contracts: book.contracts, customers: book.customers };
    const resolved = resolvePeriod(period);
    expect(evaluatePeriodTotals(copy, resolved)).toEqual(evaluatePeriodTotals(book, resolved));
    expect(evaluatePeriod(copy, resolved)).toEqual(evaluatePeriod(book, resolved));
  });
});
