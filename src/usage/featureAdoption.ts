/**
 * Feature adoption: per feature, how many customers and users used it in a window, and its share of
 * the customers active in that window — which features stick.
 * @module
 */
import { Decimal } from "decimal.js";
import { type CalendarDate, formatCalendarDate } from "../dates/calendarDate.js";
import { ValidationError } from "../errors.js";
import { ratio } from "../money/exactDecimal.js";
import { readOptions } from "../schemas/options.js";
import type { CalendarDateInput } from "../schemas/primitives.js";
import { type EventDateOptions, type UsageEventInput, checkTimeZone } from "../schemas/usageEvent.js";
import { sortedIds } from "./snapshotInputs.js";
import { UsageState } from "./usageState.js";
import { readDates, readWindowDays } from "./usageWindows.js";

/** Options of {@link featureAdoption}. */
export interface FeatureAdoptionOptions extends EventDateOptions {
  /** Last day of the window. */
  readonly on: CalendarDateInput;
  /** Days of the window ending on `on` (inclusive). Default 30. */
  readonly window?: number;
}

/** One feature's adoption. */
export interface FeatureAdoptionRow {
  readonly feature: string;
  /** Customers with a user who used the feature in the window. */
  readonly customers: number;
  /** Users (customer, user pairs) who used it in the window. */
  readonly users: number;
  /** Σ `count` of its events in the window. */
  readonly events: number;
  /** `customers / activeCustomers` (0–1, exact). Never empty: a customer that used a feature is active. */
  readonly customerShare: Decimal;
}

/** {@link featureAdoption}'s result. */
export interface FeatureAdoption {
  readonly on: CalendarDate;
  readonly window: number;
  /** Customers with any event in the window. */
  readonly activeCustomers: number;
  /** Users (customer, user pairs) with any event in the window. */
  readonly activeUsers: number;
  /** One row per feature used in the window, by feature name. */
  readonly features: readonly FeatureAdoptionRow[];
}

/** The adoption of the state's `index`-th date over its feature window. */
export function adoptionOf(state: UsageState, index: number): FeatureAdoption {
  const day = state.dates[index]!;
  const window = state.windows.features;
  const start = day - window;
  const rows = new Map<string, { customers: number; users: number; events: number }>();
  let activeCustomers = 0;
  let activeUsers = 0;
  for (const users of state.customers.values()) {
    const usedHere = new Set<string>();
    let active = false;
    for (const user of users.values()) {
      const seen = user.seen[index];
      if (seen === null || seen === undefined || seen <= start) continue;
      active = true;
      activeUsers++;
      for (const [feature, use] of user.features) {
        const used = use.seen[index];
        if (used === null || used === undefined || used <= start) continue;
        const row = rows.get(feature) ?? { customers: 0, users: 0, events: 0 };
        row.users++;
        row.events += use.events[index]!;
        if (!usedHere.has(feature)) {
          usedHere.add(feature);
          row.customers++;
        }
        rows.set(feature, row);
      }
    }
    if (active) activeCustomers++;
  }
  const features = sortedIds(rows.keys()).map((feature) => {
    const row = rows.get(feature)!;
    return { feature, ...row, customerShare: ratio(BigInt(row.customers), BigInt(activeCustomers)) ?? new Decimal(0) };
  });
  return { on: formatCalendarDate(day), window, activeCustomers, activeUsers, features };
}

/**
 * Feature adoption in the window ending on `on`: per feature, the customers and users that used it,
 * their events, and its share of the customers active in the window.
 *
 * @remarks
 * Window W = [on − window + 1, on] (30 days by default). Active customers A = customers with any
 * event in W; for feature f: customers(f) = customers with a user who used f in W, users(f) =
 * (customer, user) pairs who used f in W, events(f) = Σ count of f's events in W, customerShare(f) =
 * customers(f) / |A|. Events after `on` or before W are ignored. Pendo and Amplitude call this
 * "feature adoption" too, but often as a share of active *users*: users(f) / activeUsers gives that.
 *
 * @param events - Usage events (see {@link UsageEventSchema}), in any order; not mutated.
 * @param options - `on`, `window` (days, default 30) and `timeZone` for date-times.
 * @returns Adoption per feature, by feature name.
 * @throws {@link ValidationError} for an invalid event (`events[4].at`) or option (`options.on`, `options.window`).
 * @example
 * ```ts
 * import { featureAdoption } from "cs-metrics";
 * const adoption = featureAdoption([
 *   { customerId: "acme", userId: "ann", at: "2025-06-30", feature: "export", count: 3 },
 *   { customerId: "acme", userId: "bob", at: "2025-06-20", feature: "export" },
 *   { customerId: "zen", userId: "cy", at: "2025-06-29" },
 * ], { on: "2025-06-30" });
 * adoption.activeCustomers; //=> 2
 * adoption.features.map((f) => [f.feature, f.customers, f.users, f.events, f.customerShare.toString()]); //=> [["export", 1, 2, 4, "0.5"]]
 * ```
 */
export function featureAdoption(events: readonly UsageEventInput[], options: FeatureAdoptionOptions): FeatureAdoption {
  if (!Array.isArray(events)) throw new ValidationError([{ path: "events", message: "must be an array of usage events" }]);
  const given = readOptions(options);
  if (given.on === undefined) throw new ValidationError([{ path: "options.on", message: "is required: the last day of the window" }]);
  const dates = readDates(given.on);
  if (dates.length > 1) throw new ValidationError([{ path: "options.on", message: "must be one date" }]);
  const window = readWindowDays(given.window, 30, "options.window");
  const state = new UsageState(dates, { wau: 1, mau: window, features: window }, checkTimeZone(given.timeZone));
  for (const event of events) state.add(event);
  state.check();
  return adoptionOf(state, 0);
}
