/**
 * Conversions: the customers whose first day with MRR > 0 ever falls in a period, read on that day.
 * ASP and CAC payback are folds over these. One pass over the book's index: O(lines).
 * @module
 */
import type { EpochDay } from "../dates/calendarDate.js";
import type { ResolvedPeriod } from "../dates/period.js";
import { bookIndexOf, lineUnits } from "../revenue/bookIndex.js";
import type { ContractBook } from "../revenue/contractBook.js";

/** One customer's conversion: its first paid day and what it paid then. */
export interface Conversion {
  readonly customerId: string;
  /** The first day with MRR > 0 (the start of its first line with a positive amount). */
  readonly day: EpochDay;
  /** MRR units on that day (every line active that day). */
  readonly units: bigint;
  /** Σ units × term months of those lines (the MRR-weighted term, times `units`). */
  readonly termUnits: bigint;
}

/** The conversions of a period, in customer-id order. */
export function conversionsIn(book: ContractBook, resolved: ResolvedPeriod): Conversion[] {
  const index = bookIndexOf(book);
  const { customerIds, lineStart, startDays, endDays, termMonths } = index;
  const conversions: Conversion[] = [];
  for (let customer = 0; customer < customerIds.length; customer++) {
    const from = lineStart[customer]!;
    const to = lineStart[customer + 1]!;
    // Lines are sorted by start day: the first positive one starts the first paid day.
    let first = from;
    while (first < to && lineUnits(index, first) === 0n) first++;
    if (first === to) continue;
    const day = startDays[first]!;
    if (day < resolved.startDay || day >= resolved.endDay) continue;
    let units = 0n;
    let termUnits = 0n;
    for (let line = first; line < to && startDays[line]! <= day; line++) {
      if (day >= endDays[line]!) continue;
      const lineMrr = lineUnits(index, line);
      units += lineMrr;
      termUnits += lineMrr * BigInt(termMonths[line]!);
    }
    conversions.push({ customerId: customerIds[customer]!, day, units, termUnits });
  }
  return conversions;
}

/** Σ units of conversions. */
export function conversionUnits(conversions: readonly Conversion[]): bigint {
  let units = 0n;
  for (const conversion of conversions) units += conversion.units;
  return units;
}
