/**
 * The naive priority-quadrant oracle: DOMAIN.md §5 ("y = 展開率, x = 活用率; colour = contacted
 * recently or not. Low-low and not contacted is the first to call; rank customers accordingly") with
 * the rule docs/health.md publishes for the ranking, evaluated with exact bigint rationals. Independent
 * of src/: no sort comparator is shared — each customer's priority is 1 + the number of customers that
 * come before it, decided key by key.
 */
import { parseDay } from "./calendar.js";
import { ratOfNumber } from "./doubles.js";
import { type OracleSnapshot, oracleLatestOnOrBefore, oracleSignal } from "./healthOracle.js";
import { type Rational, ZERO, add, cmp } from "./rational.js";

export type OracleQuadrant = "low-low" | "low-high" | "high-low" | "high-high";

export interface OracleQuadrantOptions {
  readonly asOf: string;
  readonly deploymentThreshold: number;
  readonly utilizationThreshold: number;
  readonly contactWithinDays: number;
}

export interface OracleQuadrantRow {
  readonly customerId: string;
  readonly at: string;
  readonly priority: number;
  readonly quadrant: OracleQuadrant;
  /** 展開率 = provisionedUsers / licensedSeats, exact; `null` when missing. */
  readonly deploymentRate: Rational | null;
  /** 活用率 = activeUsers / provisionedUsers, exact; `null` when missing. */
  readonly utilizationRate: Rational | null;
  readonly contactedRecently: boolean;
  readonly lastContactAt: string | null;
}

/** A rate at or above its threshold is high; a missing rate is low. */
const isHigh = (rate: Rational | null, threshold: number): boolean => rate !== null && cmp(rate, ratOfNumber(threshold)) >= 0;

/** Low-low first (0), then the two mixed quadrants together (1), then high-high (2). */
const QUADRANT_RANK: Readonly<Record<OracleQuadrant, number>> = { "low-low": 0, "low-high": 1, "high-low": 1, "high-high": 2 };

interface Keyed {
  readonly row: Omit<OracleQuadrantRow, "priority">;
  readonly keys: readonly [number, number, Rational, string];
}

/** `true` when `a` is to be called before `b`: quadrant, then red before blue, then lower 展開率 + 活用率, then id. */
function before(a: Keyed, b: Keyed): boolean {
  if (a.keys[0] !== b.keys[0]) return a.keys[0] < b.keys[0];
  if (a.keys[1] !== b.keys[1]) return a.keys[1] < b.keys[1];
  const sums = cmp(a.keys[2], b.keys[2]);
  if (sums !== 0) return sums < 0;
  return a.keys[3] < b.keys[3];
}

/** §5 priority quadrant: every customer with a snapshot on or before asOf, placed and ranked. */
export function oraclePriorityQuadrant(snapshots: readonly OracleSnapshot[], options: OracleQuadrantOptions): OracleQuadrantRow[] {
  const asOfDay = parseDay(options.asOf);
  const keyed: Keyed[] = oracleLatestOnOrBefore(snapshots, options.asOf).map((s) => {
    const deploymentRate = oracleSignal(s, "deploymentRate");
    const utilizationRate = oracleSignal(s, "utilizationRate");
    const quadrant = `${isHigh(deploymentRate, options.deploymentThreshold) ? "high" : "low"}-${isHigh(utilizationRate, options.utilizationThreshold) ? "high" : "low"}` as OracleQuadrant;
    const lastContactAt = s.lastContactAt ?? null;
    const contactedRecently = lastContactAt !== null && asOfDay - parseDay(lastContactAt) <= options.contactWithinDays;
    const sum = add(deploymentRate ?? ZERO, utilizationRate ?? ZERO);
    return {
      row: { customerId: s.customerId, at: s.at, quadrant, deploymentRate, utilizationRate, contactedRecently, lastContactAt },
      keys: [QUADRANT_RANK[quadrant], contactedRecently ? 1 : 0, sum, s.customerId],
    };
  });
  const rows = keyed.map((k) => ({ ...k.row, priority: 1 + keyed.filter((other) => before(other, k)).length }));
  return rows.sort((a, b) => a.priority - b.priority);
}
