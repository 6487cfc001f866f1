/**
 * The money value handed back by cs-metrics: an exact Decimal amount with its currency.
 * @module
 */
import type { Decimal } from "decimal.js";

/** An exact amount of one currency. */
export interface Money {
  /** The amount, exact (or rounded to 40 significant digits where a division made it non-terminating). */
  readonly amount: Decimal;
  /** ISO 4217 code. */
  readonly currency: string;
}
