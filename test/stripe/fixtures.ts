/**
 * Hand-written Stripe objects in the shape of Stripe's API reference (Subscription, Subscription Item,
 * Price, Discount, Coupon, Invoice, Invoice Line Item — https://docs.stripe.com/api), with the fields
 * the API returns and the adapter ignores (object, livemode, metadata, …) left in. Both API
 * generations appear: subscription-level `current_period_*` and `discount` (before 2025-03-31.basil)
 * and item-level periods, `discounts` lists and `source.coupon` (from basil on).
 */

/** Unix seconds of a UTC date-time (`"2025-01-01"` = midnight UTC). */
export function unix(text: string): number {
  return Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text) / 1000;
}

function price(id: string, unitAmount: number | null, interval: "day" | "week" | "month" | "year", extra: Record<string, unknown> = {}) {
  return {
    id,
    object: "price",
    active: true,
    billing_scheme: "per_unit",
    currency: "usd",
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product: `prod_${id.slice(6)}`,
    recurring: { interval, interval_count: 1, meter: null, trial_period_days: null, usage_type: "licensed" },
    tax_behavior: "unspecified",
    type: "recurring",
    unit_amount: unitAmount,
    unit_amount_decimal: unitAmount === null ? null : String(unitAmount),
    ...extra,
  };
}

function item(id: string, itemPrice: ReturnType<typeof price>, quantity: number | undefined, extra: Record<string, unknown> = {}) {
  return { id, object: "subscription_item", created: unix("2024-01-01"), discounts: [], metadata: {}, price: itemPrice, ...(quantity === undefined ? {} : { quantity }), subscription: "sub", ...extra };
}

function subscription(id: string, customer: unknown, status: string, startDate: string, items: ReturnType<typeof item>[], extra: Record<string, unknown> = {}) {
  return {
    id,
    object: "subscription",
    billing_cycle_anchor: unix(startDate),
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    collection_method: "charge_automatically",
    created: unix(startDate),
    currency: "usd",
    customer,
    discount: null,
    discounts: [],
    ended_at: null,
    items: { object: "list", data: items, has_more: false, total_count: items.length, url: `/v1/subscription_items?subscription=${id}` },
    livemode: false,
    metadata: {},
    start_date: unix(startDate),
    status,
    trial_end: null,
    trial_start: null,
    ...extra,
  };
}

const coupon10Forever = { id: "TEN_FOREVER", object: "coupon", amount_off: null, currency: null, duration: "forever", duration_in_months: null, livemode: false, name: "10% forever", percent_off: 10, valid: true };
const coupon50Once = { id: "HALF_ONCE", object: "coupon", amount_off: null, currency: null, duration: "once", duration_in_months: null, percent_off: 50, valid: true };
const coupon25Repeating = { id: "QUARTER_3M", object: "coupon", amount_off: null, currency: null, duration: "repeating", duration_in_months: 3, percent_off: 25, valid: true };

/**
 * The subscription list of the worked example in subscriptions.test.ts (all USD, UTC midnights):
 *
 * | sub   | customer | status | what it shows | expected line |
 * |---|---|---|---|---|
 * | sub_A | cus_A (expanded) | active | 5 seats × $20 | [2024-06-01, open) $100/month |
 * | sub_B | cus_B | canceled | canceled_at 2025-01-20, ended_at 2025-04-01 | [2024-03-01, 2025-04-01) $200 |
 * | sub_C | cus_C | active | trial 2025-02-01 → 02-15 | [2025-02-15, open) $50 |
 * | sub_D | cus_D | canceled | trial 03-01 → 03-15, ended at trial end | skipped: trial never converted |
 * | sub_E | cus_E | active | yearly $1,200, cancel_at_period_end, item period end 2025-07-01 | [2024-07-01, 2025-07-01) $1,200/year |
 * | sub_F | cus_F | past_due | $300 | [2024-09-01, open) $300 |
 * | sub_G | cus_G | unpaid | $80, current period from 2025-03-01 | [2024-01-01, 2025-03-01) $80 |
 * | sub_H | cus_H | incomplete_expired | | skipped |
 * | sub_I | cus_I | active | 2 × $40 licensed + metered item, 10% forever coupon | [2024-05-01, open) $72; metered skipped |
 */
export const subscriptionList = [
  subscription("sub_A", { id: "cus_A", object: "customer", email: "ops@acme.example", metadata: { account_id: "acct_acme" } }, "active", "2024-06-01", [
    item("si_A1", price("price_seat20", 2000, "month"), 5, { current_period_start: unix("2025-06-01"), current_period_end: unix("2025-07-01") }),
  ]),
  subscription("sub_B", "cus_B", "canceled", "2024-03-01", [item("si_B1", price("price_team200", 20000, "month"), 1)], {
    cancel_at_period_end: true,
    canceled_at: unix("2025-01-20T09:30:00Z"),
    ended_at: unix("2025-04-01"),
    current_period_start: unix("2025-03-01"),
    current_period_end: unix("2025-04-01"),
  }),
  subscription("sub_C", "cus_C", "active", "2025-02-01", [item("si_C1", price("price_start50", 5000, "month"), 1)], {
    trial_start: unix("2025-02-01"),
    trial_end: unix("2025-02-15"),
  }),
  subscription("sub_D", "cus_D", "canceled", "2025-03-01", [item("si_D1", price("price_start50", 5000, "month"), 1)], {
    trial_start: unix("2025-03-01"),
    trial_end: unix("2025-03-15"),
    canceled_at: unix("2025-03-15"),
    ended_at: unix("2025-03-15"),
  }),
  subscription("sub_E", "cus_E", "active", "2024-07-01", [
    item("si_E1", price("price_year1200", 120000, "year"), 1, { current_period_start: unix("2024-07-01"), current_period_end: unix("2025-07-01") }),
  ], { cancel_at_period_end: true, cancel_at: unix("2025-07-01"), canceled_at: unix("2025-05-10") }),
  subscription("sub_F", "cus_F", "past_due", "2024-09-01", [item("si_F1", price("price_biz300", 30000, "month"), 1)], {
    current_period_start: unix("2025-11-01"),
    current_period_end: unix("2025-12-01"),
  }),
  subscription("sub_G", "cus_G", "unpaid", "2024-01-01", [
    item("si_G1", price("price_small80", 8000, "month"), 1, { current_period_start: unix("2025-03-01"), current_period_end: unix("2025-04-01") }),
  ]),
  subscription("sub_H", "cus_H", "incomplete_expired", "2025-01-10", [item("si_H1", price("price_seat20", 2000, "month"), 3)]),
  subscription(
    "sub_I",
    "cus_I",
    "active",
    "2024-05-01",
    [
      item("si_I1", price("price_pro40", 4000, "month"), 2),
      item("si_I2", price("price_api_calls", null, "month", { billing_scheme: "per_unit", recurring: { interval: "month", interval_count: 1, usage_type: "metered" }, unit_amount: 1, unit_amount_decimal: "0.5" }), undefined),
    ],
    {
      discount: { id: "di_I", object: "discount", coupon: coupon10Forever, customer: "cus_I", start: unix("2024-05-01"), end: null, subscription: "sub_I" },
      discounts: ["di_I"],
    },
  ),
];

/** A JPY subscription (zero-decimal: 50000 is ¥50,000) with a yearly KRW sibling and a three-decimal KWD one. */
export const zeroDecimalSubscriptions = [
  subscription("sub_JP", "cus_JP", "active", "2025-04-01", [item("si_JP", { ...price("price_jp", 50000, "month"), currency: "jpy" }, 2)]),
  subscription("sub_KR", "cus_KR", "active", "2025-04-01", [item("si_KR", { ...price("price_kr", 1200000, "year"), currency: "krw" }, 1)]),
  subscription("sub_KW", "cus_KW", "active", "2025-04-01", [item("si_KW", { ...price("price_kw", 12340, "month"), currency: "kwd", unit_amount_decimal: "12345.5" }, 1)]),
];

/** Coupons of every duration on one $100/month subscription (basil shape: `discounts` list, `source.coupon`). */
export const couponSubscription = subscription("sub_K", "cus_K", "active", "2025-01-01", [item("si_K1", price("price_k100", 10000, "month"), 1)], {
  discounts: [
    { id: "di_once", object: "discount", source: { coupon: coupon50Once, type: "coupon" }, start: unix("2025-01-01"), end: null },
    { id: "di_rep", object: "discount", source: { coupon: coupon25Repeating, type: "coupon" }, start: unix("2025-01-01"), end: unix("2025-04-01") },
    { id: "di_forever", object: "discount", source: { coupon: coupon10Forever, type: "coupon" }, start: unix("2025-02-01"), end: null },
  ],
});

function line(id: string, amount: number, start: string, end: string, extra: Record<string, unknown>) {
  return { id, object: "line_item", amount, currency: "usd", description: null, discount_amounts: [], discountable: true, discounts: [], livemode: false, metadata: {}, period: { start: unix(start), end: unix(end) }, quantity: 1, ...extra };
}

const basic = price("price_basic", 10000, "month");
const pro = price("price_pro", 30000, "month");

/** Older API versions: `type`, `proration`, `price` and `subscription` on the line. */
function legacyLine(id: string, amount: number, start: string, end: string, linePrice: unknown, proration = false) {
  return line(id, amount, start, end, { type: proration ? "invoiceitem" : "subscription", proration, price: linePrice, subscription: "sub_U", subscription_item: "si_U" });
}

/** From 2025-03-31.basil: `parent` and `pricing` (the price only as an id: pass the Price in options.prices). */
function basilLine(id: string, amount: number, start: string, end: string, priceId: string, proration = false) {
  const details = { invoice_item: null, proration, proration_details: { credited_items: null }, subscription: "sub_U", subscription_item: "si_U" };
  return line(id, amount, start, end, {
    parent: proration ? { type: "invoice_item_details", invoice_item_details: { ...details, invoice_item: `ii_${id}` } } : { type: "subscription_item_details", subscription_item_details: details },
    pricing: { price_details: { price: priceId, product: `prod_${priceId.slice(6)}` }, type: "price_details", unit_amount_decimal: null },
  });
}

function invoice(id: string, status: string, lines: unknown[], extra: Record<string, unknown> = {}) {
  return { id, object: "invoice", currency: "usd", customer: "cus_U", discounts: [], livemode: false, status, lines: { object: "list", data: lines, has_more: false, total_count: lines.length }, ...extra };
}

/**
 * cus_U's invoices: $100/month Basic from 2025-01-01; on 2025-02-15 an upgrade to $300/month Pro,
 * prorated on the March invoice (a −$50 credit for unused Basic, a +$150 charge for the rest of
 * February on Pro); Pro from then on. January and February in the older API shape, March and April
 * in the basil shape. Plus a void invoice, a draft, a one-off invoice item and a $0 trial line.
 */
export const upgradeInvoices = [
  invoice("in_1", "paid", [legacyLine("il_1", 10000, "2025-01-01", "2025-02-01", basic)]),
  invoice("in_2", "paid", [legacyLine("il_2", 10000, "2025-02-01", "2025-03-01", basic), line("il_setup", 25000, "2025-02-01", "2025-02-01", { type: "invoiceitem", proration: false, price: { ...basic, id: "price_setup", recurring: null, type: "one_time" } })]),
  invoice("in_3", "paid", [
    basilLine("il_3", -5000, "2025-02-15", "2025-03-01", "price_basic", true),
    basilLine("il_4", 15000, "2025-02-15", "2025-03-01", "price_pro", true),
    basilLine("il_5", 30000, "2025-03-01", "2025-04-01", "price_pro"),
  ]),
  invoice("in_4", "open", [basilLine("il_6", 30000, "2025-04-01", "2025-05-01", "price_pro")]),
  invoice("in_void", "void", [legacyLine("il_void", 10000, "2025-01-01", "2025-02-01", basic)]),
  invoice("in_draft", "draft", [basilLine("il_draft", 30000, "2025-05-01", "2025-06-01", "price_pro")]),
  invoice("in_trial", "paid", [legacyLine("il_trial", 0, "2024-12-18", "2025-01-01", basic)]),
];

/** The Price objects the basil-shaped lines refer to by id. */
export const upgradePrices = [basic, pro];

/** An invoice with a forever and a once coupon, as `discount_amounts` on its line. */
export const discountedInvoice = invoice(
  "in_disc",
  "paid",
  [
    line("il_disc", 10000, "2025-01-01", "2025-02-01", {
      type: "subscription",
      price: basic,
      subscription: "sub_V",
      discount_amounts: [
        { amount: 1000, discount: { id: "di_f", object: "discount", coupon: coupon10Forever, start: unix("2025-01-01"), end: null } },
        { amount: 4500, discount: "di_o" },
      ],
    }),
  ],
  { customer: { id: "cus_V", object: "customer" }, discounts: ["di_f", { id: "di_o", object: "discount", coupon: coupon50Once, start: unix("2025-01-01"), end: null }] },
);
