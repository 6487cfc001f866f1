/**
 * Customer concentration on a day: top-N shares, the cumulative curve and the Herfindahl index
 * (DOMAIN.md §8).
 * @module
 */
import type { Decimal } from "decimal.js";
import { type CalendarDate, formatCalendarDate } from "../dates/calendarDate.js";
import { ValidationError } from "../errors.js";
import { divide, ratio } from "../money/exactDecimal.js";
import { readOptions } from "../schemas/options.js";
import { type CalendarDateInput, describeValue } from "../schemas/primitives.js";
import { type ContractsInput, toContractBook, unitsToDecimal } from "./contractBook.js";
import { dayOf } from "./mrr.js";
import { bookIndexOf, lineUnits } from "./bookIndex.js";

/** Options of {@link customerConcentration}. */
export interface CustomerConcentrationOptions {
  /** The N of each top-N share (whole numbers ≥ 1). Default `[1, 5, 10]`. */
  readonly top?: readonly number[];
}

/** The share of MRR held by the N largest customers. */
export interface TopShare {
  /** N as asked. */
  readonly top: number;
  /** Customers counted: min(N, paying customers). */
  readonly customers: number;
  /** Their MRR. */
  readonly mrr: Decimal;
  /** Their MRR / total MRR; `null` when nobody pays. */
  readonly share: Decimal | null;
}

/** One point of the concentration curve: the `rank` largest customers. */
export interface ConcentrationPoint {
  /** 1 for the largest customer. */
  readonly rank: number;
  readonly customerId: string;
  /** This customer's MRR. */
  readonly mrr: Decimal;
  /** rank / paying customers. */
  readonly customerShare: Decimal;
  /** MRR of the `rank` largest customers / total MRR. */
  readonly mrrShare: Decimal;
}

/** {@link customerConcentration}'s result. */
export interface CustomerConcentration {
  readonly currency: string;
  readonly date: CalendarDate;
  /** Total MRR on the day. */
  readonly mrr: Decimal;
  /** Customers with MRR > 0 on the day. */
  readonly customers: number;
  /** One entry per requested N, in the order asked. */
  readonly top: readonly TopShare[];
  /** Customers from the largest to the smallest (ties by customer id), with cumulative shares. */
  readonly curve: readonly ConcentrationPoint[];
  /** Σ share²; in [1/customers, 1]; `null` when nobody pays. */
  readonly herfindahl: Decimal | null;
}

function readTop(value: unknown): readonly number[] {
  if (value === undefined) return [1, 5, 10];
  if (!Array.isArray(value) || value.length === 0) {
    throw new ValidationError([{ path: "options.top", message: `must be a non-empty array of whole numbers ≥ 1 (got ${describeValue(value)})` }]);
  }
  const issues = value.flatMap((n: unknown, index) =>
    typeof n === "number" && Number.isSafeInteger(n) && n >= 1
      ? []
      : [{ path: `options.top[${index}]`, message: `must be a whole number ≥ 1 (got ${describeValue(n)})` }],
  );
  if (issues.length > 0) throw new ValidationError(issues);
  return value as number[];
}

/**
 * Customer concentration: how much of the MRR on a day the largest customers hold.
 *
 * @remarks With customers ranked by MRR on `date` (m₁ ≥ m₂ ≥ … ≥ mₙ > 0, M = Σ mᵢ):
 * top-N share = (m₁ + … + m_min(N,n)) / M; the curve is the points (k / n, (m₁ + … + m_k) / M),
 * k = 1 … n (a Lorenz curve read from the top, as due-diligence "Pareto" charts draw it); the
 * Herfindahl(–Hirschman) index = Σ (mᵢ / M)² — 1 when one customer holds everything, 1/n when all
 * pay alike. Antitrust practice (US DoJ) and some tools multiply it by 10,000 (shares in percent);
 * here it is a ratio 0–1. A customer's lines are combined. Exact: shares are ratios of integers.
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param date - The day, `YYYY-MM-DD` or a `Date` (read in UTC).
 * @param options - `top`: the Ns (default `[1, 5, 10]`).
 * @returns Shares, curve and index; shares and index are `null` when nobody pays on `date`.
 * @throws {@link ValidationError} for a bad date, `top` or contract; {@link CurrencyMismatchError}.
 * @example
 * ```ts
 * import { customerConcentration } from "cs-metrics";
 * // MRR 50, 30, 20 → top-1 50%, top-2 80%; Herfindahl = 0.25 + 0.09 + 0.04 = 0.38.
 * const result = customerConcentration([
 *   { id: "1", customerId: "a", start: "2025-01-01", amount: 30, currency: "USD" },
 *   { id: "2", customerId: "b", start: "2025-01-01", amount: 50, currency: "USD" },
 *   { id: "3", customerId: "c", start: "2025-01-01", amount: 20, currency: "USD" },
 * ], "2025-06-30", { top: [1, 2] });
 * result.top.map((t) => t.share?.toString()); //=> ["0.5", "0.8"]
 * result.curve.map((p) => p.customerId); //=> ["b", "a", "c"]
 * result.herfindahl?.toString(); //=> "0.38"
 * ```
 */
export function customerConcentration(contracts: ContractsInput, date: CalendarDateInput, options: CustomerConcentrationOptions = {}): CustomerConcentration {
  const day = dayOf(date, "date");
  const top = readTop(readOptions(options).top);
  const book = toContractBook(contracts);
  const index = bookIndexOf(book);
  const { customerIds, lineStart, startDays, endDays } = index;
  const paying: { customerId: string; units: bigint }[] = [];
  let total = 0n;
  for (let customer = 0; customer < customerIds.length; customer++) {
    let units = 0n;
    const to = lineStart[customer + 1]!;
    // Lines are sorted by start day.
    for (let line = lineStart[customer]!; line < to && startDays[line]! <= day; line++) {
      if (day < endDays[line]!) units += lineUnits(index, line);
    }
    if (units === 0n) continue;
    paying.push({ customerId: customerIds[customer]!, units });
    total += units;
  }
  // Customers come in id order; a stable sort keeps it among equal MRR.
  paying.sort((a, b) => (a.units === b.units ? 0 : a.units > b.units ? -1 : 1));
  const n = BigInt(paying.length);
  const cumulative: bigint[] = [];
  let running = 0n;
  let squares = 0n;
  for (const { units } of paying) {
    running += units;
    cumulative.push(running);
    squares += units * units;
  }
  return {
    currency: book.currency,
    date: formatCalendarDate(day),
    mrr: unitsToDecimal(book, total),
    customers: paying.length,
    top: top.map((count) => {
      const customers = Math.min(count, paying.length);
      const units = customers === 0 ? 0n : cumulative[customers - 1]!;
      return { top: count, customers, mrr: unitsToDecimal(book, units), share: ratio(units, total) };
    }),
    curve: paying.map((entry, index) => ({
      rank: index + 1,
      customerId: entry.customerId,
      mrr: unitsToDecimal(book, entry.units),
      customerShare: divide(BigInt(index + 1), n),
      mrrShare: divide(cumulative[index]!, total),
    })),
    herfindahl: ratio(squares, total * total),
  };
}
