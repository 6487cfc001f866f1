/**
 * The one place where a customer's period is classified (DOMAIN.md §1–2). Every revenue metric is a
 * fold over these rows.
 * @module
 */
import type { EpochDay } from "../dates/calendarDate.js";
import type { ResolvedPeriod } from "../dates/period.js";
import { type BookIndex, bookIndexOf } from "./bookIndex.js";
import type { ContractBook, ContractLine } from "./contractBook.js";
import type { CustomerPeriodRow, Movement } from "./customerPeriodRow.js";
import { type PeriodTotals, periodTotals } from "./periodTotals.js";

export type { CustomerPeriodRow, Movement } from "./customerPeriodRow.js";

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
 * Each line is visited at most once: O(lines).
 */
export function evaluatePeriod(book: ContractBook, resolved: ResolvedPeriod): CustomerPeriodRow[] {
  const rows: CustomerPeriodRow[] = [];
  scanPeriod(bookIndexOf(book), resolved, (customer, startingUnits, endingUnits, hadRevenueBefore, churnDay, movement) => {
    rows.push({ customerId: customer, startingUnits, endingUnits, hadRevenueBefore, churnDay, movement });
  });
  return rows;
}

/** Receives one customer's period: M0, M1 (bigint), whether it had revenue before, churn day, movement. */
type RowSink = (
  customerId: string,
  startingUnits: bigint,
  endingUnits: bigint,
  hadRevenueBefore: boolean,
  churnDay: EpochDay | null,
  movement: Movement,
) => void;

/** Calls `sink` for each customer with MRR at the start or the end of the period, in id order. */
function scanPeriod(index: BookIndex, resolved: ResolvedPeriod, sink: RowSink): void {
  const dayBefore = resolved.startDay - 1;
  const lastDay = resolved.endDay - 1;
  const { customerIds, lineStart, startDays, endDays, units, bigUnits } = index;
  for (let customer = 0; customer < customerIds.length; customer++) {
    let startingUnits = 0n;
    let endingUnits = 0n;
    let hadRevenueBefore = false;
    let lastRevenueEnd = Number.NEGATIVE_INFINITY;
    const to = lineStart[customer + 1]!;
    for (let line = lineStart[customer]!; line < to; line++) {
      const startDay = startDays[line]!;
      if (startDay > lastDay) break;
      const lineUnits = units === null ? bigUnits![line]! : BigInt(units[line]!);
      if (lineUnits === 0n) continue;
      if (startDay <= dayBefore) hadRevenueBefore = true;
      const endDay = endDays[line]!;
      if (endDay > dayBefore) {
        if (startDay <= dayBefore) startingUnits += lineUnits;
        if (endDay > lastDay) endingUnits += lineUnits;
        else if (endDay > lastRevenueEnd) lastRevenueEnd = endDay;
      }
    }
    const movement = classify(startingUnits, endingUnits, hadRevenueBefore);
    if (movement === null) continue;
    sink(customerIds[customer]!, startingUnits, endingUnits, hadRevenueBefore, movement === "churn" ? lastRevenueEnd : null, movement);
  }
}

/** A period's totals and its churned customers' rows (what lost revenue needs). */
export interface PeriodTotalsAndChurn {
  readonly totals: PeriodTotals;
  /** Rows of the churned customers, in customer-id order. */
  readonly churnedRows: readonly CustomerPeriodRow[];
}

/**
 * Totals of a period and its churned rows without building a row per customer: one pass over the
 * index in exact double arithmetic when the book's units allow it (all sums stay below 2^53),
 * through {@link evaluatePeriod} and {@link periodTotals} otherwise. O(lines).
 */
export function evaluatePeriodTotals(book: ContractBook, resolved: ResolvedPeriod): PeriodTotalsAndChurn {
  const index = bookIndexOf(book);
  const { customerIds, lineStart, startDays, endDays, units } = index;
  if (units === null) {
    const rows = evaluatePeriod(book, resolved);
    return { totals: periodTotals(rows), churnedRows: rows.filter((row) => row.movement === "churn") };
  }
  const dayBefore = resolved.startDay - 1;
  const lastDay = resolved.endDay - 1;
  let startingTotal = 0;
  let endingTotal = 0;
  let newTotal = 0;
  let reactivationTotal = 0;
  let expansionTotal = 0;
  let contractionTotal = 0;
  let churnedTotal = 0;
  let cohortEndingTotal = 0;
  let startingCustomers = 0;
  let endingCustomers = 0;
  let newCustomers = 0;
  let reactivatedCustomers = 0;
  let expandedCustomers = 0;
  let contractedCustomers = 0;
  let flatCustomers = 0;
  const churnedRows: CustomerPeriodRow[] = [];
  for (let customer = 0; customer < customerIds.length; customer++) {
    let starting = 0;
    let ending = 0;
    let hadRevenueBefore = false;
    let lastRevenueEnd = Number.NEGATIVE_INFINITY;
    const to = lineStart[customer + 1]!;
    for (let line = lineStart[customer]!; line < to; line++) {
      const startDay = startDays[line]!;
      if (startDay > lastDay) break;
      const lineUnits = units[line]!;
      if (lineUnits === 0) continue;
      if (startDay <= dayBefore) hadRevenueBefore = true;
      const endDay = endDays[line]!;
      if (endDay > dayBefore) {
        if (startDay <= dayBefore) starting += lineUnits;
        if (endDay > lastDay) ending += lineUnits;
        else if (endDay > lastRevenueEnd) lastRevenueEnd = endDay;
      }
    }
    // The classification of classify(), on exact doubles.
    if (starting === 0) {
      if (ending === 0) continue;
      endingTotal += ending;
      endingCustomers++;
      if (hadRevenueBefore) {
        reactivationTotal += ending;
        reactivatedCustomers++;
      } else {
        newTotal += ending;
        newCustomers++;
      }
      continue;
    }
    startingTotal += starting;
    startingCustomers++;
    cohortEndingTotal += ending;
    if (ending === 0) {
      churnedTotal += starting;
      churnedRows.push({
        customerId: customerIds[customer]!,
        startingUnits: BigInt(starting),
        endingUnits: 0n,
        hadRevenueBefore,
        churnDay: lastRevenueEnd,
        movement: "churn",
      });
      continue;
    }
    endingTotal += ending;
    endingCustomers++;
    if (ending > starting) {
      expansionTotal += ending - starting;
      expandedCustomers++;
    } else if (ending < starting) {
      contractionTotal += starting - ending;
      contractedCustomers++;
    } else {
      flatCustomers++;
    }
  }
  return {
    totals: {
      startingUnits: BigInt(startingTotal),
      endingUnits: BigInt(endingTotal),
      newUnits: BigInt(newTotal),
      reactivationUnits: BigInt(reactivationTotal),
      expansionUnits: BigInt(expansionTotal),
      contractionUnits: BigInt(contractionTotal),
      churnedUnits: BigInt(churnedTotal),
      cohortEndingUnits: BigInt(cohortEndingTotal),
      startingCustomers,
      endingCustomers,
      newCustomers,
      reactivatedCustomers,
      expandedCustomers,
      contractedCustomers,
      churnedCustomers: churnedRows.length,
      flatCustomers,
    },
    churnedRows,
  };
}
