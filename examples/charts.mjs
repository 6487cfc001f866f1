// Renders the four cs-metrics/charts specs of the sample data to SVG files with vega-lite + vega
// (devDependencies here; in your project: npm install vega vega-lite).
// Run after `npm run build`: node examples/charts.mjs [output directory]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as vega from "vega";
import * as vegaLite from "vega-lite";
import { cohortRetention, contractBook, fiscalYear, goodMinusBad, priorityQuadrant, revenueReport, scoreCustomers } from "cs-metrics";
import { bandDistributionChart, cohortRetentionChart, mrrBridgeChart, priorityQuadrantChart } from "cs-metrics/charts";

const read = (name) => JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), "utf8"));
const book = contractBook(read("contracts.json"));
const snapshots = read("usage-history.json");
const scorecard = read("scorecard.json");
const fy2025 = fiscalYear(2025, { startMonth: 4 });
const quadrant = { asOf: "2026-02-28", deploymentThreshold: 0.5, utilizationThreshold: 0.5, contactWithinDays: 30 };

const charts = {
  "mrr-bridge": mrrBridgeChart(revenueReport(book, fy2025).movements),
  "cohort-retention": cohortRetentionChart(cohortRetention(book, fy2025)),
  "priority-quadrant": priorityQuadrantChart(priorityQuadrant(snapshots, quadrant), quadrant),
  "health-bands": bandDistributionChart(
    ["2025-12-31", "2026-01-31", "2026-02-28"].map((asOf) => ({ label: asOf.slice(0, 7), bands: goodMinusBad(scoreCustomers(snapshots, scorecard, { asOf })) })),
  ),
};

const outDir = process.argv[2] ?? join(tmpdir(), "cs-metrics-charts");
mkdirSync(outDir, { recursive: true });
for (const [name, spec] of Object.entries(charts)) {
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  writeFileSync(join(outDir, `${name}.svg`), svg);
  writeFileSync(join(outDir, `${name}.vl.json`), `${JSON.stringify(spec, null, 2)}\n`);
  console.log(`${name}.svg: ${spec.title}, ${spec.data.values.length} data rows`);
}
console.error(`written to ${outDir}`);
