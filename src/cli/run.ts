/**
 * `cs-metrics report`: reads contract (and usage) exports, validates them with the library's schemas
 * and prints the KPI report.
 * @module
 */
import { parseArgs } from "node:util";
import { CsMetricsError, CurrencyMismatchError, ValidationError, type ValidationIssue } from "../errors.js";
import { contractBook } from "../revenue/contractBook.js";
import { revenueReport } from "../revenue/revenueReport.js";
import type { ContractInput } from "../schemas/contract.js";
import { UsageSnapshotSchema, type UsageSnapshotInput } from "../schemas/usageSnapshot.js";
import type { ScorecardInput } from "../schemas/scorecard.js";
import { formatPath } from "../schemas/primitives.js";
import { CliInputError, CliUsageError, locateIssues } from "./cliErrors.js";
import { periodArgument } from "./periodArgument.js";
import { healthSection } from "./healthSection.js";
import { type LocatedFile, type RecordFile, readJsonFile, readRecords } from "./readRecords.js";
import { type ReportFormat, type ReportSection, renderReport } from "./renderReport.js";

/** Where the CLI writes. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** The usage text. */
export const USAGE = `Usage: cs-metrics report --contracts <file.csv|file.json> --period <period> [options]

Prints the KPI report (MRR bridge, NRR, GRR, churn rates, lost revenue 逸失金額) of a period.

Options:
  --contracts <file>      contracts export, CSV with a header row or a JSON array (required)
  --usage <file>          usage snapshots, CSV or JSON (validated; needed by --scorecard)
  --scorecard <file>      scorecard JSON: adds health scoring of the usage snapshots
  --period <period>       YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD (end exclusive) (required)
  --fiscal-start <month>  first month of the fiscal year, 1–12 (default 1; 4 for April)
  --format <format>       table (default), json or csv
  --proration <mode>      lost revenue proration: month (default) or day
  --quiet                 no progress messages on stderr
  -h, --help              this text
  -v, --version           the version

Exit codes: 0 ok, 1 invalid or unreadable input, 2 wrong arguments.
`;

const CONTRACT_NUMBERS = new Set(["intervalCount", "seats"]);
const USAGE_NUMBERS = new Set(["licensedSeats", "provisionedUsers", "activeUsers", "dau", "wau", "mau", "featuresUsed", "featuresAvailable"]);

interface ReportArguments {
  readonly contracts: string;
  readonly usage: string | undefined;
  readonly scorecard: string | undefined;
  readonly period: string;
  readonly fiscalStart: number;
  readonly format: ReportFormat;
  readonly proration: "month" | "day";
  readonly quiet: boolean;
}

function readArguments(argv: readonly string[]): ReportArguments | "help" | "version" {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        contracts: { type: "string" },
        usage: { type: "string" },
        scorecard: { type: "string" },
        period: { type: "string" },
        "fiscal-start": { type: "string" },
        format: { type: "string" },
        proration: { type: "string" },
        quiet: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help === true) return "help";
  if (values.version === true) return "version";
  if (positionals[0] !== "report" || positionals.length > 1) {
    throw new CliUsageError(positionals.length === 0 ? "missing command: report" : `unknown command: ${positionals.join(" ")}`);
  }
  if (values.contracts === undefined) throw new CliUsageError("--contracts is required");
  if (values.period === undefined) throw new CliUsageError("--period is required");
  const fiscalStart = Number(values["fiscal-start"] ?? "1");
  if (!Number.isInteger(fiscalStart) || fiscalStart < 1 || fiscalStart > 12) {
    throw new CliUsageError(`--fiscal-start must be a month 1–12 (got ${JSON.stringify(values["fiscal-start"])})`);
  }
  const format = values.format ?? "table";
  if (format !== "table" && format !== "json" && format !== "csv") throw new CliUsageError(`--format must be table, json or csv (got ${JSON.stringify(format)})`);
  const proration = values.proration ?? "month";
  if (proration !== "month" && proration !== "day") throw new CliUsageError(`--proration must be month or day (got ${JSON.stringify(proration)})`);
  if (values.scorecard !== undefined && values.usage === undefined) throw new CliUsageError("--scorecard needs --usage");
  return {
    contracts: values.contracts,
    usage: values.usage,
    scorecard: values.scorecard,
    period: values.period,
    fiscalStart,
    format,
    proration,
    quiet: values.quiet === true,
  };
}

function validateSnapshots(file: RecordFile): UsageSnapshotInput[] {
  const issues: ValidationIssue[] = [];
  file.records.forEach((record, index) => {
    const parsed = UsageSnapshotSchema.safeParse(record);
    if (!parsed.success) for (const issue of parsed.error.issues) issues.push({ path: formatPath(`snapshots[${index}]`, issue.path), message: issue.message });
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return file.records as UsageSnapshotInput[];
}

/**
 * Runs the CLI with `argv` (without `node` and the script).
 *
 * @returns The exit code: 0 ok, 1 invalid or unreadable input, 2 wrong arguments.
 */
export async function runCli(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  let args: ReportArguments | "help" | "version";
  try {
    args = readArguments(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.stderr(`cs-metrics: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === "help") {
    io.stdout(USAGE);
    return 0;
  }
  if (args === "version") {
    io.stdout(`${version}\n`);
    return 0;
  }
  const progress = args.quiet ? undefined : (message: string) => io.stderr(`cs-metrics: ${message}\n`);
  const files: Record<string, LocatedFile> = {};
  try {
    const period = periodArgument(args.period, args.fiscalStart);
    const contracts = await readRecords(args.contracts, { numericColumns: CONTRACT_NUMBERS }, progress);
    files.contracts = contracts;
    const book = contractBook(contracts.records as ContractInput[]);
    const report = revenueReport(book, period, { proration: args.proration });
    const sections: ReportSection[] = [];
    if (args.usage !== undefined) {
      const usage = await readRecords(args.usage, { numericColumns: USAGE_NUMBERS, nestedPrefix: "metrics" }, progress);
      files.snapshots = usage;
      const snapshots = validateSnapshots(usage);
      if (args.scorecard !== undefined) {
        const scorecard = readJsonFile(args.scorecard);
        files.scorecard = scorecard;
        sections.push(healthSection(snapshots, scorecard.value as ScorecardInput, report.period, book));
      }
    }
    io.stdout(renderReport(report, args.format, sections));
    return 0;
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr(`cs-metrics: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ValidationError) {
      io.stderr(`cs-metrics: invalid input (${error.issues.length} ${error.issues.length === 1 ? "problem" : "problems"}):\n`);
      for (const line of locateIssues(error, files).slice(0, 50)) io.stderr(`  ${line}\n`);
      if (error.issues.length > 50) io.stderr(`  … and ${error.issues.length - 50} more\n`);
      return 1;
    }
    if (error instanceof CurrencyMismatchError) {
      const [located] = locateIssues(new ValidationError([{ path: error.path, message: `currency ${error.actual} differs from ${error.expected} (one report uses one currency)` }]), files);
      io.stderr(`cs-metrics: ${located}\n`);
      return 1;
    }
    if (error instanceof CsMetricsError || error instanceof CliInputError) {
      io.stderr(`${error.message.startsWith("cs-metrics:") ? "" : "cs-metrics: "}${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
