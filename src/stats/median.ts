/**
 * The median of whole numbers, exactly (internal): the middle value, or the mean of the middle two.
 * @module
 */
import type { Decimal } from "decimal.js";
import { divide } from "../money/exactDecimal.js";

/** The median of whole numbers sorted ascending (non-empty): the mean of the middle two for an even count. */
export function median(sorted: readonly number[]): Decimal {
  const middle = sorted.length >> 1;
  return divide(BigInt(sorted.length % 2 === 1 ? 2 * sorted[middle]! : sorted[middle - 1]! + sorted[middle]!), 2n);
}
