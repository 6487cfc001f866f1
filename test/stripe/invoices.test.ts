import { describe, expect, it } from "vitest";
import { ValidationError, mrrOn } from "../../src/index.js";
import { contractsFromStripeInvoices } from "../../src/stripe/index.js";
import { caught } from "../support/caught.js";
import { expectDecimal } from "../support/decimals.js";
import { discountedInvoice, unix, upgradeInvoices, upgradePrices } from "./fixtures.js";

const lines = (result: ReturnType<typeof contractsFromStripeInvoices>) => result.contracts.map((c) => [c.id, c.start, c.end, c.amount]);

describe("contractsFromStripeInvoices: an upgrade on 2025-02-15 (fixtures.ts)", () => {
  const result = contractsFromStripeInvoices(upgradeInvoices, { prices: upgradePrices });

  it("dates the upgrade at the proration: the credit ends Basic, the charge starts Pro's full rate", () => {
    expect(lines(result)).toEqual([
      ["il_1", "2025-01-01", "2025-02-01", "100"],
      ["il_2", "2025-02-01", "2025-02-15", "100"], // cut by the −$50 credit for unused Basic from 02-15
      ["il_4", "2025-02-15", "2025-03-01", "300"], // the +$150 prorated charge → Pro's $300 rate, not $150
      ["il_5", "2025-03-01", "2025-04-01", "300"],
      ["il_6", "2025-04-01", "2025-05-01", "300"],
    ]);
    expect(result.contracts.every((c) => c.customerId === "cus_U" && c.interval === "month" && c.currency === "USD")).toBe(true);
    expect(result.skipped).toEqual([
      { id: "il_3", object: "line_item", reason: "proration" },
      { id: "il_setup", object: "line_item", reason: "one-off invoice item" },
      { id: "il_trial", object: "line_item", reason: "zero amount" },
      { id: "in_draft", object: "invoice", reason: "draft invoice" },
      { id: "in_void", object: "invoice", reason: "void invoice" },
    ]);
    // MRR the day before and on the upgrade day: $100 → $300 (expansion $200 on 2025-02-15).
    expectDecimal(mrrOn(result.contracts, "2025-02-14").amount, 100);
    expectDecimal(mrrOn(result.contracts, "2025-02-15").amount, 300);
  });

  it('prorations: "ignore" shows the change from the next regular invoice', () => {
    const ignored = contractsFromStripeInvoices(upgradeInvoices, { prices: upgradePrices, prorations: "ignore" });
    expect(lines(ignored).slice(1, 3)).toEqual([
      ["il_2", "2025-02-01", "2025-03-01", "100"],
      ["il_5", "2025-03-01", "2025-04-01", "300"],
    ]);
    expect(ignored.skipped.filter((row) => row.reason === "proration").map((row) => row.id)).toEqual(["il_3", "il_4"]);
  });

  it("skips basil lines whose Price is only an id, unless options.prices has it", () => {
    const unknown = contractsFromStripeInvoices(upgradeInvoices);
    expect(unknown.skipped.filter((row) => row.reason === "unknown price").map((row) => row.id)).toEqual(["il_3", "il_4", "il_5", "il_6"]);
  });

  it("discounts: forever coupons by default (from discount_amounts), every discount with 'all', none with 'none'", () => {
    // $100 line; $10 off from a 10% forever coupon, $45 from a 50% once coupon (on the discounted $90).
    const amount = (discounts: "forever" | "all" | "none") => contractsFromStripeInvoices([discountedInvoice], { discounts }).contracts[0]!.amount;
    expect([amount("forever"), amount("all"), amount("none")]).toEqual(["90", "45", "100"]);
    expect(contractsFromStripeInvoices([discountedInvoice]).contracts[0]!.customerId).toBe("cus_V"); // expanded customer
  });

  it("takes the customer from the picker and dates in the time zone", () => {
    const result = contractsFromStripeInvoices(upgradeInvoices.slice(0, 1), { customer: (invoice) => `acct-${String(invoice.customer)}`, timeZone: "America/Los_Angeles" });
    // 2025-01-01T00:00Z is 2024-12-31 16:00 in Los Angeles.
    expect(result.contracts.map((c) => [c.customerId, c.start, c.end])).toEqual([["acct-cus_U", "2024-12-31", "2025-01-31"]]);
  });

  it("skips metered lines, negative regular lines, empty periods and uncollectible invoices; reads legacy plans", () => {
    const base = upgradeInvoices[0]!;
    const withLine = (id: string, change: Record<string, unknown>) => ({ ...base, id: `in_${id}`, lines: { data: [{ ...base.lines.data[0]!, id, ...change }] } });
    const metered = withLine("il_m", { price: { ...upgradePrices[0]!, recurring: { interval: "month", usage_type: "metered" } } });
    const negative = withLine("il_n", { amount: -100 });
    const empty = withLine("il_e", { period: { start: unix("2025-01-01T01:00:00Z"), end: unix("2025-01-01T05:00:00Z") } });
    const planned = withLine("il_p", { price: null, plan: { id: "plan_gold", object: "plan", interval: "year", interval_count: 2, product: "prod_gold" }, amount: 240000 });
    const result = contractsFromStripeInvoices([metered, negative, empty, planned, { ...base, id: "in_u", status: "uncollectible" }]);
    expect(result.skipped.map((row) => [row.id, row.reason])).toEqual([
      ["il_e", "empty service period"],
      ["il_m", "metered item"],
      ["il_n", "negative amount"],
      ["in_u", "uncollectible invoice"],
    ]);
    expect(result.contracts.map((c) => [c.id, c.amount, c.interval, c.intervalCount, c.plan, c.product])).toEqual([["il_p", "2400", "year", 2, "plan_gold", "prod_gold"]]);
  });

  it("names the record and field of every problem", () => {
    const broken = structuredClone(upgradeInvoices.slice(0, 3)) as unknown as { lines: { data: Record<string, unknown>[]; has_more?: boolean } }[];
    broken[0]!.lines.data[0]!["period"] = { start: unix("2025-01-01") };
    broken[1]!.lines.has_more = true;
    broken[2]!.lines.data[1]!["amount"] = 1.5;
    const error = caught(() => contractsFromStripeInvoices(broken)) as ValidationError;
    expect(error.message).toMatchInlineSnapshot(`
      "cs-metrics: invalid input (3 problems):
        invoices[0].lines.data[0].period.end: must be a Unix time in seconds (got nothing)
        invoices[1].lines.has_more: is true: the list is cut short; fetch all its invoice line items (auto-pagination) and pass them in data
        invoices[2].lines.data[1].amount: must be a whole number (got 1.5)"
    `);
  });

  it("reports unexpanded discounts, unknown currencies, bad prices and options", () => {
    const unexpanded = { ...discountedInvoice, discounts: [] };
    const currency = structuredClone(upgradeInvoices[0]!);
    (currency.lines.data[0] as { currency: string }).currency = "zzz";
    const error = caught(() => contractsFromStripeInvoices([unexpanded, currency])) as ValidationError;
    expect(error.issues.map((issue) => issue.path)).toEqual(["invoices[0].lines.data[0].discount_amounts[1].discount", "invoices[1].lines.data[0].currency"]);
    const paths = (action: () => unknown) => (caught(action) as ValidationError).issues.map((issue) => issue.path);
    expect(paths(() => contractsFromStripeInvoices("x" as never))).toEqual(["invoices"]);
    expect(paths(() => contractsFromStripeInvoices([], { prorations: "spread" as never }))).toEqual(["options.prorations"]);
    expect(paths(() => contractsFromStripeInvoices([], { prices: {} as never }))).toEqual(["options.prices"]);
    expect(paths(() => contractsFromStripeInvoices([], { prices: [{ currency: "usd", recurring: null }, { id: "p", currency: 5 }] }))).toEqual(["options.prices[0].id", "options.prices[1].currency"]);
    expect(paths(() => contractsFromStripeInvoices(upgradeInvoices.slice(0, 1), { customer: () => 42 as never }))).toEqual(["invoices[0].customer"]);
  });
});
