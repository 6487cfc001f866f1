/**
 * Stripe Invoice objects → dated contract lines: the history a subscription list lacks.
 * @module
 */
import { formatCalendarDate } from "../dates/calendarDate.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { isKnownCurrency } from "../money/currency.js";
import { formatPath } from "../schemas/primitives.js";
import { type MinorAmount, isZeroAmount, majorUnitText, readDecimalText, takeOff, times } from "./stripeAmount.js";
import { stripeMinorUnitDigits } from "./stripeCurrency.js";
import { couponOf, discountsById } from "./stripeDiscounts.js";
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
import { type StripeInvoice, type StripeInvoiceLineItem, type StripePrice, InvoiceSchema, PriceSchema, idOf } from "./stripeSchemas.js";

/** Options of {@link contractsFromStripeInvoices}. */
export interface StripeInvoicesOptions extends StripeAdapterOptions {
  /**
   * Proration lines (default `"date"`): a credit for unused time ends the subscription's earlier line
   * of that price on the credit's period start, and a charge for the remaining time starts a line at
   * the new price's full rate (unit amount × quantity) on that day — so an upgrade is dated when it
   * happened, as ChartMogul dates MRR changes from prorated invoices. `"ignore"`: proration lines are
   * skipped and a change shows from the next regular invoice.
   */
  readonly prorations?: "date" | "ignore";
  /**
   * The customer (account) id of an invoice. Default: the invoice's `customer` id (or the `id` of an
   * expanded Customer).
   */
  readonly customer?: (invoice: StripeInvoice) => string;
  /**
   * Price objects for lines that carry only a price id (`pricing.price_details.price` in API versions
   * from 2025-03-31.basil): the interval of a line comes from its Price.
   */
  readonly prices?: readonly unknown[];
}

interface Settings extends SharedSettings {
  readonly prorations: "date" | "ignore";
  readonly customer: ((invoice: StripeInvoice) => string) | undefined;
  readonly prices: ReadonlyMap<string, StripePrice>;
}

type MutableLine = { -readonly [K in keyof StripeContractLine]: StripeContractLine[K] };

/** A line made from a regular or prorated charge, with what matching a credit needs. */
interface Made {
  readonly line: MutableLine;
  readonly startDay: number;
  endDay: number;
  readonly key: string;
}

/** A proration credit: ends the matching line on `day`. */
interface Credit {
  readonly key: string;
  readonly day: number;
}

function readPrices(value: unknown): Map<string, StripePrice> {
  const prices = new Map<string, StripePrice>();
  if (value === undefined) return prices;
  if (!Array.isArray(value)) throw new ValidationError([{ path: "options.prices", message: "must be an array of Price objects" }]);
  const issues: ValidationIssue[] = [];
  value.forEach((price, index) => {
    const parsed = PriceSchema.safeParse(price);
    if (!parsed.success) for (const issue of parsed.error.issues) issues.push({ path: formatPath(`options.prices[${index}]`, issue.path), message: issue.message });
    else if (parsed.data.id === undefined) issues.push({ path: `options.prices[${index}].id`, message: "is required to look the price up" });
    else prices.set(parsed.data.id, parsed.data);
  });
  throwIssues(issues);
  return prices;
}

/** The line's Price: `price` (older API versions) or `pricing.price_details.price`, expanded or looked up in `options.prices`. */
function priceOf(line: StripeInvoiceLineItem, settings: Settings): StripePrice | null {
  const given = line.price ?? line.pricing?.price_details?.price;
  if (given === undefined || given === null) return null;
  return typeof given === "string" ? (settings.prices.get(given) ?? null) : given;
}

/** Interval, count, usage type, product and price id of a line, from its Price or its legacy Plan. */
function recurringOf(line: StripeInvoiceLineItem, settings: Settings) {
  const price = priceOf(line, settings);
  if (price?.recurring !== undefined && price.recurring !== null) {
    return { ...price.recurring, product: price.product ?? line.pricing?.price_details?.product, priceId: price.id, unit: unitOf(price) };
  }
  if (line.plan !== undefined && line.plan !== null) return { ...line.plan, priceId: line.plan.id, unit: null };
  return null;
}

function unitOf(price: StripePrice): MinorAmount | null {
  if (price.unit_amount_decimal !== undefined && price.unit_amount_decimal !== null) return readDecimalText(price.unit_amount_decimal);
  return price.unit_amount === undefined || price.unit_amount === null ? null : { coefficient: BigInt(price.unit_amount), scale: 0 };
}

function isProration(line: StripeInvoiceLineItem): boolean {
  return line.proration === true || line.parent?.subscription_item_details?.proration === true || line.parent?.invoice_item_details?.proration === true;
}

function subscriptionOf(line: StripeInvoiceLineItem): string | null {
  const legacy = line.subscription;
  if (legacy !== undefined && legacy !== null) return idOf(legacy);
  return line.parent?.subscription_item_details?.subscription ?? line.parent?.invoice_item_details?.subscription ?? null;
}

function isSubscriptionLine(line: StripeInvoiceLineItem): boolean {
  return line.type === "subscription" || (line.parent?.subscription_item_details !== undefined && line.parent.subscription_item_details !== null);
}

/** The line's amount minus the discount amounts that reduce MRR under the policy. */
function discountedAmount(line: StripeInvoiceLineItem, invoice: StripeInvoice, path: string, settings: Settings, issues: ValidationIssue[]): MinorAmount {
  let amount: MinorAmount = { coefficient: BigInt(line.amount), scale: 0 };
  if (settings.discounts === "none") return amount;
  const known = discountsById(invoice.discounts ?? []);
  (line.discount_amounts ?? []).forEach((entry, index) => {
    const where = `${path}.discount_amounts[${index}].discount`;
    if (settings.discounts === "forever") {
      const discount = typeof entry.discount === "string" ? known.get(entry.discount) : entry.discount;
      if (discount === undefined) {
        issues.push({ path: where, message: `is the unexpanded Discount id ${JSON.stringify(entry.discount)}: expand it (or the invoice's discounts) so its coupon's duration is known, or pass discounts: "all" or "none"` });
        return;
      }
      const coupon = couponOf(discount, where, issues);
      if (coupon === null || coupon.duration !== "forever") return;
    }
    amount = takeOff(amount, { coefficient: BigInt(entry.amount), scale: 0 }).rest;
  });
  return amount;
}

function convertInvoice(invoice: StripeInvoice, index: number, settings: Settings, made: Made[], credits: Credit[], skipped: StripeSkipped[], issues: ValidationIssue[]): void {
  const root = `invoices[${index}]`;
  if (invoice.status === "draft" || invoice.status === "void" || invoice.status === "uncollectible") {
    skipped.push({ id: invoice.id, object: "invoice", reason: `${invoice.status} invoice` });
    return;
  }
  const customerId = pickCustomer(settings.customer, invoice, idOf(invoice.customer), `${root}.customer`, issues);
  invoice.lines.data.forEach((line, lineIndex) => {
    const path = formatPath(root, ["lines", "data", lineIndex]);
    const skip = (reason: StripeSkipped["reason"]): void => {
      skipped.push({ id: line.id, object: "line_item", reason });
    };
    const proration = isProration(line);
    if (proration && settings.prorations === "ignore") return skip("proration");
    if (!proration && !isSubscriptionLine(line)) return skip("one-off invoice item");
    const currency = line.currency.toUpperCase();
    if (!isKnownCurrency(currency)) {
      issues.push({ path: `${path}.currency`, message: `is not an ISO 4217 currency code (got ${JSON.stringify(line.currency)})` });
      return;
    }
    const recurring = recurringOf(line, settings);
    if (recurring === null) return skip("unknown price");
    if (recurring.usage_type === "metered") return skip("metered item");
    const startDay = dayOf(line.period.start, settings);
    const endDay = dayOf(line.period.end, settings);
    if (endDay <= startDay) return skip("empty service period");
    const key = `${subscriptionOf(line) ?? ""}\u0000${recurring.priceId ?? ""}`;
    let amount: MinorAmount;
    if (proration) {
      // A credit for unused time ends the old line; a charge for the remaining time starts the new rate.
      if (line.amount < 0) {
        credits.push({ key, day: startDay });
        return skip("proration");
      }
      if (recurring.unit === null) return skip("no unit amount");
      amount = times(recurring.unit, BigInt(line.quantity ?? 1));
    } else {
      if (line.amount < 0) return skip("negative amount");
      amount = discountedAmount(line, invoice, path, settings, issues);
    }
    if (isZeroAmount(amount)) return skip("zero amount");
    if (customerId === null) return;
    const contract: MutableLine = {
      id: line.id,
      customerId,
      start: formatCalendarDate(startDay),
      end: formatCalendarDate(endDay),
      amount: majorUnitText(amount, stripeMinorUnitDigits(currency)),
      interval: recurring.interval,
      intervalCount: recurring.interval_count ?? 1,
      currency,
    };
    if (recurring.priceId !== undefined) contract.plan = recurring.priceId;
    if (recurring.product !== undefined && recurring.product !== null) contract.product = idOf(recurring.product);
    if (line.quantity !== undefined && line.quantity !== null) contract.seats = line.quantity;
    made.push({ line: contract, startDay, endDay, key });
  });
}

/**
 * Turns Stripe Invoice objects into dated contract lines: one per subscription line's service
 * period, so upgrades, downgrades and quantity changes become dated lines.
 *
 * @remarks
 * Read from Stripe's API reference (https://docs.stripe.com/api/invoices/object,
 * https://docs.stripe.com/api/invoice-line-item/object): a subscription line (`type: "subscription"`,
 * or `parent.subscription_item_details` from 2025-03-31.basil) charges `amount` (minor units) for its
 * service period `period.start`–`period.end` (which become the line's `start` and `end` in `timeZone`),
 * at its Price's `recurring.interval` and `interval_count` — so MRR = amount / the interval's months,
 * as for a subscription. The discount amounts whose coupons reduce MRR under `discounts` (default
 * `forever` only) are subtracted. Prorations (`proration: true`, or `parent.*.proration`) follow
 * `prorations` (default `"date"`: the credit for unused time ends the old line on its period start
 * and the charge for the remaining time starts the new price's full rate that day — ChartMogul, too,
 * turns a prorated charge into the full-period MRR from the change date,
 * https://dev.chartmogul.com/docs/how-mrr-is-calculated-from-prorated-invoices; the prorated amounts
 * themselves are never MRR). Draft, void and uncollectible invoices, one-off invoice items, metered
 * lines, lines whose Price is unknown and zero-amount lines (trials) are `skipped`. The last invoiced
 * period ends the history: lines end at their period's end. See docs/stripe.md.
 *
 * @param invoices - Invoice objects as the API returns them, with every line (`lines.has_more`
 * false); not mutated.
 * @param options - `timeZone` (default `"UTC"`), `discounts`, `prorations`, `customer`, `prices`.
 * @returns `{ contracts, skipped }` sorted by customer, start and id (skipped by id).
 * @throws `ValidationError` (exported by `cs-metrics`) naming every unreadable field (`invoices[2].lines.data[0].period.end`).
 * @example
 * ```ts
 * import { contractsFromStripeInvoices } from "cs-metrics/stripe";
 * const price = { id: "price_1", currency: "usd", unit_amount: 5000, recurring: { interval: "month" } };
 * const { contracts } = contractsFromStripeInvoices([{
 *   id: "in_1", customer: "cus_1", status: "paid",
 *   lines: { data: [{ id: "il_1", type: "subscription", amount: 10000, currency: "usd", quantity: 2, price,
 *     period: { start: 1735689600, end: 1738368000 } }] }, // 2025-01-01 → 2025-02-01
 * }]);
 * [contracts[0]?.start, contracts[0]?.end, contracts[0]?.amount]; //=> ["2025-01-01", "2025-02-01", "100"]
 * ```
 */
export function contractsFromStripeInvoices(invoices: readonly unknown[], options: StripeInvoicesOptions = {}): StripeContracts {
  if (!Array.isArray(invoices)) throw new ValidationError([{ path: "invoices", message: "must be an array of Invoice objects" }]);
  checkOptionsObject(options);
  readCustomerOption(options.customer);
  const settings: Settings = {
    ...readSharedOptions(options),
    prorations: readChoice(options.prorations, "options.prorations", ["date", "ignore"] as const, "date"),
    customer: options.customer,
    prices: readPrices(options.prices),
  };
  const issues: ValidationIssue[] = [];
  const parsed: StripeInvoice[] = [];
  invoices.forEach((invoice, index) => {
    const result = InvoiceSchema.safeParse(invoice);
    if (result.success) parsed.push(result.data);
    else for (const issue of result.error.issues) issues.push({ path: formatPath(`invoices[${index}]`, issue.path), message: issue.message });
  });
  throwIssues(issues);
  const made: Made[] = [];
  const credits: Credit[] = [];
  const skipped: StripeSkipped[] = [];
  parsed.forEach((invoice, index) => convertInvoice(invoice, index, settings, made, credits, skipped, issues));
  throwIssues(issues);
  // A credit ends every line of its subscription and price that runs across the credit's first day.
  for (const credit of credits) {
    for (const entry of made) {
      if (entry.key === credit.key && entry.startDay < credit.day && credit.day < entry.endDay) {
        entry.endDay = credit.day;
        entry.line.end = formatCalendarDate(credit.day);
      }
    }
  }
  return sortedResult(
    made.map((entry) => entry.line),
    skipped,
  );
}
