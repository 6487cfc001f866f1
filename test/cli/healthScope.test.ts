/**
 * `cs-metrics report --scorecard` scores the customers that pay on the health date (issue 11): a
 * customer that churned on 2025-12-01 but still had usage, scored as of 2025-12-31, is neither ranked
 * nor counted Bad; three paying customers without usage data are listed as unscored "no usage data";
 * a snapshot of a customer in no contract is not scored either.
 *
 * Scorecard: one measure, metric openTickets, linear from worst 10 to best 0; bands good ≥ 70, bad < 40.
 * Period 2025 → health date 2026-01-01 − 1 day = 2025-12-31. Paying on 2025-12-31: alpha, p1, p2, p3
 * (churned's contract ended 2025-12-01, end exclusive) → "4 customers".
 *   alpha:    0 tickets → 100 × (10 − 0)/10 = 100 → good
 *   churned: 10 tickets → 0 → would be bad, but is not a customer on 2025-12-31
 *   stranger: 5 tickets → 50 → would be normal, but is in no contract
 * Bands of the paying customers: good 1, normal 0, bad 0 of 1 banded → shares 100%, 0%, 0%;
 * Good−Bad = 100 × (1 − 0)/1 = +100 points; unscored 3 (p1–p3, no usage data).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./support.js";

const scratch = mkdtempSync(join(tmpdir(), "cs-metrics-health-scope-"));
const write = (name: string, value: unknown): string => {
  const file = join(scratch, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};
const contracts = write("contracts.json", [
  { id: "1", customerId: "alpha", start: "2025-01-01", amount: 100000, currency: "JPY" },
  { id: "2", customerId: "churned", start: "2025-01-01", end: "2025-12-01", amount: 80000, currency: "JPY" },
  { id: "3", customerId: "p1", start: "2025-06-01", amount: 10000, currency: "JPY" },
  { id: "4", customerId: "p2", start: "2025-06-01", amount: 10000, currency: "JPY" },
  { id: "5", customerId: "p3", start: "2025-06-01", amount: 10000, currency: "JPY" },
]);
const usage = write("usage.json", [
  { customerId: "alpha", at: "2025-12-15", metrics: { openTickets: 0 } },
  { customerId: "churned", at: "2025-12-20", metrics: { openTickets: 10 } },
  { customerId: "stranger", at: "2025-12-20", metrics: { openTickets: 5 } },
]);
const scorecard = write("scorecard.json", { measures: [{ metric: "openTickets", weight: 1, scale: { type: "linear", worst: 10, best: 0 } }], bands: { good: 70, bad: 40 } });
const args = ["report", "--contracts", contracts, "--usage", usage, "--scorecard", scorecard, "--period", "2025"];
const TITLE = "Health ヘルススコア (4 customers, latest snapshot on or before 2025-12-31)";

describe("cs-metrics health section scores the paying customers", () => {
  it("table: the churned customer is not ranked or Bad; unscored customers are listed with the reason", async () => {
    const run = await runCli(args);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    const title = lines.indexOf(TITLE);
    expect(title).toBeGreaterThan(0);
    expect(lines.slice(title + 1, title + 14)).toEqual([
      `  ${"as of".padEnd(28)}2025-12-31`,
      `  ${"Good".padEnd(28)}1 (100.0%)`,
      `  ${"Normal".padEnd(28)}0 (0.0%)`,
      `  ${"Bad".padEnd(28)}0 (0.0%)`,
      `  ${"unscored".padEnd(28)}3 (no usage data 3)`,
      `  ${"not customers on asOf".padEnd(28)}2 (not scored)`,
      `  ${"Good−Bad".padEnd(28)}+100.0 points`,
      `    ${"alpha".padEnd(20)} 100.0  good`,
      `    ${"churned".padEnd(20)}     —  not scored (not a customer on asOf)`,
      `    ${"p1".padEnd(20)}     —  unscored (no usage data)`,
      `    ${"p2".padEnd(20)}     —  unscored (no usage data)`,
      `    ${"p3".padEnd(20)}     —  unscored (no usage data)`,
      `    ${"stranger".padEnd(20)}     —  not scored (not a customer on asOf)`,
    ]);
  });

  it("CSV: counts, then one healthUnscored[id] row per customer with the reason", async () => {
    const run = await runCli([...args, "--format", "csv"]);
    expect(run.code).toBe(0);
    const rows = run.stdout.trim().split("\n");
    expect(rows.slice(-12)).toEqual([
      "healthAsOf,2025-12-31",
      "healthGood,1",
      "healthNormal,0",
      "healthBad,0",
      "healthUnscored,3",
      "healthNotCustomers,2",
      "goodMinusBad,100",
      "healthUnscored[churned],not a customer on asOf",
      "healthUnscored[p1],no usage data",
      "healthUnscored[p2],no usage data",
      "healthUnscored[p3],no usage data",
      "healthUnscored[stranger],not a customer on asOf",
    ]);
  });

  it("JSON: the scored customers, the bands over the paying customers, and the unscored list", async () => {
    const run = await runCli([...args, "--format", "json"]);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout) as Record<string, unknown>;
    // The section's key is its title today; another change gives it a fixed key (`health`).
    const section = (parsed["health"] ?? parsed[TITLE]) as { bands: Record<string, unknown>; customers: { customerId: string; band: unknown }[]; unscored: unknown[] };
    expect(section.customers.map((c) => [c.customerId, c.band])).toEqual([["alpha", "good"]]);
    expect(section.bands).toEqual({ good: 1, normal: 0, bad: 0, total: 1, unscored: 3, goodPct: "100", normalPct: "0", badPct: "0", index: "100" });
    expect(section.unscored).toEqual([
      { customerId: "churned", reason: "not a customer on asOf", at: "2025-12-20" },
      { customerId: "p1", reason: "no usage data", at: null },
      { customerId: "p2", reason: "no usage data", at: null },
      { customerId: "p3", reason: "no usage data", at: null },
      { customerId: "stranger", reason: "not a customer on asOf", at: "2025-12-20" },
    ]);
  });
});
