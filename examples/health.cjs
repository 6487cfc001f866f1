// Health scoring from CommonJS: scores, bands, Good−Bad and who to call first (展開率 × 活用率).
// Run after `npm run build`: node examples/health.cjs
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { formatPercent, goodMinusBad, priorityQuadrant, scoreCustomers } = require("cs-metrics");

const read = (name) => JSON.parse(readFileSync(join(__dirname, "data", name), "utf8"));
const snapshots = read("usage-history.json");
const scorecard = read("scorecard.json");
const asOf = "2026-02-28";

const results = scoreCustomers(snapshots, scorecard, { asOf });
console.log(`Health scores as of ${asOf} (scorecard: ${scorecard.measures.length} measures, Good ≥ ${scorecard.bands.good}, Bad < ${scorecard.bands.bad})`);
for (const result of results) {
  console.log(`  ${result.customerId.padEnd(18)} ${result.score.toFixed(1).padStart(5)}  ${result.band}`);
}

const bands = goodMinusBad(results);
console.log("");
// Good−Bad is in points (−100 … +100): %Good − %Bad.
const points = (index) => `${index.isPositive() && !index.isZero() ? "+" : ""}${index.toFixed(1)} points`;
console.log(`Good ${bands.good}, Normal ${bands.normal}, Bad ${bands.bad}: Good−Bad ${points(bands.index)}`);
for (const month of ["2025-12-31", "2026-01-31"]) {
  const earlier = goodMinusBad(scoreCustomers(snapshots, scorecard, { asOf: month }));
  console.log(`  on ${month}: Good ${earlier.good}, Normal ${earlier.normal}, Bad ${earlier.bad}: Good−Bad ${points(earlier.index)}`);
}

const ranked = priorityQuadrant(snapshots, { asOf, deploymentThreshold: 0.5, utilizationThreshold: 0.5, contactWithinDays: 30 });
console.log("");
console.log("Who to call first (展開率 × 活用率, thresholds 50%, contact within 30 days)");
for (const row of ranked) {
  const rate = (value) => formatPercent(value === null ? null : String(value));
  console.log(
    `  ${String(row.priority).padStart(2)}. ${row.customerId.padEnd(18)} ${row.quadrant.padEnd(9)} 展開率 ${rate(row.deploymentRate).padStart(6)}  活用率 ${rate(row.utilizationRate).padStart(6)}  ${row.contactedRecently ? "blue (contacted)" : "red (not contacted)"}`,
  );
}
