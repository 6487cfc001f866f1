/**
 * The fold both float baselines share: one customer's M0 and M1 (doubles) at a time into the
 * movement totals, counts and lost revenue of DOMAIN.md §2–4, then the benchmark's figures.
 * @module
 */
import type { KpiFigures } from "./floatKpis.js";

/** Movement totals and counts in doubles. */
export class FloatTotals {
  starting = 0;
  ending = 0;
  newMrr = 0;
  reactivation = 0;
  expansion = 0;
  contraction = 0;
  churned = 0;
  cohortEnding = 0;
  lost = 0;
  startingCustomers = 0;
  churnedCustomers = 0;
  newCustomers = 0;

  /** Adds one customer; returns `true` when it churned (the caller adds its lost revenue). */
  add(m0: number, m1: number, hadBefore: boolean): boolean {
    this.starting += m0;
    this.ending += m1;
    if (m0 > 0) {
      this.startingCustomers++;
      this.cohortEnding += m1;
      if (m1 === 0) {
        this.churned += m0;
        this.churnedCustomers++;
        return true;
      }
      if (m1 > m0) this.expansion += m1 - m0;
      else this.contraction += m0 - m1;
    } else if (m1 > 0) {
      if (hadBefore) this.reactivation += m1;
      else {
        this.newMrr += m1;
        this.newCustomers++;
      }
    }
    return false;
  }

  /** The figures, money annualised (12 × MRR). */
  figures(): KpiFigures {
    return {
      startingArr: String(12 * this.starting),
      endingArr: String(12 * this.ending),
      newArr: String(12 * this.newMrr),
      reactivationArr: String(12 * this.reactivation),
      expansionArr: String(12 * this.expansion),
      contractionArr: String(12 * this.contraction),
      churnedArr: String(12 * this.churned),
      startingCustomers: this.startingCustomers,
      churnedCustomers: this.churnedCustomers,
      newCustomers: this.newCustomers,
      nrr: String(this.cohortEnding / this.starting),
      grr: String((this.starting - this.churned - this.contraction) / this.starting),
      lostRevenue: String(this.lost),
    };
  }
}
