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
  /** Σ units × term months × {@link Conversions.termScale} of those lines (the MRR-weighted term, times `units` and the scale). */
  readonly termUnits: bigint;
}

/** A period's conversions and the scale of their `termUnits`. */
export interface Conversions {
  /** In customer-id order. */
  readonly conversions: Conversion[];
  /**
   * A common multiple of every line's term divisor (1 unless the book has weekly or daily lines, whose
   * terms are months / weeks-or-days per month), so that weighted terms stay whole numbers.
   */
  readonly termScale: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The conversions of a period, in customer-id order, with the scale of their weighted terms. */
export function conversionsIn(book: ContractBook, resolved: ResolvedPeriod): Conversions {
  const index = bookIndexOf(book);
  const { customerIds, lineStart, startDays, endDays, termMonths, termDivisor } = index;
  let termScale = 1n;
  for (const divisor of new Set(termDivisor)) termScale = (termScale * BigInt(divisor)) / gcd(termScale, BigInt(divisor));
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
      termUnits += (lineMrr * BigInt(termMonths[line]!) * termScale) / BigInt(termDivisor[line]!);
    }
    conversions.push({ customerId: customerIds[customer]!, day, units, termUnits });
  }
  return { conversions, termScale };
}

/** Σ units of conversions. */
export function conversionUnits(conversions: readonly Conversion[]): bigint {
  let units = 0n;
  for (const conversion of conversions) units += conversion.units;
  return units;
}
