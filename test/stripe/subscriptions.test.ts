import { describe, expect, it } from "vitest";
import { ValidationError, contractBook, mrrOn, quarter, revenueReport } from "../../src/index.js";
import { contractsFromStripeSubscriptions } from "../../src/stripe/index.js";
import { caught } from "../support/caught.js";
import { expectDecimal } from "../support/decimals.js";
import { fraction } from "../support/fraction.js";
import { couponSubscription, subscriptionList, unix, zeroDecimalSubscriptions } from "./fixtures.js";

const lines = (result: ReturnType<typeof contractsFromStripeSubscriptions>) => result.contracts.map((c) => [c.id, c.customerId, c.start, c.end, c.amount]);

describe("contractsFromStripeSubscriptions: the worked example (fixtures.ts table)", () => {
  const result = contractsFromStripeSubscriptions(subscriptionList);

  it("makes one line per licensed item, from trial_end to ended_at (never canceled_at)", () => {
    expect(lines(result)).toEqual([
      ["si_A1", "cus_A", "2024-06-01", null, "100"], // 5 × 2000 cents
      ["si_B1", "cus_B", "2024-03-01", "2025-04-01", "200"], // ended_at, not canceled_at 2025-01-20
      ["si_C1", "cus_C", "2025-02-15", null, "50"], // trial_end, not start_date 2025-02-01
      ["si_E1", "cus_E", "2024-07-01", "2025-07-01", "1200"], // cancel_at_period_end: the item's current_period_end
      ["si_F1", "cus_F", "2024-09-01", null, "300"], // past_due counts as active
      ["si_G1", "cus_G", "2024-01-01", "2025-03-01", "80"], // unpaid: ends where the unpaid period starts
      ["si_I1", "cus_I", "2024-05-01", null, "72"], // 2 × $40 less 10% forever
    ]);
    expect(result.contracts[0]).toMatchObject({ interval: "month", intervalCount: 1, currency: "USD", seats: 5, plan: "price_seat20", product: "prod_seat20" });
    expect(result.contracts[3]).toMatchObject({ interval: "year" });
  });

  it("reports what it left out", () => {
    expect(result.skipped).toEqual([
      { id: "si_I2", object: "subscription_item", reason: "metered item" },
      { id: "sub_D", object: "subscription", reason: "trial never converted" },
      { id: "sub_H", object: "subscription", reason: "incomplete_expired" },
    ]);
  });

  it("gives the hand-derived Q1 2025 NRR and logo churn", () => {
    // M0 (2024-12-31): A 100 + B 200 + E 1200/12 = 100 + F 300 + G 80 + I 72 = 852 over 6 customers.
    // M1 (2025-03-31): G ended 2025-03-01 (churn, 80); B still pays until 2025-04-01; C is new (50).
    // NRR = (852 − 80) / 852 = 772 / 852 = 193 / 213; logo churn = 1 / 6.
    // Ending B at canceled_at (2025-01-20) would churn B too: NRR 572 / 852, logo churn 2 / 6.
    const report = revenueReport(result.contracts, quarter(2025, 1));
    expectDecimal(report.movements.startingMrr, 852);
    expectDecimal(report.movements.churnedMrr, 80);
    expectDecimal(report.movements.newMrr, 50);
    expectDecimal(report.rates.nrr, fraction(193, 213));
    expectDecimal(report.rates.logoChurnRate, fraction(1, 6));
  });

  it("does not count trial days: MRR on 2025-02-10 excludes sub_C (trial until 02-15) and sub_D", () => {
    // 852 (the Q1 starting MRR; G still pays on 02-10) + nothing from C.
    expectDecimal(mrrOn(result.contracts, "2025-02-10").amount, 852);
    // trials: "include" counts C from 2025-02-01 (+50) and D for 2025-03-01..15 as if paid.
    const included = contractsFromStripeSubscriptions(subscriptionList, { trials: "include" });
    expectDecimal(mrrOn(included.contracts, "2025-02-10").amount, 902);
    expect(lines(included).filter(([id]) => id === "si_D1")).toEqual([["si_D1", "cus_D", "2025-03-01", "2025-03-15", "50"]]);
  });

  it("pastDue: 'churn' ends a past_due subscription where its current period starts", () => {
    const churned = contractsFromStripeSubscriptions(subscriptionList, { pastDue: "churn" });
    expect(lines(churned).find(([id]) => id === "si_F1")).toEqual(["si_F1", "cus_F", "2024-09-01", "2025-11-01", "300"]);
  });

  it("customer: picks the account id, e.g. from the expanded customer's metadata", () => {
    const picked = contractsFromStripeSubscriptions(subscriptionList.slice(0, 1), {
      customer: (s) => ((s.customer as { metadata?: { account_id?: string } }).metadata?.account_id ?? "unknown"),
    });
    expect(picked.contracts.map((c) => c.customerId)).toEqual(["acct_acme"]);
    const bad = caught(() => contractsFromStripeSubscriptions(subscriptionList.slice(1, 2), { customer: () => "" }));
    expect((bad as ValidationError).issues).toEqual([{ path: "subscriptions[0].customer", message: 'the customer option returned "" (it must return a non-empty string)' }]);
  });

  it("timeZone: Unix timestamps become dates in the given zone (default UTC)", () => {
    const late = { ...subscriptionList[0]!, start_date: unix("2025-03-31T16:00:00Z") };
    expect(contractsFromStripeSubscriptions([late]).contracts[0]!.start).toBe("2025-03-31");
    expect(contractsFromStripeSubscriptions([late], { timeZone: "Asia/Tokyo" }).contracts[0]!.start).toBe("2025-04-01"); // 01:00 JST
    expect(contractsFromStripeSubscriptions([late], { timeZone: "America/Los_Angeles" }).contracts[0]!.start).toBe("2025-03-31");
  });
});

describe("contractsFromStripeSubscriptions: currencies, discounts, periods", () => {
  it("divides by 100 except for Stripe's zero-decimal (JPY, KRW) and three-decimal (KWD) currencies", () => {
    // ¥50,000 × 2 = ¥100,000; ₩1,200,000 a year; KWD unit_amount_decimal 12345.5 fils = 12.3455 KWD.
    expect(contractsFromStripeSubscriptions(zeroDecimalSubscriptions).contracts.map((c) => [c.currency, c.amount, c.interval])).toEqual([
      ["JPY", "100000", "month"],
      ["KRW", "1200000", "year"],
      ["KWD", "12.3455", "month"],
    ]);
  });

  it("prefers unit_amount_decimal and multiplies by quantity exactly", () => {
    const sub = structuredClone(subscriptionList[0]!);
    sub.items.data[0]!.price.unit_amount_decimal = "1999.995";
    // 5 × 1999.995 cents = 9999.975 cents = $99.99975.
    expect(contractsFromStripeSubscriptions([sub]).contracts[0]!.amount).toBe("99.99975");
  });

  it("discounts: forever coupons only by default, forever + repeating with 'all', none with 'none'", () => {
    const by = (discounts: "forever" | "all" | "none") => lines(contractsFromStripeSubscriptions([couponSubscription], { discounts }));
    // $100/month; 10% forever from 02-01; 25% repeating 01-01 → 04-01; 50% once (never MRR).
    expect(by("forever")).toEqual([
      ["si_K1", "cus_K", "2025-01-01", "2025-02-01", "100"],
      ["si_K1@2025-02-01", "cus_K", "2025-02-01", null, "90"],
    ]);
    expect(by("all")).toEqual([
      ["si_K1", "cus_K", "2025-01-01", "2025-02-01", "75"], // 100 × 0.75
      ["si_K1@2025-02-01", "cus_K", "2025-02-01", "2025-04-01", "67.5"], // 100 × 0.75 × 0.9
      ["si_K1@2025-04-01", "cus_K", "2025-04-01", null, "90"], // 100 × 0.9
    ]);
    expect(by("none")).toEqual([["si_K1", "cus_K", "2025-01-01", null, "100"]]);
  });

  it("takes a subscription's amount_off once, item by item, never below zero", () => {
    const sub = structuredClone(subscriptionList[8]!);
    sub.discounts = [{ id: "di_off", object: "discount", coupon: { id: "OFF100", object: "coupon", duration: "forever", amount_off: 10000, currency: "usd", percent_off: null }, start: unix("2024-05-01"), end: null }] as never;
    sub.discount = null;
    sub.items.data.push({ ...structuredClone(sub.items.data[0]!), id: "si_I3" });
    // Items 2 × $40 = $80 each; $100 off: the first drops to 0 (skipped), the second to $60.
    const result = contractsFromStripeSubscriptions([sub]);
    expect(lines(result)).toEqual([["si_I3", "cus_I", "2024-05-01", null, "60"]]);
    expect(result.skipped).toContainEqual({ id: "si_I1", object: "subscription_item", reason: "zero amount" });
  });

  it("reads the single legacy discount when discounts is absent or empty", () => {
    const legacy = { ...subscriptionList[8]!, discounts: undefined };
    const empty = { ...subscriptionList[8]!, discounts: [] };
    // 2 × $40 less 10% forever = $72 either way.
    expect(contractsFromStripeSubscriptions([legacy]).contracts[0]!.amount).toBe("72");
    expect(contractsFromStripeSubscriptions([empty]).contracts[0]!.amount).toBe("72");
  });

  it("reads current_period_end from the subscription in API versions before basil", () => {
    const sub = { ...structuredClone(subscriptionList[4]!), current_period_end: unix("2025-08-01") };
    delete (sub.items.data[0] as { current_period_end?: number }).current_period_end;
    expect(contractsFromStripeSubscriptions([sub]).contracts[0]!.end).toBe("2025-08-01");
  });

  it("ends at cancel_at when one is scheduled without cancel_at_period_end", () => {
    const sub = { ...subscriptionList[0]!, cancel_at: unix("2025-09-15T12:00:00Z") };
    expect(contractsFromStripeSubscriptions([sub]).contracts[0]!.end).toBe("2025-09-15");
  });

  it("skips trialing, incomplete, paused subscriptions, tiered prices and zero amounts", () => {
    const base = subscriptionList[0]!;
    const tiered = structuredClone(base);
    tiered.id = "sub_T";
    tiered.items.data[0]!.id = "si_T";
    tiered.items.data[0]!.price = { ...tiered.items.data[0]!.price, billing_scheme: "tiered", unit_amount: null, unit_amount_decimal: null };
    const free = structuredClone(base);
    free.id = "sub_0";
    free.items.data[0]!.id = "si_0";
    free.items.data[0]!.quantity = 0;
    const sameDay = { ...base, id: "sub_S", ended_at: base.start_date + 3600 };
    const result = contractsFromStripeSubscriptions([
      { ...base, id: "sub_tr", status: "trialing", trial_end: unix("2030-01-01") },
      { ...base, id: "sub_in", status: "incomplete" },
      { ...base, id: "sub_pa", status: "paused" },
      tiered,
      free,
      sameDay,
    ]);
    expect(result.contracts).toEqual([]);
    expect(result.skipped.map((row) => [row.id, row.reason])).toEqual([
      ["si_0", "zero amount"],
      ["si_A1", "ended before revenue started"],
      ["si_T", "no unit amount"],
      ["sub_in", "incomplete"],
      ["sub_pa", "paused"],
      ["sub_tr", "trialing"],
    ]);
  });
});

describe("contractsFromStripeSubscriptions: bad input", () => {
  it("names the record and field of every problem", () => {
    const broken = structuredClone(subscriptionList.slice(0, 4)) as unknown as Record<string, unknown>[];
    ((broken[3]!["items"] as { data: { price: Record<string, unknown> }[] }).data[0]!.price)["unit_amount"] = -5;
    ((broken[1]!["items"] as { data: { price: { recurring: Record<string, unknown> } }[] }).data[0]!.price.recurring)["interval"] = "fortnight";
    broken[2]!["start_date"] = "2025-02-01";
    const error = caught(() => contractsFromStripeSubscriptions(broken)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatchInlineSnapshot(`
      "cs-metrics: invalid input (3 problems):
        subscriptions[1].items.data[0].price.recurring.interval: must be "day", "week", "month" or "year" (got "fortnight")
        subscriptions[2].start_date: must be a Unix time in seconds (got "2025-02-01")
        subscriptions[3].items.data[0].price.unit_amount: must be a whole number ≥ 0 (got -5)"
    `);
  });

  it("reports missing end dates, unexpanded discounts, cut-short lists and foreign currencies", () => {
    const canceled = { ...subscriptionList[0]!, status: "canceled" };
    const unpaid = { ...subscriptionList[5]!, status: "unpaid", current_period_start: undefined };
    const endless = { ...subscriptionList[5]!, status: "active", cancel_at_period_end: true, current_period_end: undefined };
    const unexpanded = { ...subscriptionList[8]!, discount: null, discounts: ["di_X"] };
    const couponId = { ...couponSubscription, discounts: [{ id: "di_c", object: "discount", source: { coupon: "TEN" }, start: 1, end: null }] };
    const partial = { ...subscriptionList[0]!, items: { ...subscriptionList[0]!.items, has_more: true } };
    const currency = structuredClone(subscriptionList[0]!);
    currency.items.data[0]!.price.currency = "zzz";
    const error = caught(() => contractsFromStripeSubscriptions([canceled, unpaid, endless, unexpanded, couponId, currency])) as ValidationError;
    expect(error.issues.map((issue) => issue.path)).toEqual([
      "subscriptions[0].ended_at",
      "subscriptions[1].items.data[0].current_period_start",
      "subscriptions[2].items.data[0].current_period_end",
      "subscriptions[3].discounts[0]",
      "subscriptions[4].discounts[0].source.coupon",
      "subscriptions[5].items.data[0].price.currency",
    ]);
    expect(error.issues[3]!.message).toContain('pass discounts: "none"');
    expect((caught(() => contractsFromStripeSubscriptions([partial])) as ValidationError).issues[0]!.path).toBe("subscriptions[0].items.has_more");
    // With discounts: "none" the unexpanded discount is not needed.
    expect(contractsFromStripeSubscriptions([unexpanded], { discounts: "none" }).contracts[0]!.amount).toBe("80");
  });

  it("checks its arguments and options", () => {
    const paths = (action: () => unknown) => (caught(action) as ValidationError).issues.map((issue) => issue.path);
    expect(paths(() => contractsFromStripeSubscriptions({} as never))).toEqual(["subscriptions"]);
    expect(paths(() => contractsFromStripeSubscriptions([], null as never))).toEqual(["options"]);
    expect(paths(() => contractsFromStripeSubscriptions([], { trials: "yes" as never }))).toEqual(["options.trials"]);
    expect(paths(() => contractsFromStripeSubscriptions([], { pastDue: "late" as never }))).toEqual(["options.pastDue"]);
    expect(paths(() => contractsFromStripeSubscriptions([], { discounts: "some" as never }))).toEqual(["options.discounts"]);
    expect(paths(() => contractsFromStripeSubscriptions([], { timeZone: "Mars/Olympus" }))).toEqual(["options.timeZone"]);
    expect(paths(() => contractsFromStripeSubscriptions([], { timeZone: "" }))).toEqual(["options.timeZone"]);
    expect(paths(() => contractsFromStripeSubscriptions([{ ...subscriptionList[0]!, customer: { email: "x" } }]))).toEqual(["subscriptions[0].customer.id"]);
    expect(paths(() => contractsFromStripeSubscriptions([], { customer: "metadata.account_id" as never }))).toEqual(["options.customer"]);
  });

  it("makes contracts that a contract book accepts", () => {
    const book = contractBook(contractsFromStripeSubscriptions(subscriptionList).contracts);
    expect(book.customers.length).toBe(7);
  });
});
