/**
 * MRR movements over a period (DOMAIN.md §2).
 * @module
 */
import type { Decimal } from "decimal.js";
import type { Period, PeriodInput } from "../schemas/period.js";
import { divisionBy } from "../money/exactDecimal.js";
import { type ContractBook, type ContractsInput, unitsToDecimal } from "./contractBook.js";
import { withLazyRows } from "../results/lazyRows.js";
import { analysePeriod } from "./periodAnalysis.js";
import type { Movement } from "./periodRows.js";
import type { PeriodTotals } from "./periodTotals.js";

export type { Movement };

/** One customer's movement over the period. */
export interface CustomerMovement {
  readonly customerId: string;
  readonly movement: Movement;
  /** M0: MRR on the day before the period starts. */
  readonly startingMrr: Decimal;
  /** M1: MRR on the period's last day. */
  readonly endingMrr: Decimal;
  /** M1 − M0. */
  readonly change: Decimal;
}

/** Totals of a period's MRR movements and logo counts. */
export interface MovementTotals {
  /** ISO 4217 code of every amount. */
  readonly currency: string;
  /** Σ M0. */
  readonly startingMrr: Decimal;
  /** Σ M1. */
  readonly endingMrr: Decimal;
  readonly newMrr: Decimal;
  readonly reactivationMrr: Decimal;
  readonly expansionMrr: Decimal;
  readonly contractionMrr: Decimal;
  readonly churnedMrr: Decimal;
  /** endingMrr − startingMrr = new + reactivation + expansion − contraction − churned. */
  readonly netNewMrr: Decimal;
  /** |C0|: customers with MRR > 0 at the start. */
  readonly startingCustomers: number;
  /** Customers with MRR > 0 at the end. */
  readonly endingCustomers: number;
  readonly newCustomers: number;
  readonly reactivatedCustomers: number;
  readonly expandedCustomers: number;
  readonly contractedCustomers: number;
  readonly churnedCustomers: number;
  /** In C0 with unchanged MRR. */
  readonly flatCustomers: number;
}

/** {@link revenueMovements}' result: totals plus one row per customer. */
export interface RevenueMovements extends MovementTotals {
  readonly period: Period;
  /**
   * Customers with MRR at the start or the end, by customer id. Built on first read (then kept): the
   * totals alone never pay for a row per customer. It is an own enumerable property, so spreading
   * the result and `JSON.stringify` include it.
   */
  readonly customers: readonly CustomerMovement[];
}

/** Converts exact totals to the public Decimal form. */
export function movementTotals(book: ContractBook, totals: PeriodTotals): MovementTotals {
  const money = (units: bigint): Decimal => unitsToDecimal(book, units);
  return {
    currency: book.currency,
    startingMrr: money(totals.startingUnits),
    endingMrr: money(totals.endingUnits),
    newMrr: money(totals.newUnits),
    reactivationMrr: money(totals.reactivationUnits),
    expansionMrr: money(totals.expansionUnits),
    contractionMrr: money(totals.contractionUnits),
    churnedMrr: money(totals.churnedUnits),
    netNewMrr: money(totals.endingUnits - totals.startingUnits),
    startingCustomers: totals.startingCustomers,
    endingCustomers: totals.endingCustomers,
    newCustomers: totals.newCustomers,
    reactivatedCustomers: totals.reactivatedCustomers,
    expandedCustomers: totals.expandedCustomers,
    contractedCustomers: totals.contractedCustomers,
    churnedCustomers: totals.churnedCustomers,
    flatCustomers: totals.flatCustomers,
  };
}

/**
 * MRR movements of a period: new, reactivation, expansion, contraction and churn, with logo counts
 * and one classified row per customer.
 *
 * @remarks
 * Per customer, M0 = MRR on the day before `start`, M1 = MRR on `end − 1 day` (DOMAIN.md §1).
 * new: M0 = 0 < M1, never had MRR before; reactivation: M0 = 0 < M1, had MRR before;
 * expansion: 0 < M0 < M1 (M1 − M0); contraction: 0 < M1 < M0 (M0 − M1); churn: M0 > 0 = M1 (M0).
 * Identity, exact: endingMrr − startingMrr = new + reactivation + expansion − contraction − churned.
 * A customer that starts and stops inside the period moves nothing.
 * The totals are computed in one pass over the book; `customers` is built when first read.
 *
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param period - `[start, end)`, e.g. `month("2025-03")`.
 * @throws {@link ValidationError}, {@link CurrencyMismatchError}, {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { revenueMovements, month } from "cs-metrics";
 * const m = revenueMovements([
 *   { id: "1", customerId: "a", start: "2025-01-01", amount: 100, currency: "USD" },
 *   { id: "2", customerId: "a", start: "2025-03-10", amount: 50, currency: "USD" },
 *   { id: "3", customerId: "b", start: "2025-01-01", end: "2025-03-15", amount: 80, currency: "USD" },
 * ], month("2025-03"));
 * m.expansionMrr.toString(); //=> "50"
 * m.churnedMrr.toString(); //=> "80"
 * m.endingMrr.minus(m.startingMrr).toString(); //=> "-30"
 * ```
 */
export function revenueMovements(contracts: ContractsInput, period: PeriodInput): RevenueMovements {
  const analysis = analysePeriod(contracts, period);
  const { book } = analysis;
  // The totals come from one pass over the book's columns; the per-customer rows (three Decimals
  // each) are built when `customers` is first read (src/results/lazyRows.ts).
  return withLazyRows({ period: analysis.resolved.period, ...movementTotals(book, analysis.totals) }, "customers", () => {
    const money = divisionBy(book.denominator);
    const zero = money(0n);
    // Decimals are immutable: a new or churned customer's change is its ending MRR or its negated
    // starting MRR (neg() never rounds), and every 0 is one instance.
    return analysis.rows.map((row): CustomerMovement => {
      const { startingUnits, endingUnits } = row;
      const startingMrr = startingUnits === 0n ? zero : money(startingUnits);
      const endingMrr = endingUnits === 0n ? zero : money(endingUnits);
      const change = startingUnits === 0n ? endingMrr : endingUnits === 0n ? startingMrr.neg() : endingUnits === startingUnits ? zero : money(endingUnits - startingUnits);
      return { customerId: row.customerId, movement: row.movement, startingMrr, endingMrr, change };
    });
  });
}
