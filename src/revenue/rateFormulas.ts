/**
 * The rate formulas of DOMAIN.md §3 over period totals, in one place. Each is a ratio of exact
 * integers; `null` when the base is empty.
 * @module
 */
import type { Decimal } from "decimal.js";
import { ratio } from "../money/exactDecimal.js";
import { readOptions } from "../schemas/options.js";
import type { PeriodTotals } from "./periodTotals.js";

/** Options of {@link netRevenueChurnRate}. */
export interface NetRevenueChurnOptions {
  /**
   * Also subtract reactivation MRR from the numerator (as ChartMogul does). Default `false`: the
   * DOMAIN.md definition, which equals 1 − NRR.
   */
  readonly subtractReactivation?: boolean;
}

/** All rates of a period, each `Decimal | null` (null when its base is empty). */
export interface RevenueRates {
  readonly nrr: Decimal | null;
  readonly grr: Decimal | null;
  readonly expansionRate: Decimal | null;
  readonly contractionRate: Decimal | null;
  readonly revenueChurnRate: Decimal | null;
  readonly grossRevenueChurnRate: Decimal | null;
  readonly netRevenueChurnRate: Decimal | null;
  readonly logoChurnRate: Decimal | null;
  readonly logoRetentionRate: Decimal | null;
  readonly netLogoChurnRate: Decimal | null;
}

/** Σ_{C0} M1 / S. */
export const nrrOf = (t: PeriodTotals): Decimal | null => ratio(t.cohortEndingUnits, t.startingUnits);
/** (S − churn − contraction) / S = Σ_{C0} min(M0, M1) / S. */
export const grrOf = (t: PeriodTotals): Decimal | null =>
  ratio(t.startingUnits - t.churnedUnits - t.contractionUnits, t.startingUnits);
/** expansion / S. */
export const expansionRateOf = (t: PeriodTotals): Decimal | null => ratio(t.expansionUnits, t.startingUnits);
/** contraction / S. */
export const contractionRateOf = (t: PeriodTotals): Decimal | null => ratio(t.contractionUnits, t.startingUnits);
/** churn / S. */
export const revenueChurnRateOf = (t: PeriodTotals): Decimal | null => ratio(t.churnedUnits, t.startingUnits);
/** (churn + contraction) / S. */
export const grossRevenueChurnRateOf = (t: PeriodTotals): Decimal | null =>
  ratio(t.churnedUnits + t.contractionUnits, t.startingUnits);
/** (churn + contraction − expansion [− reactivation]) / S. */
export const netRevenueChurnRateOf = (t: PeriodTotals, options: NetRevenueChurnOptions = {}): Decimal | null =>
  ratio(
    t.churnedUnits + t.contractionUnits - t.expansionUnits - (readOptions(options).subtractReactivation === true ? t.reactivationUnits : 0n),
    t.startingUnits,
  );
/** churned logos / |C0|. */
export const logoChurnRateOf = (t: PeriodTotals): Decimal | null =>
  ratio(BigInt(t.churnedCustomers), BigInt(t.startingCustomers));
/** (|C0| − churned logos) / |C0|. */
export const logoRetentionRateOf = (t: PeriodTotals): Decimal | null =>
  ratio(BigInt(t.startingCustomers - t.churnedCustomers), BigInt(t.startingCustomers));
/** (churned logos − new logos) / |C0|. */
export const netLogoChurnRateOf = (t: PeriodTotals): Decimal | null =>
  ratio(BigInt(t.churnedCustomers - t.newCustomers), BigInt(t.startingCustomers));

/** Every rate of a period from its totals. */
export function revenueRatesOf(totals: PeriodTotals, options: NetRevenueChurnOptions = {}): RevenueRates {
  return {
    nrr: nrrOf(totals),
    grr: grrOf(totals),
    expansionRate: expansionRateOf(totals),
    contractionRate: contractionRateOf(totals),
    revenueChurnRate: revenueChurnRateOf(totals),
    grossRevenueChurnRate: grossRevenueChurnRateOf(totals),
    netRevenueChurnRate: netRevenueChurnRateOf(totals, options),
    logoChurnRate: logoChurnRateOf(totals),
    logoRetentionRate: logoRetentionRateOf(totals),
    netLogoChurnRate: netLogoChurnRateOf(totals),
  };
}
