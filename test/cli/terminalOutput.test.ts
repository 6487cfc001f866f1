/**
 * Caller text on the terminal (issue 11, CLI item 2): a customer id, a file name or an argument holding
 * a newline, an ANSI escape or a direction override is printed escaped in the table and in errors, so it
 * cannot forge a row or recolour the terminal; JSON output escapes what JSON.stringify leaves raw.
 */
import { describe, expect, it } from "vitest";
import { runCli, sample, scratchFolder } from "./support.js";

const write = scratchFolder("cs-metrics-terminal-");
// Anything a terminal would act on; the output's own newlines are checked line by line.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const FORGED = "x\n  NRR 999.9%";
const ANSI = "\u001b[31mred\u202etxt";

// Both hostile customers churn in 2025 (lost revenue lines list them); "keep" stays.
const contracts = write(
  "contracts.csv",
  ["id,customerId,start,end,amount,currency", `C1,"${FORGED}",2024-01-01,2025-03-01,100,JPY`, `C2,${ANSI},2024-01-01,2025-06-01,100,JPY`, "C3,keep,2024-01-01,,100,JPY"].join("\n") + "\n",
);

describe("the table", () => {
  it("shows a customer id's newline, ESC and U+202E escaped, so no row is forged", async () => {
    const run = await runCli(["report", "--contracts", contracts, "--period", "2025"]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    const lines = run.stdout.split("\n");
    // one NRR row, the real one; the id's text stays inside its lost-revenue line
    expect(lines.filter((line) => line.trim().startsWith("NRR")).map((line) => line.trim().slice(0, 9))).toEqual(["NRR 売上継続率"]);
    expect(lines.filter((line) => line.includes("999.9%"))).toHaveLength(1);
    expect(lines.find((line) => line.includes("999.9%"))!.startsWith(`    ${"x\\n  NRR 999.9%".padEnd(20)} churned 2025-03-01`)).toBe(true);
    expect(lines.find((line) => line.includes("red"))!.startsWith(`    ${"\\x1b[31mred\\u202etxt".padEnd(20)} churned 2025-06-01`)).toBe(true);
  });

  it("escapes customer ids in the health detail lines too", async () => {
    const usage = write("usage.json", JSON.stringify([{ customerId: FORGED, at: "2025-06-30", metrics: { openTickets: 5 } }]));
    const scorecard = write("scorecard.json", JSON.stringify({ measures: [{ metric: "openTickets", weight: 1, scale: { type: "linear", worst: 10, best: 0 } }], bands: { good: 70, bad: 40 } }));
    const run = await runCli(["report", "--contracts", contracts, "--usage", usage, "--scorecard", scorecard, "--period", "2025"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    expect(run.stdout.split("\n").filter((line) => line.includes("999.9%")).every((line) => line.includes("x\\n  NRR 999.9%"))).toBe(true);
  });
});

describe("JSON output", () => {
  it("writes U+202E as \\u202e (JSON.stringify leaves it raw) and parses back to the same id", async () => {
    const run = await runCli(["report", "--contracts", contracts, "--period", "2025", "--format", "json"]);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    expect(run.stdout).toContain('"\\u001b[31mred\\u202etxt"');
    const report = JSON.parse(run.stdout) as { lostRevenue: { customers: { customerId: string }[] } };
    expect(report.lostRevenue.customers.map((c) => c.customerId).sort()).toEqual([ANSI, FORGED].sort());
  });
});

describe("errors", () => {
  it("escape a file name and a caller value (a C1 CSI, which JSON.stringify leaves raw) in located problems", async () => {
    const file = write("bad\nname\u202e.csv", "id,customerId,start,amount,currency\nC1,a,2025-01-01,\u009b2J,JPY\n");
    const run = await runCli(["report", "--contracts", file, "--period", "2025"]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
    const shown = file.replace("\n", "\\n").replace("\u202e", "\\u202e");
    expect(run.stderr).toBe(`cs-metrics: invalid input (1 problem):\n  ${shown}:2:4: amount: must be a decimal number like "1200.50" (got "\\x9b2J")\n`);
  });

  it("escape an argument echoed back", async () => {
    const run = await runCli(["report", "--contracts", sample("contracts.csv"), "--period", "2025", "--format", "\u202ej\u001b[2J"]);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe('cs-metrics: --format must be table, json, csv or html (got "\\u202ej\\x1b[2J")');
    expect(run.stderr).not.toMatch(RAW_CONTROL);
  });

  it("escape a file name in a message about the whole file", async () => {
    const run = await runCli(["report", "--contracts", "no\u001b[2Jfile.csv", "--period", "2025"]);
    expect(run.stderr).toBe("cs-metrics: no\\x1b[2Jfile.csv: no such file\n");
  });
});
