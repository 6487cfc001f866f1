/**
 * Revenue and logo churn rates of a period (DOMAIN.md §3).
 * @module
 */
import type { Decimal } from "decimal.js";
import type { PeriodInput } from "../schemas/period.js";
import type { ContractsInput } from "./contractBook.js";
import { analysePeriod } from "./periodAnalysis.js";
import { grossRevenueChurnRateOf, logoChurnRateOf, logoRetentionRateOf, netLogoChurnRateOf, netRevenueChurnRateOf, revenueChurnRateOf, type NetRevenueChurnOptions } from "./rateFormulas.js";

export type { NetRevenueChurnOptions };

/**
 * Revenue churn rate: MRR of churned customers over starting MRR (downgrades not included).
 *
 * @remarks revenue churn rate = Σ_{C0, M1=0} M0 / S (DOMAIN.md §3).
 * M0 = MRR on the day before `start`, M1 = MRR on the period's last day; C0 = customers with M0 > 0.
 *
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param period - `[start, end)`, e.g. `year(2025)` or `fiscalYear(2025, { startMonth: 4 })`.
 * @returns Ratio in [0, 1], or `null` when S = 0.
 * @throws {@link ValidationError}, {@link CurrencyMismatchError}, {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { revenueChurnRate, year } from "cs-metrics";
 * revenueChurnRate([
 *   { id: "1", customerId: "a", start: "2024-01-01", amount: 300, currency: "USD" },
 *   { id: "2", customerId: "b", start: "2024-01-01", end: "2025-02-01", amount: 100, currency: "USD" },
 * ], year(2025))?.toString(); //=> "0.25"
 * ```
 */
export function revenueChurnRate(contracts: ContractsInput, period: PeriodInput): Decimal | null {
  return revenueChurnRateOf(analysePeriod(contracts, period).totals);
}

/**
 * Gross revenue churn rate: churn plus contraction over starting MRR.
 *
 * @remarks gross revenue churn rate = (churn + contraction) / S = 1 − GRR (DOMAIN.md §3).
 * M0 = MRR on the day before `start`, M1 = MRR on the period's last day; C0 = customers with M0 > 0.
 *
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param period - `[start, end)`, e.g. `year(2025)` or `fiscalYear(2025, { startMonth: 4 })`.
 * @returns Ratio in [0, 1], or `null` when S = 0.
 * @throws {@link ValidationError}, {@link CurrencyMismatchError}, {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { grossRevenueChurnRate, year } from "cs-metrics";
 * grossRevenueChurnRate([
 *   { id: "1", customerId: "a", start: "2024-01-01", end: "2025-05-01", amount: 300, currency: "USD" },
 *   { id: "2", customerId: "a", start: "2025-05-01", amount: 200, currency: "USD" },
 *   { id: "3", customerId: "b", start: "2024-01-01", end: "2025-02-01", amount: 100, currency: "USD" },
 * ], year(2025))?.toString(); //=> "0.5"
 * ```
 */
export function grossRevenueChurnRate(contracts: ContractsInput, period: PeriodInput): Decimal | null {
  return grossRevenueChurnRateOf(analysePeriod(contracts, period).totals);
}

/**
 * Net revenue churn rate: churn plus contraction minus expansion, over starting MRR; negative when expansion wins.
 *
 * @remarks net revenue churn rate = (churn + contraction − expansion) / S = 1 − NRR (DOMAIN.md §3). With `subtractReactivation: true`, reactivation MRR is also subtracted (ChartMogul's variant).
 * M0 = MRR on the day before `start`, M1 = MRR on the period's last day; C0 = customers with M0 > 0.
 *
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param period - `[start, end)`, e.g. `year(2025)` or `fiscalYear(2025, { startMonth: 4 })`.
 * @param options - `subtractReactivation` (default `false`).
 * @returns Ratio (may be negative), or `null` when S = 0.
 * @throws {@link ValidationError}, {@link CurrencyMismatchError}, {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { netRevenueChurnRate, year } from "cs-metrics";
 * netRevenueChurnRate([
 *   { id: "1", customerId: "a", start: "2024-01-01", amount: 100, currency: "USD" },
 *   { id: "2", customerId: "a", start: "2025-06-01", amount: 30, currency: "USD" },
 *   { id: "3", customerId: "b", start: "2024-01-01", end: "2025-02-01", amount: 100, currency: "USD" },
 * ], year(2025))?.toString(); //=> "0.35"
 * ```
 */
export function netRevenueChurnRate(contracts: ContractsInput, period: PeriodInput, options: NetRevenueChurnOptions = {}): Decimal | null {
  return netRevenueChurnRateOf(analysePeriod(contracts, period).totals, options);
}

/**
 * Logo churn rate (解約率): the share of starting customers with no MRR at the end.
 *
 * @remarks logo churn rate = |{c ∈ C0 : M1(c) = 0}| / |C0| (DOMAIN.md §3).
 * M0 = MRR on the day before `start`, M1 = MRR on the period's last day; C0 = customers with M0 > 0.
 *
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param period - `[start, end)`, e.g. `year(2025)` or `fiscalYear(2025, { startMonth: 4 })`.
 * @returns Ratio in [0, 1], or `null` when C0 is empty.
 * @throws {@link ValidationError}, {@link CurrencyMismatchError}, {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { logoChurnRate, year } from "cs-metrics";
 * logoChurnRate([
 *   { id: "1", customerId: "a", start: "2024-01-01", amount: 100, currency: "USD" },
 *   { id: "2", customerId: "b", start: "2024-01-01", end: "2025-02-01", amount: 100, currency: "USD" },
 *   { id: "3", customerId: "c", start: "2024-01-01", amount: 100, currency: "USD" },
 *   { id: "4", customerId: "d", start: "2024-01-01", amount: 100, currency: "USD" },
 * ], year(2025))?.toString(); //=> "0.25"
 * ```
 */
export function logoChurnRate(contracts: ContractsInput, period: PeriodInput): Decimal | null {
  return logoChurnRateOf(analysePeriod(contracts, period).totals);
}

/**
 * Logo retention rate (継続率): the share of starting customers still paying at the end.
 *
 * @remarks logo retention rate = 1 − logo churn rate = |{c ∈ C0 : M1(c) > 0}| / |C0| (DOMAIN.md §3).
 * M0 = MRR on the day before `start`, M1 = MRR on the period's last day; C0 = customers with M0 > 0.
 *
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param period - `[start, end)`, e.g. `year(2025)` or `fiscalYear(2025, { startMonth: 4 })`.
 * @returns Ratio in [0, 1], or `null` when C0 is empty.
 * @throws {@link ValidationError}, {@link CurrencyMismatchError}, {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { logoRetentionRate, year } from "cs-metrics";
 * logoRetentionRate([
 *   { id: "1", customerId: "a", start: "2024-01-01", amount: 100, currency: "USD" },
 *   { id: "2", customerId: "b", start: "2024-01-01", end: "2025-02-01", amount: 100, currency: "USD" },
 * ], year(2025))?.toString(); //=> "0.5"
 * ```
 */
export function logoRetentionRate(contracts: ContractsInput, period: PeriodInput): Decimal | null {
  return logoRetentionRateOf(analysePeriod(contracts, period).totals);
}

/**
 * Net logo churn rate (ネットチャーンレート): logo churn minus the new-customer acquisition rate; negative when more logos join than leave.
 *
 * @remarks net logo churn rate = (churned logos − new logos) / |C0| (DOMAIN.md §3, Mazrica). Reactivated customers are not new.
 * M0 = MRR on the day before `start`, M1 = MRR on the period's last day; C0 = customers with M0 > 0.
 *
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param period - `[start, end)`, e.g. `year(2025)` or `fiscalYear(2025, { startMonth: 4 })`.
 * @returns Ratio (may be negative), or `null` when C0 is empty.
 * @throws {@link ValidationError}, {@link CurrencyMismatchError}, {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { netLogoChurnRate, year } from "cs-metrics";
 * netLogoChurnRate([
 *   { id: "1", customerId: "a", start: "2024-01-01", amount: 100, currency: "USD" },
 *   { id: "2", customerId: "b", start: "2024-01-01", end: "2025-02-01", amount: 100, currency: "USD" },
 *   { id: "3", customerId: "c", start: "2025-03-01", amount: 100, currency: "USD" },
 *   { id: "4", customerId: "d", start: "2025-04-01", amount: 100, currency: "USD" },
 * ], year(2025))?.toString(); //=> "-0.5"
 * ```
 */
export function netLogoChurnRate(contracts: ContractsInput, period: PeriodInput): Decimal | null {
  return netLogoChurnRateOf(analysePeriod(contracts, period).totals);
}
