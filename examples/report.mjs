// KPI report for fiscal year 2025 (April 2025 – March 2026) on the bundled sample data.
// Run after `npm run build`: node examples/report.mjs
import { readFileSync } from "node:fs";
import { contractBook, fiscalYear, formatMoney, formatPercent, revenueReport } from "cs-metrics";

const records = JSON.parse(readFileSync(new URL("./data/contracts.json", import.meta.url), "utf8"));
const book = contractBook(records);
const period = fiscalYear(2025, { startMonth: 4 });
const report = revenueReport(book, period);
const { movements: m, rates: r, lostRevenue } = report;
const money = (amount) => formatMoney(amount, report.currency);

console.log(`KPI report ${period.label} (${period.start} – ${period.end}, end exclusive), ${book.customers.length} customers`);
console.log("");
console.log("MRR bridge");
console.log(`  starting MRR          ${money(m.startingMrr)}`);
console.log(`  + new                 ${money(m.newMrr)} (${m.newCustomers} customers)`);
console.log(`  + reactivation        ${money(m.reactivationMrr)} (${m.reactivatedCustomers})`);
console.log(`  + expansion           ${money(m.expansionMrr)} (${m.expandedCustomers})`);
console.log(`  − contraction         ${money(m.contractionMrr)} (${m.contractedCustomers})`);
console.log(`  − churn               ${money(m.churnedMrr)} (${m.churnedCustomers})`);
console.log(`  = ending MRR          ${money(m.endingMrr)}`);
console.log("");
console.log("Rates");
console.log(`  NRR  売上継続率        ${formatPercent(r.nrr)}`);
console.log(`  GRR                   ${formatPercent(r.grr)}`);
console.log(`  expansion 契約拡大率   ${formatPercent(r.expansionRate)}`);
console.log(`  gross revenue churn   ${formatPercent(r.grossRevenueChurnRate)}`);
console.log(`  net revenue churn     ${formatPercent(r.netRevenueChurnRate, { signed: true })}`);
console.log(`  logo churn  解約率     ${formatPercent(r.logoChurnRate)}`);
console.log(`  logo retention 継続率  ${formatPercent(r.logoRetentionRate)}`);
console.log(`  net logo churn        ${formatPercent(r.netLogoChurnRate, { signed: true })}`);
console.log("");
console.log(`Lost revenue 逸失金額 (proration: ${lostRevenue.proration})  ${money(lostRevenue.total)}`);
for (const row of lostRevenue.customers) {
  console.log(`  ${row.customerId.padEnd(18)} churned ${row.churnDate}  base ARR ${money(row.baseArr)}  × ${row.remainingMonths.toDecimalPlaces(2).toString()}/12 = ${money(row.lostRevenue)}`);
}
