/**
 * The figures of examples/stripe-review.mjs (examples/expected/stripe-review.txt), derived here
 * INDEPENDENTLY of the library: this file imports nothing from src/ and recomputes each headline
 * figure from the raw Stripe JSON and events CSV with a few lines of plain arithmetic (integer cents,
 * whole days). examples.test.ts checks that the example prints stripe-review.txt byte for byte; this
 * file checks that stripe-review.txt holds the right numbers, and that the seeded generator
 * reproduces the committed data.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const DATA = join(ROOT, "examples", "data");
const read = (name: string): string => readFileSync(join(DATA, name), "utf8");
const expectedText = readFileSync(join(ROOT, "examples", "expected", "stripe-review.txt"), "utf8");

interface Line { amount: number; proration?: boolean; type?: string; quantity: number | null; period: { start: number; end: number }; price: { currency: string; recurring: { interval: string; usage_type: string } }; discount_amounts: { amount: number; discount: { coupon: { duration: string } } }[] }
interface Invoice { status: string; subscription_details: { metadata: { account_id: string } }; lines: { data: Line[] } }
const invoices = JSON.parse(read("stripe-invoices.json")) as Invoice[];

/** The Tokyo calendar date of a Unix time (UTC+9, no daylight saving). */
const tokyoDate = (seconds: number): string => new Date((seconds + 9 * 3600) * 1000).toISOString().slice(0, 10);
/** Dollars per month in cents: a monthly USD line as is, a yearly one / 12, JPY × 0.0066 (¥1 = 0.66 cents). */
function mrrCents(line: Line): number {
  const forever = line.discount_amounts.filter((d) => d.discount.coupon.duration === "forever").reduce((sum, d) => sum + d.amount, 0);
  const net = line.amount - forever;
  const monthly = line.price.recurring.interval === "year" ? net / 12 : net;
  return line.price.currency === "jpy" ? monthly * 0.66 : monthly;
}
/** MRR per account on a day: the regular (non-proration) licensed line whose Tokyo-dated period holds it. */
function mrrOn(day: string): Map<string, number> {
  const mrr = new Map<string, number>();
  for (const invoice of invoices) {
    if (invoice.status !== "paid" && invoice.status !== "open") continue;
    for (const line of invoice.lines.data) {
      if (line.proration === true || line.price.recurring.usage_type !== "licensed" || line.amount === 0) continue;
      if (tokyoDate(line.period.start) <= day && day < tokyoDate(line.period.end)) {
        const account = invoice.subscription_details.metadata.account_id;
        mrr.set(account, (mrr.get(account) ?? 0) + mrrCents(line));
      }
    }
  }
  return mrr;
}
const sum = (values: Iterable<number>): number => [...values].reduce((a, b) => a + b, 0);
const dollars = (cents: number): string => `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;
const percent = (ratio: number): string => `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;

describe("examples/stripe-review.mjs: figures derived without the library", () => {
  const start = mrrOn("2024-12-31"); // M0: the day before 2025
  const end = mrrOn("2025-12-31"); // M1: the year's last day
  const accountsBefore = new Set(invoices.filter((i) => i.status === "paid").flatMap((i) => i.lines.data.filter((l) => tokyoDate(l.period.start) < "2025-01-01" && l.amount > 0 && !l.proration).map(() => i.subscription_details.metadata.account_id)));

  it("MRR bridge and rates", () => {
    // Starting MRR: alder 500 + birch 1,000 + cedar 250 + dune 600 + elm 6,000/12 = 500 + fir 300
    // + grove 200 + hazel ¥150,000 × 0.0066 = 990 + ivy 400 − 20% forever = 320 + juniper 500 + kelp 750
    // + larch 150 + maple 1,250 + nettle 300 + oak 450 + pine 350 + quill 250 = $8,660 (17 customers).
    expect(start.size).toBe(17);
    expect(sum(start.values())).toBe(866_000);
    // Ending MRR: the same less fir and quill (churned), cedar 250 → 400, dune 600 → 400, plus rowan
    // 500 + umber 7,200/12 = 600 + vetch 200 (new) and yew 250 (back after 2024) = $9,610 (19).
    expect(end.size).toBe(19);
    expect(sum(end.values())).toBe(961_000);
    let [newMrr, reactivation, expansion, contraction, churn, churned] = [0, 0, 0, 0, 0, 0];
    for (const [account, m1] of end) {
      const m0 = start.get(account) ?? 0;
      if (m0 === 0) (accountsBefore.has(account) ? (reactivation += m1) : (newMrr += m1));
      else if (m1 > m0) expansion += m1 - m0;
      else contraction += m0 - m1;
    }
    for (const [account, m0] of start) if (!end.has(account)) [churn, churned] = [churn + m0, churned + 1];
    // new 500 + 600 + 200 = 1,300; reactivation 250; expansion 150 (cedar); contraction 200 (dune); churn 300 + 250 = 550.
    expect([newMrr, reactivation, expansion, contraction, churn, churned]).toEqual([130_000, 25_000, 15_000, 20_000, 55_000, 2]);
    // NRR = (8,660 + 150 − 200 − 550) / 8,660 = 8,060 / 8,660 = 93.07%; GRR = 7,910 / 8,660 = 91.34%;
    // logo churn = 2 / 17 = 11.76%.
    const s0 = sum(start.values());
    const nrr = (s0 + expansion - contraction - churn) / s0;
    const grr = (s0 - contraction - churn) / s0;
    expect(expectedText).toContain(`starting MRR      ${dollars(s0)} (17 customers)`);
    expect(expectedText).toContain(`+ new             ${dollars(newMrr)} (3)`);
    expect(expectedText).toContain(`+ reactivation    ${dollars(reactivation)} (1)`);
    expect(expectedText).toContain(`+ expansion       ${dollars(expansion)} (1)`);
    expect(expectedText).toContain(`− contraction     ${dollars(contraction)} (1)`);
    expect(expectedText).toContain(`− churn           ${dollars(churn)} (2)`);
    expect(expectedText).toContain(`= ending MRR      ${dollars(sum(end.values()))} (19 customers)`);
    expect(expectedText).toContain(`NRR ${percent(nrr)}, GRR ${percent(grr)}, logo churn ${percent(2 / 17)}`);
    expect(`${percent(nrr)} ${percent(grr)} ${percent(2 / 17)}`).toBe("93.1% 91.3% 11.8%");
  });

  it("the subscription list alone loses the upgrade and the downgrade", () => {
    // It holds today's quantities only: cedar 8 seats (400) and dune 8 (400) from their start, so the
    // starting MRR is 8,660 + 150 − 200 = 8,610, with no expansion or contraction, and
    // NRR = (8,610 − 550) / 8,610 = 93.61%.
    expect(expectedText).toContain(`subscription list alone: starting ${dollars(861_000)}, expansion $0.00, contraction $0.00, NRR ${percent(806_000 / 861_000)}`);
  });

  it("health bands, Good−Bad and the data-quality line from the events", () => {
    const features = new Set(["dashboards", "reports", "exports", "alerts", "api", "sso"]);
    const rows = read("product-events.csv").trimEnd().split("\n").slice(1).map((line) => line.split(","));
    // Every timestamp carries +09:00, so its Tokyo date is the text before the T.
    expect(rows.every((row) => row[3]!.endsWith("+09:00"))).toBe(true);
    const future = rows.flatMap((row, index) => (row[3]!.slice(0, 10) > "2025-12-31" ? [index] : []));
    const paying = new Set(end.keys());
    const everPaid = new Set([...start.keys(), ...end.keys(), "acct_fir", "acct_quill"]);
    const unknown = rows.filter((row) => row[3]!.slice(0, 10) <= "2025-12-31" && !everPaid.has(row[1]!));
    expect(expectedText).toContain(`not in the contract book: acct_demo, acct_sage, acct_tamarack (${unknown.length} events); after 2025-12-31: ${future.length} event(s), first events[${future.join(", ")}]`);
    // Seats: the quantity of each paying account's line on 2025-12-31.
    const seats = new Map<string, number>();
    for (const invoice of invoices) for (const line of invoice.lines.data) {
      if (!line.proration && line.quantity !== null && line.amount > 0 && tokyoDate(line.period.start) <= "2025-12-31" && "2025-12-31" < tokyoDate(line.period.end)) seats.set(invoice.subscription_details.metadata.account_id, line.quantity);
    }
    // score = 100 × (P/S + A/P + F/6) / 3 with P = users seen by 12-31, A = users active 12-02 … 12-31,
    // F = listed features used 12-02 … 12-31; Good ≥ 70, Bad < 40.
    // e.g. alder (9/10 + 8/9 + 4/6)/3 = 81.9 Good; elm (5/10 + 1/5 + 1/6)/3 = 28.9 Bad;
    // larch (3/3 + 0/3 + 0/6)/3 = 33.3 Bad; oak (3/9 + 1/3 + 1/6)/3 = 27.8 Bad.
    const bands = { good: 0, normal: 0, bad: 0 };
    for (const account of paying) {
      const mine = rows.filter((row) => row[1] === account && row[3]!.slice(0, 10) <= "2025-12-31");
      const inWindow = mine.filter((row) => row[3]!.slice(0, 10) >= "2025-12-02");
      const p = new Set(mine.map((row) => row[0])).size;
      const a = new Set(inWindow.map((row) => row[0])).size;
      const f = new Set(inWindow.map((row) => row[2]).filter((name) => features.has(name!))).size;
      const score = (100 * (Math.min(p / seats.get(account)!, 1) + a / p + f / 6)) / 3;
      bands[score >= 70 ? "good" : score < 40 ? "bad" : "normal"]++;
    }
    // Good: alder, birch, cedar, hazel, kelp, nettle, pine, rowan, yew; Bad: elm, larch, oak; Normal the
    // other 7 of 19 → Good−Bad = (9 − 3) / 19 = 31.6 points.
    expect(bands).toEqual({ good: 9, normal: 7, bad: 3 });
    expect(expectedText).toContain(`Good 9, Normal 7, Bad 3: Good−Bad +${((100 * (9 - 3)) / 19).toFixed(1)} points`);
  });

  it("the seeded generator writes the committed data byte for byte", () => {
    const out = mkdtempSync(join(tmpdir(), "cs-metrics-stripe-sample-"));
    execFileSync(process.execPath, [join(DATA, "make-stripe-sample.mjs"), out]);
    for (const name of ["stripe-subscriptions.json", "stripe-invoices.json", "product-events.csv", "crm-contacts.csv"]) {
      expect(readFileSync(join(out, name), "utf8"), name).toBe(read(name));
    }
  });
});
