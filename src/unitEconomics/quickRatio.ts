/**
 * The SaaS quick ratio of a period (DOMAIN.md §8).
 * @module
 */
import type { Decimal } from "decimal.js";
import { ratio } from "../money/exactDecimal.js";
import { readOptions } from "../schemas/options.js";
import type { PeriodInput } from "../schemas/period.js";
import type { ContractsInput } from "../revenue/contractBook.js";
import { analysePeriod } from "../revenue/periodAnalysis.js";
import { readFlag } from "./options.js";

/** Options of {@link quickRatio}. */
export interface QuickRatioOptions {
  /**
   * Count reactivation MRR as gained revenue. Default `false`: Mamoon Hamid's original ratio, as
   * most tools show it; `true` follows the tools that put reactivation with new and expansion MRR
   * (Stripe Billing's MRR growth groups them so).
   */
  readonly includeReactivation?: boolean;
}

/**
 * SaaS quick ratio: MRR gained over MRR lost in a period.
 *
 * @remarks quick ratio = (new + expansion [+ reactivation]) / (churn + contraction), over the period's
 * movements ({@link revenueMovements}, DOMAIN.md §2). The ratio was introduced by Mamoon Hamid
 * (Social Capital, 2015) as (new + expansion) / (churned + contraction) MRR; ChartMogul's and
 * Chargebee's write-ups use that form, which is the default here. Reactivation is an option
 * (`includeReactivation`), since vendors differ. Above 4 is commonly read as efficient growth,
 * below 1 as shrinking. Movements are per customer over the whole period (a customer that starts
 * and stops inside it moves nothing); sum monthly movements ({@link revenueSeries}) for a
 * month-by-month ratio.
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param period - `[start, end)`.
 * @param options - `includeReactivation` (default `false`).
 * @returns A ratio ≥ 0, or `null` when the period lost no MRR (churn + contraction = 0).
 * @throws {@link ValidationError} (also for a non-boolean `includeReactivation`), {@link CurrencyMismatchError}, {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { quickRatio, month } from "cs-metrics";
 * const contracts = [
 *   { id: "1", customerId: "a", start: "2025-01-01", amount: 100, currency: "USD" },
 *   { id: "2", customerId: "a", start: "2025-03-10", amount: 50, currency: "USD" }, // expansion 50
 *   { id: "3", customerId: "b", start: "2025-01-01", end: "2025-03-15", amount: 40, currency: "USD" }, // churn 40
 *   { id: "4", customerId: "c", start: "2025-03-05", amount: 150, currency: "USD" }, // new 150
 *   { id: "5", customerId: "d", start: "2024-01-01", end: "2024-06-01", amount: 10, currency: "USD" },
 *   { id: "6", customerId: "d", start: "2025-03-20", amount: 20, currency: "USD" }, // reactivation 20
 * ];
 * quickRatio(contracts, month("2025-03"))?.toString(); //=> "5"
 * quickRatio(contracts, month("2025-03"), { includeReactivation: true })?.toString(); //=> "5.5"
 * ```
 */
export function quickRatio(contracts: ContractsInput, period: PeriodInput, options: QuickRatioOptions = {}): Decimal | null {
  const includeReactivation = readFlag(readOptions(options).includeReactivation, "options.includeReactivation");
  const totals = analysePeriod(contracts, period).totals;
  const gained = totals.newUnits + totals.expansionUnits + (includeReactivation ? totals.reactivationUnits : 0n);
  return ratio(gained, totals.churnedUnits + totals.contractionUnits);
}
