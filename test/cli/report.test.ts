/**
 * `cs-metrics report` run as a child process on the bundled sample files (examples/data/).
 *
 * Hand-derived figures for FY2025 (April start), as in test/revenue/sampleReport.test.ts:
 * starting MRR 1,620,000; new 250,000 (nagoya); expansion 110,000 (hokuto 50k + minato 30k + osaka 30k);
 * reactivation 100,000 (fuji); contraction 200,000 (aozora 600k → 400k); churn 290,000 (sakura 200k +
 * kawasaki 90k); ending 1,620 + 250 + 110 + 100 − 200 − 290 = 1,590,000.
 * NRR = 1,240,000 / 1,620,000 = 62/81 = 76.54…% → "76.5%"; GRR = 1,130/1,620 = 113/162 = 69.75…% → "69.8%".
 * Lost revenue = 1,800,000 (sakura, 2,400,000 × 9/12) + 7,020,000/31 (kawasaki, 1,080,000 × (16/31 + 2)/12)
 * = 62,820,000/31 = 2,026,451.6… → "¥2,026,452".
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { periodArgument } from "../../src/cli/periodArgument.js";
import { fraction } from "../support/fraction.js";
import { ROOT, csvValues, runCli } from "./support.js";

const data = (name: string): string => join(ROOT, "examples", "data", name);
const scratch = mkdtempSync(join(tmpdir(), "cs-metrics-cli-"));
const FY2025 = ["--period", "2025", "--fiscal-start", "4"];

/** The table's lines with runs of padding shown as " | ", for readable expectations. */
function tableLines(stdout: string): string[] {
  return stdout.split("\n").map((line) => line.trim().replace(/\s{2,}/g, " | "));
}

describe("cs-metrics report on the sample CSV files", { timeout: 60_000 }, () => {
  it("prints the KPI table", async () => {
    const run = await runCli(["report", "--contracts", data("contracts.csv"), "--usage", data("usage.csv"), ...FY2025]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = tableLines(run.stdout);
    expect(lines[0]).toBe("KPI report FY2025 (2025-04-01 – 2026-04-01, end exclusive), JPY");
    expect(lines).toContain("starting MRR | ¥1,620,000");
    expect(lines).toContain("+ new | ¥250,000 (1)");
    expect(lines).toContain("+ expansion | ¥110,000 (3)");
    expect(lines).toContain("+ reactivation | ¥100,000 (1)");
    expect(lines).toContain("− contraction | ¥200,000 (1)");
    expect(lines).toContain("− churn | ¥290,000 (2)");
    expect(lines).toContain("= ending MRR | ¥1,590,000");
    expect(lines).toContain("NRR 売上継続率 | 76.5%");
    expect(lines).toContain("GRR | 69.8%");
    expect(lines).toContain("logo churn 解約率 | 28.6%"); // 2 of 7 starting customers
    expect(lines).toContain("total | ¥2,026,452");
  });

  it("aligns the value column although Japanese labels are double-width", async () => {
    const run = await runCli(["report", "--contracts", data("contracts.csv"), ...FY2025]);
    const nrrLine = run.stdout.split("\n").find((line) => line.includes("売上継続率"))!;
    const grrLine = run.stdout.split("\n").find((line) => line.trimStart().startsWith("GRR"))!;
    // "NRR 売上継続率" is 9 characters but 14 columns wide: 5 fewer padding characters than a 14-character label.
    expect(nrrLine.indexOf("76.5%") + 5).toBe(grrLine.indexOf("69.8%"));
  });

  it("prints exact values as CSV and reads JSON and CSV inputs alike", async () => {
    const fromCsv = await runCli(["report", "--contracts", data("contracts.csv"), ...FY2025, "--format", "csv"]);
    const fromJson = await runCli(["report", "--contracts", data("contracts.json"), ...FY2025, "--format", "csv"]);
    expect(fromCsv.code).toBe(0);
    expect(fromJson.stdout).toBe(fromCsv.stdout);
    const values = csvValues(fromCsv.stdout);
    expect(fromCsv.stdout.startsWith("metric,value\n")).toBe(true);
    expect(values.get("startingMrr")).toBe("1620000");
    expect(values.get("endingMrr")).toBe("1590000");
    expect(values.get("nrr")).toBe(fraction(62, 81).toString());
    expect(values.get("grr")).toBe(fraction(113, 162).toString());
    expect(values.get("lostRevenue")).toBe(fraction(62_820_000, 31).toString());
  });

  it("passes --proration day on to lost revenue", async () => {
    const run = await runCli(["report", "--contracts", data("contracts.csv"), ...FY2025, "--format", "csv", "--proration", "day"]);
    const values = csvValues(run.stdout);
    // sakura: ARR 2,400,000 churned 2025-07-01, 274 days left of FY2025 (Jul 31 + Aug 31 + Sep 30 + Oct 31
    // + Nov 30 + Dec 31 + Jan 31 + Feb 28 + Mar 31); kawasaki: ARR 1,080,000 churned 2026-01-16, 75 days
    // left (16 + 28 + 31). (2,400,000 × 274 + 1,080,000 × 75) / 365 = 738,600,000 / 365 = 147,720,000 / 73
    expect(values.get("lostRevenue")).toBe(fraction(147_720_000, 73).toString());
  });

  it("prints JSON with every decimal as exact text", async () => {
    const run = await runCli(["report", "--contracts", data("contracts.json"), ...FY2025, "--format", "json"]);
    const report = JSON.parse(run.stdout) as { movements: { startingMrr: string; churnedCustomers: number }; rates: { netLogoChurnRate: string } };
    expect(report.movements.startingMrr).toBe("1620000");
    expect(report.movements.churnedCustomers).toBe(2);
    expect(report.rates.netLogoChurnRate).toBe(fraction(1, 7).toString()); // (2 churned − 1 new) / 7
  });

  it("reads other periods: a fiscal quarter and a calendar month", async () => {
    // FY2025-Q3 = October–December 2025: only shinsei-edu (60,000, ends 2025-12-01) churns; its lost
    // revenue is 720,000 × 1/12 = 60,000 (December).
    const q3 = await runCli(["report", "--contracts", data("contracts.csv"), "--period", "2025-Q3", "--fiscal-start", "4", "--format", "csv"]);
    expect(q3.stdout).toContain("periodStart,2025-10-01\nperiodEnd,2026-01-01\n");
    expect(q3.stdout).toContain("churnedMrr,60000\n");
    expect(q3.stdout).toContain("lostRevenue,60000\n");
  });
});

describe("cs-metrics report --scorecard", { timeout: 60_000 }, () => {
  // examples/data/scorecard.json: deploymentRate (w 1, 0.2→0.9), utilizationRate (w 2, 0.2→0.8),
  // featureAdoption (w 1, 0.1→0.7), openTickets (w 1, 10→0); Good ≥ 70, Bad < 40. Snapshots of 2026-02-28:
  //   hokuto  (100 + 2·100 + 100 + 90)/5 = 98                                          Good
  //   minato  (100 + 2·(4/9−0.2)/0.6·100 + (0.3−0.1)/0.6·100 + 60)/5 = 7420/135 = 54.96  Normal
  //   aozora  ((0.4−0.2)/0.7·100 + 2·(0.1/0.6)·100 + 25 + 10)/5 = 19.38                  Bad
  //   nagoya  (300/7 + 2·100 + (0.4/0.6)·100 + 80)/5 = 77.90                             Good
  //   fuji    (100 + 2·100 + (0.5/0.6)·100 + 100)/5 = 96.67                              Good
  //   tohoku  (100 + 2·(0.7778−0.2)/0.6·100 + 100 + 70)/5 = 92.52                        Good
  //   osaka   (25 + 2·(1/3−0.2)/0.6·100 + (0.05/0.6)·100 + 40)/5 = 23.56                 Bad
  // 4 Good, 1 Normal, 2 Bad → Good−Bad = 100·(4 − 2)/7 = 200/7 points.
  const args = ["report", "--contracts", data("contracts.csv"), "--usage", data("usage.csv"), "--scorecard", data("scorecard.json"), ...FY2025];

  it("adds health bands and Good−Bad to the table", async () => {
    const run = await runCli(args);
    expect(run.code).toBe(0);
    const lines = tableLines(run.stdout);
    expect(lines).toContain("Good | 4 (57.1%)");
    expect(lines).toContain("Normal | 1 (14.3%)");
    expect(lines).toContain("Bad | 2 (28.6%)");
    expect(lines).toContain("Good−Bad | +28.6 points");
    expect(lines).toContain("minato-clinic | 55.0 | normal");
    expect(lines).toContain("hokuto-logistics | 98.0 | good");
  });

  it("puts the health section under the fixed key health in JSON, its title a field (item 7)", async () => {
    const run = await runCli([...args, "--format", "json"]);
    const parsed = JSON.parse(run.stdout) as { health: { title: string; asOf: string; bands: { good: number; normal: number; bad: number } } };
    expect(parsed.health.title).toBe("Health ヘルススコア (7 customers, latest snapshot on or before 2026-03-31)");
    expect(parsed.health.asOf).toBe("2026-03-31");
    expect([parsed.health.bands.good, parsed.health.bands.normal, parsed.health.bands.bad]).toEqual([4, 1, 2]);
    expect(Object.keys(parsed).filter((key) => key.startsWith("Health"))).toEqual([]);
  });

  it("adds exact health rows to CSV output", async () => {
    const run = await runCli([...args, "--format", "csv"]);
    expect(run.stdout).toContain("healthGood,4\nhealthNormal,1\nhealthBad,2\nhealthUnscored,0\n");
    expect(run.stdout).toContain(`goodMinusBad,${fraction(200, 7).toString()}\n`);
  });

  it("names the scorecard file, line and column of an invalid measure", async () => {
    const file = join(scratch, "scorecard.json");
    writeFileSync(file, '{\n  "measures": [\n    { "signal": "utilizationRate", "weight": -1, "scale": { "type": "linear", "worst": 0, "best": 1 } }\n  ],\n  "bands": { "good": 70, "bad": 40 }\n}\n');
    const run = await runCli(["report", "--contracts", data("contracts.csv"), "--usage", data("usage.csv"), "--scorecard", file, ...FY2025]);
    expect(run.code).toBe(1);
    // Line 3: 4 spaces, "{ " and `"signal": "utilizationRate", ` (29 characters) put "weight" at column 36.
    expect(run.stderr).toContain(`${file}:3:36: measures[0].weight: `);
  });

  it("needs --usage", async () => {
    const run = await runCli(["report", "--contracts", data("contracts.csv"), "--scorecard", data("scorecard.json"), ...FY2025]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--scorecard needs --usage");
  });
});

describe("cs-metrics report on invalid input", { timeout: 60_000 }, () => {
  it("names the file, line and column of every invalid CSV field", async () => {
    const file = join(scratch, "bad.csv");
    writeFileSync(file, "id,customerId,start,end,amount,currency\nC1,a,2025-01-01,2024-12-01,100,JPY\nC2,b,2025-02-30,,abc,JPY\n");
    const run = await runCli(["report", "--contracts", file, "--period", "2025"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      [
        "cs-metrics: invalid input (3 problems):",
        `  ${file}:2:4: end: must be after start (2025-01-01)`,
        `  ${file}:3:3: start: must be a calendar date YYYY-MM-DD (got "2025-02-30")`,
        `  ${file}:3:5: amount: must be a decimal number like "1200.50" (got "abc")`,
        "",
      ].join("\n"),
    );
  });

  it("names the line and column of an invalid JSON field, and of a JSON syntax error", async () => {
    const file = join(scratch, "bad.json");
    writeFileSync(
      file,
      '[\n  {"id":"C1","customerId":"a","start":"2025-01-01","amount":100,"currency":"JPY"},\n  {"id":"C2","customerId":"b","start":"2025-01-01",\n   "amount":"x","currency":"JPY"}\n]\n',
    );
    const run = await runCli(["report", "--contracts", file, "--period", "2025"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:4:4: amount: must be a decimal number like "1200.50" (got "x")`);

    const broken = join(scratch, "broken.json");
    writeFileSync(broken, '[\n  {"id": "C1",,}\n]\n');
    const syntax = await runCli(["report", "--contracts", broken, "--period", "2025"]);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:2:\\d+: invalid JSON`));
  });

  it("names the line and column of a record in another currency", async () => {
    const file = join(scratch, "currencies.csv");
    writeFileSync(file, "id,customerId,start,amount,currency\nC1,a,2025-01-01,100,JPY\nC2,b,2025-01-01,5,USD\n");
    const run = await runCli(["report", "--contracts", file, "--period", "2025"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`cs-metrics: ${file}:3:5: currency: currency USD differs from JPY (one report uses one currency)\n`);
  });

  it("validates usage snapshots with the same schema", async () => {
    const file = join(scratch, "usage.csv");
    writeFileSync(file, "customerId,at,licensedSeats,activeUsers\nacme,2026-02-28,ten,4\n");
    const run = await runCli(["report", "--contracts", data("contracts.csv"), "--usage", file, ...FY2025]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`usage\\.csv:2:3: licensedSeats: `));
  });

  it("rejects wrong arguments with exit code 2 and the usage text", async () => {
    const missing = await runCli(["report", "--contracts", data("contracts.csv")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cs-metrics: --period is required");
    expect(missing.stderr).toContain("Usage: cs-metrics report");
    const format = await runCli(["report", "--contracts", data("contracts.csv"), "--period", "2025", "--format", "xml"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--format must be table, json, csv or html");
    const absent = await runCli(["report", "--contracts", join(scratch, "nope.csv"), "--period", "2025"]);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain("nope.csv: no such file");
  });

  it("prints help and version", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--fiscal-start <month>");
    const version = await runCli(["--version"]);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("progress on stderr for large files", { timeout: 120_000 }, () => {
  it("reports every 50,000 records, and --quiet silences it", async () => {
    const file = join(scratch, "large.csv");
    const rows = ["id,customerId,start,amount,currency"];
    for (let index = 0; index < 50_000; index++) rows.push(`C${index},cust-${index % 5000},2024-01-01,10,JPY`);
    writeFileSync(file, `${rows.join("\n")}\n`);
    const run = await runCli(["report", "--contracts", file, "--period", "2025", "--format", "csv"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${file}: 50,000 records read`);
    expect(run.stderr).toContain(`${file}: 50,000 records, validating`);
    // 50,000 × 10 = 500,000 of MRR, all flat.
    expect(run.stdout).toContain("startingMrr,500000\n");
    const quiet = await runCli(["report", "--contracts", file, "--period", "2025", "--format", "csv", "--quiet"]);
    expect(quiet.stderr).toBe("");
  });
});

describe("periodArgument", () => {
  it("reads years, quarters, months and explicit ranges, fiscal or not", () => {
    expect(periodArgument("2025", 1)).toEqual({ start: "2025-01-01", end: "2026-01-01", label: "2025" });
    expect(periodArgument("2025", 4)).toEqual({ start: "2025-04-01", end: "2026-04-01", label: "FY2025" });
    expect(periodArgument("2025-Q1", 4)).toEqual({ start: "2025-04-01", end: "2025-07-01", label: "FY2025-Q1" });
    expect(periodArgument("2025-q4", 1)).toEqual({ start: "2025-10-01", end: "2026-01-01", label: "2025-Q4" });
    expect(periodArgument("2025-03", 4)).toEqual({ start: "2025-03-01", end: "2025-04-01", label: "2025-03" });
    expect(periodArgument("2025-01-15..2025-02-15", 1)).toEqual({ start: "2025-01-15", end: "2025-02-15", label: "2025-01-15..2025-02-15" });
    expect(() => periodArgument("last year", 1)).toThrow(/--period must be/);
  });
});
