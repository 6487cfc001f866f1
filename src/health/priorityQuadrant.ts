/**
 * The priority quadrant (WingArc1st's CSuP view), DOMAIN.md §5: 展開率 × 活用率, coloured by recent
 * contact, ranked so the first customer is the first to call.
 * @module
 */
import { compareIds } from "../ids/compareIds.js";
import type { ContractsInput } from "../revenue/contractBook.js";
import { payingCustomersOn } from "./customerScope.js";
import { cachedEpochDay } from "./calendarDayCache.js";
import { readOptions } from "../schemas/options.js";
import type { CalendarDateInput } from "../schemas/primitives.js";
import type { UsageSnapshotInput } from "../schemas/usageSnapshot.js";
import { RATIONAL_ZERO, type Rational, add, compare, rationalOf } from "./rational.js";
import { signalRational, signalValue } from "./signals.js";
import { dateOption, latestIndexOnOrBefore, numberOption, snapshotHistories } from "./snapshotHistory.js";

/** A quadrant, named deployment-utilization: `"low-high"` = low 展開率, high 活用率. */
export type Quadrant = "low-low" | "low-high" | "high-low" | "high-high";

/** Options of {@link priorityQuadrant}. */
export interface PriorityQuadrantOptions {
  /** Use each customer's latest snapshot on or before this date. */
  readonly asOf: CalendarDateInput;
  /** 展開率 ≥ this ratio (0.5 = 50%) is high. */
  readonly deploymentThreshold: number;
  /** 活用率 ≥ this ratio is high. */
  readonly utilizationThreshold: number;
  /** Contacted recently when asOf − lastContactAt ≤ this many days. */
  readonly contactWithinDays: number;
  /**
   * Contracts (a {@link ContractBook} or raw records): place and rank only the customers with MRR > 0
   * on `asOf`, as {@link scoreCustomers} does with the same option (a churned customer whose users
   * still log in is no one to call). Default: absent — every customer with a snapshot is placed.
   */
  readonly activeIn?: ContractsInput;
}

/** One customer in the quadrant view. */
export interface QuadrantCustomer {
  readonly customerId: string;
  /** Date of the snapshot used. */
  readonly at: string;
  /** 1 = call first. */
  readonly priority: number;
  readonly quadrant: Quadrant;
  /** 展開率, `null` when missing (then counted as low). */
  readonly deploymentRate: number | null;
  /** 活用率, `null` when missing (then counted as low). */
  readonly utilizationRate: number | null;
  /** Blue (`true`) or red (`false`) in the chart; `false` when `lastContactAt` is unknown. */
  readonly contactedRecently: boolean;
  readonly lastContactAt: string | null;
}

interface Ranked {
  readonly row: Omit<QuadrantCustomer, "priority">;
  readonly group: number;
  readonly combined: Rational;
}

function quadrantGroup(quadrant: Quadrant): number {
  return quadrant === "low-low" ? 0 : quadrant === "high-high" ? 2 : 1;
}

function compareRanked(a: Ranked, b: Ranked): number {
  return (
    a.group - b.group ||
    Number(a.row.contactedRecently) - Number(b.row.contactedRecently) ||
    compare(a.combined, b.combined) ||
    compareIds(a.row.customerId, b.row.customerId)
  );
}

/**
 * Places each customer in the 展開率 × 活用率 quadrant and ranks who to call first.
 *
 * @remarks
 * From each customer's latest snapshot on or before asOf: deploymentRate (展開率) = provisionedUsers /
 * licensedSeats and utilizationRate (活用率) = activeUsers / provisionedUsers; a rate ≥ its threshold is
 * high, else low (a missing rate is low). contactedRecently = lastContactAt known and asOf − lastContactAt
 * ≤ contactWithinDays. Order: low-low first, then the two mixed quadrants together, then high-high; within
 * that, not contacted before contacted; then the lowest deploymentRate + utilizationRate first (missing = 0,
 * compared exactly); then customer id.
 *
 * @param snapshots - Usage snapshots of any customers, in any order; not mutated.
 * @param options - `asOf`, the two thresholds (ratios) and `contactWithinDays`; optionally `activeIn`.
 * @returns Customers in priority order (`priority` 1, 2, …); customers with no snapshot on or before asOf
 * are left out, and with `activeIn` those without MRR on asOf too (`scoreCustomers` with `activeIn` lists them).
 * @throws {@link ValidationError} for invalid snapshots (`snapshots[3].licensedSeats`), options
 * (`options.asOf`, also when `options` is missing: every option but `activeIn` is required;
 * `options.activeIn[2].amount`; `options` when it is not an object), or two snapshots of one customer on one day.
 * @throws {@link CurrencyMismatchError} for `activeIn` records in several currencies.
 * @example
 * ```ts
 * import { priorityQuadrant } from "cs-metrics";
 * const ranked = priorityQuadrant([
 *   { customerId: "a", at: "2025-06-30", licensedSeats: 100, provisionedUsers: 90, activeUsers: 80, lastContactAt: "2025-06-01" },
 *   { customerId: "b", at: "2025-06-30", licensedSeats: 100, provisionedUsers: 30, activeUsers: 6, lastContactAt: "2025-06-20" },
 *   { customerId: "c", at: "2025-06-30", licensedSeats: 100, provisionedUsers: 40, activeUsers: 10 },
 * ], { asOf: "2025-06-30", deploymentThreshold: 0.5, utilizationThreshold: 0.5, contactWithinDays: 30 });
 * ranked.map((r) => [r.customerId, r.quadrant, r.contactedRecently]);
 * //=> [["c", "low-low", false], ["b", "low-low", true], ["a", "high-high", true]]
 * ```
 */
export function priorityQuadrant(snapshots: readonly UsageSnapshotInput[], options: PriorityQuadrantOptions): QuadrantCustomer[] {
  const read = readOptions(options);
  const asOf = dateOption(read.asOf, "options.asOf");
  const deploymentThreshold = rationalOf(numberOption(read.deploymentThreshold, "options.deploymentThreshold"));
  const utilizationThreshold = rationalOf(numberOption(read.utilizationThreshold, "options.utilizationThreshold"));
  const contactWithinDays = numberOption(read.contactWithinDays, "options.contactWithinDays", 0);
  const paying = payingCustomersOn(read.activeIn, asOf);
  const ranked: Ranked[] = [];
  for (const history of snapshotHistories(snapshots)) {
    const position = latestIndexOnOrBefore(history.snapshots, asOf);
    if (position < 0 || (paying !== null && !paying.has(history.customerId))) continue;
    const snapshot = history.snapshots[position]!.snapshot;
    const deployment = signalRational(snapshot, "deploymentRate");
    const utilization = signalRational(snapshot, "utilizationRate");
    const deploymentHigh = deployment !== null && compare(deployment, deploymentThreshold) >= 0;
    const utilizationHigh = utilization !== null && compare(utilization, utilizationThreshold) >= 0;
    const quadrant: Quadrant = `${deploymentHigh ? "high" : "low"}-${utilizationHigh ? "high" : "low"}`;
    const contact = snapshot.lastContactAt;
    const contactedRecently = contact !== null && asOf - cachedEpochDay(contact)! <= contactWithinDays;
    ranked.push({
      row: {
        customerId: history.customerId,
        at: snapshot.at,
        quadrant,
        deploymentRate: signalValue(snapshot, "deploymentRate"),
        utilizationRate: signalValue(snapshot, "utilizationRate"),
        contactedRecently,
        lastContactAt: contact,
      },
      group: quadrantGroup(quadrant),
      combined: add(deployment ?? RATIONAL_ZERO, utilization ?? RATIONAL_ZERO),
    });
  }
  return ranked.sort(compareRanked).map((entry, index) => ({ ...entry.row, priority: index + 1 }));
}
