/**
 * Conversions: the customers whose first day with MRR > 0 ever falls in a period, read on that day.
 * ASP and CAC payback are folds over these.
 * @module
 */
import type { EpochDay } from "../dates/calendarDate.js";
import type { ResolvedPeriod } from "../dates/period.js";
import type { ContractBook, ContractLine } from "../revenue/contractBook.js";

/** One customer's conversion: its first paid day and what it paid then. */
export interface Conversion {
  readonly customerId: string;
  /** The first day with MRR > 0 (the start of its first line with a positive amount). */
  readonly day: EpochDay;
  /** MRR units on that day (every line active that day). */
  readonly units: bigint;
  /** The lines with MRR > 0 active on that day. */
  readonly lines: readonly ContractLine[];
}

/** The conversions of a period, in customer-id order. O(lines). */
export function conversionsIn(book: ContractBook, resolved: ResolvedPeriod): Conversion[] {
  const conversions: Conversion[] = [];
  for (const customer of book.customers) {
    // Lines are sorted by start day: the first positive one starts the first paid day.
    const first = customer.lines.find((line) => line.mrrUnits > 0n);
    if (first === undefined || first.startDay < resolved.startDay || first.startDay >= resolved.endDay) continue;
    const day = first.startDay;
    const lines = customer.lines.filter((line) => line.mrrUnits > 0n && line.startDay <= day && day < line.endDay);
    let units = 0n;
    for (const line of lines) units += line.mrrUnits;
    conversions.push({ customerId: customer.customerId, day, units, lines });
  }
  return conversions;
}

/** Σ units of conversions. */
export function conversionUnits(conversions: readonly Conversion[]): bigint {
  let units = 0n;
  for (const conversion of conversions) units += conversion.units;
  return units;
}
