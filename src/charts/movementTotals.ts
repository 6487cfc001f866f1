/**
 * Reading a period's MRR movement totals (`revenueReport(…).movements`, as returned or after a JSON
 * round trip) for the charts that draw them: the MRR bridge (one period) and the movements chart
 * (one per step of a series). The amounts are checked against the movement identity of DOMAIN.md §2.
 * @module
 */
import { Decimal } from "decimal.js";
import type { MovementTotals } from "../revenue/revenueMovements.js";
import type { ChartInput } from "./chartInput.js";

/** The movements in bridge order: name, field of {@link MovementTotals}, sign. */
export const MOVES = [
  ["new", "newMrr", 1],
  ["expansion", "expansionMrr", 1],
  ["reactivation", "reactivationMrr", 1],
  ["contraction", "contractionMrr", -1],
  ["churn", "churnedMrr", -1],
] as const;

/** {@link MovementTotals} as read: the currency and every amount, exact. */
export interface Movements {
  readonly currency: string;
  readonly amounts: Readonly<Record<"startingMrr" | "endingMrr" | (typeof MOVES)[number][1], Decimal>>;
}

/** Sums of up to seven amounts below 1e100 with up to 100 decimal places, without rounding. */
export const Sum = Decimal.clone({ precision: 1000 });

/** How far the chained movements may miss endingMrr, relative to the largest level: 40-digit results and floats pass. */
const IDENTITY_TOLERANCE = new Decimal("1e-9");

/**
 * Reads movement totals at `path` (`movements`, `series.steps[3].report.movements`): an object, an
 * ISO 4217 `currency`, non-negative amounts, and — once those are sound — endingMrr equal to
 * startingMrr + new + expansion + reactivation − contraction − churn. Problems are recorded on
 * `input` with their path; returns `null` when there was one.
 */
export function readMovementTotals(input: ChartInput, value: unknown, path: string): Movements | null {
  const record = input.record(value, path, "MRR movement totals (revenueReport(…).movements)");
  if (record === null) return null;
  const currency = input.currency(record["currency"], `${path}.currency`);
  const amounts: Record<string, Decimal> = {};
  let sound = currency !== null;
  for (const key of ["startingMrr", "endingMrr", ...MOVES.map((move) => move[1])]) {
    const amount = input.decimal(record[key], `${path}.${key}`);
    if (amount === null) sound = false;
    else amounts[key] = amount;
  }
  if (!sound) return null;
  const read = amounts as Movements["amounts"];
  let level = new Sum(read.startingMrr);
  let largest = level;
  for (const [, key, sign] of MOVES) {
    level = sign === 1 ? level.plus(read[key]) : level.minus(read[key]);
    largest = Sum.max(largest, level.abs());
  }
  if (level.minus(read.endingMrr).abs().greaterThan(largest.times(IDENTITY_TOLERANCE))) {
    input.fail(
      `${path}.endingMrr`,
      `must equal startingMrr + newMrr + expansionMrr + reactivationMrr − contractionMrr − churnedMrr = ${level.toFixed()} (got ${read.endingMrr.toFixed()})`,
    );
    return null;
  }
  return { currency: currency!, amounts: read };
}
