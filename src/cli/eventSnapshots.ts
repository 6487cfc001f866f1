/**
 * The CLI's usage snapshots built from product events (`--events`, with `--contacts` and
 * `--features-available`): the library's `usageSnapshots` as of the period's last day, seats from the
 * contracts, and the warning line for events that were kept or ignored but look wrong.
 * @module
 */
import { ValidationError } from "../errors.js";
import type { ContractBook } from "../revenue/contractBook.js";
import type { Period } from "../schemas/period.js";
import type { ContactInput, UsageEventInput } from "../schemas/usageEvent.js";
import { type UsageSnapshots, usageSnapshots } from "../usage/usageSnapshots.js";
import { CliUsageError } from "./cliErrors.js";
import { lastDayOf } from "./healthSection.js";
import type { LocatedFile } from "./locatedFile.js";
import { echoed, quoted } from "./terminalText.js";

/** The event-derived inputs of the health section. */
export interface EventInputs {
  readonly events: readonly unknown[];
  readonly contacts: readonly unknown[] | undefined;
  readonly timeZone: string | undefined;
  /** `--features-available`: a count or feature names. */
  readonly featuresAvailable: number | readonly string[] | undefined;
}

/**
 * Reads `--features-available`: a whole number (`6`) or feature names separated by commas
 * (`dashboards,reports,exports`; then only those names count as features used).
 * @throws CliUsageError for anything else.
 */
export function featuresAvailableArgument(value: string | undefined): number | string[] | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const names = value.split(",").map((name) => name.trim());
  if (/^[\d.+-]+$/.test(value.trim()) || names.some((name) => name === "")) {
    throw new CliUsageError(`--features-available must be a whole number or feature names separated by commas (got ${quoted(value)})`);
  }
  return names;
}

/**
 * One snapshot per customer with an event on or before the period's last day.
 *
 * @remarks usageSnapshots(events, { on: end − 1 day, contacts, timeZone, featuresAvailable,
 * licensedSeats: book }) — the seats of the customer's lines active that day (left out when none of
 * them carries `seats`); the book also tells which event customers are unknown.
 * @throws ValidationError for an invalid event (`events[4].at`) or contact (`contacts[2].at`).
 */
export function snapshotsFromEvents(inputs: EventInputs, book: ContractBook, period: Period): UsageSnapshots {
  try {
    return usageSnapshots(inputs.events as UsageEventInput[], {
      on: lastDayOf(period),
      licensedSeats: book,
      ...(inputs.contacts === undefined ? {} : { contacts: inputs.contacts as ContactInput[] }),
      ...(inputs.timeZone === undefined ? {} : { timeZone: inputs.timeZone }),
      ...(inputs.featuresAvailable === undefined ? {} : { featuresAvailable: inputs.featuresAvailable }),
    });
  } catch (error) {
    // The library names contacts as its option; here they are a file of their own.
    if (error instanceof ValidationError) throw new ValidationError(error.issues.map((issue) => ({ ...issue, path: issue.path.replace(/^options\.contacts/, "contacts") })));
    throw error;
  }
}

/** Customers named in a warning; the rest are counted. */
const MAX_NAMED = 5;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The warning lines (without the `cs-metrics: warning:` prefix) for events of customers that are in
 * no contract line and events after the snapshot date, with the file lines of the first few.
 */
export function eventWarnings(snapshots: UsageSnapshots, file: LocatedFile, on: string): string[] {
  const { unknownCustomers: unknown, futureEvents: future } = snapshots.dataQuality;
  const lines = (indexes: readonly number[]) => indexes.map((index) => file.locate([index]).line).join(", ");
  const where = `${echoed(file.file)} line`;
  const warnings: string[] = [];
  if (unknown.events > 0) {
    const named = unknown.customers.slice(0, MAX_NAMED).map(quoted).join(", ");
    const more = unknown.customers.length > MAX_NAMED ? ` and ${unknown.customers.length - MAX_NAMED} more` : "";
    warnings.push(`${plural(unknown.events, "event", "events")} of ${plural(unknown.customers.length, "customer", "customers")} in no contract line (${named}${more}), kept without seats (${where} ${lines(unknown.sampleIndexes)}${unknown.events > unknown.sampleIndexes.length ? ", …" : ""})`);
  }
  if (future.events > 0) {
    warnings.push(`${plural(future.events, "event", "events")} after ${on}, the snapshot date, ignored (${where} ${lines(future.sampleIndexes)}${future.events > future.sampleIndexes.length ? ", …" : ""})`);
  }
  return warnings;
}
