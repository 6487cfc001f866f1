/**
 * The running state behind every usage metric (internal): per customer and user, the first day seen
 * and, for each requested date, the latest active day inside the longest window ending on it — per
 * feature too, with the window's event count. Events are validated and folded in one at a time, so
 * memory grows with customers × users (× features used in the windows), never with the number of
 * events; two states over disjoint event sets merge by min, max and sum.
 * @module
 */
import { type EpochDay } from "../dates/calendarDate.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { epochDayInZone, parseOffsetDateTime } from "../dates/zonedDate.js";
import { cachedEpochDay } from "../health/calendarDayCache.js";
import { formatPath } from "../schemas/primitives.js";
import { UsageEventSchema, usageEventSchema } from "../schemas/usageEvent.js";
import type { ResolvedWindows } from "./usageWindows.js";

/** One feature's use by one user: per requested date, the latest day in the feature window and Σ count there. */
export interface FeatureUse {
  /** Latest use in the feature window ending on `dates[i]`, or `null`. */
  readonly seen: (EpochDay | null)[];
  /** Σ `count` of the uses in that window. */
  readonly events: number[];
}

/** One user of one customer. */
export interface UserState {
  /** First day the user was seen on or before the last requested date. */
  first: EpochDay;
  /** Per requested date, the latest active day in the longest window ending on it (empty until one). */
  seen: (EpochDay | null)[];
  /** Features the user used inside a feature window. */
  readonly features: Map<string, FeatureUse>;
}

/** A validated event in the state's terms. */
interface EventFields {
  readonly customerId: string;
  readonly userId: string;
  readonly day: EpochDay;
  readonly feature: string | undefined;
  readonly count: number;
}

function idOf(value: unknown): string | null {
  if (typeof value === "string" && value.length > 0) return value;
  if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
  return null;
}

/**
 * The common case without zod: a plain object with ids, a `YYYY-MM-DD` `at` (or an offset date-time
 * when a zone is given) and a plain feature and count. `null` when the event needs the schema (which
 * then says why, or reads a `Date`).
 */
function fastEvent(input: unknown, timeZone: string | undefined): EventFields | null {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return null;
  const { customerId, userId, at, feature, count } = input as Record<string, unknown>;
  const customer = idOf(customerId);
  const user = idOf(userId);
  if (customer === null || user === null || typeof at !== "string") return null;
  let day = cachedEpochDay(at);
  if (day === null && timeZone !== undefined) {
    const instant = parseOffsetDateTime(at);
    if (instant !== null) day = epochDayInZone(instant, timeZone);
  }
  if (day === null) return null;
  if (feature !== undefined && feature !== null && (typeof feature !== "string" || feature.length === 0)) return null;
  if (count !== undefined && count !== null && (typeof count !== "number" || !Number.isSafeInteger(count) || count < 1)) return null;
  return { customerId: customer, userId: user, day, feature: (feature ?? undefined) as string | undefined, count: (count ?? 1) as number };
}

/** How many sample event indexes a data-quality tally keeps. */
export const SAMPLE_INDEXES = 5;

/** Events that were read but are suspect: counted with the positions of the first few. */
export interface EventTally {
  /** How many events. */
  events: number;
  /** Positions of the first {@link SAMPLE_INDEXES} of them in the input (`events[n]`). */
  readonly sampleIndexes: number[];
}

function tally(into: EventTally, index: number): void {
  into.events++;
  if (into.sampleIndexes.length < SAMPLE_INDEXES) into.sampleIndexes.push(index);
}

/** Index of the first date ≥ day (binary search over ascending dates). */
function firstDateOnOrAfter(dates: readonly EpochDay[], day: EpochDay): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (dates[middle]! < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

function later(a: EpochDay | null | undefined, b: EpochDay): EpochDay {
  return a === null || a === undefined || b > a ? b : a;
}

/** The fold of events into per-customer, per-user activity for a fixed set of dates and windows. */
export class UsageState {
  /** Requested dates, ascending, distinct. */
  readonly dates: readonly EpochDay[];
  readonly windows: ResolvedWindows;
  /** The longest window: only activity within it of some date is kept. */
  readonly span: number;
  /** Customer id → user id → state. */
  readonly customers = new Map<string, Map<string, UserState>>();
  /** Problems found so far, by the event's position. */
  readonly issues: ValidationIssue[] = [];
  /** Customers of the contract book, when one was given: events of others are tallied as unknown. */
  knownCustomers: ReadonlySet<string> | undefined;
  /** Events of customers not in {@link UsageState.knownCustomers}, per customer (still counted). */
  readonly unknownCustomers = new Map<string, number>();
  /** All events of unknown customers. */
  readonly unknownEvents: EventTally = { events: 0, sampleIndexes: [] };
  /** Events after the last requested date (ignored). */
  readonly futureEvents: EventTally = { events: 0, sampleIndexes: [] };
  private readonly schema: typeof UsageEventSchema;
  private readonly timeZone: string | undefined;
  private readonly root: string;
  private position = 0;

  constructor(dates: readonly EpochDay[], windows: ResolvedWindows, timeZone: string | undefined, root = "events") {
    this.dates = dates;
    this.windows = windows;
    this.span = Math.max(windows.wau, windows.mau, windows.features);
    this.schema = usageEventSchema(timeZone === undefined ? {} : { timeZone });
    this.timeZone = timeZone;
    this.root = root;
  }

  /** Validates one raw event (the next in input order) and folds it in; a problem is recorded, not thrown. */
  add(input: unknown): void {
    const index = this.position++;
    let event = fastEvent(input, this.timeZone);
    if (event === null) {
      const parsed = this.schema.safeParse(input);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) this.issues.push({ path: formatPath(`${this.root}[${index}]`, issue.path), message: issue.message });
        return;
      }
      const { customerId, userId, at, feature, count } = parsed.data;
      event = { customerId, userId, day: cachedEpochDay(at)!, feature, count };
    }
    if (this.issues.length === 0) this.record(event, index);
  }

  /** Throws the recorded problems, if any. */
  check(): void {
    if (this.issues.length > 0) throw new ValidationError(this.issues);
  }

  private record(event: EventFields, index: number): void {
    const { dates } = this;
    const last = dates[dates.length - 1]!;
    if (event.day > last) return tally(this.futureEvents, index); // after every requested date: ignored, reported
    if (this.knownCustomers !== undefined && !this.knownCustomers.has(event.customerId)) {
      this.unknownCustomers.set(event.customerId, (this.unknownCustomers.get(event.customerId) ?? 0) + 1);
      tally(this.unknownEvents, index);
    }
    let users = this.customers.get(event.customerId);
    if (users === undefined) this.customers.set(event.customerId, (users = new Map()));
    let user = users.get(event.userId);
    if (user === undefined) users.set(event.userId, (user = { first: event.day, seen: [], features: new Map() }));
    else if (event.day < user.first) user.first = event.day;
    // Dates whose longest window [date − span + 1, date] holds the event's day.
    for (let i = firstDateOnOrAfter(dates, event.day); i < dates.length && dates[i]! < event.day + this.span; i++) {
      if (user.seen.length === 0) user.seen = new Array<EpochDay | null>(dates.length).fill(null);
      user.seen[i] = later(user.seen[i], event.day);
      if (event.feature === undefined || dates[i]! >= event.day + this.windows.features) continue;
      let use = user.features.get(event.feature);
      if (use === undefined) {
        use = { seen: new Array<EpochDay | null>(dates.length).fill(null), events: new Array<number>(dates.length).fill(0) };
        user.features.set(event.feature, use);
      }
      use.seen[i] = later(use.seen[i], event.day);
      use.events[i]! += event.count;
    }
  }

  /** Folds another state over the same dates and windows into this one (min first day, max latest day, Σ events). */
  merge(other: UsageState): void {
    for (const [customerId, otherUsers] of other.customers) {
      let users = this.customers.get(customerId);
      if (users === undefined) this.customers.set(customerId, (users = new Map()));
      for (const [userId, theirs] of otherUsers) {
        const mine = users.get(userId);
        if (mine === undefined) {
          users.set(userId, { first: theirs.first, seen: [...theirs.seen], features: new Map([...theirs.features].map(([f, use]) => [f, { seen: [...use.seen], events: [...use.events] }])) });
          continue;
        }
        mine.first = Math.min(mine.first, theirs.first);
        if (mine.seen.length === 0) mine.seen = [...theirs.seen];
        else theirs.seen.forEach((day, i) => { if (day !== null) mine.seen[i] = later(mine.seen[i], day); });
        for (const [feature, use] of theirs.features) {
          const own = mine.features.get(feature);
          if (own === undefined) {
            mine.features.set(feature, { seen: [...use.seen], events: [...use.events] });
            continue;
          }
          use.seen.forEach((day, i) => { if (day !== null) own.seen[i] = later(own.seen[i], day); });
          use.events.forEach((count, i) => { own.events[i]! += count; });
        }
      }
    }
  }
}
