/**
 * Properties of the Stripe adapters: input order never matters, inputs are never mutated, every
 * contract line validates, and an invoice history of an unchanged subscription gives the MRR of the
 * subscription itself.
 */
import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { ContractSchema, contractBook, mrrOn } from "../../src/index.js";
import { contractsFromStripeInvoices, contractsFromStripeSubscriptions } from "../../src/stripe/index.js";
import { deepFreeze } from "../support/deepFreeze.js";
import { couponSubscription, discountedInvoice, subscriptionList, upgradeInvoices, upgradePrices, zeroDecimalSubscriptions } from "./fixtures.js";

const allSubscriptions = [...subscriptionList, ...zeroDecimalSubscriptions, couponSubscription];
const allInvoices = [...upgradeInvoices, discountedInvoice];
const DAY = 86_400;

const subscriptionArb = fc
  .record({
    status: fc.constantFrom("active", "active", "past_due", "canceled", "unpaid", "trialing", "incomplete", "paused"),
    startDay: fc.integer({ min: 19_000, max: 20_500 }),
    startSecond: fc.integer({ min: 0, max: DAY - 1 }),
    trialDays: fc.option(fc.integer({ min: 0, max: 30 })),
    endAfterDays: fc.option(fc.integer({ min: 0, max: 800 })),
    periodDays: fc.integer({ min: 1, max: 400 }),
    cancelAtPeriodEnd: fc.boolean(),
    currency: fc.constantFrom("usd", "jpy", "kwd", "eur"),
    interval: fc.constantFrom("day", "week", "month", "year"),
    intervalCount: fc.integer({ min: 1, max: 3 }),
    unit: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }).map((n) => ({ unit_amount: n, unit_amount_decimal: String(n) })), fc.nat(99_999).map((n) => ({ unit_amount: null, unit_amount_decimal: `${Math.floor(n / 100)}.${n % 100}` }))),
    quantity: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
    usage: fc.constantFrom("licensed", "licensed", "metered"),
    percentOff: fc.option(fc.integer({ min: 1, max: 1000 }).map((n) => n / 10)),
    duration: fc.constantFrom("forever", "once", "repeating"),
  })
  .map((g) => {
    const start = g.startDay * DAY + g.startSecond;
    const trialEnd = g.trialDays === null ? null : start + g.trialDays * DAY;
    const endedAt = g.status === "canceled" ? start + (g.endAfterDays ?? 0) * DAY : g.endAfterDays === null ? null : start + g.endAfterDays * DAY;
    return {
      id: `sub_${g.startDay}_${g.startSecond}`,
      object: "subscription",
      customer: `cus_${g.startDay % 7}`,
      status: g.status,
      start_date: start,
      trial_end: trialEnd,
      ended_at: endedAt,
      cancel_at_period_end: g.cancelAtPeriodEnd,
      discounts:
        g.percentOff === null
          ? []
          : [{ id: "di", object: "discount", coupon: { id: "c", duration: g.duration, percent_off: g.percentOff }, start: start + 3 * DAY, end: g.duration === "repeating" ? start + 90 * DAY : null }],
      items: {
        data: [
          {
            id: `si_${g.startDay}_${g.startSecond}`,
            ...(g.quantity === undefined ? {} : { quantity: g.quantity }),
            current_period_start: start,
            current_period_end: start + g.periodDays * DAY,
            price: { id: "price", currency: g.currency, ...g.unit, recurring: { interval: g.interval, interval_count: g.intervalCount, usage_type: g.usage } },
          },
        ],
      },
    };
  });

const TIMEOUT = 120_000;

describe("contractsFromStripeSubscriptions / contractsFromStripeInvoices properties", () => {
  const fromSubscriptions = contractsFromStripeSubscriptions(allSubscriptions);
  const fromInvoices = contractsFromStripeInvoices(allInvoices, { prices: upgradePrices });
  test.prop([fc.shuffledSubarray(allSubscriptions, { minLength: allSubscriptions.length }), fc.shuffledSubarray(allInvoices, { minLength: allInvoices.length })], { numRuns: 40 })(
    "a shuffled input gives the same output",
    (subscriptions, invoices) => {
      expect(contractsFromStripeSubscriptions(subscriptions)).toEqual(fromSubscriptions);
      expect(contractsFromStripeInvoices(invoices, { prices: upgradePrices })).toEqual(fromInvoices);
    },
    TIMEOUT,
  );

  test.prop([fc.array(subscriptionArb, { maxLength: 8 }), fc.constantFrom("forever", "all", "none"), fc.constantFrom("exclude", "include"), fc.constantFrom("UTC", "Asia/Tokyo", "America/Los_Angeles")], { numRuns: 60 })(
    "every contract line validates, never mutates its input, and builds a book per currency",
    (subscriptions, discounts, trials, timeZone) => {
      const unique = [...new Map(subscriptions.map((s) => [s.id, s])).values()];
      const before = JSON.stringify(unique);
      const { contracts, skipped } = contractsFromStripeSubscriptions(deepFreeze(unique), { discounts: discounts as "all", trials: trials as "include", timeZone });
      expect(JSON.stringify(unique)).toBe(before);
      for (const contract of contracts) expect(ContractSchema.safeParse(contract).success).toBe(true);
      for (const currency of new Set(contracts.map((c) => c.currency))) contractBook(contracts.filter((c) => c.currency === currency));
      // Every item is either a line (or several segments) or skipped, with its subscription.
      for (const s of unique) {
        const itemId = s.items.data[0]!.id;
        const made = contracts.some((c) => c.id === itemId || c.id.startsWith(`${itemId}@`));
        const left = skipped.some((row) => row.id === itemId || row.id === s.id);
        expect(made || left).toBe(true);
      }
    },
    TIMEOUT,
  );

  test.prop([
    fc.integer({ min: 1, max: 500_000 }),
    fc.integer({ min: 1, max: 20 }),
    fc.integer({ min: 2023, max: 2026 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 8 }),
    fc.constantFrom("month", "year", "week"),
  ], { numRuns: 40 })("an invoice history of an unchanged subscription gives the subscription's MRR on every invoiced day", (unitAmount, quantity, year, month, periods, interval) => {
    const price = { id: "price_x", currency: "usd", unit_amount: unitAmount, recurring: { interval, interval_count: 1 } };
    const starts: number[] = [];
    for (let index = 0; index <= periods; index++) {
      if (interval === "week") starts.push(Date.UTC(year, month - 1, 1 + 7 * index) / 1000);
      else starts.push(Date.UTC(year + (interval === "year" ? index : 0), month - 1 + (interval === "month" ? index : 0), 1) / 1000);
    }
    const invoices = starts.slice(0, -1).map((start, index) => ({
      id: `in_${index}`,
      customer: "cus_X",
      status: "paid",
      lines: { data: [{ id: `il_${index}`, type: "subscription", amount: unitAmount * quantity, currency: "usd", quantity, price, period: { start, end: starts[index + 1]! } }] },
    }));
    const subscription = { id: "sub_X", customer: "cus_X", status: "active", start_date: starts[0]!, items: { data: [{ id: "si_X", quantity, price }] } };
    const invoiceBook = contractBook(contractsFromStripeInvoices(invoices).contracts);
    const subscriptionBook = contractBook(contractsFromStripeSubscriptions([subscription]).contracts);
    for (const start of starts.slice(0, -1)) {
      for (const offset of [0, 3 * DAY]) {
        const date = new Date((start + offset) * 1000).toISOString().slice(0, 10);
        expect(mrrOn(invoiceBook, date).amount.equals(mrrOn(subscriptionBook, date).amount)).toBe(true);
      }
    }
  }, TIMEOUT);
});
