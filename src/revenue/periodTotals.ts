/**
 * Period totals: sums and counts over customer period rows. Being sums, totals of disjoint sets of
 * customers add up to the totals of their union (mergePeriodPartials in periodPartial.ts relies on it).
 * @module
 */
import type { CustomerPeriodRow } from "./customerPeriodRow.js";

/** Exact sums (book units) and customer counts of one period. */
export interface PeriodTotals {
  /** Σ M0 = S, the base of every revenue rate. */
  readonly startingUnits: bigint;
  /** Σ M1 over all customers. */
  readonly endingUnits: bigint;
  readonly newUnits: bigint;
  readonly reactivationUnits: bigint;
  readonly expansionUnits: bigint;
  readonly contractionUnits: bigint;
  readonly churnedUnits: bigint;
  /** Σ over C0 of M1 (NRR's numerator). */
  readonly cohortEndingUnits: bigint;
  /** |C0|. */
  readonly startingCustomers: number;
  readonly endingCustomers: number;
  readonly newCustomers: number;
  readonly reactivatedCustomers: number;
  readonly expandedCustomers: number;
  readonly contractedCustomers: number;
  readonly churnedCustomers: number;
  readonly flatCustomers: number;
}

/** Totals of nothing. */
export const EMPTY_PERIOD_TOTALS: PeriodTotals = Object.freeze({
  startingUnits: 0n,
  endingUnits: 0n,
  newUnits: 0n,
  reactivationUnits: 0n,
  expansionUnits: 0n,
  contractionUnits: 0n,
  churnedUnits: 0n,
  cohortEndingUnits: 0n,
  startingCustomers: 0,
  endingCustomers: 0,
  newCustomers: 0,
  reactivatedCustomers: 0,
  expandedCustomers: 0,
  contractedCustomers: 0,
  churnedCustomers: 0,
  flatCustomers: 0,
});

/** Folds customer period rows into totals. */
export function periodTotals(rows: readonly CustomerPeriodRow[]): PeriodTotals {
  let startingUnits = 0n;
  let endingUnits = 0n;
  let newUnits = 0n;
  let reactivationUnits = 0n;
  let expansionUnits = 0n;
  let contractionUnits = 0n;
  let churnedUnits = 0n;
  let cohortEndingUnits = 0n;
  const counts = { starting: 0, ending: 0, new: 0, reactivation: 0, expansion: 0, contraction: 0, churn: 0, flat: 0 };
  for (const row of rows) {
    const m0 = row.startingUnits;
    const m1 = row.endingUnits;
    startingUnits += m0;
    endingUnits += m1;
    if (m0 > 0n) {
      counts.starting++;
      cohortEndingUnits += m1;
    }
    if (m1 > 0n) counts.ending++;
    counts[row.movement]++;
    switch (row.movement) {
      case "new":
        newUnits += m1;
        break;
      case "reactivation":
        reactivationUnits += m1;
        break;
      case "expansion":
        expansionUnits += m1 - m0;
        break;
      case "contraction":
        contractionUnits += m0 - m1;
        break;
      case "churn":
        churnedUnits += m0;
        break;
      case "flat":
        break;
    }
  }
  return {
    startingUnits,
    endingUnits,
    newUnits,
    reactivationUnits,
    expansionUnits,
    contractionUnits,
    churnedUnits,
    cohortEndingUnits,
    startingCustomers: counts.starting,
    endingCustomers: counts.ending,
    newCustomers: counts.new,
    reactivatedCustomers: counts.reactivation,
    expandedCustomers: counts.expansion,
    contractedCustomers: counts.contraction,
    churnedCustomers: counts.churn,
    flatCustomers: counts.flat,
  };
}
