/**
 * The one place where a customer's period is classified (DOMAIN.md §1–2). Every revenue metric is a
 * fold over these rows.
 * @module
 */
import type { EpochDay } from "../dates/calendarDate.js";
import type { ResolvedPeriod } from "../dates/period.js";
import type { ContractBook, ContractLine } from "./contractBook.js";

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

/** MRR units of a customer's lines on one day: Σ mrrUnits of lines with start ≤ day < end. */
export function unitsOn(lines: readonly ContractLine[], day: EpochDay): bigint {
  let units = 0n;
  for (const line of lines) {
    if (line.startDay > day) break;
    if (day < line.endDay) units += line.mrrUnits;
  }
  return units;
}

/** Classifies a customer from M0, M1 and whether it had revenue before; `null` when both are 0. */
export function classify(startingUnits: bigint, endingUnits: bigint, hadRevenueBefore: boolean): Movement | null {
  if (startingUnits === 0n) {
    if (endingUnits === 0n) return null;
    return hadRevenueBefore ? "reactivation" : "new";
  }
  if (endingUnits === 0n) return "churn";
  if (endingUnits > startingUnits) return "expansion";
  if (endingUnits < startingUnits) return "contraction";
  return "flat";
}

/**
 * One row per customer with MRR at the start or the end of the period, in customer-id order.
 * Each line is visited once.
 */
export function evaluatePeriod(book: ContractBook, resolved: ResolvedPeriod): CustomerPeriodRow[] {
  const dayBefore = resolved.startDay - 1;
  const lastDay = resolved.endDay - 1;
  const rows: CustomerPeriodRow[] = [];
  for (const customer of book.customers) {
    let startingUnits = 0n;
    let endingUnits = 0n;
    let hadRevenueBefore = false;
    let lastRevenueEnd = Number.NEGATIVE_INFINITY;
    for (const line of customer.lines) {
      if (line.startDay > lastDay) break;
      if (line.mrrUnits === 0n) continue;
      if (line.startDay <= dayBefore) hadRevenueBefore = true;
      if (line.endDay > dayBefore) {
        if (line.startDay <= dayBefore) startingUnits += line.mrrUnits;
        if (line.endDay > lastDay) endingUnits += line.mrrUnits;
        else if (line.endDay > lastRevenueEnd) lastRevenueEnd = line.endDay;
      }
    }
    const movement = classify(startingUnits, endingUnits, hadRevenueBefore);
    if (movement === null) continue;
    rows.push({
      customerId: customer.customerId,
      startingUnits,
      endingUnits,
      hadRevenueBefore,
      churnDay: movement === "churn" ? lastRevenueEnd : null,
      movement,
    });
  }
  return rows;
}
