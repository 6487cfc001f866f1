/**
 * The parts of Stripe's API objects that the adapter reads, as zod schemas that pass every other field
 * through. Field names and meanings follow Stripe's API reference:
 * Subscription (https://docs.stripe.com/api/subscriptions/object), Subscription Item
 * (https://docs.stripe.com/api/subscription_items/object), Price (https://docs.stripe.com/api/prices/object),
 * Discount (https://docs.stripe.com/api/discounts/object), Coupon (https://docs.stripe.com/api/coupons/object),
 * Invoice (https://docs.stripe.com/api/invoices/object) and Invoice Line Item
 * (https://docs.stripe.com/api/invoice-line-item/object). Older and newer API versions are both read:
 * `current_period_end` on the subscription (before 2025-03-31.basil) or on each item (from it);
 * `discount` (one) or `discounts` (a list); a Discount's `coupon` or `source.coupon`; an invoice
 * line's `price` / `plan` / `proration` / `subscription` (older) or `pricing` / `parent` (newer).
 * @module
 */
import { z } from "zod";
import { MAX_UNIX_SECONDS } from "../dates/timeZone.js";
import { describeValue } from "../schemas/primitives.js";

function expected(what: string): { error: (issue: { input: unknown }) => string } {
  return { error: (issue) => `must be ${what} (got ${describeValue(issue.input)})` };
}

const Timestamp = z.custom<number>((value) => typeof value === "number" && Number.isSafeInteger(value) && value >= 0 && value <= MAX_UNIX_SECONDS, expected("a Unix time in seconds"));
const Id = z.custom<string>((value) => typeof value === "string" && value.length > 0, expected("a non-empty string id"));
const Count = z.custom<number>((value) => typeof value === "number" && Number.isSafeInteger(value) && value >= 0, expected("a whole number ≥ 0"));
const Integer = z.custom<number>((value) => typeof value === "number" && Number.isSafeInteger(value), expected("a whole number"));
const DecimalText = z.custom<string>((value) => typeof value === "string" && /^\d+(\.\d+)?$/.test(value), expected('a decimal string like "1250.5"'));
const Flag = z.custom<boolean>((value) => typeof value === "boolean", expected("true or false"));
const Percent = z.custom<number>((value) => typeof value === "number" && Number.isFinite(value) && value > 0 && value <= 100, expected("a number > 0 and ≤ 100"));
const CurrencyCode = z.custom<string>((value) => typeof value === "string" && /^[A-Za-z]{3}$/.test(value), expected('a three-letter currency code like "usd"'));

function oneOf<const T extends readonly string[]>(values: T): z.ZodType<T[number]> {
  return z.custom<T[number]>((value) => typeof value === "string" && values.includes(value), expected(values.map((value) => `"${value}"`).join(", ").replace(/, ([^,]*)$/, " or $1")));
}

function object<T extends z.core.$ZodLooseShape>(shape: T, what: string) {
  return z.looseObject(shape, expected(what));
}

/** A list object (`{ data: [...], has_more }`): every element must be present (`has_more` not true). */
function list<T extends z.ZodType>(element: T, what: string) {
  return object({ data: z.array(element, expected(`an array of ${what}`)), has_more: Flag.optional() }, `a list object { data: [...] } of ${what}`).refine((value) => value.has_more !== true, {
    path: ["has_more"],
    message: `is true: the list is cut short; fetch all its ${what} (auto-pagination) and pass them in data`,
  });
}

/** A string id, or the object it expands to (validated by `schema`). */
function idOr<T extends z.ZodType>(schema: T): z.ZodType<string | z.output<T>> {
  return z.unknown().transform((value, ctx): string | z.output<T> => {
    if (typeof value === "string" && value.length > 0) return value;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data as z.output<T>;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  });
}

/** An object with an `id` (an expanded Customer, Product, Subscription…). */
const WithId = object({ id: Id }, "an id or an object with an id");

/** The id of an expandable field, given as an id or as the expanded object. */
export function idOf(value: string | { readonly id: string }): string {
  return typeof value === "string" ? value : value.id;
}

export const CouponSchema = object(
  {
    id: Id,
    duration: oneOf(["forever", "once", "repeating"] as const),
    percent_off: Percent.nullish(),
    amount_off: Count.nullish(),
    currency: CurrencyCode.nullish(),
  },
  "a Coupon object",
).refine((coupon) => (coupon.percent_off ?? null) !== null || (coupon.amount_off ?? null) !== null, {
  path: ["percent_off"],
  message: "is required when amount_off is null (a coupon takes percent_off or amount_off)",
});

/** A Stripe Coupon. */
export type StripeCoupon = z.output<typeof CouponSchema>;

export const DiscountSchema = object(
  {
    id: Id,
    coupon: idOr(CouponSchema).nullish(),
    source: object({ coupon: idOr(CouponSchema).nullish() }, "a discount source object").nullish(),
    start: Timestamp,
    end: Timestamp.nullish(),
  },
  "a Discount object",
);

/** A Stripe Discount. */
export type StripeDiscount = z.output<typeof DiscountSchema>;

const RecurringSchema = object(
  {
    interval: oneOf(["day", "week", "month", "year"] as const),
    interval_count: Count.refine((count) => count >= 1, { message: "must be ≥ 1" }).optional(),
    usage_type: oneOf(["licensed", "metered"] as const).optional(),
  },
  "a price's recurring object",
);

const PriceFields = {
  id: Id.optional(),
  currency: CurrencyCode,
  unit_amount: Count.nullish(),
  unit_amount_decimal: DecimalText.nullish(),
  product: idOr(WithId).nullish(),
};

/** A subscription item's Price: always recurring. */
export const RecurringPriceSchema = object({ ...PriceFields, recurring: RecurringSchema }, "a recurring Price object");

/** A Price on an invoice line: recurring, or `recurring: null` for a one-time price. */
export const PriceSchema = object({ ...PriceFields, recurring: RecurringSchema.nullish() }, "a Price object");

/** A Stripe Price (recurring or one-time). */
export type StripePrice = z.output<typeof PriceSchema>;

const Discounts = z.array(idOr(DiscountSchema), expected("an array of Discount ids or objects")).nullish();

export const SubscriptionItemSchema = object(
  {
    id: Id,
    price: RecurringPriceSchema,
    quantity: Count.nullish(),
    current_period_start: Timestamp.optional(),
    current_period_end: Timestamp.optional(),
    discounts: Discounts,
  },
  "a Subscription Item object",
);

/** A Stripe Subscription Item. */
export type StripeSubscriptionItem = z.output<typeof SubscriptionItemSchema>;

/** Stripe's subscription statuses. */
export const SUBSCRIPTION_STATUSES = ["incomplete", "incomplete_expired", "trialing", "active", "past_due", "canceled", "unpaid", "paused"] as const;

export const SubscriptionSchema = object(
  {
    id: Id,
    customer: idOr(WithId),
    status: oneOf(SUBSCRIPTION_STATUSES),
    start_date: Timestamp,
    trial_end: Timestamp.nullish(),
    ended_at: Timestamp.nullish(),
    canceled_at: Timestamp.nullish(),
    cancel_at: Timestamp.nullish(),
    cancel_at_period_end: Flag.optional(),
    current_period_start: Timestamp.optional(),
    current_period_end: Timestamp.optional(),
    discount: DiscountSchema.nullish(),
    discounts: Discounts,
    items: list(SubscriptionItemSchema, "subscription items"),
  },
  "a Subscription object",
);

/** A Stripe Subscription, as the API returns it (unknown fields kept). */
export type StripeSubscription = z.output<typeof SubscriptionSchema>;

/** An invoice line's legacy `plan` (Plan object, before prices). */
const PlanSchema = object(
  {
    id: Id.optional(),
    interval: oneOf(["day", "week", "month", "year"] as const),
    interval_count: Count.refine((count) => count >= 1, { message: "must be ≥ 1" }).optional(),
    usage_type: oneOf(["licensed", "metered"] as const).optional(),
    product: idOr(WithId).nullish(),
  },
  "a Plan object",
);

const ProrationDetails = object({ subscription: Id.nullish(), subscription_item: Id.nullish(), proration: Flag.optional() }, "a line item's parent details");

export const InvoiceLineItemSchema = object(
  {
    id: Id,
    amount: Integer,
    currency: CurrencyCode,
    period: object({ start: Timestamp, end: Timestamp }, "a period object { start, end }"),
    quantity: Count.nullish(),
    proration: Flag.optional(),
    type: Id.optional(),
    subscription: idOr(WithId).nullish(),
    subscription_item: Id.nullish(),
    price: idOr(PriceSchema).nullish(),
    plan: PlanSchema.nullish(),
    pricing: object({ price_details: object({ price: idOr(PriceSchema), product: idOr(WithId).nullish() }, "price details").nullish() }, "a pricing object").nullish(),
    parent: object(
      { type: Id.optional(), subscription_item_details: ProrationDetails.nullish(), invoice_item_details: ProrationDetails.nullish() },
      "a line item's parent object",
    ).nullish(),
    discount_amounts: z.array(object({ amount: Count, discount: idOr(DiscountSchema) }, "a discount amount { amount, discount }"), expected("an array of discount amounts")).nullish(),
  },
  "an Invoice Line Item object",
);

/** A Stripe Invoice Line Item. */
export type StripeInvoiceLineItem = z.output<typeof InvoiceLineItemSchema>;

/** Stripe's invoice statuses. */
export const INVOICE_STATUSES = ["draft", "open", "paid", "uncollectible", "void"] as const;

export const InvoiceSchema = object(
  {
    id: Id,
    customer: idOr(WithId),
    status: oneOf(INVOICE_STATUSES),
    discounts: Discounts,
    lines: list(InvoiceLineItemSchema, "invoice line items"),
  },
  "an Invoice object",
);

/** A Stripe Invoice, as the API returns it (unknown fields kept). */
export type StripeInvoice = z.output<typeof InvoiceSchema>;
