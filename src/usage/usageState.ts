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
import { epochDayOfIsoText } from "../dates/isoDateText.js";
import { keptText } from "../ids/keptText.js";
import { formatPath } from "../schemas/primitives.js";
import { UsageEventSchema, usageEventSchema } from "../schemas/usageEvent.js";
import { type PackedUsage, mergePackedUsage, packUsage } from "./packedUsage.js";
import type { UserState } from "./userActivity.js";
import type { ResolvedWindows } from "./usageWindows.js";

export type { FeatureUse, UserState } from "./userActivity.js";

/** A validated event in the state's terms (one reused object). */
interface EventFields {
  customerId: string;
  userId: string;
  day: EpochDay;
  feature: string | undefined;
  count: number;
}

function idOf(value: unknown): string | null {
  if (typeof value === "string" && value.length > 0) return value;
  if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
  return null;
}

/**
 * The common case without zod: ids, a `YYYY-MM-DD` `at` (or an offset date-time when a zone is
 * given) and a plain feature and count, written into `into`. `false` when the event needs the schema
 * (which then says why, or reads a `Date`).
 */
function fastEvent(into: EventFields, customerId: unknown, userId: unknown, at: unknown, feature: unknown, count: unknown, timeZone: string | undefined): boolean {
  const customer = idOf(customerId);
  const user = idOf(userId);
  if (customer === null || user === null || typeof at !== "string") return false;
  let day = epochDayOfIsoText(at) ?? cachedEpochDay(at);
  if (day === null && timeZone !== undefined) {
    const instant = parseOffsetDateTime(at);
    if (instant !== null) day = epochDayInZone(instant, timeZone);
  }
  if (day === null) return false;
  if (feature !== undefined && feature !== null && (typeof feature !== "string" || feature.length === 0)) return false;
  if (count !== undefined && count !== null && (typeof count !== "number" || !Number.isSafeInteger(count) || count < 1)) return false;
  into.customerId = customer;
  into.userId = user;
  into.day = day;
  into.feature = (feature ?? undefined) as string | undefined;
  into.count = (count ?? 1) as number;
  return true;
}

/** One customer's place in the fold. */
interface CustomerFold {
  /** The customer id (a key of `customers`). */
  readonly id: string;
  readonly users: Map<string, UserState>;
  /** Order of first appearance: events waiting to be folded are grouped by it. */
  readonly ordinal: number;
  /** Not a customer of the contract book given (events tallied in `unknownCustomers`). */
  readonly unknown: boolean;
}

/**
 * Events validated and waiting to be folded. They are folded a batch at a time, grouped by customer:
 * a customer's users are then looked up while they are in the processor's cache, which on events in
 * random customer order measured several times faster than folding each event as it comes.
 */
const BATCH = 1 << 17;

/** A {@link UsageState}'s fold and tallies as plain data. */
export interface UsageFoldPart {
  readonly customers: PackedUsage;
  readonly unknownCustomers: ReadonlyMap<string, number>;
  readonly unknownEvents: EventTally;
  readonly futureEvents: EventTally;
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
  readonly #customers = new Map<string, Map<string, UserState>>();
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
  readonly #event: EventFields = { customerId: "", userId: "", day: 0, feature: undefined, count: 0 };
  readonly #folds = new Map<string, CustomerFold>();
  readonly #byOrdinal: CustomerFold[] = [];
  #waiting = 0;
  readonly #waitingCustomer = new Int32Array(BATCH);
  readonly #waitingDay = new Float64Array(BATCH);
  readonly #waitingCount = new Float64Array(BATCH);
  readonly #waitingUser: (string | undefined)[] = [];
  /** Feature of each waiting event: its number in `#features` (−1: none). */
  readonly #waitingFeature = new Int32Array(BATCH);
  /** Feature names by number, each one string (a map key shared by every user). */
  readonly #features: string[] = [];
  readonly #featureNumbers = new Map<string, number>();

  constructor(dates: readonly EpochDay[], windows: ResolvedWindows, timeZone: string | undefined, root = "events") {
    this.dates = dates;
    this.windows = windows;
    this.span = Math.max(windows.wau, windows.mau, windows.features);
    this.schema = usageEventSchema(timeZone === undefined ? {} : { timeZone });
    this.timeZone = timeZone;
    this.root = root;
  }

  /** Customer id → user id → state (every event added so far folded in). */
  get customers(): Map<string, Map<string, UserState>> {
    this.#foldWaiting();
    return this.#customers;
  }

  /** Validates one raw event (the next in input order) and folds it in; a problem is recorded, not thrown. */
  add(input: unknown): void {
    if (typeof input === "object" && input !== null && !Array.isArray(input)) {
      const { customerId, userId, at, feature, count } = input as Record<string, unknown>;
      if (fastEvent(this.#event, customerId, userId, at, feature, count, this.timeZone)) return this.#accept(this.position++);
    }
    this.#addChecked(input);
  }

  /**
   * {@link UsageState.add} for an event given as its fields (a CSV row's cells, read without building
   * a record), when they pass the fast check: `false` (and nothing added) when the event needs the
   * schema — then add its record.
   */
  addFields(customerId: unknown, userId: unknown, at: unknown, feature: unknown, count: unknown): boolean {
    if (!fastEvent(this.#event, customerId, userId, at, feature, count, this.timeZone)) return false;
    this.#accept(this.position++);
    return true;
  }

  /** An event that did not pass the fast check: the schema reads it or says why. */
  #addChecked(input: unknown): void {
    const index = this.position++;
    const parsed = this.schema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) this.issues.push({ path: formatPath(`${this.root}[${index}]`, issue.path), message: issue.message });
      return;
    }
    const { customerId, userId, at, feature, count } = parsed.data;
    Object.assign(this.#event, { customerId, userId, day: cachedEpochDay(at)!, feature, count });
    this.#accept(index);
  }

  /** Throws the recorded problems, if any. */
  check(): void {
    if (this.issues.length > 0) throw new ValidationError(this.issues);
  }

  /** Tallies the checked event (`#event`, the `index`-th) and queues it to be folded. */
  #accept(index: number): void {
    if (this.issues.length > 0) return;
    const event = this.#event;
    const { dates } = this;
    if (event.day > dates[dates.length - 1]!) return tally(this.futureEvents, index); // after every requested date: ignored, reported
    const fold = this.#folds.get(event.customerId) ?? this.#newFold(event.customerId);
    if (fold.unknown) {
      this.unknownCustomers.set(fold.id, (this.unknownCustomers.get(fold.id) ?? 0) + 1);
      tally(this.unknownEvents, index);
    }
    const at = this.#waiting++;
    this.#waitingCustomer[at] = fold.ordinal;
    this.#waitingDay[at] = event.day;
    this.#waitingCount[at] = event.count;
    this.#waitingUser[at] = event.userId;
    this.#waitingFeature[at] = event.feature === undefined ? -1 : (this.#featureNumbers.get(event.feature) ?? this.#newFeature(event.feature));
    if (this.#waiting === BATCH) this.#foldWaiting();
  }

  #newFeature(feature: string): number {
    const name = keptText(feature);
    this.#featureNumbers.set(name, this.#features.length);
    return this.#features.push(name) - 1;
  }

  #newFold(customerId: string): CustomerFold {
    const key = keptText(customerId);
    // A customer already in `customers` (a state read back from a partial) keeps its users.
    let users = this.#customers.get(key);
    if (users === undefined) this.#customers.set(key, (users = new Map()));
    const fold = { id: key, users, ordinal: this.#byOrdinal.length, unknown: this.knownCustomers !== undefined && !this.knownCustomers.has(key) };
    this.#folds.set(key, fold);
    this.#byOrdinal.push(fold);
    return fold;
  }

  /** Folds the waiting events in, grouped by customer (the order of folding does not change the result). */
  #foldWaiting(): void {
    const waiting = this.#waiting;
    if (waiting === 0) return;
    this.#waiting = 0;
    const customer = this.#waitingCustomer;
    const users = this.#waitingUser;
    const features = this.#waitingFeature;
    const order = this.#groupedByCustomer(waiting);
    for (let k = 0; k < waiting; k++) {
      const at = order[k]!;
      const feature = features[at]!;
      this.#fold(this.#byOrdinal[customer[at]!]!.users, users[at]!, this.#waitingDay[at]!, feature < 0 ? undefined : this.#features[feature], this.#waitingCount[at]!);
      users[at] = undefined;
    }
  }

  /**
   * Positions `0 … waiting − 1` of the batch, grouped by customer: a counting sort on the ordinals, or
   * when customers far outnumber the batch, a sort of ordinal × BATCH + position.
   */
  #groupedByCustomer(waiting: number): Int32Array | Float64Array {
    const customer = this.#waitingCustomer;
    if (this.#byOrdinal.length > 4 * waiting) {
      const keys = new Float64Array(waiting);
      for (let at = 0; at < waiting; at++) keys[at] = customer[at]! * BATCH + at;
      keys.sort();
      for (let k = 0; k < waiting; k++) keys[k] = keys[k]! % BATCH;
      return keys;
    }
    const starts = new Int32Array(this.#byOrdinal.length + 1);
    for (let at = 0; at < waiting; at++) starts[customer[at]! + 1]!++;
    for (let ordinal = 1; ordinal < starts.length; ordinal++) starts[ordinal]! += starts[ordinal - 1]!;
    const order = new Int32Array(waiting);
    for (let at = 0; at < waiting; at++) order[starts[customer[at]!]!++] = at;
    return order;
  }

  #fold(users: Map<string, UserState>, userId: string, day: EpochDay, feature: string | undefined, count: number): void {
    const { dates } = this;
    let user = users.get(userId);
    if (user === undefined) users.set(keptText(userId), (user = { first: day, seen: [], features: new Map() }));
    else if (day < user.first) user.first = day;
    // Dates whose longest window [date − span + 1, date] holds the event's day.
    for (let i = firstDateOnOrAfter(dates, day); i < dates.length && dates[i]! < day + this.span; i++) {
      if (user.seen.length === 0) user.seen = new Array<EpochDay | null>(dates.length).fill(null);
      user.seen[i] = later(user.seen[i], day);
      if (feature === undefined || dates[i]! >= day + this.windows.features) continue;
      let use = user.features.get(feature);
      if (use === undefined) {
        use = { seen: new Array<EpochDay | null>(dates.length).fill(null), events: new Array<number>(dates.length).fill(0) };
        user.features.set(feature, use);
      }
      use.seen[i] = later(use.seen[i], day);
      use.events[i]! += count;
    }
  }

  /** What this state holds, as plain data another thread can receive (see {@link UsageState.absorb}). */
  part(): UsageFoldPart {
    return { customers: packUsage(this.customers, this.dates.length), unknownCustomers: this.unknownCustomers, unknownEvents: this.unknownEvents, futureEvents: this.futureEvents };
  }

  /**
   * Folds in the {@link UsageState.part} of a state over the same dates and windows that read the
   * events from position `firstIndex` on (its sample indexes are shifted by it), after this state's.
   */
  absorb(part: UsageFoldPart, firstIndex: number): void {
    mergePackedUsage(this.customers, part.customers);
    for (const [customerId, events] of part.unknownCustomers) this.unknownCustomers.set(customerId, (this.unknownCustomers.get(customerId) ?? 0) + events);
    for (const [mine, theirs] of [[this.unknownEvents, part.unknownEvents], [this.futureEvents, part.futureEvents]] as const) {
      mine.events += theirs.events;
      for (const index of theirs.sampleIndexes) if (mine.sampleIndexes.length < SAMPLE_INDEXES) mine.sampleIndexes.push(index + firstIndex);
    }
  }

  /** Folds another state over the same dates and windows into this one (min first day, max latest day, Σ events). */
  merge(other: UsageState): void {
    this.#mergeCustomers(other.customers);
  }

  #mergeCustomers(customers: ReadonlyMap<string, ReadonlyMap<string, UserState>>): void {
    for (const [customerId, otherUsers] of customers) {
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
