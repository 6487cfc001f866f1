/**
 * Options, results and the policies shared by the Stripe adapters.
 * @module
 */
import { epochDayOfUnixSeconds, readTimeZone } from "../dates/timeZone.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import type { Interval } from "../schemas/contract.js";
import { describeValue } from "../schemas/primitives.js";
import { compareIds } from "../ids/compareIds.js";

/**
 * Which coupons reduce MRR. `"forever"` (default, as Stripe's own MRR: "If you apply a coupon with a
 * forever duration, the discount will apply to your MRR. If you apply a coupon with a finite duration
 * (i.e. once or repeating) to a subscription, your MRR is unaffected",
 * https://support.stripe.com/questions/impact-of-discounts-and-coupons-on-monthly-recurring-revenue-mrr-in-billing);
 * `"all"`: `forever` and `repeating` discounts over the dates they are active (a `repeating` one until
 * its `end`; on invoices, every discount amount); `"none"`: list prices. A `once` coupon discounts one
 * invoice, not the recurring rate, so it reduces a subscription's MRR under no policy.
 */
export type StripeDiscountPolicy = "forever" | "all" | "none";

/** Options shared by {@link contractsFromStripeSubscriptions} and {@link contractsFromStripeInvoices}. */
export interface StripeAdapterOptions {
  /**
   * IANA time zone in which Unix timestamps become calendar dates (default `"UTC"`): a subscription
   * that starts at 2025-03-31T16:00:00Z starts on 2025-03-31 in UTC, on 2025-04-01 in `"Asia/Tokyo"`.
   */
  readonly timeZone?: string;
  /** Which coupons reduce MRR (default `"forever"`): see {@link StripeDiscountPolicy}. */
  readonly discounts?: StripeDiscountPolicy;
}

/** Why a Stripe object was left out (see docs/stripe.md for each). */
export type StripeSkipReason =
  | "incomplete"
  | "incomplete_expired"
  | "trialing"
  | "trial never converted"
  | "paused"
  | "ended before revenue started"
  | "metered item"
  | "no unit amount"
  | "zero amount"
  | "draft invoice"
  | "void invoice"
  | "uncollectible invoice"
  | "one-off invoice item"
  | "proration"
  | "unknown price"
  | "negative amount"
  | "empty service period";

/** One thing the adapter left out, and why. */
export interface StripeSkipped {
  /** The Stripe id (`sub_…`, `si_…`, `in_…`, `il_…`). */
  readonly id: string;
  /** What it is. */
  readonly object: "subscription" | "subscription_item" | "invoice" | "line_item";
  readonly reason: StripeSkipReason;
}

/** A contract line made from Stripe data: a valid `ContractInput`. */
export interface StripeContractLine {
  /** The subscription item id (`si_…`) or invoice line id (`il_…`); `…@YYYY-MM-DD` for a later segment. */
  readonly id: string;
  readonly customerId: string;
  readonly start: string;
  readonly end: string | null;
  /** Amount per interval in the currency's major unit (dollars, yen), exact decimal text. */
  readonly amount: string;
  readonly interval: Interval;
  readonly intervalCount: number;
  /** ISO 4217 code, uppercase. */
  readonly currency: string;
  /** The Price's product id, when known. */
  readonly product?: string;
  /** The Price id, when known. */
  readonly plan?: string;
  /** The quantity. */
  readonly seats?: number;
}

/** What both adapters return. */
export interface StripeContracts {
  /** Contract lines, sorted by customer id, start date, then id. */
  readonly contracts: StripeContractLine[];
  /** What was left out, sorted by id. */
  readonly skipped: StripeSkipped[];
}

/** Reads a choice option. */
export function readChoice<const T extends string>(value: unknown, path: string, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (choices as readonly string[]).includes(value)) return value as T;
  throw new ValidationError([{ path, message: `must be ${choices.map((choice) => `"${choice}"`).join(" or ")} (got ${describeValue(value)})` }]);
}

/** Checks that the options argument is an object. */
export function checkOptionsObject(options: unknown): void {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new ValidationError([{ path: "options", message: `must be an options object (got ${describeValue(options)})` }]);
  }
}

/** The validated shared options. */
export interface SharedSettings {
  readonly timeZone: string;
  readonly discounts: StripeDiscountPolicy;
}

/** Reads the shared options. */
export function readSharedOptions(options: StripeAdapterOptions): SharedSettings {
  return {
    timeZone: readTimeZone(options.timeZone, "options.timeZone"),
    discounts: readChoice(options.discounts, "options.discounts", ["forever", "all", "none"] as const, "forever"),
  };
}

/** Calls the caller's customer picker and checks what it returns. */
export function pickCustomer<T>(pick: ((object: T) => string) | undefined, object: T, fallback: string, path: string, issues: ValidationIssue[]): string | null {
  if (pick === undefined) return fallback;
  const picked: unknown = pick(object);
  if (typeof picked === "string" && picked.length > 0) return picked;
  issues.push({ path, message: `the customer option returned ${describeValue(picked)} (it must return a non-empty string)` });
  return null;
}

/** Checks the customer option. */
export function readCustomerOption(value: unknown): void {
  if (value !== undefined && typeof value !== "function") {
    throw new ValidationError([{ path: "options.customer", message: `must be a function returning the customer id (got ${describeValue(value)})` }]);
  }
}

/** The epoch day of a Unix time in the options' time zone. */
export function dayOf(seconds: number, settings: SharedSettings): number {
  return epochDayOfUnixSeconds(seconds, settings.timeZone);
}

/** Contracts by customer, start, id; skipped by id then reason: the order never depends on the input's. */
export function sortedResult(contracts: StripeContractLine[], skipped: StripeSkipped[]): StripeContracts {
  contracts.sort((a, b) => compareIds(a.customerId, b.customerId) || compareIds(a.start, b.start) || compareIds(a.id, b.id));
  skipped.sort((a, b) => compareIds(a.id, b.id) || compareIds(a.reason, b.reason));
  return { contracts, skipped };
}

/** Throws the collected issues, if any. */
export function throwIssues(issues: readonly ValidationIssue[]): void {
  if (issues.length > 0) throw new ValidationError(issues);
}
