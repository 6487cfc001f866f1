/**
 * A period's customers split by segment: each customer's M0 and M1 per segment, classified against
 * the customer's overall movement (DOMAIN.md §8, Segments), and folded into per-segment totals.
 * @module
 */
import type { ResolvedPeriod } from "../dates/period.js";
import { bookIndexOf, lineUnits } from "../revenue/bookIndex.js";
import type { ContractBook } from "../revenue/contractBook.js";
import { type CustomerPeriodRow, type Movement, evaluatePeriod } from "../revenue/periodRows.js";
import { EMPTY_PERIOD_TOTALS, type PeriodTotals } from "../revenue/periodTotals.js";
import { compareLabels } from "./segmentLabels.js";

/**
 * A customer's movement inside one segment: its overall movement, or — for a customer in the
 * starting cohort that still pays at the end — `enteringSegment` (no MRR in the segment at the start)
 * or `leavingSegment` (none at the end).
 */
export type SegmentMovement = Movement | "enteringSegment" | "leavingSegment";

/** One customer's period inside one segment, in book units. */
export interface SegmentRow {
  readonly customerId: string;
  readonly segment: string | null;
  /** m0: the customer's MRR in the segment on the day before the period. */
  readonly startingUnits: bigint;
  /** m1: its MRR in the segment on the period's last day. */
  readonly endingUnits: bigint;
  readonly movement: SegmentMovement;
  /** The customer's overall row (M0, M1, churn day). */
  readonly customer: CustomerPeriodRow;
}

/**
 * Exact sums (book units) and customer counts of one segment: the {@link PeriodTotals} of its
 * (customer, segment) rows — `cohortEndingUnits` is Σ m1 over customers with m0 > 0 — plus the MRR
 * and customers that entered or left the segment.
 */
export type SegmentTotals = { -readonly [Key in keyof PeriodTotals]: PeriodTotals[Key] } & {
  readonly segment: string | null;
  enteringUnits: bigint;
  leavingUnits: bigint;
  enteringCustomers: number;
  leavingCustomers: number;
  /** The segment's rows of customers that churned overall (their m0), for lost revenue. */
  readonly churnedRows: CustomerPeriodRow[];
};

/** Classifies a customer's (m0, m1) in a segment given its overall movement. */
export function classifyInSegment(overall: Movement, startingUnits: bigint, endingUnits: bigint): SegmentMovement {
  if (overall === "new" || overall === "reactivation" || overall === "churn") return overall;
  if (startingUnits === 0n) return "enteringSegment";
  if (endingUnits === 0n) return "leavingSegment";
  if (endingUnits > startingUnits) return "expansion";
  if (endingUnits < startingUnits) return "contraction";
  return "flat";
}

function addRow(t: SegmentTotals, row: SegmentRow): void {
  const m0 = row.startingUnits;
  const m1 = row.endingUnits;
  t.startingUnits += m0;
  t.endingUnits += m1;
  if (m0 > 0n) {
    t.startingCustomers++;
    t.cohortEndingUnits += m1;
  }
  if (m1 > 0n) t.endingCustomers++;
  switch (row.movement) {
    case "new":
      t.newUnits += m1;
      t.newCustomers++;
      break;
    case "reactivation":
      t.reactivationUnits += m1;
      t.reactivatedCustomers++;
      break;
    case "expansion":
      t.expansionUnits += m1 - m0;
      t.expandedCustomers++;
      break;
    case "contraction":
      t.contractionUnits += m0 - m1;
      t.contractedCustomers++;
      break;
    case "churn":
      t.churnedUnits += m0;
      t.churnedCustomers++;
      t.churnedRows.push({ ...row.customer, startingUnits: m0 });
      break;
    case "enteringSegment":
      t.enteringUnits += m1;
      t.enteringCustomers++;
      break;
    case "leavingSegment":
      t.leavingUnits += m0;
      t.leavingCustomers++;
      break;
    case "flat":
      t.flatCustomers++;
      break;
  }
}

/**
 * The totals of each segment with MRR at either end of the period, folded from every (customer,
 * segment) row; segments in label order, the unlabelled one last. `labels[line]` is the segment of
 * index line `line`.
 */
export function evaluateSegments(book: ContractBook, resolved: ResolvedPeriod, labels: readonly (string | null)[]): SegmentTotals[] {
  const index = bookIndexOf(book);
  const dayBefore = resolved.startDay - 1;
  const lastDay = resolved.endDay - 1;
  const customerRows = evaluatePeriod(book, resolved);
  const bySegment = new Map<string | null, SegmentTotals>();
  let position = 0;
  for (const customer of customerRows) {
    // Both lists are in customer-id order; the overall rows skip customers without MRR at either end.
    while (index.customerIds[position] !== customer.customerId) position++;
    const units = new Map<string | null, { m0: bigint; m1: bigint }>();
    for (let line = index.lineStart[position]!; line < index.lineStart[position + 1]!; line++) {
      const startDay = index.startDays[line]!;
      if (startDay > lastDay) break;
      const endDay = index.endDays[line]!;
      if (endDay <= dayBefore) continue;
      const label = labels[line]!;
      let entry = units.get(label);
      if (entry === undefined) units.set(label, (entry = { m0: 0n, m1: 0n }));
      const amount = lineUnits(index, line);
      if (startDay <= dayBefore) entry.m0 += amount;
      if (endDay > lastDay) entry.m1 += amount;
    }
    for (const [segment, { m0, m1 }] of units) {
      if (m0 === 0n && m1 === 0n) continue;
      const row: SegmentRow = { customerId: customer.customerId, segment, startingUnits: m0, endingUnits: m1, movement: classifyInSegment(customer.movement, m0, m1), customer };
      let totals = bySegment.get(segment);
      if (totals === undefined) {
        totals = { ...EMPTY_PERIOD_TOTALS, segment, enteringUnits: 0n, leavingUnits: 0n, enteringCustomers: 0, leavingCustomers: 0, churnedRows: [] };
        bySegment.set(segment, totals);
      }
      addRow(totals, row);
    }
  }
  return [...bySegment.values()].sort((a, b) => compareLabels(a.segment, b.segment));
}
