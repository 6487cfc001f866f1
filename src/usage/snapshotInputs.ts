/**
 * What a usage snapshot takes from outside the events (internal): the features a customer can use,
 * its licensed seats (from contract lines or a map), a caller-given user count, and the last contact
 * from CRM records.
 * @module
 */
import { type EpochDay, parseCalendarDate } from "../dates/calendarDate.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { compareIds } from "../ids/compareIds.js";
import { type ContractBook, type ContractsInput, contractBook, isContractBook } from "../revenue/contractBook.js";
import type { ContractInput } from "../schemas/contract.js";
import { type ContactInput, contactSchema } from "../schemas/usageEvent.js";
import { describeValue, formatPath } from "../schemas/primitives.js";

/** A count per customer id, as a plain object or a `Map`. */
export type CountsByCustomer = Readonly<Record<string, number>> | ReadonlyMap<string, number>;

/** The options of a snapshot that do not come from events. */
export interface SnapshotInputOptions {
  /**
   * Features a customer can use: a count, or the feature names (then `featuresUsed` counts only
   * those names, so it never exceeds `featuresAvailable`). Absent: the field is left out.
   */
  readonly featuresAvailable?: number | readonly string[];
  /**
   * Licensed seats: contract lines (a `ContractBook` or contract records; the Σ `seats` of the
   * customer's lines active on the date, left out when none of them has `seats`) or a count per
   * customer (left out for a customer not listed). Absent: the field is left out.
   */
  readonly licensedSeats?: ContractsInput | CountsByCustomer;
  /**
   * Provisioned users: a count per customer (left out for a customer not listed) instead of the
   * default, the distinct users seen on or before the date.
   */
  readonly provisionedUsers?: CountsByCustomer;
  /** CRM contacts `{ customerId, at }`: `lastContactAt` = the latest on or before the date (`null` when none). */
  readonly contacts?: readonly ContactInput[];
  /** IANA time zone of date-time `at`s (events and contacts). */
  readonly timeZone?: string;
}

/** The checked form of {@link SnapshotInputOptions}. */
export interface SnapshotInputs {
  readonly featuresAvailable: number | undefined;
  /** With a list of names: only these count as used. */
  readonly featureNames: ReadonlySet<string> | undefined;
  /** The customers of the contract lines given as `licensedSeats`, if any. */
  readonly knownCustomers: ReadonlySet<string> | undefined;
  seatsOn(customerId: string, day: EpochDay): number | undefined;
  readonly provisioned: ReadonlyMap<string, number> | undefined;
  /** Latest contact on or before a day, or `null`. */
  lastContactOn(customerId: string, day: EpochDay): EpochDay | null;
}

function countProblem(value: unknown): string | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? null : `must be a finite number ≥ 0 (got ${describeValue(value)})`;
}

function readCounts(value: unknown, path: string): Map<string, number> {
  const counts = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  const entries: [unknown, unknown][] = value instanceof Map ? [...value] : Object.entries(value as object);
  for (const [key, count] of entries) {
    const keyPath = formatPath(path, [String(key)]);
    const problem = countProblem(count);
    if (typeof key !== "string") issues.push({ path: keyPath, message: `must be keyed by customer id text (got ${describeValue(key)})` });
    else if (problem !== null) issues.push({ path: keyPath, message: problem });
    else counts.set(key, count as number);
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return counts;
}

function isCountsObject(value: unknown): boolean {
  return value instanceof Map || (typeof value === "object" && value !== null && !Array.isArray(value) && !isContractBook(value));
}

function readFeatures(value: unknown): { count: number | undefined; names: Set<string> | undefined } {
  if (value === undefined) return { count: undefined, names: undefined };
  if (Array.isArray(value)) {
    const names = new Set<string>();
    value.forEach((name: unknown, index) => {
      if (typeof name !== "string" || name.length === 0) {
        throw new ValidationError([{ path: `options.featuresAvailable[${index}]`, message: `must be a non-empty feature name (got ${describeValue(name)})` }]);
      }
      names.add(name);
    });
    return { count: names.size, names };
  }
  const problem = countProblem(value);
  if (problem !== null) throw new ValidationError([{ path: "options.featuresAvailable", message: `${problem.replace(/ \(got/, " or a list of feature names (got")}` }]);
  return { count: value as number, names: undefined };
}

/** Seat lines per customer: `[startDay, endDay, seats]`. */
function seatLines(book: ContractBook): Map<string, [EpochDay, EpochDay, number][]> {
  const lines = new Map<string, [EpochDay, EpochDay, number][]>();
  for (const contract of book.contracts) {
    if (contract.seats === undefined) continue;
    const end = contract.end === null ? Number.POSITIVE_INFINITY : parseCalendarDate(contract.end)!;
    const list = lines.get(contract.customerId) ?? [];
    list.push([parseCalendarDate(contract.start)!, end, contract.seats]);
    lines.set(contract.customerId, list);
  }
  return lines;
}

type SeatsOn = (customerId: string, day: EpochDay) => number | undefined;

function readSeats(value: unknown): { seatsOn: SeatsOn; known: ReadonlySet<string> | undefined } {
  if (value === undefined) return { seatsOn: () => undefined, known: undefined };
  if (isCountsObject(value)) {
    const counts = readCounts(value, "options.licensedSeats");
    return { seatsOn: (customerId) => counts.get(customerId), known: undefined };
  }
  if (!Array.isArray(value) && !isContractBook(value)) {
    throw new ValidationError([{ path: "options.licensedSeats", message: `must be contract lines or seats per customer (got ${describeValue(value)})` }]);
  }
  const book = isContractBook(value) ? value : contractBook(value as readonly ContractInput[]);
  const lines = seatLines(book);
  const seatsOn: SeatsOn = (customerId, day) => {
    let seats: number | undefined;
    for (const [start, end, count] of lines.get(customerId) ?? []) if (start <= day && day < end) seats = (seats ?? 0) + count;
    return seats;
  };
  return { seatsOn, known: new Set(book.customers.map((customer) => customer.customerId)) };
}

function readContacts(value: unknown, timeZone: string | undefined): Map<string, EpochDay[]> {
  const byCustomer = new Map<string, EpochDay[]>();
  if (value === undefined) return byCustomer;
  if (!Array.isArray(value)) throw new ValidationError([{ path: "options.contacts", message: `must be an array of contact records (got ${describeValue(value)})` }]);
  const schema = contactSchema(timeZone === undefined ? {} : { timeZone });
  const issues: ValidationIssue[] = [];
  value.forEach((record: unknown, index) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ path: formatPath(`options.contacts[${index}]`, issue.path), message: issue.message });
      return;
    }
    const days = byCustomer.get(parsed.data.customerId) ?? [];
    days.push(parseCalendarDate(parsed.data.at)!);
    byCustomer.set(parsed.data.customerId, days);
  });
  if (issues.length > 0) throw new ValidationError(issues);
  for (const days of byCustomer.values()) days.sort((a, b) => a - b);
  return byCustomer;
}

/** Checks the snapshot options that do not come from events (`timeZone` already checked). */
export function readSnapshotInputs(options: SnapshotInputOptions, timeZone: string | undefined): SnapshotInputs {
  const features = readFeatures(options.featuresAvailable);
  const provisioned = options.provisionedUsers === undefined ? undefined : readCounts(
    isCountsObject(options.provisionedUsers) ? options.provisionedUsers : failCounts(options.provisionedUsers),
    "options.provisionedUsers",
  );
  const contacts = readContacts(options.contacts, timeZone);
  const seats = readSeats(options.licensedSeats);
  return {
    featuresAvailable: features.count,
    featureNames: features.names,
    knownCustomers: seats.known,
    seatsOn: seats.seatsOn,
    provisioned,
    lastContactOn(customerId, day) {
      let latest: EpochDay | null = null;
      for (const contact of contacts.get(customerId) ?? []) {
        if (contact > day) break;
        latest = contact;
      }
      return latest;
    },
  };
}

function failCounts(value: unknown): never {
  throw new ValidationError([{ path: "options.provisionedUsers", message: `must be user counts per customer id (got ${describeValue(value)})` }]);
}

/** Customer ids in the library's order. */
export function sortedIds(ids: Iterable<string>): string[] {
  return [...ids].sort(compareIds);
}
