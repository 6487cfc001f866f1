/**
 * Where contract terms end (DOMAIN.md §8, Renewals): a line's `end`, or an anniversary of an
 * open-ended line whose term is longer than a month (quarterly, yearly, multi-year).
 * @module
 */
import { type EpochDay, addMonthsToDay, partsOf } from "../dates/calendarDate.js";
import type { ResolvedPeriod } from "../dates/period.js";
import { compareIds } from "../ids/compareIds.js";
import type { ContractBook } from "../revenue/contractBook.js";
import { MONTHS_PER_INTERVAL } from "../revenue/monthlyConversion.js";

/** A customer's term end: the renewal day and the lines whose term ends then. */
export interface TermEnd {
  readonly customerId: string;
  readonly day: EpochDay;
  /** Ids of the lines whose term ends on `day`, sorted. */
  readonly lineIds: readonly string[];
}

function monthIndex(day: EpochDay): number {
  const { year, month } = partsOf(day);
  return year * 12 + month;
}

/**
 * The anniversaries `start + k · termMonths` (k ≥ 1, each computed from the start, month ends
 * clamped as date-fns' `addMonths` does) that fall in `[fromDay, toDay)`.
 */
export function anniversariesIn(startDay: EpochDay, termMonths: number, fromDay: EpochDay, toDay: EpochDay): EpochDay[] {
  const days: EpochDay[] = [];
  // Anniversary k lies in the calendar month k·termMonths after the start's: none before k0 reaches fromDay's month.
  let k = Math.max(1, Math.floor((monthIndex(fromDay) - monthIndex(startDay)) / termMonths));
  for (let day = addMonthsToDay(startDay, k * termMonths); day < toDay; day = addMonthsToDay(startDay, ++k * termMonths)) {
    if (day >= fromDay) days.push(day);
  }
  return days;
}

/**
 * Every term end of the book's lines with MRR > 0 that falls in the period, one per customer and
 * day, ordered by day then customer id.
 */
export function termEndsIn(book: ContractBook, resolved: ResolvedPeriod): TermEnd[] {
  const termMonths = new Map<string, number>();
  // Weekly and daily terms are not whole months: such lines renew only where they end (like monthly ones).
  for (const contract of book.contracts) {
    if (contract.interval === "week" || contract.interval === "day") termMonths.set(contract.id, 1);
    else termMonths.set(contract.id, MONTHS_PER_INTERVAL[contract.interval] * contract.intervalCount);
  }
  const ends: TermEnd[] = [];
  for (const { customerId, lines } of book.customers) {
    const byDay = new Map<EpochDay, string[]>();
    const add = (day: EpochDay, id: string): void => {
      const ids = byDay.get(day);
      if (ids === undefined) byDay.set(day, [id]);
      else ids.push(id);
    };
    for (const line of lines) {
      if (line.mrrUnits === 0n || line.startDay >= resolved.endDay) continue;
      if (Number.isFinite(line.endDay)) {
        if (line.endDay >= resolved.startDay && line.endDay < resolved.endDay) add(line.endDay, line.id);
        continue;
      }
      const months = termMonths.get(line.id)!;
      if (months > 1) for (const day of anniversariesIn(line.startDay, months, resolved.startDay, resolved.endDay)) add(day, line.id);
    }
    for (const [day, lineIds] of byDay) ends.push({ customerId, day, lineIds: lineIds.sort(compareIds) });
  }
  return ends.sort((a, b) => a.day - b.day || compareIds(a.customerId, b.customerId));
}
