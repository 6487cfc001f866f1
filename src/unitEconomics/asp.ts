/**
 * ASP: average sale price of a period's new customers (DOMAIN.md §8).
 * @module
 */
import { resolvePeriod } from "../dates/period.js";
import { divide } from "../money/exactDecimal.js";
import type { Money } from "../money/money.js";
import type { PeriodInput } from "../schemas/period.js";
import { type ContractsInput, toContractBook } from "../revenue/contractBook.js";
import { conversionUnits, conversionsIn } from "./conversions.js";

/**
 * ASP (average sale price): the mean MRR of the customers who first paid in a period, read on the
 * day they converted.
 *
 * @remarks ASP(P) = Σ MRR_c(first paid day of c) / |N|, N = customers whose first day with MRR > 0
 * ever falls in P — ChartMogul's "total New Business MRR in a period / customers who subscribed for
 * the first time in that period" (its example: 3 × $100 + 7 × $50 over 10 customers = $65).
 * Later upgrades, downgrades and reactivations of those customers do not count, nor do returning
 * customers. Differs from the period's `newMrr` / `newCustomers` of {@link revenueMovements}, which
 * reads MRR at the period's end and leaves out customers that converted and left within the period.
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param period - `[start, end)`.
 * @returns The mean MRR at conversion in the book's currency, or `null` when nobody converted in the period.
 * @throws {@link ValidationError}, {@link CurrencyMismatchError}, {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { asp, month } from "cs-metrics";
 * // a converts at $100 on May 3 (and upgrades later: not counted), b at $50 + $10 on May 20,
 * // c was already paying in April: (100 + 60) / 2 = $80.
 * asp([
 *   { id: "1", customerId: "a", start: "2025-05-03", amount: 100, currency: "USD" },
 *   { id: "2", customerId: "a", start: "2025-05-25", amount: 40, currency: "USD" },
 *   { id: "3", customerId: "b", start: "2025-05-20", amount: 50, currency: "USD" },
 *   { id: "4", customerId: "b", start: "2025-05-20", amount: 10, currency: "USD" },
 *   { id: "5", customerId: "c", start: "2025-04-01", amount: 70, currency: "USD" },
 * ], month("2025-05"))?.amount.toString(); //=> "80"
 * ```
 */
export function asp(contracts: ContractsInput, period: PeriodInput): Money | null {
  const resolved = resolvePeriod(period);
  const book = toContractBook(contracts);
  const { conversions } = conversionsIn(book, resolved);
  if (conversions.length === 0) return null;
  return { amount: divide(conversionUnits(conversions), book.denominator * BigInt(conversions.length)), currency: book.currency };
}
