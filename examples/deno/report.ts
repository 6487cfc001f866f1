// Monthly MRR, quarterly NRR and lost revenue under both prorations, in Deno, from the built package.
// Run after `npm run build`:  cd examples/deno && npx deno run --allow-read report.ts
// (deno.json maps "cs-metrics" to ../../dist; in your own project: `deno add npm:cs-metrics`.)
import { type ContractInput, contractBook, fiscalQuarter, fiscalYear, formatMoney, formatPercent, lostRevenue, mrrSeries, nrr } from "cs-metrics";

const records: ContractInput[] = JSON.parse(await Deno.readTextFile(new URL("../data/contracts.json", import.meta.url)));
const book = contractBook(records);
const fy = { startMonth: 4 };
const money = (amount: Parameters<typeof formatMoney>[0]) => formatMoney(amount, book.currency);

console.log("Month-end MRR, FY2025");
for (const point of mrrSeries(book, fiscalYear(2025, fy)).points) {
  console.log(`  ${point.month}  ${money(point.mrr).padStart(11)}  ${point.customers} customers`);
}

console.log("");
console.log("NRR by fiscal quarter (売上継続率)");
for (const q of [1, 2, 3, 4]) {
  const period = fiscalQuarter(2025, q, fy);
  console.log(`  ${period.label}  ${formatPercent(nrr(book, period)).padStart(6)}`);
}

console.log("");
console.log("Lost revenue FY2025 (逸失金額)");
for (const proration of ["month", "day"] as const) {
  const lost = lostRevenue(book, fiscalYear(2025, fy), { proration });
  const rows = lost.customers.map((row) => `${row.customerId} ${money(row.lostRevenue)}`).join(", ");
  console.log(`  proration ${proration.padEnd(5)} ${money(lost.total).padStart(11)}  (${rows})`);
}
