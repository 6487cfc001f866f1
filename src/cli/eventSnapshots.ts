/**
 * The CLI's usage snapshots built from product events (`--events`, with `--contacts` and
 * `--features-available`): the library's `usageSnapshots` as of the period's last day, seats from the
 * contracts, and the warning line for events that were kept or ignored but look wrong.
 * @module
 */
import os from "node:os";
import { ValidationError } from "../errors.js";
import type { ContractBook } from "../revenue/contractBook.js";
import type { Period } from "../schemas/period.js";
import type { ContactInput } from "../schemas/usageEvent.js";
import { type UsageSnapshots, finishUsage, startUsage } from "../usage/usageSnapshots.js";
import { CliUsageError } from "./cliErrors.js";
import type { ColumnMapping } from "./csvHeader.js";
import { eventCells } from "./eventCells.js";
import { eventPartRanges, readEventsInParts } from "./eventParts.js";
import { lastDayOf } from "./healthSection.js";
import { EVENTS_CSV } from "./inputShapes.js";
import type { LocatedFile, ProgressReporter } from "./locatedFile.js";
import { type RecordsSource, readRecordsInto } from "./recordsInto.js";
import { echoed, quoted } from "./terminalText.js";

/** The inputs of the event snapshots besides the events themselves. */
export interface EventOptions {
  readonly contacts: readonly unknown[] | undefined;
  readonly timeZone: string | undefined;
  /** `--features-available`: a count or feature names. */
  readonly featuresAvailable: number | readonly string[] | undefined;
  /** `--threads`: a large CSV is read in this many parts at once (1: one pass). */
  readonly threads: number;
}

/** Where the events were read from, and their snapshots. */
export interface EventSnapshotsRead {
  readonly source: RecordsSource;
  readonly snapshots: UsageSnapshots;
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

/** The default of `--threads`: the machine's cores, at most 8. */
export const DEFAULT_THREADS = Math.min(8, os.availableParallelism());

/**
 * Reads `--threads`: a whole number from 1 to 64 (absent: {@link DEFAULT_THREADS}).
 * @throws CliUsageError for anything else.
 */
export function threadsArgument(value: string | undefined): number {
  if (value === undefined) return DEFAULT_THREADS;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64) throw new CliUsageError(`--threads must be a whole number from 1 to 64 (got ${quoted(value)})`);
  return Number(value);
}

/** The library names contacts as its option; here they are a file of their own. */
function contactsPaths<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(error.issues.map((issue) => ({ ...issue, path: issue.path.replace(/^options\.contacts/, "contacts") })));
    throw error;
  }
}

/**
 * One snapshot per customer with an event on or before the period's last day, the events read from
 * `file` one by one into the usage state (none kept: memory grows with customers × users, not events).
 *
 * @remarks As usageSnapshots(events, { on: end − 1 day, contacts, timeZone, featuresAvailable,
 * licensedSeats: book }) — the seats of the customer's lines active that day (left out when none of
 * them carries `seats`); the book also tells which event customers are unknown.
 * `onSource` is told where the events are as soon as they are read, before any of them is checked,
 * so that a validation error can be located.
 * @throws ValidationError for an invalid event (`events[4].at`) or contact (`contacts[2].at`);
 * CliInputError for an unreadable or malformed file.
 */
export async function readEventSnapshots(
  file: string,
  options: EventOptions,
  book: ContractBook,
  period: Period,
  onSource: (source: RecordsSource) => void,
  progress?: ProgressReporter,
  mapping?: ColumnMapping,
): Promise<EventSnapshotsRead> {
  const start = () => contactsPaths(() =>
    startUsage({
      on: lastDayOf(period),
      licensedSeats: book,
      ...(options.contacts === undefined ? {} : { contacts: options.contacts as ContactInput[] }),
      ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
      ...(options.featuresAvailable === undefined ? {} : { featuresAvailable: options.featuresAvailable }),
    }),
  );
  const ranges = eventPartRanges(file, options.threads);
  if (ranges !== null) {
    const inParts = start();
    const parts = await readEventsInParts(file, ranges, inParts.state, { mapping, timeZone: options.timeZone });
    if (parts !== null) {
      progress?.(`${echoed(file)}: ${parts.records.toLocaleString("en-US")} records read in ${ranges.length} parts`);
      onSource(parts);
      return { source: parts, snapshots: finishUsage(inParts) };
    }
  }
  // Read in one pass (into a fresh state: the parts' may hold some events).
  const setup = start();
  const source = await readRecordsInto(file, EVENTS_CSV, (record) => setup.state.add(record), progress, mapping, eventCells(setup.state));
  onSource(source);
  return { source, snapshots: finishUsage(setup) };
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
