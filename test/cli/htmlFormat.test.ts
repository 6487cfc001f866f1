import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { monthEnds } from "../../src/cli/reviewPage.js";
import { runCli, sample, scratchFolder } from "./support.js";

const write = scratchFolder("cs-metrics-html-");

describe("cs-metrics report --format html", () => {
  it("prints the page to stdout without --output", async () => {
    const run = await runCli(["report", "--contracts", sample("contracts.csv"), "--period", "2025", "--fiscal-start", "4", "--format", "html", "--quiet"]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("<!doctype html>")).toBe(true);
    // sakura-foods: 200,000 × 12 = 2,400,000 ARR, churned 2025-07-01, 9 of FY2025's months left: ¥1,800,000
    expect(run.stdout).toContain('<data value="1800000" title="1800000 JPY">¥1,800,000</data>');
  });

  it("writes --output (any format), with usage, scorecard and the skipped blank rows in the summary", async () => {
    const csv = readFileSync(sample("contracts.csv"), "utf8").replace("\n", "\n\n ,,,,,,,,,\n");
    const contracts = write("blank-rows.csv", csv);
    const out = write("review.html", "old");
    const run = await runCli([
      "report", "--contracts", contracts, "--usage", sample("usage-history.json"), "--scorecard", sample("scorecard.json"),
      "--period", "2025", "--fiscal-start", "4", "--format", "html", "--lang", "ja", "--output", out, "--quiet",
    ]);
    expect(run).toMatchObject({ code: 0, stdout: "", stderr: "" });
    const html = readFileSync(out, "utf8");
    // 15 contracts read, 2 blank rows (an empty line and a line of empty cells) skipped; 21 snapshots (23 non-empty lines less the brackets)
    expect(html).toMatch(/blank-rows\.csv<\/code><\/td><td class="num">15<\/td><td class="num">2<\/td>/);
    expect(html).toMatch(/usage-history\.json<\/code><\/td><td class="num">21<\/td><td class="num">0<\/td>/);
    expect(html).toContain("優先して連絡する顧客");
    expect(html).toContain("Good−Bad 比率");
    const csvOut = join(out, "..", "report.csv");
    const csvRun = await runCli(["report", "--contracts", sample("contracts.csv"), "--period", "2025", "--fiscal-start", "4", "--format", "csv", "--output", csvOut, "--quiet"]);
    expect(csvRun.stdout).toBe("");
    expect(readFileSync(csvOut, "utf8")).toContain("startingMrr,1620000\n");
  });

  it("with --usage but no --scorecard: the quadrant and contact table, no health bands", async () => {
    const run = await runCli(["report", "--contracts", sample("contracts.csv"), "--usage", sample("usage.csv"), "--period", "2025", "--fiscal-start", "4", "--format", "html", "--quiet"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Who to contact first");
    expect(run.stdout).toContain("No customer could be scored on or before the period&#39;s last day.");
  });

  it("gives the same located errors as other formats for an invalid export, and writes no page", async () => {
    const bad = write("bad.csv", "id,customerId,start,amount,currency\n1,a,2025-02-30,10,USD\n");
    const out = join(bad, "..", "never.html");
    const html = await runCli(["report", "--contracts", bad, "--period", "2025", "--format", "html", "--output", out]);
    const json = await runCli(["report", "--contracts", bad, "--period", "2025", "--format", "json"]);
    expect(html.code).toBe(1);
    expect(html.stderr).toBe(json.stderr);
    expect(html.stderr).toContain("bad.csv:2");
    expect(existsSync(out)).toBe(false);
  });

  it("rejects a bad --lang, --lang without html, an empty --output, and reports an unwritable file", async () => {
    const base = ["report", "--contracts", sample("contracts.csv"), "--period", "2025", "--quiet"];
    const fr = await runCli([...base, "--format", "html", "--lang", "fr"]);
    expect(fr.code).toBe(2);
    expect(fr.stderr.split("\n")[0]).toBe('cs-metrics: --lang must be en or ja (got "fr")');
    const table = await runCli([...base, "--lang", "ja"]);
    expect(table.stderr.split("\n")[0]).toBe("cs-metrics: --lang applies to --format html only");
    const empty = await runCli([...base, "--output", " "]);
    expect(empty.stderr.split("\n")[0]).toBe('cs-metrics: --output needs a file name (got " ")');
    const folder = join(write("x.txt", ""), "..");
    const unwritable = await runCli([...base, "--format", "html", "--output", folder]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/cannot write \(EISDIR\)/);
  });
});

describe("monthEnds", () => {
  it("lists each month's last day in the period, and a mid-month last day", () => {
    expect(monthEnds("2025-04-01", "2026-03-31")).toEqual(["2025-04-30", "2025-05-31", "2025-06-30", "2025-07-31", "2025-08-31", "2025-09-30", "2025-10-31", "2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31"]);
    expect(monthEnds("2024-02-15", "2024-03-10")).toEqual(["2024-02-29", "2024-03-10"]);
  });
});
