/**
 * Stripe discounts and the coupons behind them: which ones reduce MRR under a policy, over which
 * dates, and by how much. A Discount (https://docs.stripe.com/api/discounts/object) is active from
 * `start` until `end` (null for `once` and `forever` coupons); its Coupon
 * (https://docs.stripe.com/api/coupons/object) takes `percent_off` or `amount_off` (in `currency`'s
 * minor unit) off, for `duration` `forever`, `once` or `repeating`.
 * @module
 */
import { Decimal } from "decimal.js";
import type { ValidationIssue } from "../errors.js";
import { type MinorAmount, percentOff, readDecimalText, takeOff } from "./stripeAmount.js";
import { type SharedSettings, dayOf } from "./stripeOptions.js";
import type { StripeCoupon, StripeDiscount } from "./stripeSchemas.js";

/** A discount that applies under the policy, with its coupon and its active days `[startDay, endDay)`. */
export interface ActiveDiscount {
  readonly id: string;
  readonly coupon: StripeCoupon;
  readonly startDay: number;
  /** `Infinity` when the discount has no end. */
  readonly endDay: number;
}

/** Discount objects by id, to resolve lists that hold only ids. */
export function discountsById(discounts: readonly (string | StripeDiscount | null | undefined)[]): Map<string, StripeDiscount> {
  const known = new Map<string, StripeDiscount>();
  for (const discount of discounts) if (typeof discount === "object" && discount !== null) known.set(discount.id, discount);
  return known;
}

/** The coupon of a Discount (`coupon`, or `source.coupon` in newer API versions); an issue when unexpanded. */
export function couponOf(discount: StripeDiscount, path: string, issues: ValidationIssue[]): StripeCoupon | null {
  const coupon = discount.coupon ?? discount.source?.coupon;
  const where = discount.coupon === undefined || discount.coupon === null ? `${path}.source.coupon` : `${path}.coupon`;
  if (typeof coupon === "object" && coupon !== null) return coupon;
  issues.push({
    path: where,
    message:
      coupon === undefined || coupon === null
        ? "is missing: a Discount needs its Coupon to tell whether it reduces MRR"
        : `is the unexpanded Coupon id ${JSON.stringify(coupon)}: expand it so its duration is known, or pass discounts: "none"`,
  });
  return null;
}

/**
 * The discounts of a list (ids resolved through `known`) that apply under the settings' policy, in
 * list order; unexpanded ids and coupons are reported as issues at `path[k]`.
 */
export function activeDiscounts(
  entries: readonly (string | StripeDiscount)[],
  known: ReadonlyMap<string, StripeDiscount>,
  path: string,
  settings: SharedSettings,
  issues: ValidationIssue[],
): ActiveDiscount[] {
  if (settings.discounts === "none") return [];
  const active: ActiveDiscount[] = [];
  entries.forEach((entry, index) => {
    const discount = typeof entry === "string" ? known.get(entry) : entry;
    if (discount === undefined) {
      issues.push({
        path: `${path}[${index}]`,
        message: `is the unexpanded Discount id ${JSON.stringify(entry)}: expand the discounts (expand[]=…discounts) so their coupons are known, or pass discounts: "none"`,
      });
      return;
    }
    const coupon = couponOf(discount, `${path}[${index}]`, issues);
    // A once coupon takes money off one invoice, never off the recurring rate.
    if (coupon === null || coupon.duration === "once" || (settings.discounts === "forever" && coupon.duration !== "forever")) return;
    const endDay = discount.end === undefined || discount.end === null ? Number.POSITIVE_INFINITY : dayOf(discount.end, settings);
    active.push({ id: discount.id, coupon, startDay: dayOf(discount.start, settings), endDay });
  });
  return active;
}

/** `true` when the discount is active on the day. */
export function isActiveOn(discount: ActiveDiscount, day: number): boolean {
  return discount.startDay <= day && day < discount.endDay;
}

/** `true` for a coupon that takes a percentage off. */
export function isPercentCoupon(coupon: StripeCoupon): boolean {
  return coupon.percent_off !== undefined && coupon.percent_off !== null;
}

/** An `amount_off` coupon's amount, or `null` (an issue at `path`) when it is in another currency than the price. */
export function amountOffIn(coupon: StripeCoupon, currency: string, path: string, issues: ValidationIssue[]): MinorAmount | null {
  if (coupon.currency !== undefined && coupon.currency !== null && coupon.currency.toUpperCase() !== currency) {
    issues.push({ path, message: `has an amount_off coupon in ${JSON.stringify(coupon.currency)}, but the price is in ${JSON.stringify(currency.toLowerCase())}` });
    return null;
  }
  return { coefficient: BigInt(coupon.amount_off!), scale: 0 };
}

/**
 * The amount after one coupon: × (1 − percent_off / 100), or − amount_off (never below zero). An
 * `amount_off` in another currency than the price is an issue at `path` (the amount is kept).
 */
export function applyCoupon(amount: MinorAmount, coupon: StripeCoupon, currency: string, path: string, issues: ValidationIssue[]): MinorAmount {
  if (isPercentCoupon(coupon)) {
    // A double's shortest text, written without an exponent (1e-7 → "0.0000001"): exact.
    return percentOff(amount, readDecimalText(new Decimal(coupon.percent_off!).toFixed()));
  }
  const off = amountOffIn(coupon, currency, path, issues);
  return off === null ? amount : takeOff(amount, off).rest;
}
