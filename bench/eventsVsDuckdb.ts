/**
 * The user's comparison for product events (issue 13): the same events CSV turned into usage snapshots
 * as of 2025-12-31 by `cs-metrics report --contracts … --events … --scorecard … --period 2025 --format json`
 * (the built CLI, which also reads the contracts and computes the yearly report) and by DuckDB reading
 * the file and running `toSql("usageSnapshots", …)` — each command in its own process, run once, with
 * its wall time, CPU time and peak RSS (bench/commandRun.ts); then the snapshots compared.
 * @module
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CommandRun, type SideBySide, requireBuiltCli, runMeasured } from "./commandRun.js";
import { writeContractsCsv } from "./contractsCsv.js";
import { writeEventsCsv } from "./eventsCsv.js";
import { contractRows } from "./generateContracts.js";

const here = fileURLToPath(new URL(".", import.meta.url));

/** Contract lines of the book the events belong to (≈ 3,100 customers), whatever the event count. */
export const EVENT_BOOK_LINES = 10_000;
const FEATURES_AVAILABLE = 8;
/** Signals read straight off a snapshot: stickiness = dau / mau, feature adoption = featuresUsed / featuresAvailable. */
const SCORECARD = {
  measures: [
    { signal: "stickiness", weight: 1, scale: { type: "linear", worst: 0, best: 1 } },
    { signal: "featureAdoption", weight: 1, scale: { type: "linear", worst: 0, best: 1 } },
  ],
  bands: { good: 70, bad: 40 },
};

interface CliCustomer {
  readonly customerId: string;
  readonly at: string;
  readonly measures: readonly { readonly key: string; readonly value: number | null }[];
}

/**
 * Differences between the CLI's scored snapshots (health section: every customer of the book in scope
 * with a snapshot) and DuckDB's rows: each CLI customer must have a DuckDB row on the same date with
 * dau / mau equal to its stickiness (null when mau = 0) and features_used / 8 equal to its adoption.
 */
export function snapshotDisagreements(cliJson: string, sqlRows: string): { problems: string[]; compared: number; rows: number } {
  const customers = (JSON.parse(cliJson) as { health: { customers: CliCustomer[] } }).health.customers;
  const rows = new Map<string, Record<string, string | number | null>>();
  for (const line of sqlRows.split("\n")) {
    if (line.trim() === "") continue;
    const row = JSON.parse(line) as Record<string, string | number | null>;
    rows.set(String(row["customer_id"]), row);
  }
  const problems: string[] = [];
  for (const customer of customers) {
    const row = rows.get(customer.customerId);
    if (row === undefined) {
      problems.push(`${customer.customerId}: no DuckDB snapshot`);
      continue;
    }
    const value = (key: string) => customer.measures.find((measure) => measure.key === key)?.value ?? null;
    const dau = Number(row["dau"]);
    const mau = Number(row["mau"]);
    const stickiness = mau === 0 ? null : dau / mau;
    const adoption = Number(row["features_used"]) / FEATURES_AVAILABLE;
    if (row["snapshot_date"] !== customer.at || value("stickiness") !== stickiness || value("featureAdoption") !== adoption) {
      problems.push(`${customer.customerId}: CLI ${customer.at} ${value("stickiness")} ${value("featureAdoption")} vs DuckDB ${row["snapshot_date"]} ${stickiness} ${adoption}`);
    }
  }
  return { problems: problems.slice(0, 5), compared: customers.length, rows: rows.size };
}

/** Both runs on one generated events file, and whether their snapshots agree. */
export interface EventsComparison extends SideBySide {
  /** The CLI with `--threads 1`. */
  readonly oneThread: CommandRun;
  /** Customers the CLI scored (compared), DuckDB's snapshot rows (unknown customers included). */
  readonly compared: number;
  readonly rows: number;
}

/** Generates `size` events (and the 10k-line contracts they belong to), runs the CLI and DuckDB + toSql once each. */
export function compareEventsWithDuckdb(size: number): EventsComparison {
  requireBuiltCli();
  const folder = mkdtempSync(join(os.tmpdir(), "cs-metrics-bench-events-"));
  try {
    const contracts = join(folder, "contracts.csv");
    const events = join(folder, "events.csv");
    const scorecard = join(folder, "scorecard.json");
    writeContractsCsv(contracts, EVENT_BOOK_LINES, "JPY");
    const customers = new Set(Array.from(contractRows(EVENT_BOOK_LINES, "JPY"), (row) => row.customerId)).size;
    writeEventsCsv(events, size, customers);
    writeFileSync(scorecard, JSON.stringify(SCORECARD));
    const command = [
      "dist/cli.js", "report", "--contracts", contracts, "--events", events, "--scorecard", scorecard,
      "--features-available", String(FEATURES_AVAILABLE), "--period", "2025", "--format", "json", "--quiet",
    ];
    // The default (--threads: the machine's cores; a file of 16 MiB or more is read in parts) and one thread.
    const cli = runMeasured(command);
    const oneThread = runMeasured([...command, "--threads", "1"]);
    if (oneThread.stdout !== cli.stdout) throw new Error("bench: the CLI's report with --threads 1 differs from the default's");
    const duckdb = runMeasured([join(here, "duckdbEventSnapshots.mjs"), events, "2025-12-31", String(FEATURES_AVAILABLE)]);
    const fileMb = Math.round(statSync(events).size / 2 ** 20);
    return { cli, oneThread, duckdb, fileMb, ...snapshotDisagreements(cli.stdout, duckdb.stdout) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
