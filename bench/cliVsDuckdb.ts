/**
 * The user's comparison (issue 13): the same contracts CSV turned into the 2025 yearly report by
 * `cs-metrics report --format json` (the built CLI) and by DuckDB reading the file and running
 * `toSql("revenueReport", …)` — each command in its own process, run once, with its wall time, its
 * CPU time (user + system, all threads, from the process's own resource usage) and its peak RSS;
 * then the figures compared.
 * @module
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Decimal from "decimal.js";
import { writeContractsCsv } from "./contractsCsv.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = join(here, "..");

/** One measured command. */
export interface CommandRun {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssMb: number;
  readonly stdout: string;
}

/** Runs `node <args>` with the usage reporter preloaded: its wall time, CPU time, peak RSS and stdout. */
export function runMeasured(args: readonly string[]): CommandRun {
  const start = performance.now();
  const child = spawnSync(process.execPath, ["--import", join(here, "reportUsage.mjs"), ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    stdio: ["ignore", "pipe", "pipe", "pipe"],
  });
  const wallMs = performance.now() - start;
  if (child.status !== 0) throw new Error(`${args.join(" ")} failed (${child.status}): ${child.stderr}`);
  const usage = JSON.parse(String(child.output[3]).trim()) as { cpuMs: number; peakRssMb: number };
  return { wallMs, ...usage, stdout: child.stdout };
}

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
export interface CliComparison {
  readonly cli: CommandRun;
  readonly duckdb: CommandRun;
  readonly fileMb: number;
  readonly problems: readonly string[];
}

/** Generates a `size`-line JPY contracts CSV, runs the CLI and DuckDB + toSql on it once each. */
export function compareCliWithDuckdb(size: number): CliComparison {
  if (!existsSync(join(root, "dist", "cli.js"))) throw new Error("bench: dist/cli.js is missing; run npm run build first");
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
