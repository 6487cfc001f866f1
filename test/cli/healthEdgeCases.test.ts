/**
 * `cs-metrics report --scorecard` when nothing can be scored: a single customer whose only snapshot
 * lacks the one metric the scorecard measures. Then the section says "1 customer" (singular), every
 * band share and the Good−Bad index have an empty base (shown "—", empty in CSV, null in JSON), and
 * the customer's detail line reads "—  unscored".
 *
 * Scorecard: one measure, metric openTickets, linear from worst 10 to best 0; bands good ≥ 70, bad < 40.
 * Period 2025 (calendar year) → the health date is its last day, 2026-01-01 − 1 day = 2025-12-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./support.js";

const scratch = mkdtempSync(join(tmpdir(), "cs-metrics-health-"));

/** A contracts file in which each of `customers` pays ¥1,000 a month from 2025-01-01 (the report scores paying customers only). */
function contractsFile(name: string, customers: readonly string[]): string {
  const file = join(scratch, name);
  writeFileSync(file, JSON.stringify(customers.map((customerId) => ({ id: customerId, customerId, start: "2025-01-01", amount: 1000, currency: "JPY" }))));
  return file;
}
const contracts = contractsFile("solo-contracts.json", ["solo"]);
const scorecard = join(scratch, "scorecard.json");
writeFileSync(scorecard, JSON.stringify({ measures: [{ metric: "openTickets", weight: 1, scale: { type: "linear", worst: 10, best: 0 } }], bands: { good: 70, bad: 40 } }));

function usageFile(name: string, snapshots: readonly object[]): string {
  const file = join(scratch, name);
  writeFileSync(file, JSON.stringify(snapshots));
  return file;
}

const unscoredUsage = usageFile("unscored.json", [{ customerId: "solo", at: "2025-06-30", licensedSeats: 10 }]);
const args = ["report", "--contracts", contracts, "--usage", unscoredUsage, "--scorecard", scorecard, "--period", "2025"];

describe("cs-metrics health section with no scored customer", () => {
  it("shows — for the shares and the index, and the customer as unscored", async () => {
    const run = await runCli(args);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    const title = lines.indexOf("Health ヘルススコア (1 customer, latest snapshot on or before 2025-12-31)");
    expect(title).toBeGreaterThan(0);
    // Rows: label padded to 28 columns after two spaces ("Good−Bad" is 8 characters → 20 spaces).
    expect(lines.slice(title + 1, title + 9)).toEqual([
      `  ${"as of".padEnd(28)}2025-12-31`,
      `  ${"Good".padEnd(28)}0 (—)`,
      `  ${"Normal".padEnd(28)}0 (—)`,
      `  ${"Bad".padEnd(28)}0 (—)`,
      `  ${"unscored".padEnd(28)}1 (missing measures 1)`,
      `  ${"not customers on asOf".padEnd(28)}0`,
      `  ${"Good−Bad".padEnd(28)}—`,
      `    ${"solo".padEnd(20)}    —  unscored (missing measures)`,
    ]);
  });

  it("leaves the index empty in CSV and null in JSON", async () => {
    const csv = await runCli([...args, "--format", "csv"]);
    expect(csv.code).toBe(0);
    const rows = csv.stdout.trim().split("\n");
    expect(rows.slice(-8)).toEqual([
      "healthAsOf,2025-12-31", "healthGood,0", "healthNormal,0", "healthBad,0", "healthUnscored,1", "healthNotCustomers,0", "goodMinusBad,",
      "healthUnscored[solo],missing measures",
    ]);

    const json = await runCli([...args, "--format", "json"]);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as Record<string, unknown>;
    // a fixed key for scripts; the table's title as a field
    const section = parsed.health as {
      title: string;
      asOf: string;
      bands: Record<string, unknown>;
      customers: { customerId: string; score: unknown; band: unknown }[];
      unscored: unknown[];
    };
    expect(section.title).toBe("Health ヘルススコア (1 customer, latest snapshot on or before 2025-12-31)");
    expect(section.asOf).toBe("2025-12-31");
    expect(section.bands).toEqual({ good: 0, normal: 0, bad: 0, total: 0, unscored: 1, goodPct: null, normalPct: null, badPct: null, index: null });
    expect(section.customers.map((c) => [c.customerId, c.score, c.band])).toEqual([["solo", null, null]]);
    expect(section.unscored).toEqual([{ customerId: "solo", reason: "missing measures", at: "2025-06-30" }]);
  });

  it("counts customers in the plural and signs a negative index", async () => {
    // a: 10 tickets → 100 × (10 − 10)/10 = 0 → bad; b: 5 tickets → 100 × (10 − 5)/10 = 50 → normal.
    // Good−Bad = 100 × (0 − 1)/2 = −50 points; shares 0%, 50%, 50%.
    const usage = usageFile("two.json", [
      { customerId: "a", at: "2025-12-31", metrics: { openTickets: 10 } },
      { customerId: "b", at: "2025-12-01", metrics: { openTickets: 5 } },
      { customerId: "c", at: "2026-01-01", metrics: { openTickets: 0 } }, // after the health date: left out
    ]);
    const paying = contractsFile("ab-contracts.json", ["a", "b"]);
    const run = await runCli(["report", "--contracts", paying, "--usage", usage, "--scorecard", scorecard, "--period", "2025", "--format", "csv"]);
    expect(run.stderr).toBe("");
    const rows = run.stdout.trim().split("\n");
    expect(rows.slice(-7)).toEqual(["healthAsOf,2025-12-31", "healthGood,0", "healthNormal,1", "healthBad,1", "healthUnscored,0", "healthNotCustomers,0", "goodMinusBad,-50"]);
    const table = await runCli(["report", "--contracts", paying, "--usage", usage, "--scorecard", scorecard, "--period", "2025"]);
    expect(table.stdout).toContain("Health ヘルススコア (2 customers, latest snapshot on or before 2025-12-31)");
    expect(table.stdout).toContain(`    ${"a".padEnd(20)}   0.0  bad\n`);
    expect(table.stdout).toContain(`    ${"b".padEnd(20)}  50.0  normal\n`);
  });
});
