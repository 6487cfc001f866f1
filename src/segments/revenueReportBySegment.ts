/**
 * The revenue report split by segment (plan, product, or any customer attribute), DOMAIN.md §8.
 * @module
 */
import type { Decimal } from "decimal.js";
import { resolvePeriod } from "../dates/period.js";
import { type LostRevenue, checkProration, lostRevenueOf } from "../lostRevenue/lostRevenue.js";
import { ratio } from "../money/exactDecimal.js";
import { type ContractBook, type ContractsInput, toContractBook, unitsToDecimal } from "../revenue/contractBook.js";
import type { RevenueRates } from "../revenue/rateFormulas.js";
import { type RevenueReport, type RevenueReportOptions, revenueReport } from "../revenue/revenueReport.js";
import { type MovementTotals, movementTotals } from "../revenue/revenueMovements.js";
import { readOptions } from "../schemas/options.js";
import type { Period, PeriodInput } from "../schemas/period.js";
import { type SegmentBy, type SegmentKind, lineLabels } from "./segmentLabels.js";
import { type SegmentTotals, evaluateSegments } from "./segmentRows.js";

export type { LineAttribute, SegmentBy, SegmentKind } from "./segmentLabels.js";
export type { SegmentMovement } from "./segmentRows.js";

/** Options of {@link revenueReportBySegment}. */
export interface RevenueReportBySegmentOptions extends RevenueReportOptions {
  /** What defines a segment: `"plan"`, `"product"`, a map customer id → label, or a function of the customer id. */
  readonly segment: SegmentBy;
}

/**
 * A segment's movement totals. Beyond {@link MovementTotals}: MRR that moved into or out of the
 * segment without the customer being new, reactivated or churned overall. Logo counts count a
 * customer once in every segment where it has MRR.
 */
export interface SegmentMovementTotals extends MovementTotals {
  /** Σ m1 of customers in the starting cohort with no MRR in the segment at the start. */
  readonly enteringSegmentMrr: Decimal;
  /** Σ m0 of customers still paying at the end with no MRR in the segment at the end. */
  readonly leavingSegmentMrr: Decimal;
  readonly enteringSegmentCustomers: number;
  readonly leavingSegmentCustomers: number;
}

/**
 * A segment's rates over its starting cohort (customers with MRR in the segment at the start, S =
 * their MRR there). MRR leaving the segment is lost to it: GRR = 1 − (churn + contraction +
 * leaving) / S, and NRR = Σ of the cohort's ending MRR in the segment / S. A customer that left the
 * segment but still pays is not a churned logo.
 */
export interface SegmentRates extends RevenueRates {
  /** leavingSegmentMrr / S. */
  readonly leavingSegmentRate: Decimal | null;
}

/** One segment's report. */
export interface SegmentReport {
  /** The label; `null` for lines (or customers) without one. */
  readonly segment: string | null;
  readonly movements: SegmentMovementTotals;
  readonly rates: SegmentRates;
  /** Lost revenue of the customers that churned overall, on their MRR in this segment. */
  readonly lostRevenue: LostRevenue;
}

/** {@link revenueReportBySegment}'s result. */
export interface RevenueReportBySegment {
  readonly currency: string;
  readonly period: Period;
  /** `"plan"` / `"product"` (a line attribute) or `"customer"` (a map or function). */
  readonly segmentBy: SegmentKind;
  /** Segments with MRR at the start or the end of the period, by label (the unlabelled one last). */
  readonly segments: readonly SegmentReport[];
  /** The whole book's {@link revenueReport}, which the segments add up to. */
  readonly total: RevenueReport;
}

function segmentMovements(book: ContractBook, t: SegmentTotals): SegmentMovementTotals {
  return {
    ...movementTotals(book, t),
    enteringSegmentMrr: unitsToDecimal(book, t.enteringUnits),
    leavingSegmentMrr: unitsToDecimal(book, t.leavingUnits),
    enteringSegmentCustomers: t.enteringCustomers,
    leavingSegmentCustomers: t.leavingCustomers,
  };
}

function segmentRates(t: SegmentTotals, subtractReactivation: boolean): SegmentRates {
  const s = t.startingUnits;
  const lost = t.churnedUnits + t.contractionUnits + t.leavingUnits;
  const cohort = BigInt(t.startingCustomers);
  return {
    nrr: ratio(t.cohortEndingUnits, s),
    grr: ratio(s - lost, s),
    expansionRate: ratio(t.expansionUnits, s),
    contractionRate: ratio(t.contractionUnits, s),
    revenueChurnRate: ratio(t.churnedUnits, s),
    grossRevenueChurnRate: ratio(lost, s),
    netRevenueChurnRate: ratio(lost - t.expansionUnits - (subtractReactivation ? t.reactivationUnits : 0n), s),
    logoChurnRate: ratio(BigInt(t.churnedCustomers), cohort),
    logoRetentionRate: ratio(cohort - BigInt(t.churnedCustomers), cohort),
    netLogoChurnRate: ratio(BigInt(t.churnedCustomers - t.newCustomers), cohort),
    leavingSegmentRate: ratio(t.leavingUnits, s),
  };
}

/**
 * The revenue report of a period split by segment — by plan, by product, or by any customer
 * attribute (region, owner, size) — with the whole book's report the segments add up to.
 *
 * @remarks
 * Per customer c and segment s, m0 and m1 are c's MRR in s on the day before the period and on its
 * last day (a line attribute splits c's MRR across its lines' segments; a customer attribute puts all
 * of it in one segment). Each (c, s) takes c's overall movement (DOMAIN.md §2) when c is new,
 * reactivated or churned overall; otherwise m0 = 0 < m1 is **entering segment** (amount m1),
 * m1 = 0 < m0 is **leaving segment** (amount m0), and expansion, contraction or flat compare m1 with
 * m0 — ChartMogul's "MRR Entering Segment" / "MRR Leaving Segment" rows of a plan filter, where a
 * switch from a $50 plan A to a $30 plan B leaves A with $50 and enters B with $30 (help.chartmogul.com,
 * Chart Data). So in every segment, ending − starting = new + reactivation + expansion + entering −
 * contraction − churn − leaving, exactly; and over all segments starting, ending, new, reactivation
 * and churned MRR add up to the whole report's, and Σ (expansion − contraction + entering − leaving)
 * to its expansion − contraction. Entering and leaving are zero for a customer attribute, where
 * every movement adds up on its own.
 *
 * Logo counts: a customer counts once in each segment where it has MRR, so with a line attribute the
 * segments' counts may add up to more than the whole's. Rates are over the segment's starting cohort
 * (see {@link SegmentRates}).
 *
 * @param contracts - A {@link ContractBook} or raw contract records; not mutated.
 * @param period - `[start, end)`.
 * @param options - `segment` (required), and `proration` / `subtractReactivation` as in {@link revenueReport}.
 * @returns One report per segment with MRR at the start or the end, and the whole report.
 * @throws {@link ValidationError} at `options.segment` for an unknown attribute or a label that is not a
 * string; for invalid contracts; {@link CurrencyMismatchError}; {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { month, revenueReportBySegment } from "cs-metrics";
 * const bySegment = revenueReportBySegment([
 *   { id: "1", customerId: "a", start: "2025-01-01", end: "2025-03-10", amount: 50, currency: "USD", plan: "A" },
 *   { id: "2", customerId: "a", start: "2025-03-10", amount: 30, currency: "USD", plan: "B" },
 * ], month("2025-03"), { segment: "plan" });
 * bySegment.segments.map((s) => s.segment); //=> ["A", "B"]
 * bySegment.segments[0]?.movements.leavingSegmentMrr.toString(); //=> "50"
 * bySegment.segments[1]?.movements.enteringSegmentMrr.toString(); //=> "30"
 * bySegment.total.movements.contractionMrr.toString(); //=> "20"
 * ```
 */
export function revenueReportBySegment(contracts: ContractsInput, period: PeriodInput, options: RevenueReportBySegmentOptions): RevenueReportBySegment {
  const read = readOptions(options);
  const proration = checkProration(read.proration);
  const resolved = resolvePeriod(period);
  const book = toContractBook(contracts);
  const { kind, labels } = lineLabels(book, read.segment);
  const total = revenueReport(book, resolved.period, options);
  const totals = evaluateSegments(book, resolved, labels);
  return {
    currency: book.currency,
    period: resolved.period,
    segmentBy: kind,
    segments: totals.map((t) => ({
      segment: t.segment,
      movements: segmentMovements(book, t),
      rates: segmentRates(t, read.subtractReactivation === true),
      lostRevenue: lostRevenueOf({ book, resolved, churnedRows: t.churnedRows }, proration),
    })),
    total,
  };
}
