/**
 * ARPA: average revenue per account on a day (DOMAIN.md §8).
 * @module
 */
import { divide } from "../money/exactDecimal.js";
import type { Money } from "../money/money.js";
import type { CalendarDateInput } from "../schemas/primitives.js";
import { type ContractsInput, toContractBook } from "../revenue/contractBook.js";
import { bookUnitsOn, dayOf } from "../revenue/mrr.js";

/**
 * ARPA (average revenue per account): MRR on a day over the customers paying that day.
 *
 * @remarks ARPA(d) = MRR(d) / |{customers with MRR > 0 on d}|, a customer's lines combined into one
 * account — ChartMogul's definition ("the sum of all your customers' MRR / number of customers";
 * several subscriptions of a customer count as one), also Baremetrics' ARPU. Customers whose lines
 * are all ¥0 (free plans) are not counted, as Stripe Billing counts active subscribers: one per
 * customer, free-plan subscribers left out. Some tools average over a month (mean MRR / mean
 * customers); this reads one day — take the month's last day for a monthly figure.
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param date - The day, `YYYY-MM-DD` or a `Date` (read in UTC).
 * @returns MRR per paying customer in the book's currency, or `null` when nobody pays on `date`.
 * @throws {@link ValidationError} for an invalid date or contract; {@link CurrencyMismatchError}.
 * @example
 * ```ts
 * import { arpa } from "cs-metrics";
 * // ChartMogul's example: customers paying $1, $1, $3, $5 and $5 (e's $5 is two lines) → $15 / 5 = $3.
 * arpa([
 *   { id: "1", customerId: "a", start: "2025-01-01", amount: 1, currency: "USD" },
 *   { id: "2", customerId: "b", start: "2025-01-01", amount: 1, currency: "USD" },
 *   { id: "3", customerId: "c", start: "2025-01-01", amount: 3, currency: "USD" },
 *   { id: "4", customerId: "d", start: "2025-01-01", amount: 5, currency: "USD" },
 *   { id: "5", customerId: "e", start: "2025-01-01", amount: 2, currency: "USD" },
 *   { id: "6", customerId: "e", start: "2025-02-01", amount: 3, currency: "USD" },
 * ], "2025-03-31")?.amount.toString(); //=> "3"
 * ```
 */
export function arpa(contracts: ContractsInput, date: CalendarDateInput): Money | null {
  const day = dayOf(date, "date");
  const book = toContractBook(contracts);
  const { units, customers } = bookUnitsOn(book, day);
  if (customers === 0) return null;
  return { amount: divide(units, book.denominator * BigInt(customers)), currency: book.currency };
}
