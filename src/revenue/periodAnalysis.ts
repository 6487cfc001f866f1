/**
 * Resolving a metric's arguments: contracts to a book, the period to epoch days, and the book's
 * period to customer rows and totals.
 * @module
 */
import { type ResolvedPeriod, resolvePeriod } from "../dates/period.js";
import type { PeriodInput } from "../schemas/period.js";
import { type ContractBook, type ContractsInput, toContractBook } from "./contractBook.js";
import { type CustomerPeriodRow, evaluatePeriod, evaluatePeriodTotals } from "./periodRows.js";
import type { PeriodTotals } from "./periodTotals.js";

/** A book evaluated over one period. */
export interface PeriodAnalysis {
  readonly book: ContractBook;
  readonly resolved: ResolvedPeriod;
  /** One row per customer with MRR at the start or the end (built on first read). */
  readonly rows: readonly CustomerPeriodRow[];
  readonly totals: PeriodTotals;
  /** The churned customers' rows, in customer-id order. */
  readonly churnedRows: readonly CustomerPeriodRow[];
}

/**
 * Validates the period first (cheap), then the contracts, then evaluates the period: totals and churned
 * rows in one pass over the lines; the per-customer rows only when read.
 */
export function analysePeriod(contracts: ContractsInput, period: PeriodInput): PeriodAnalysis {
  const resolved = resolvePeriod(period);
  const book = toContractBook(contracts);
  const { totals, churnedRows } = evaluatePeriodTotals(book, resolved);
  let rows: readonly CustomerPeriodRow[] | undefined;
  return {
    book,
    resolved,
    get rows(): readonly CustomerPeriodRow[] {
      rows ??= evaluatePeriod(book, resolved);
      return rows;
    },
    totals,
    churnedRows,
  };
}
