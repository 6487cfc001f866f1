/**
 * One customer's period, classified (DOMAIN.md §2): the row every revenue metric folds over. Its own
 * module so that the rows (periodRows.ts) and their totals (periodTotals.ts) both name it.
 * @module
 */
import type { EpochDay } from "../dates/calendarDate.js";

/**
 * How a customer's MRR moved over a period (DOMAIN.md §2). `flat`: in the starting cohort with
 * unchanged MRR. Customers with no MRR at either end get no row.
 */
export type Movement = "new" | "reactivation" | "expansion" | "contraction" | "churn" | "flat";

/** One customer's period in exact book units. */
export interface CustomerPeriodRow {
  readonly customerId: string;
  /** M0: MRR on the day before the period starts. */
  readonly startingUnits: bigint;
  /** M1: MRR on the period's last day. */
  readonly endingUnits: bigint;
  /** Whether the customer had MRR > 0 on any day before the period starts. */
  readonly hadRevenueBefore: boolean;
  /** For a churned customer: the day after its last day with MRR > 0 in the period; else `null`. */
  readonly churnDay: EpochDay | null;
  readonly movement: Movement;
}
