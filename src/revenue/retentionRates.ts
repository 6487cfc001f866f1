/**
 * Revenue retention and expansion rates of a period (DOMAIN.md §3).
 * @module
 */
import type { Decimal } from "decimal.js";
import type { PeriodInput } from "../schemas/period.js";
import type { ContractsInput } from "./contractBook.js";
import { analysePeriod } from "./periodAnalysis.js";
import { contractionRateOf, expansionRateOf, grrOf, nrrOf } from "./rateFormulas.js";

/**
 * Net revenue retention (NRR, 売上継続率): the share of starting MRR the starting cohort still pays at the end, expansion included.
 *
 * @remarks NRR = Σ_{c∈C0} M1(c) / S, S = Σ_{c∈C0} M0(c) = GRR + expansion rate (DOMAIN.md §3). New and reactivated customers are not in C0.
 * M0 = MRR on the day before `start`, M1 = MRR on the period's last day; C0 = customers with M0 > 0.
 *
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param period - `[start, end)`, e.g. `year(2025)` or `fiscalYear(2025, { startMonth: 4 })`.
 * @returns Ratio (1 = 100%), or `null` when S = 0.
 * @throws {@link ValidationError}, {@link CurrencyMismatchError}, {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { nrr, year } from "cs-metrics";
 * const nrrValue = nrr([
 *   { id: "1", customerId: "a", start: "2024-01-01", amount: 100, currency: "USD" },
 *   { id: "2", customerId: "a", start: "2025-06-01", amount: 20, currency: "USD" },
 *   { id: "3", customerId: "b", start: "2024-01-01", end: "2025-03-01", amount: 100, currency: "USD" },
 * ], year(2025));
 * nrrValue?.toString(); //=> "0.6"
 * ```
 */
export function nrr(contracts: ContractsInput, period: PeriodInput): Decimal | null {
  return nrrOf(analysePeriod(contracts, period).totals);
}

/**
 * Gross revenue retention (GRR): the share of starting MRR kept, counting no expansion.
 *
 * @remarks GRR = Σ_{c∈C0} min(M1(c), M0(c)) / S = 1 − (churn + contraction) / S; always in [0, 1] (DOMAIN.md §3).
 * M0 = MRR on the day before `start`, M1 = MRR on the period's last day; C0 = customers with M0 > 0.
 *
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param period - `[start, end)`, e.g. `year(2025)` or `fiscalYear(2025, { startMonth: 4 })`.
 * @returns Ratio in [0, 1], or `null` when S = 0.
 * @throws {@link ValidationError}, {@link CurrencyMismatchError}, {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { grr, year } from "cs-metrics";
 * const grrValue = grr([
 *   { id: "1", customerId: "a", start: "2024-01-01", amount: 100, currency: "USD" },
 *   { id: "2", customerId: "a", start: "2025-06-01", amount: 20, currency: "USD" },
 *   { id: "3", customerId: "b", start: "2024-01-01", end: "2025-03-01", amount: 100, currency: "USD" },
 * ], year(2025));
 * grrValue?.toString(); //=> "0.5"
 * ```
 */
export function grr(contracts: ContractsInput, period: PeriodInput): Decimal | null {
  return grrOf(analysePeriod(contracts, period).totals);
}

/**
 * Expansion rate (契約拡大率): expansion MRR of the starting cohort over starting MRR.
 *
 * @remarks expansion rate = Σ_{C0, M1>M0} (M1 − M0) / S (DOMAIN.md §3).
 * M0 = MRR on the day before `start`, M1 = MRR on the period's last day; C0 = customers with M0 > 0.
 *
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param period - `[start, end)`, e.g. `year(2025)` or `fiscalYear(2025, { startMonth: 4 })`.
 * @returns Ratio ≥ 0, or `null` when S = 0.
 * @throws {@link ValidationError}, {@link CurrencyMismatchError}, {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { expansionRate, year } from "cs-metrics";
 * expansionRate([
 *   { id: "1", customerId: "a", start: "2024-01-01", amount: 100, currency: "USD" },
 *   { id: "2", customerId: "a", start: "2025-06-01", amount: 13, currency: "USD" },
 * ], year(2025))?.toString(); //=> "0.13"
 * ```
 */
export function expansionRate(contracts: ContractsInput, period: PeriodInput): Decimal | null {
  return expansionRateOf(analysePeriod(contracts, period).totals);
}

/**
 * Contraction rate: MRR lost to downgrades of customers who stay, over starting MRR.
 *
 * @remarks contraction rate = Σ_{C0, 0<M1<M0} (M0 − M1) / S (DOMAIN.md §3).
 * M0 = MRR on the day before `start`, M1 = MRR on the period's last day; C0 = customers with M0 > 0.
 *
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param period - `[start, end)`, e.g. `year(2025)` or `fiscalYear(2025, { startMonth: 4 })`.
 * @returns Ratio in [0, 1], or `null` when S = 0.
 * @throws {@link ValidationError}, {@link CurrencyMismatchError}, {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { contractionRate, year } from "cs-metrics";
 * contractionRate([
 *   { id: "1", customerId: "a", start: "2024-01-01", end: "2025-05-01", amount: 100, currency: "USD" },
 *   { id: "2", customerId: "a", start: "2025-05-01", amount: 75, currency: "USD" },
 * ], year(2025))?.toString(); //=> "0.25"
 * ```
 */
export function contractionRate(contracts: ContractsInput, period: PeriodInput): Decimal | null {
  return contractionRateOf(analysePeriod(contracts, period).totals);
}
