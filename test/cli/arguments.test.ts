/**
 * `cs-metrics` argument checking: each wrong argument gives exit code 2, a message naming it, and
 * (when caught while reading the arguments) the usage text.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
    expect(other.stderr.startsWith("cs-metrics: unknown command: summary\n")).toBe(true);
    const extra = await runCli(["report", "now", "--contracts", contracts, "--period", "2025"]);
    expect(extra.code).toBe(2);
    expect(extra.stderr.startsWith("cs-metrics: unknown command: report now\n")).toBe(true);
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
});
