/**
 * Resolving a metric's arguments: contracts to a book, the period to epoch days, and the book's
 * period to customer rows and totals.
 * @module
 */
import { type ResolvedPeriod, resolvePeriod } from "../dates/period.js";
import type { PeriodInput } from "../schemas/period.js";
import { type ContractBook, type ContractsInput, toContractBook } from "./contractBook.js";
import { type CustomerPeriodRow, evaluatePeriod } from "./periodRows.js";
import { type PeriodTotals, periodTotals } from "./periodTotals.js";

/** A book evaluated over one period. */
export interface PeriodAnalysis {
  readonly book: ContractBook;
  readonly resolved: ResolvedPeriod;
  readonly rows: readonly CustomerPeriodRow[];
  readonly totals: PeriodTotals;
}

/** Validates the period first (cheap), then the contracts, then evaluates the period. */
export function analysePeriod(contracts: ContractsInput, period: PeriodInput): PeriodAnalysis {
  const resolved = resolvePeriod(period);
  const book = toContractBook(contracts);
  const rows = evaluatePeriod(book, resolved);
  return { book, resolved, rows, totals: periodTotals(rows) };
}
