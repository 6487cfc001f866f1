/**
 * When a customer's life with the product starts (internal): its first paid day, or the start of its
 * first trial. Shared by onboarding, lifecycle stages and adoption curves.
 * @module
 */
import type { EpochDay } from "../dates/calendarDate.js";
import type { ContractLine } from "../revenue/contractBook.js";
import { parseCalendarDate } from "../dates/calendarDate.js";
import type { Trial } from "../schemas/trial.js";

/** The first day with MRR > 0 on some line (the first paid day), or `null` when the customer never paid. */
export function firstPaidDay(lines: readonly ContractLine[]): EpochDay | null {
  // Lines are sorted by start day: the first paying line starts the first paid day.
  for (const line of lines) if (line.mrrUnits > 0n) return line.startDay;
  return null;
}

/** A trial as epoch days: `[startDay, endDay)`. */
export interface TrialDays {
  readonly startDay: EpochDay;
  readonly endDay: EpochDay;
}

/** Each customer's trials as epoch days, sorted by start then end. */
export function trialsByCustomer(trials: readonly Trial[]): Map<string, TrialDays[]> {
  const byCustomer = new Map<string, TrialDays[]>();
  for (const trial of trials) {
    const days = { startDay: parseCalendarDate(trial.start)!, endDay: parseCalendarDate(trial.end)! };
    const list = byCustomer.get(trial.customerId);
    if (list === undefined) byCustomer.set(trial.customerId, [days]);
    else list.push(days);
  }
  for (const list of byCustomer.values()) list.sort((a, b) => a.startDay - b.startDay || a.endDay - b.endDay);
  return byCustomer;
}
