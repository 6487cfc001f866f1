/**
 * The user's comparison (issue 13): the same contracts CSV turned into the 2025 yearly report by
 * `cs-metrics report --format json` (the built CLI) and by DuckDB reading the file and running
 * `toSql("revenueReport", …)` — each command in its own process, run once, with its wall time, its
 * CPU time and its peak RSS (bench/commandRun.ts); then the figures compared.
 * @module
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Decimal from "decimal.js";
import { type SideBySide, requireBuiltCli, runMeasured } from "./commandRun.js";
import { writeContractsCsv } from "./contractsCsv.js";

const here = fileURLToPath(new URL(".", import.meta.url));

/** SQL result column of each CLI JSON figure, and how many decimals the SQL keeps (truncated). */
const FIGURES: ReadonlyArray<readonly [path: string, column: string, places: number]> = [
  ...["startingMrr", "endingMrr", "newMrr", "reactivationMrr", "expansionMrr", "contractionMrr", "churnedMrr", "netNewMrr"].map(
    (key) => [`movements.${key}`, key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), 18] as const,
  ),
  ...["startingCustomers", "endingCustomers", "newCustomers", "reactivatedCustomers", "expandedCustomers", "contractedCustomers", "churnedCustomers", "flatCustomers"].map(
    (key) => [`movements.${key}`, key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), 0] as const,
  ),
  ...["nrr", "grr", "expansionRate", "contractionRate", "revenueChurnRate", "grossRevenueChurnRate", "netRevenueChurnRate", "logoChurnRate", "logoRetentionRate", "netLogoChurnRate"].map(
    (key) => [`rates.${key}`, key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), 28] as const,
  ),
  ["lostRevenue.total", "lost_revenue", 18],
];

/** Figures that differ between the CLI's JSON (exact, truncated as the SQL truncates) and DuckDB's row. */
export function disagreements(cliJson: string, sqlRow: string): string[] {
  const cli = JSON.parse(cliJson) as Record<string, unknown>;
  const sql = JSON.parse(sqlRow) as Record<string, string | null>;
  const problems: string[] = [];
  for (const [path, column, places] of FIGURES) {
    const value = path.split(".").reduce<unknown>((object, key) => (object as Record<string, unknown>)[key], cli);
    const expected = value === null ? null : new Decimal(String(value)).toDecimalPlaces(places, Decimal.ROUND_DOWN).toFixed(places);
    if (expected !== sql[column]) problems.push(`${column}: CLI ${expected} vs DuckDB ${sql[column]}`);
  }
  return problems;
}

/** Both runs on one generated file of `size` contract lines, and whether their figures agree. */
export type CliComparison = SideBySide;

/** Generates a `size`-line JPY contracts CSV, runs the CLI and DuckDB + toSql on it once each. */
export function compareCliWithDuckdb(size: number): CliComparison {
  requireBuiltCli();
  const folder = mkdtempSync(join(os.tmpdir(), "cs-metrics-bench-csv-"));
  try {
    const file = join(folder, "contracts.csv");
    writeContractsCsv(file, size, "JPY");
    const cli = runMeasured(["dist/cli.js", "report", "--contracts", file, "--period", "2025", "--format", "json", "--quiet"]);
    const duckdb = runMeasured([join(here, "duckdbCsvReport.mjs"), file, "2025"]);
    const fileMb = Math.round(statSync(file).size / 2 ** 20);
    return { cli, duckdb, fileMb, problems: disagreements(cli.stdout, duckdb.stdout.trim()) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
