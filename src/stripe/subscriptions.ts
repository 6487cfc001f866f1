/**
 * Stripe Subscription objects → contract lines.
 * @module
 */
import { formatCalendarDate } from "../dates/calendarDate.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { isKnownCurrency } from "../money/currency.js";
import { formatPath } from "../schemas/primitives.js";
import { type MinorAmount, isZeroAmount, majorUnitText, readDecimalText, takeOff, times } from "./stripeAmount.js";
import { stripeMinorUnitDigits } from "./stripeCurrency.js";
import { type ActiveDiscount, activeDiscounts, amountOffIn, applyCoupon, discountsById, isActiveOn, isPercentCoupon } from "./stripeDiscounts.js";
import {
  type SharedSettings,
  type StripeAdapterOptions,
  type StripeContractLine,
  type StripeContracts,
  type StripeSkipped,
  checkOptionsObject,
  dayOf,
  pickCustomer,
  readChoice,
  readCustomerOption,
  readSharedOptions,
  sortedResult,
  throwIssues,
} from "./stripeOptions.js";
import { type StripeSubscription, type StripeSubscriptionItem, SubscriptionSchema, idOf } from "./stripeSchemas.js";

/** Options of {@link contractsFromStripeSubscriptions}. */
export interface StripeSubscriptionsOptions extends StripeAdapterOptions {
  /**
   * Trial days (default `"exclude"`): revenue starts at `trial_end`; a subscription still `trialing`
   * yields nothing, and one that ended on or before its `trial_end` is skipped as
   * `trial never converted`. `"include"` counts revenue from `start_date` (what tools that count
   * trials as paid do; for comparison only).
   */
  readonly trials?: "exclude" | "include";
  /**
   * A `past_due` subscription (default `"active"`, as Stripe's MRR counts active and past_due
   * subscriptions); `"churn"`: it ends at its current period's start, as an `unpaid` one does.
   */
  readonly pastDue?: "active" | "churn";
  /**
   * The customer (account) id of a subscription. Default: the `customer` id (`cus_…`, or the `id` of
   * an expanded Customer). E.g. `(s) => s.metadata.account_id`.
   */
  readonly customer?: (subscription: StripeSubscription) => string;
}

interface Settings extends SharedSettings {
  readonly trials: "exclude" | "include";
  readonly pastDue: "active" | "churn";
  readonly customer: ((subscription: StripeSubscription) => string) | undefined;
}

/** One licensed item with a unit amount, ready to be cut into dated segments. */
interface PricedItem {
  readonly item: StripeSubscriptionItem;
  readonly path: string;
  readonly base: MinorAmount;
  readonly currency: string;
  readonly startDay: number;
  /** `Infinity` when open-ended. */
  readonly endDay: number;
  readonly discounts: readonly ActiveDiscount[];
}

/** End of service of an item as a Unix time: `ended_at`, else the scheduled end; `undefined` = open; `null` = an issue was reported. */
function endOf(subscription: StripeSubscription, item: StripeSubscriptionItem, path: string, root: string, settings: Settings, issues: ValidationIssue[]): number | null | undefined {
  if (subscription.ended_at !== undefined && subscription.ended_at !== null) return subscription.ended_at;
  if (subscription.status === "canceled") {
    issues.push({ path: `${root}.ended_at`, message: 'is required when status is "canceled": it is the end of service (canceled_at is only when the cancellation was asked for)' });
    return null;
  }
  if (subscription.status === "unpaid" || (subscription.status === "past_due" && settings.pastDue === "churn")) {
    const periodStart = item.current_period_start ?? subscription.current_period_start;
    if (periodStart === undefined) issues.push({ path: `${path}.current_period_start`, message: `is required when status is "${subscription.status}": revenue ends where the unpaid period starts` });
    return periodStart ?? null;
  }
  if (subscription.cancel_at_period_end === true) {
    const periodEnd = item.current_period_end ?? subscription.current_period_end;
    if (periodEnd === undefined) issues.push({ path: `${path}.current_period_end`, message: "is required when cancel_at_period_end is true: service ends at the current period's end" });
    return periodEnd ?? null;
  }
  return subscription.cancel_at ?? undefined;
}

/** The unit amount in minor units: `unit_amount_decimal` (exact) or `unit_amount`; `null` for tiered prices. */
function unitAmountOf(item: StripeSubscriptionItem): MinorAmount | null {
  const { unit_amount_decimal: text, unit_amount: whole } = item.price;
  if (text !== undefined && text !== null) return readDecimalText(text);
  return whole === undefined || whole === null ? null : { coefficient: BigInt(whole), scale: 0 };
}

/** The segment boundaries of a subscription: its items' start and the start and end days of every discount. */
function boundaries(items: readonly PricedItem[], subscriptionDiscounts: readonly ActiveDiscount[]): number[] {
  const days = new Set<number>();
  for (const priced of items) {
    days.add(priced.startDay);
    for (const discount of [...priced.discounts, ...subscriptionDiscounts]) {
      if (discount.startDay > priced.startDay && discount.startDay < priced.endDay) days.add(discount.startDay);
      if (discount.endDay > priced.startDay && discount.endDay < priced.endDay) days.add(discount.endDay);
    }
  }
  return [...days].sort((a, b) => a - b);
}

/** Contract lines of one subscription's priced items, segment by segment. */
function segmentLines(
  customerId: string,
  items: readonly PricedItem[],
  subscriptionDiscounts: readonly ActiveDiscount[],
  issues: ValidationIssue[],
): StripeContractLine[] {
  const lines: StripeContractLine[] = [];
  const days = boundaries(items, subscriptionDiscounts);
  days.forEach((day, position) => {
    const next = days[position + 1] ?? Number.POSITIVE_INFINITY;
    // The subscription's amount_off coupons are taken once per invoice: item by item, in order.
    const sharedOff = subscriptionDiscounts.filter((discount) => isActiveOn(discount, day) && !isPercentCoupon(discount.coupon));
    const remainingOff = new Map<string, MinorAmount | null>();
    for (const priced of items) {
      if (day < priced.startDay || day >= priced.endDay) continue;
      let amount = priced.base;
      for (const discount of [...priced.discounts, ...subscriptionDiscounts]) {
        if (!isActiveOn(discount, day) || sharedOff.includes(discount)) continue;
        amount = applyCoupon(amount, discount.coupon, priced.currency, `${priced.path}.price.currency`, issues);
      }
      for (const discount of sharedOff) {
        if (!remainingOff.has(discount.id)) remainingOff.set(discount.id, amountOffIn(discount.coupon, priced.currency, `${priced.path}.price.currency`, issues));
        const remaining = remainingOff.get(discount.id);
        if (remaining === null || remaining === undefined) continue;
        const { rest, left } = takeOff(amount, remaining);
        amount = rest;
        remainingOff.set(discount.id, left);
      }
      if (isZeroAmount(amount)) continue;
      const end = Math.min(next, priced.endDay);
      const { item } = priced;
      const line: { -readonly [K in keyof StripeContractLine]: StripeContractLine[K] } = {
        id: day === priced.startDay ? item.id : `${item.id}@${formatCalendarDate(day)}`,
        customerId,
        start: formatCalendarDate(day),
        end: end === Number.POSITIVE_INFINITY ? null : formatCalendarDate(end),
        amount: majorUnitText(amount, stripeMinorUnitDigits(priced.currency)),
        interval: item.price.recurring.interval,
        intervalCount: item.price.recurring.interval_count ?? 1,
        currency: priced.currency,
        seats: item.quantity ?? 1,
      };
      if (item.price.id !== undefined) line.plan = item.price.id;
      if (item.price.product !== undefined && item.price.product !== null) line.product = idOf(item.price.product);
      lines.push(line);
    }
  });
  return lines;
}

function convertSubscription(subscription: StripeSubscription, index: number, settings: Settings, lines: StripeContractLine[], skipped: StripeSkipped[], issues: ValidationIssue[]): void {
  const root = `subscriptions[${index}]`;
  const skip = (reason: StripeSkipped["reason"]): void => {
    skipped.push({ id: subscription.id, object: "subscription", reason });
  };
  const { status } = subscription;
  if (status === "incomplete" || status === "incomplete_expired") return skip(status);
  if (status === "paused") return skip("paused");
  if (status === "trialing" && settings.trials === "exclude") return skip("trialing");
  const customerId = pickCustomer(settings.customer, subscription, idOf(subscription.customer), `${root}.customer`, issues);
  const trialEnd = settings.trials === "exclude" ? (subscription.trial_end ?? null) : null;
  const start = trialEnd !== null && trialEnd > subscription.start_date ? trialEnd : subscription.start_date;
  if (trialEnd !== null && subscription.ended_at != null && subscription.ended_at <= trialEnd) return skip("trial never converted");
  const startDay = dayOf(start, settings);
  const known = discountsById([subscription.discount, ...(subscription.discounts ?? [])]);
  // Older API versions have only `discount`; newer ones list every discount (that one included) in `discounts`.
  const listed = subscription.discounts !== undefined && subscription.discounts !== null && subscription.discounts.length > 0;
  const subscriptionEntries = listed ? subscription.discounts! : subscription.discount ? [subscription.discount] : [];
  const subscriptionDiscounts = activeDiscounts(subscriptionEntries, known, `${root}.${listed ? "discounts" : "discount"}`, settings, issues);
  const priced: PricedItem[] = [];
  subscription.items.data.forEach((item, itemIndex) => {
    const path = formatPath(root, ["items", "data", itemIndex]);
    const skipItem = (reason: StripeSkipped["reason"]): void => {
      skipped.push({ id: item.id, object: "subscription_item", reason });
    };
    const currency = item.price.currency.toUpperCase();
    if (!isKnownCurrency(currency)) {
      issues.push({ path: `${path}.price.currency`, message: `is not an ISO 4217 currency code (got ${JSON.stringify(item.price.currency)})` });
      return;
    }
    if (item.price.recurring.usage_type === "metered") return skipItem("metered item");
    const unit = unitAmountOf(item);
    if (unit === null) return skipItem("no unit amount");
    const end = endOf(subscription, item, path, root, settings, issues);
    if (end === null) return;
    const endDay = end === undefined ? Number.POSITIVE_INFINITY : dayOf(end, settings);
    if (endDay <= startDay) return skipItem(trialEnd !== null && end !== undefined && end <= trialEnd ? "trial never converted" : "ended before revenue started");
    const base = times(unit, BigInt(item.quantity ?? 1));
    const discounts = activeDiscounts(item.discounts ?? [], known, `${path}.discounts`, settings, issues);
    priced.push({ item, path, base, currency, startDay, endDay, discounts });
  });
  if (customerId === null) return;
  const made = segmentLines(customerId, priced, subscriptionDiscounts, issues);
  for (const pricedItem of priced) {
    if (!made.some((line) => line.id === pricedItem.item.id || line.id.startsWith(`${pricedItem.item.id}@`))) {
      skipped.push({ id: pricedItem.item.id, object: "subscription_item", reason: "zero amount" });
    }
  }
  lines.push(...made);
}

/**
 * Turns Stripe Subscription objects into contract lines: one per licensed subscription item (per
 * dated segment when a discount starts or ends during it).
 *
 * @remarks
 * Read from Stripe's API reference (https://docs.stripe.com/api/subscriptions/object,
 * https://docs.stripe.com/api/subscription_items/object, https://docs.stripe.com/api/prices/object):
 * amount = `quantity` × `price.unit_amount_decimal` (or `unit_amount`) in the currency's major unit —
 * divided by 100, by 1 for Stripe's zero-decimal currencies (JPY, KRW, …), by 1000 for its
 * three-decimal ones; `interval` / `intervalCount` = `price.recurring.interval` / `interval_count`.
 * Revenue starts at `trial_end` (option `trials`) or `start_date`, and ends at `ended_at`; an active
 * subscription with `cancel_at_period_end` ends at its current period end (the item's
 * `current_period_end` from API version 2025-03-31.basil, the subscription's before), one with
 * `cancel_at` then; `canceled_at` (when the cancellation was asked for) is never the end. `unpaid`
 * subscriptions end where their current period starts, as Stripe's MRR stops counting them; `past_due`
 * ones stay active (option `pastDue`). Metered items, tiered prices without a unit amount and
 * `incomplete`, `incomplete_expired`, `paused` and still-`trialing` subscriptions are `skipped`.
 * Discounts follow `discounts` (default: only `forever` coupons, as Stripe's MRR); `percent_off` is
 * taken off each item, a subscription's `amount_off` once per invoice, item by item. Nothing is
 * rounded. A subscription list holds only each subscription's current items and quantities: for past
 * upgrades and downgrades use {@link contractsFromStripeInvoices}. See docs/stripe.md.
 *
 * @param subscriptions - Subscription objects as the API (or an SDK) returns them; not mutated.
 * Unknown fields are ignored; `customer` may be an id or an expanded Customer, discounts must be
 * expanded unless `discounts: "none"`.
 * @param options - `timeZone` (default `"UTC"`), `trials`, `pastDue`, `discounts`, `customer`.
 * @returns `{ contracts, skipped }`: valid contract inputs sorted by customer, start and id, and one
 * row per subscription or item left out, with its reason.
 * @throws `ValidationError` (exported by `cs-metrics`) naming every unreadable field
 * (`subscriptions[3].items.data[0].price.unit_amount: must be a whole number ≥ 0 (got -5)`).
 * @example
 * ```ts
 * import { contractsFromStripeSubscriptions } from "cs-metrics/stripe";
 * const { contracts } = contractsFromStripeSubscriptions([{
 *   id: "sub_1", customer: "cus_1", status: "active", start_date: 1735689600, // 2025-01-01T00:00:00Z
 *   items: { data: [{ id: "si_1", quantity: 3, price: { id: "price_1", currency: "usd", unit_amount: 2500, recurring: { interval: "month" } } }] },
 * }]);
 * contracts[0]?.amount; //=> "75"
 * contracts[0]?.start; //=> "2025-01-01"
 * ```
 */
export function contractsFromStripeSubscriptions(subscriptions: readonly unknown[], options: StripeSubscriptionsOptions = {}): StripeContracts {
  if (!Array.isArray(subscriptions)) throw new ValidationError([{ path: "subscriptions", message: "must be an array of Subscription objects" }]);
  checkOptionsObject(options);
  readCustomerOption(options.customer);
  const settings: Settings = {
    ...readSharedOptions(options),
    trials: readChoice(options.trials, "options.trials", ["exclude", "include"] as const, "exclude"),
    pastDue: readChoice(options.pastDue, "options.pastDue", ["active", "churn"] as const, "active"),
    customer: options.customer,
  };
  const issues: ValidationIssue[] = [];
  const parsed: StripeSubscription[] = [];
  subscriptions.forEach((subscription, index) => {
    const result = SubscriptionSchema.safeParse(subscription);
    if (result.success) parsed.push(result.data);
    else for (const issue of result.error.issues) issues.push({ path: formatPath(`subscriptions[${index}]`, issue.path), message: issue.message });
  });
  throwIssues(issues);
  const lines: StripeContractLine[] = [];
  const skipped: StripeSkipped[] = [];
  parsed.forEach((subscription, index) => convertSubscription(subscription, index, settings, lines, skipped, issues));
  throwIssues(issues);
  return sortedResult(lines, skipped);
}
