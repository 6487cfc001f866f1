/**
 * The CLI's usage snapshots built from product events (`--events`, with `--contacts`): the
 * library's `usageSnapshots` as of the period's last day, seats from the contracts.
 * @module
 */
import { ValidationError } from "../errors.js";
import type { ContractBook } from "../revenue/contractBook.js";
import type { Period } from "../schemas/period.js";
import type { ContactInput, UsageEventInput } from "../schemas/usageEvent.js";
import type { UsageSnapshot } from "../schemas/usageSnapshot.js";
import { usageSnapshots } from "../usage/usageSnapshots.js";
import { lastDayOf } from "./healthSection.js";

/** The event-derived inputs of the health section. */
export interface EventInputs {
  readonly events: readonly unknown[];
  readonly contacts: readonly unknown[] | undefined;
  readonly timeZone: string | undefined;
}

/**
 * One snapshot per customer with an event on or before the period's last day.
 *
 * @remarks usageSnapshots(events, { on: end − 1 day, contacts, timeZone, licensedSeats: book }) —
 * `licensedSeats` only when some contract line carries `seats` (the seats of the customer's lines
 * active that day); otherwise snapshots have no seat count and seat-based signals are missing.
 * @throws ValidationError for an invalid event (`events[4].at`) or contact (`contacts[2].at`).
 */
export function snapshotsFromEvents(inputs: EventInputs, book: ContractBook, period: Period): UsageSnapshot[] {
  const hasSeats = book.contracts.some((contract) => contract.seats !== undefined);
  try {
    return usageSnapshots(inputs.events as UsageEventInput[], {
      on: lastDayOf(period),
      ...(inputs.contacts === undefined ? {} : { contacts: inputs.contacts as ContactInput[] }),
      ...(inputs.timeZone === undefined ? {} : { timeZone: inputs.timeZone }),
      ...(hasSeats ? { licensedSeats: book } : {}),
    });
  } catch (error) {
    // The library names contacts as its option; here they are a file of their own.
    if (error instanceof ValidationError) throw new ValidationError(error.issues.map((issue) => ({ ...issue, path: issue.path.replace(/^options\.contacts/, "contacts") })));
    throw error;
  }
}
