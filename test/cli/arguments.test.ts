/**
 * `cs-metrics` argument checking: each wrong argument gives exit code 2, a message naming it, and
 * (when caught while reading the arguments) the usage text.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { USAGE } from "../../src/cli/run.js";
import { ROOT, runCli } from "./support.js";

const contracts = join(ROOT, "examples", "data", "contracts.csv");

describe("cs-metrics argument errors", () => {
  it("asks for the report command when no command is given", async () => {
    const run = await runCli(["--contracts", contracts, "--period", "2025"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.startsWith("cs-metrics: missing command: report\n\nUsage: cs-metrics report")).toBe(true);
  });

  it("names an unknown command, and extra positionals after report", async () => {
    const other = await runCli(["summary", "--contracts", contracts, "--period", "2025"]);
    expect(other.code).toBe(2);
    expect(other.stderr.startsWith('cs-metrics: unknown command: "summary"\n')).toBe(true);
    const extra = await runCli(["report", "now", "--contracts", contracts, "--period", "2025"]);
    expect(extra.code).toBe(2);
    expect(extra.stderr.startsWith('cs-metrics: unknown command: "report" "now"\n')).toBe(true);
  });

  it("names an unknown option, and an option missing its value", async () => {
    const unknown = await runCli(["report", "--contracts", contracts, "--period", "2025", "--bogus"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.startsWith("cs-metrics: Unknown option '--bogus'")).toBe(true);
    expect(unknown.stderr).toContain("\n\nUsage: cs-metrics report");
    const noValue = await runCli(["report", "--contracts", contracts, "--period"]);
    expect(noValue.code).toBe(2);
    expect(noValue.stderr.startsWith("cs-metrics: Option '--period <value>' argument missing")).toBe(true);
  });

  it("needs --contracts", async () => {
    const run = await runCli(["report", "--period", "2025"]);
    expect(run.code).toBe(2);
    expect(run.stderr.startsWith("cs-metrics: --contracts is required\n")).toBe(true);
  });

  it("takes a fiscal start month 1–12 only", async () => {
    for (const month of ["0", "13", "4.5", "april"]) {
      const run = await runCli(["report", "--contracts", contracts, "--period", "2025", "--fiscal-start", month]);
      expect(run.code).toBe(2);
      expect(run.stderr.startsWith(`cs-metrics: --fiscal-start must be a month 1–12 (got "${month}")\n`)).toBe(true);
    }
    // both ends are months: a fiscal year starting in December is FY2025 = 2025-12-01 … 2026-12-01
    const december = await runCli(["report", "--contracts", contracts, "--period", "2025", "--fiscal-start", "12", "--format", "csv"]);
    expect(december.code).toBe(0);
    expect(december.stdout).toContain("periodStart,2025-12-01\nperiodEnd,2026-12-01\n");
    const january = await runCli(["report", "--contracts", contracts, "--period", "2025", "--fiscal-start", "1", "--format", "csv"]);
    expect(january.stdout).toContain("periodStart,2025-01-01\nperiodEnd,2026-01-01\n");
  });

  it("takes month or day proration only", async () => {
    const run = await runCli(["report", "--contracts", contracts, "--period", "2025", "--proration", "week"]);
    expect(run.code).toBe(2);
    expect(run.stderr.startsWith('cs-metrics: --proration must be month or day (got "week")\n')).toBe(true);
  });

  it("rejects an unreadable period with exit code 2 but without the usage text", async () => {
    const run = await runCli(["report", "--contracts", contracts, "--period", "last year"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('cs-metrics: --period must be YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD (got "last year")\n');
  });

  it("rejects a period of the right form that names no period with exit code 2, not 1 (item 6)", async () => {
    const cases: [string, string][] = [
      ["2025-13", 'cs-metrics: --period "2025-13": month must be 1–12 (got 13)'],
      ["2025-00", 'cs-metrics: --period "2025-00": month must be 1–12 (got 0)'],
      ["9999", 'cs-metrics: --period "9999": must be a whole year from 1 to 9998 (got 9999)'],
      ["0000", 'cs-metrics: --period "0000": must be a whole year from 1 to 9998 (got 0)'],
      ["0000-Q1", 'cs-metrics: --period "0000-Q1": must be a whole year from 1 to 9998 (got 0)'],
      ["2025-02-29..2025-03-31", 'cs-metrics: --period "2025-02-29..2025-03-31": start: must be a calendar date YYYY-MM-DD (got "2025-02-29")'],
      ["2025-03-01..2025-02-30", 'cs-metrics: --period "2025-03-01..2025-02-30": end: must be a calendar date YYYY-MM-DD (got "2025-02-30")'],
      ["2025-03-31..2025-03-01", 'cs-metrics: --period "2025-03-31..2025-03-01": end: must be after start (2025-03-31)'],
      ["2025-Q5", 'cs-metrics: --period must be YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD (got "2025-Q5")'],
    ];
    for (const [period, message] of cases) {
      const run = await runCli(["report", "--contracts", contracts, "--period", period]);
      expect([period, run.code, run.stdout, run.stderr]).toEqual([period, 2, "", `${message}\n`]);
    }
    // a fiscal year past 9998 too: FY9999 with an April start would end in 10000
    const fiscal = await runCli(["report", "--contracts", contracts, "--period", "9999", "--fiscal-start", "4"]);
    expect(fiscal.code).toBe(2);
  });

  it("takes a fiscal start month written 1–12 or 01–09 only, not 0x4, 4e0 or ' 4'", async () => {
    for (const month of ["0x4", "4e0", " 4", "+4", ""]) {
      const run = await runCli(["report", "--contracts", contracts, "--period", "2025", "--fiscal-start", month]);
      expect([month, run.code]).toEqual([month, 2]);
    }
    const padded = await runCli(["report", "--contracts", contracts, "--period", "2025", "--fiscal-start", "04", "--format", "csv"]);
    expect(padded.stdout).toContain("periodStart,2025-04-01\n");
  });

  it("rejects an option given twice and an empty file name", async () => {
    const twice = await runCli(["report", "--contracts", contracts, "--period", "2025", "--period", "2026"]);
    expect(twice.code).toBe(2);
    expect(twice.stderr.startsWith("cs-metrics: --period is given more than once\n\nUsage:")).toBe(true);
    const blank: Record<string, string[]> = {
      "--contracts": ["--contracts", " "],
      "--usage": ["--contracts", contracts, "--usage", ""],
      "--scorecard": ["--contracts", contracts, "--usage", contracts, "--scorecard", " "],
    };
    for (const [option, args] of Object.entries(blank)) {
      const run = await runCli(["report", ...args, "--period", "2025"]);
      expect(run.code).toBe(2);
      expect(run.stderr.startsWith(`cs-metrics: ${option} needs a file name (got "${args.at(-1)!}")\n`)).toBe(true);
    }
  });

  it("never echoes a 100 KB argument whole (item 8)", async () => {
    const long = "2".repeat(100_000);
    const period = await runCli(["report", "--contracts", contracts, "--period", long]);
    expect(period.code).toBe(2);
    expect(period.stderr).toBe(`cs-metrics: --period must be YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD (got "${"2".repeat(120)}…${"2".repeat(40)} (100,000 characters)")\n`);
    const option = await runCli(["report", "--contracts", contracts, "--period", "2025", `--${"o".repeat(99_998)}`]);
    expect(option.code).toBe(2);
    expect(option.stderr.startsWith(`cs-metrics: Unknown option '--${"o".repeat(118)}…${"o".repeat(40)} (100,000 characters)'.`)).toBe(true);
    // The message line stays short; the usage text follows it (its length grows with the options).
    expect(option.stderr.length - USAGE.length).toBeLessThan(1000);
    const command = await runCli([long, "--contracts", contracts, "--period", "2025"]);
    expect(command.stderr.split("\n")[0]).toBe(`cs-metrics: unknown command: "${"2".repeat(120)}…${"2".repeat(40)} (100,000 characters)"`);
  });
});
