// The yearly review (calendar 2025) straight from exports: Stripe subscriptions and invoices as the
// API returns them, and a product-events CSV. No hand-written glue between the files and the
// figures: every choice (trials, end of service, discounts, the account id, the time zone) is an
// adapter option with a documented default (docs/exports-to-review.md walks through each).
// Data: examples/data/make-stripe-sample.mjs (seeded). Run after `npm run build`: node examples/stripe-review.mjs
import { readFileSync } from "node:fs";
import { contractBook, formatMoney, formatPercent, goodMinusBad, mrrOn, priorityQuadrant, revenueReport, scoreCustomers, usageSnapshots, year } from "cs-metrics";
import { bandDistributionChart, mrrBridgeChart, priorityQuadrantChart } from "cs-metrics/charts";
import { contractsFromStripeInvoices, contractsFromStripeSubscriptions } from "cs-metrics/stripe";

const text = (name) => readFileSync(new URL(`./data/${name}`, import.meta.url), "utf8");
/** A plain CSV (no quoted cells) as one object per row, keyed by its header. */
const csv = (name) => {
  const [header, ...rows] = text(name).trimEnd().split("\n").map((line) => line.split(","));
  return rows.map((cells) => Object.fromEntries(header.map((column, i) => [column, cells[i]])));
};

const period = year(2025);
const asOf = "2025-12-31"; // the period's last day
const book = { currency: "USD", exchangeRates: { JPY: "0.0066" } }; // one JPY customer, reported in dollars
const timeZone = "Asia/Tokyo"; // the team's calendar: Stripe's Unix times and the events' offsets become Tokyo dates

// 1. Stripe → contract lines. The account id is in each subscription's metadata (and, on invoices, in
// subscription_details.metadata): one account may have had several Stripe customers.
const invoices = contractsFromStripeInvoices(JSON.parse(text("stripe-invoices.json")), {
  timeZone,
  customer: (invoice) => invoice.subscription_details.metadata.account_id,
});
const subscriptions = contractsFromStripeSubscriptions(JSON.parse(text("stripe-subscriptions.json")), {
  timeZone,
  customer: (subscription) => subscription.metadata.account_id,
});
const reasons = (skipped) => {
  const counts = new Map();
  for (const row of skipped) counts.set(row.reason, (counts.get(row.reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => `${reason} ${count}`).join(", ");
};
console.log(`Stripe review ${period.label} (${period.start} – ${period.end}, end exclusive)`);
console.log(`  invoices      → ${invoices.contracts.length} lines; skipped: ${reasons(invoices.skipped)}`);
console.log(`  subscriptions → ${subscriptions.contracts.length} lines; skipped: ${reasons(subscriptions.skipped)}`);

// 2. Revenue from the invoice history: the subscription list holds only today's quantities.
const history = contractBook(invoices.contracts, book);
const report = revenueReport(history, period);
const { movements: m, rates: r } = report;
const money = (amount) => formatMoney(amount, report.currency);
console.log("");
console.log(`MRR bridge (${history.customers.length} accounts)`);
console.log(`  starting MRR      ${money(m.startingMrr)} (${m.startingCustomers} customers)`);
console.log(`  + new             ${money(m.newMrr)} (${m.newCustomers})`);
console.log(`  + reactivation    ${money(m.reactivationMrr)} (${m.reactivatedCustomers})`);
console.log(`  + expansion       ${money(m.expansionMrr)} (${m.expandedCustomers})`);
console.log(`  − contraction     ${money(m.contractionMrr)} (${m.contractedCustomers})`);
console.log(`  − churn           ${money(m.churnedMrr)} (${m.churnedCustomers})`);
console.log(`  = ending MRR      ${money(m.endingMrr)} (${m.endingCustomers} customers)`);
console.log(`  NRR ${formatPercent(r.nrr)}, GRR ${formatPercent(r.grr)}, logo churn ${formatPercent(r.logoChurnRate)}`);
const today = contractBook(subscriptions.contracts, book);
const listOnly = revenueReport(today, period);
console.log(`  subscription list alone: starting ${money(listOnly.movements.startingMrr)}, expansion ${money(listOnly.movements.expansionMrr)}, contraction ${money(listOnly.movements.contractionMrr)}, NRR ${formatPercent(listOnly.rates.nrr)}`);
console.log(`  MRR on ${asOf}: invoices ${money(mrrOn(history, asOf).amount)}, subscription list ${money(mrrOn(today, asOf).amount)}`);

// 3. Product events → usage snapshots on the last day, seats from the contract lines.
const events = csv("product-events.csv").map((row) => ({ customerId: row.account_id, userId: row.user_id, feature: row.event, at: row.timestamp }));
const contacts = csv("crm-contacts.csv").map((row) => ({ customerId: row.account_id, at: row.contacted_on }));
const features = ["dashboards", "reports", "exports", "alerts", "api", "sso"];
const snapshots = usageSnapshots(events, { on: asOf, timeZone, featuresAvailable: features, licensedSeats: history, contacts });
const quality = snapshots.dataQuality;
console.log("");
console.log(`Usage on ${asOf}: ${events.length} events, ${snapshots.length} accounts with a snapshot`);
console.log(`  not in the contract book: ${quality.unknownCustomers.customers.join(", ")} (${quality.unknownCustomers.events} events); after ${asOf}: ${quality.futureEvents.events} event(s), first events[${quality.futureEvents.sampleIndexes.join(", ")}]`);

// 4. Health: every measure scores a ratio from 0 (0 points) to 1 (100 points), equal weights.
const linear = (signal) => ({ signal, weight: 1, scale: { type: "linear", worst: 0, best: 1 } });
const scorecard = { measures: [linear("deploymentRate"), linear("utilizationRate"), linear("featureAdoption")], bands: { good: 70, bad: 40 } };
const { scores, unscored } = scoreCustomers(snapshots, scorecard, { asOf, activeIn: history });
const bands = goodMinusBad(scores);
const points = (index) => `${index.isPositive() && !index.isZero() ? "+" : ""}${index.toFixed(1)} points`;
console.log("");
console.log(`Health on ${asOf}: ${scores.length} paying accounts scored; not scored: ${unscored.map((u) => `${u.customerId} (${u.reason})`).join(", ")}`);
console.log(`  Good ${bands.good}, Normal ${bands.normal}, Bad ${bands.bad}: Good−Bad ${points(bands.index)}`);
const bad = scores.filter((s) => s.band === "bad").map((s) => `${s.customerId} ${s.score.toFixed(1)}`);
console.log(`  Bad: ${bad.join(", ")}`);

// 5. Who to call first: 展開率 × 活用率, thresholds 50%, contacted within 30 days.
const quadrantOptions = { asOf, deploymentThreshold: 0.5, utilizationThreshold: 0.5, contactWithinDays: 30, activeIn: history };
const ranked = priorityQuadrant(snapshots, quadrantOptions);
console.log("");
console.log("Who to call first");
for (const row of ranked.slice(0, 5)) {
  const rate = (value) => formatPercent(value === null ? null : String(value)).padStart(6);
  console.log(`  ${row.priority}. ${row.customerId.padEnd(13)} ${row.quadrant.padEnd(9)} 展開率 ${rate(row.deploymentRate)}  活用率 ${rate(row.utilizationRate)}  ${row.contactedRecently ? "blue" : "red"}`);
}

// 6. Chart specs (Vega-Lite JSON): render them with vega-lite, as examples/charts.mjs does.
const charts = [
  mrrBridgeChart(m),
  bandDistributionChart([{ label: "2025-12", bands }]),
  priorityQuadrantChart(ranked, quadrantOptions),
];
console.log("");
for (const spec of charts) console.log(`chart: ${spec.title}, ${spec.data.values.length} data rows`);
