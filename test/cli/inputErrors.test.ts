/**
 * `cs-metrics report` on unusable input files: exit code 1 and a message with the file and, where
 * known, the line and column.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "./support.js";

const data = (name: string): string => join(ROOT, "examples", "data", name);
const scratch = mkdtempSync(join(tmpdir(), "cs-metrics-input-"));

function scratchFile(name: string, text: string): string {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
}

describe("cs-metrics report on unusable input", () => {
  it("points at a JSON array element that is not a record (line 1, column 2: the 1 after '[')", async () => {
    const file = scratchFile("number.json", "[1]");
    const run = await runCli(["report", "--contracts", file, "--period", "2025"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`cs-metrics: invalid input (1 problem):\n  ${file}:1:2: record: must be a contract object (got 1)\n`);
  });

  it("wants a JSON array of records, not an object", async () => {
    const file = scratchFile("object.json", "{}");
    const run = await runCli(["report", "--contracts", file, "--period", "2025"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`cs-metrics: ${file}:1:1: must hold a JSON array of records\n`);
  });

  it("calls an empty JSON file empty at 1:1", async () => {
    const file = scratchFile("empty.json", "");
    const run = await runCli(["report", "--contracts", file, "--period", "2025"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`cs-metrics: ${file}:1:1: empty file\n`);
  });

  it("locates a problem in a JSON record with a two-digit index (record 10 on line 12)", async () => {
    const record = (index: number, amount: string): string => `{"id":"C${index}","customerId":"c${index}","start":"2025-01-01","amount":"${amount}","currency":"JPY"}`;
    const lines = ["[", ...Array.from({ length: 12 }, (_, index) => record(index, index === 10 ? "x" : "100") + (index < 11 ? "," : "")), "]"];
    const file = scratchFile("twelve.json", `${lines.join("\n")}\n`);
    const run = await runCli(["report", "--contracts", file, "--period", "2025"]);
    // line 1 is "[", record k is on line k + 2; the issue points at the "amount" key
    const column = lines[12]!.indexOf('"amount"') + 1;
    expect(run.stderr).toBe(`cs-metrics: invalid input (1 problem):\n  ${file}:12:${column}: amount: must be a decimal number like "1200.50" (got "x")\n`);
  });

  it("treats a CSV cell of spaces as empty", async () => {
    const file = scratchFile("spaces.csv", "id,customerId,start,end,amount,currency\nC-1,c1,2025-01-01,   ,100,JPY\n");
    const run = await runCli(["report", "--contracts", file, "--period", "2025", "--format", "csv"]);
    expect(run.code).toBe(0);
    // the open-ended 100 a month from 2025-01-01: new MRR 100, ending MRR 100
    expect(run.stdout).toContain("newMrr,100\n");
    expect(run.stdout).toContain("endingMrr,100\n");
  });

  it("names the line of a CSV quote that is never closed", async () => {
    const file = scratchFile("quote.csv", 'id,customerId,start,amount,interval,currency\nC-1,"a,2025-01-01,100,month,JPY\n');
    const run = await runCli(["report", "--contracts", file, "--period", "2025"]);
    expect(run.code).toBe(1);
    expect(run.stderr.startsWith(`cs-metrics: ${file}:2: invalid CSV: `)).toBe(true);
  });

  it("says a missing scorecard file does not exist", async () => {
    const missing = join(scratch, "no-scorecard.json");
    const run = await runCli(["report", "--contracts", data("contracts.csv"), "--usage", data("usage.csv"), "--scorecard", missing, "--period", "2025"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`cs-metrics: ${missing}: no such file\n`);
  });

  it("lists the first 50 problems and counts the rest", async () => {
    // 52 rows, each with one bad field (month 13 in start): 52 problems, 50 listed, "… and 2 more".
    const rows = Array.from({ length: 52 }, (_, index) => `C-${index + 1},c${index + 1},2025-13-01,100,month,JPY`);
    const file = scratchFile("many.csv", ["id,customerId,start,amount,interval,currency", ...rows].join("\n") + "\n");
    const run = await runCli(["report", "--contracts", file, "--period", "2025"]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("cs-metrics: invalid input (52 problems):");
    expect(lines).toHaveLength(1 + 50 + 1);
    // Row k (1-based) is on line k + 1 of the file; start is column 3.
    expect(lines[1]!.startsWith(`  ${file}:2:3: start: `)).toBe(true);
    expect(lines[50]!.startsWith(`  ${file}:51:3: start: `)).toBe(true);
    expect(lines[51]).toBe("  … and 2 more");
    // exactly 50 problems: all listed, no "more" line
    const fifty = scratchFile("fifty.csv", ["id,customerId,start,amount,interval,currency", ...rows.slice(0, 50)].join("\n") + "\n");
    const all = (await runCli(["report", "--contracts", fifty, "--period", "2025"])).stderr.trimEnd().split("\n");
    expect(all[0]).toBe("cs-metrics: invalid input (50 problems):");
    expect(all).toHaveLength(1 + 50);
  });
});
