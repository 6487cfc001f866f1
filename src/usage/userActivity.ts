/**
 * What the usage fold keeps per user (internal): the first day seen and, per requested date, the
 * latest active day in the window ending on it — per feature too, with the window's event count.
 * @module
 */
import type { EpochDay } from "../dates/calendarDate.js";

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

