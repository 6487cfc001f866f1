// Writes the Stripe sample of examples/stripe-review.mjs (node examples/data/make-stripe-sample.mjs [directory]): stripe-subscriptions.json,
// stripe-invoices.json (Stripe API objects, trimmed to realistic fields) and product-events.csv
// (`user_id,account_id,event,timestamp`) plus crm-contacts.csv. Deterministic: the customers and
// their plans are written out below; only the days and users of the events come from a seeded
// generator (mulberry32, seed 20251231), so `node examples/data/make-stripe-sample.mjs` rewrites the
// same bytes. examples/expected/README.md derives the review's figures from the table below.
import { writeFileSync } from "node:fs";

const SEED = 20251231;
/** mulberry32: a small seeded generator (public domain), so the sample never changes between runs. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(SEED);
const pick = (n) => Math.floor(random() * n);

const DAY = 86_400;
/** Unix seconds of a UTC date (and hour). */
const utc = (date, hour = 0) => Date.parse(`${date}T00:00:00Z`) / 1000 + hour * 3600;
/** Unix seconds of midnight in Tokyo (UTC+9) on a date. */
const jst = (date) => utc(date) - 9 * 3600;
const addMonths = (date, months) => {
  const [y, m, d] = date.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
};
const EXPORTED = "2025-12-31"; // the day the exports were taken: invoices created up to it

const PRODUCT = "prod_team";
const prices = {
  monthly: { id: "price_team_monthly", object: "price", currency: "usd", unit_amount: 5000, unit_amount_decimal: "5000", product: PRODUCT, recurring: { interval: "month", interval_count: 1, usage_type: "licensed" } },
  yearly: { id: "price_team_yearly", object: "price", currency: "usd", unit_amount: 60000, unit_amount_decimal: "60000", product: PRODUCT, recurring: { interval: "year", interval_count: 1, usage_type: "licensed" } },
  yen: { id: "price_team_jpy", object: "price", currency: "jpy", unit_amount: 7500, unit_amount_decimal: "7500", product: PRODUCT, recurring: { interval: "month", interval_count: 1, usage_type: "licensed" } },
  api: { id: "price_api_calls", object: "price", currency: "usd", unit_amount: 2, unit_amount_decimal: "2", product: "prod_api", recurring: { interval: "month", interval_count: 1, usage_type: "metered" } },
};
const coupons = {
  partner: { id: "PARTNER20", object: "coupon", duration: "forever", percent_off: 20, amount_off: null, currency: null },
  winback: { id: "WINBACK25", object: "coupon", duration: "repeating", duration_in_months: 6, percent_off: 25, amount_off: null, currency: null },
};

// The customers. `periods` are the paid billing periods' starts; `quantityFrom` changes the quantity
// at a period start (no proration); `upgrade` changes it mid-period with proration lines.
const customers = [
  { account: "acct_alder", start: "2024-10-01", seats: 10 },
  { account: "acct_birch", start: "2024-07-01", seats: 20 },
  { account: "acct_cedar", start: "2024-11-01", seats: 5, upgrade: { on: "2025-06-15", seats: 8 } },
  { account: "acct_dune", start: "2024-09-01", seats: 12, quantityFrom: { on: "2025-09-01", seats: 8 } },
  { account: "acct_elm", start: "2024-03-01", seats: 10, price: "yearly", cancelRequested: "2025-11-10" },
  { account: "acct_fir", start: "2024-12-01", seats: 6, canceled: { at: "2025-04-20", end: "2025-05-01" } },
  { account: "acct_grove", start: "2024-11-01", seats: 4, pastDueFrom: "2025-12-01" },
  { account: "acct_hazel", start: "2024-11-01", seats: 20, price: "yen" },
  { account: "acct_ivy", start: "2024-10-01", seats: 8, coupon: { coupon: "partner", start: "2024-10-01" } },
  { account: "acct_juniper", start: "2024-08-01", seats: 10, coupon: { coupon: "winback", start: "2025-11-01", end: "2026-05-01" } },
  { account: "acct_kelp", start: "2024-12-01", seats: 15, metered: true },
  { account: "acct_larch", start: "2024-12-01", seats: 3 },
  { account: "acct_maple", start: "2024-06-01", seats: 25 },
  { account: "acct_nettle", start: "2024-11-01", seats: 6 },
  { account: "acct_oak", start: "2024-10-01", seats: 9 },
  { account: "acct_pine", start: "2024-12-01", seats: 7 },
  { account: "acct_quill", start: "2024-11-01", seats: 5, unpaidFrom: "2025-02-01" },
  { account: "acct_rowan", start: "2025-03-01", seats: 10, trialEnd: "2025-03-15" },
  { account: "acct_sage", start: "2025-05-01", seats: 6, trialEnd: "2025-05-15", trialNotConverted: true },
  { account: "acct_tamarack", start: "2025-12-20", seats: 5, trialEnd: "2026-01-03", trialing: true },
  { account: "acct_umber", start: "2025-07-01", seats: 12, price: "yearly" },
  { account: "acct_vetch", start: "2025-09-10", seats: 4 },
  { account: "acct_willow", start: "2025-10-05", seats: 8, incompleteExpired: true },
  // yew churned in 2024 under an old Stripe customer and came back in 2025 under a new one: one
  // account (metadata.account_id), two Stripe customers.
  { account: "acct_yew", start: "2024-03-01", seats: 5, canceled: { at: "2024-08-14", end: "2024-09-01" }, stripeCustomer: "cus_yew_2024" },
  { account: "acct_yew", start: "2025-04-01", seats: 5, stripeCustomer: "cus_yew_2025", subscription: "sub_yew_2025" },
];

const subscriptions = [];
const invoices = [];
let invoiceNumber = 0;

const idPart = (c) => (c.subscription ?? `sub_${c.account.slice(5)}`).slice(4);
const timeOf = (c, date) => (c.price === "yen" ? jst(date) : utc(date));

for (const c of customers) {
  const key = idPart(c);
  const price = prices[c.price ?? "monthly"];
  const months = price.recurring.interval === "year" ? 12 : 1;
  const customer = c.stripeCustomer ?? `cus_${key}`;
  const subscriptionId = `sub_${key}`;
  const itemId = `si_${key}`;
  const metadata = { account_id: c.account };
  const paidFrom = c.trialEnd ?? c.start;
  // Billing periods: from the first paid day, one interval at a time, until the end of service or the export.
  const periods = [];
  const serviceEnd = c.canceled?.end ?? c.unpaidFrom ?? null;
  if (!c.trialNotConverted && !c.trialing && !c.incompleteExpired) {
    for (let from = paidFrom; (serviceEnd === null || from < serviceEnd) && from <= EXPORTED; from = addMonths(from, months)) periods.push(from);
  }
  const quantityOn = (date) => {
    if (c.quantityFrom !== undefined && date >= c.quantityFrom.on) return c.quantityFrom.seats;
    if (c.upgrade !== undefined && date >= c.upgrade.on) return c.upgrade.seats;
    return c.seats;
  };
  const coupon = c.coupon === undefined ? undefined : coupons[c.coupon.coupon];
  const discount = c.coupon === undefined ? undefined : {
    id: `di_${key}`, object: "discount", coupon, customer, subscription: subscriptionId,
    start: utc(c.coupon.start), end: c.coupon.end === undefined ? null : utc(c.coupon.end),
  };
  const discountOn = (date) => (discount !== undefined && date >= c.coupon.start && (c.coupon.end === undefined || date < c.coupon.end) ? discount : undefined);

  // The invoices: a $0 one for a trial, then one per paid period.
  const invoice = (date, status, lines) => {
    invoiceNumber++;
    invoices.push({
      id: `in_${String(invoiceNumber).padStart(4, "0")}`, object: "invoice", customer, status,
      billing_reason: invoices.some((other) => other.subscription === subscriptionId) ? "subscription_cycle" : "subscription_create",
      created: timeOf(c, date), currency: price.currency, subscription: subscriptionId,
      subscription_details: { metadata },
      lines: { object: "list", data: lines, has_more: false },
    });
  };
  let lineNumber = 0;
  const line = (from, to, quantity, amount, extra = {}) => ({
    id: `il_${key}_${String(++lineNumber).padStart(2, "0")}`, object: "line_item", type: "subscription", amount, currency: price.currency,
    period: { start: timeOf(c, from), end: timeOf(c, to) }, quantity, price, proration: false,
    subscription: subscriptionId, subscription_item: itemId, discount_amounts: [], ...extra,
  });
  if (c.trialEnd !== undefined) invoice(c.start, "paid", [line(c.start, c.trialEnd, c.seats, 0)]);
  for (const from of periods) {
    const to = addMonths(from, months);
    const quantity = quantityOn(from);
    const gross = quantity * price.unit_amount;
    const applied = discountOn(from);
    const discountAmounts = applied === undefined ? [] : [{ amount: (gross * applied.coupon.percent_off) / 100, discount: applied }];
    const lines = [line(from, to, quantity, gross, { discount_amounts: discountAmounts })];
    if (c.upgrade !== undefined && from === addMonths(c.upgrade.on.slice(0, 8) + "01", 1)) {
      // Stripe bills the mid-period change on the next invoice: a credit for the unused time on the
      // old quantity and a charge for the rest of the period on the new one (16 of 30 days in June).
      const [upFrom, upTo] = [c.upgrade.on, from];
      const share = (utc(upTo) - utc(upFrom)) / (utc(upTo) - utc(addMonths(upTo, -1)));
      lines.unshift(
        line(upFrom, upTo, c.seats, -Math.round(c.seats * price.unit_amount * share), { type: "invoiceitem", proration: true, description: "Unused time on 5 × Team after 15 Jun 2025" }),
        line(upFrom, upTo, c.upgrade.seats, Math.round(c.upgrade.seats * price.unit_amount * share), { type: "invoiceitem", proration: true, description: "Remaining time on 8 × Team after 15 Jun 2025" }),
      );
    }
    if (c.metered) lines.push(line(addMonths(from, -1), from, null, 2 * (1000 + pick(4000)), { price: prices.api, quantity: null }));
    invoice(from, c.pastDueFrom !== undefined && from >= c.pastDueFrom ? "open" : "paid", lines);
  }
  if (c.unpaidFrom !== undefined) invoice(c.unpaidFrom, "uncollectible", [line(c.unpaidFrom, addMonths(c.unpaidFrom, 1), c.seats, c.seats * price.unit_amount)]);
  if (c.incompleteExpired) invoice(c.start, "void", [line(c.start, addMonths(c.start, 1), c.seats, c.seats * price.unit_amount)]);

  // The subscription as the list endpoint returns it on the export day: current quantity only.
  // An unpaid subscription stays in the period whose invoice failed.
  const last = c.unpaidFrom ?? periods.at(-1) ?? c.start;
  const periodStart = c.trialing ? c.start : last;
  const periodEnd = c.trialing ? c.trialEnd : addMonths(last, months);
  const status = c.incompleteExpired ? "incomplete_expired"
    : c.trialing ? "trialing"
    : c.trialNotConverted || c.canceled !== undefined ? "canceled"
    : c.unpaidFrom !== undefined ? "unpaid"
    : c.pastDueFrom !== undefined ? "past_due"
    : "active";
  const items = [{
    id: itemId, object: "subscription_item", quantity: quantityOn(EXPORTED), price,
    current_period_start: timeOf(c, periodStart), current_period_end: timeOf(c, periodEnd), discounts: [],
  }];
  if (c.metered) items.push({ id: `si_${key}_api`, object: "subscription_item", price: prices.api, current_period_start: timeOf(c, periodStart), current_period_end: timeOf(c, periodEnd), discounts: [] });
  subscriptions.push({
    id: subscriptionId, object: "subscription", customer, metadata, status, currency: price.currency,
    created: timeOf(c, c.start), start_date: timeOf(c, c.start),
    trial_start: c.trialEnd === undefined ? null : timeOf(c, c.start), trial_end: c.trialEnd === undefined ? null : timeOf(c, c.trialEnd),
    cancel_at_period_end: c.canceled !== undefined || c.cancelRequested !== undefined,
    cancel_at: c.cancelRequested !== undefined ? timeOf(c, periodEnd) : null,
    canceled_at: c.canceled !== undefined ? utc(c.canceled.at, 10) : c.cancelRequested !== undefined ? utc(c.cancelRequested, 10) : c.trialNotConverted ? timeOf(c, c.trialEnd) : null,
    ended_at: c.canceled !== undefined ? timeOf(c, c.canceled.end) : c.trialNotConverted ? timeOf(c, c.trialEnd) : null,
    discounts: discount === undefined ? [] : [discount],
    items: { object: "list", data: items, has_more: false },
  });
}

// The JPY customer was signed up from Tokyo: its billing periods start at midnight in Tokyo
// (15:00 UTC the day before), the others at midnight UTC.
// Product events over 2025: per paying account, P users ever seen (provisioned), A of them active in
// the 30 days ending 2025-12-31 (2025-12-02 … 2025-12-31) and F of the six features used there.
// The plan per account (S seats comes from the subscription above):
const usage = {
  acct_alder: [9, 8, 4], acct_birch: [18, 12, 5], acct_cedar: [8, 6, 3], acct_dune: [6, 2, 1], acct_elm: [5, 1, 1],
  acct_grove: [4, 1, 1], acct_hazel: [16, 14, 6], acct_ivy: [6, 3, 2], acct_juniper: [4, 3, 2], acct_kelp: [12, 9, 4],
  acct_larch: [3, 0, 0], acct_maple: [10, 5, 2], acct_nettle: [6, 5, 5], acct_oak: [3, 1, 1], acct_pine: [7, 6, 3],
  acct_rowan: [8, 7, 4], acct_umber: [9, 6, 3], acct_vetch: [2, 2, 2], acct_yew: [5, 4, 3],
  // Not paying on 2025-12-31: churned, a trial that did not convert, one still in its trial.
  acct_fir: [4, 0, 0], acct_quill: [3, 0, 0], acct_sage: [2, 0, 0], acct_tamarack: [3, 3, 2],
};
const FEATURES = ["dashboards", "reports", "exports", "alerts", "api", "sso"];
const WINDOW_START = "2025-12-02";
const dayString = (seconds) => new Date(seconds * 1000).toISOString().slice(0, 10);
const between = (from, to) => dayString(utc(from) + pick((utc(to) - utc(from)) / DAY) * DAY);
// The product logs Tokyo time with its offset: 09:00–18:59 on the day.
const stamp = (date) => `${date}T${String(9 + pick(10)).padStart(2, "0")}:${String(pick(60)).padStart(2, "0")}:${String(pick(60)).padStart(2, "0")}+09:00`;
const events = [];
for (const [account, [provisioned, active, features]] of Object.entries(usage)) {
  const plan = customers.filter((c) => c.account === account).at(-1);
  const first = plan.start > "2025-01-01" ? plan.start : "2025-01-02";
  const serviceEnd = plan.canceled?.end ?? plan.unpaidFrom ?? (plan.trialNotConverted ? plan.trialEnd : null);
  const quietUntil = serviceEnd ?? (active > 0 || plan.trialing ? WINDOW_START : "2025-11-01");
  const used = FEATURES.slice(0, features);
  for (let u = 1; u <= provisioned; u++) {
    const user = `${account.slice(5)}-u${String(u).padStart(2, "0")}`;
    const inWindow = u <= active;
    // Every user appears once before the window (or in it, for a trial that starts in December).
    const earlyDays = inWindow && first >= WINDOW_START ? [] : [between(first, quietUntil > first ? quietUntil : addMonths(first, 1))];
    for (const day of earlyDays) events.push([user, account, FEATURES[pick(FEATURES.length)], stamp(day)]);
    if (!inWindow) continue;
    const from = first > WINDOW_START ? first : WINDOW_START;
    const count = 1 + pick(4);
    for (let k = 0; k < count; k++) events.push([user, account, "login", stamp(between(from, "2026-01-01"))]);
    // The account's F window features, spread over its active users (each used at least once).
    for (let f = u - 1; f < features; f += active) events.push([user, account, used[f], stamp(between(from, "2026-01-01"))]);
  }
}
// What a real export also holds: the vendor's own demo account (in no Stripe data) and an event
// written after the export's last day by a clock set wrong.
events.push(["demo-u01", "acct_demo", "dashboards", "2025-12-15T10:00:00+09:00"], ["demo-u01", "acct_demo", "reports", "2025-12-16T10:00:00+09:00"]);
events.push(["alder-u01", "acct_alder", "login", "2026-03-07T09:00:00+09:00"]);
events.sort((a, b) => (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

const contacts = [
  ["acct_alder", "2025-12-10"], ["acct_birch", "2025-10-02"], ["acct_dune", "2025-12-18"], ["acct_elm", "2025-11-12"],
  ["acct_hazel", "2025-12-22"], ["acct_juniper", "2025-12-05"], ["acct_larch", "2025-06-30"], ["acct_maple", "2025-12-09"],
  ["acct_oak", "2025-09-15"], ["acct_umber", "2025-12-19"], ["acct_vetch", "2025-12-28"],
];

// Written next to this script, or into the directory given as the first argument.
const here = (name) => (process.argv[2] === undefined ? new URL(name, import.meta.url) : `${process.argv[2]}/${name}`);
const jsonLines = (list) => `[\n${list.map((o) => `  ${JSON.stringify(o)}`).join(",\n")}\n]\n`;
writeFileSync(here("stripe-subscriptions.json"), jsonLines(subscriptions));
writeFileSync(here("stripe-invoices.json"), jsonLines(invoices));
writeFileSync(here("product-events.csv"), `user_id,account_id,event,timestamp\n${events.map((e) => e.join(",")).join("\n")}\n`);
writeFileSync(here("crm-contacts.csv"), `account_id,contacted_on\n${contacts.map((c) => c.join(",")).join("\n")}\n`);
console.log(`${subscriptions.length} subscriptions, ${invoices.length} invoices, ${events.length} events, ${contacts.length} contacts`);
