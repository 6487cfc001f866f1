/**
 * Every revenue KPI of a period from one evaluation of the contract book.
 * @module
 */
import { type LostRevenue, type LostRevenueOptions, checkProration, lostRevenueOf } from "../lostRevenue/lostRevenue.js";
import { readOptions } from "../schemas/options.js";
import type { Period, PeriodInput } from "../schemas/period.js";
import type { ContractsInput } from "./contractBook.js";
import { analysePeriod } from "./periodAnalysis.js";
import { type NetRevenueChurnOptions, type RevenueRates, revenueRatesOf } from "./rateFormulas.js";
import { type MovementTotals, movementTotals } from "./revenueMovements.js";

/** Options of {@link revenueReport}. */
export interface RevenueReportOptions extends LostRevenueOptions, NetRevenueChurnOptions {}

/** {@link revenueReport}'s result. */
export interface RevenueReport {
  readonly currency: string;
  readonly period: Period;
  /** Movement totals and logo counts (as {@link revenueMovements}, without per-customer rows). */
  readonly movements: MovementTotals;
  /** NRR, GRR, expansion, contraction, churn and logo rates; `null` where the base is empty. */
  readonly rates: RevenueRates;
  /** 逸失金額 with per-customer rows. */
  readonly lostRevenue: LostRevenue;
}

/**
 * The full revenue KPI set of a period — movements, every rate and lost revenue — evaluating the
 * contract book once.
 *
 * @remarks Each figure is defined as in its own function ({@link revenueMovements}, {@link nrr},
 * {@link grr}, {@link lostRevenue}, …); this computes them from one pass over the customers.
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param period - `[start, end)`.
 * @param options - `proration` for lost revenue, `subtractReactivation` for net revenue churn.
 * @throws {@link ValidationError}, {@link CurrencyMismatchError}, {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { revenueReport, year } from "cs-metrics";
 * const report = revenueReport([
 *   { id: "1", customerId: "a", start: "2024-01-01", amount: 86, currency: "USD" },
 *   { id: "2", customerId: "a", start: "2025-07-01", amount: 13, currency: "USD" },
 *   { id: "3", customerId: "b", start: "2024-01-01", end: "2025-07-01", amount: 14, currency: "USD" },
 * ], year(2025));
 * report.rates.grr?.toString(); //=> "0.86"
 * report.rates.expansionRate?.toString(); //=> "0.13"
 * report.rates.nrr?.toString(); //=> "0.99"
 * ```
 */
export function revenueReport(contracts: ContractsInput, period: PeriodInput, options: RevenueReportOptions = {}): RevenueReport {
  const proration = checkProration(readOptions(options).proration);
  const analysis = analysePeriod(contracts, period);
  return {
    currency: analysis.book.currency,
    period: analysis.resolved.period,
    movements: movementTotals(analysis.book, analysis.totals),
    rates: revenueRatesOf(analysis.totals, options),
    lostRevenue: lostRevenueOf(analysis, proration),
  };
}
