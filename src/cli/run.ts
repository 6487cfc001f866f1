/**
 * `cs-metrics report`: reads contract (and usage) exports, validates them with the library's schemas
 * and prints the KPI report.
 * @module
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { CsMetricsError, CurrencyMismatchError, ValidationError, type ValidationIssue } from "../errors.js";
import { ContractBookBuilder } from "../revenue/contractBookBuilder.js";
import type { BookDataQuality } from "../revenue/openLines.js";
import { type RevenueReport, revenueReport } from "../revenue/revenueReport.js";
import type { ReviewLanguage } from "../review/labels.js";
import { UsageSnapshotSchema, type UsageSnapshotInput } from "../schemas/usageSnapshot.js";
import type { ScorecardInput } from "../schemas/scorecard.js";
import { formatPath } from "../schemas/primitives.js";
import { CliInputError, CliUsageError, locateIssues } from "./cliErrors.js";
import { readContractsInto } from "./contractsFile.js";
import { INPUT_OPTIONS, type InputOptions, readInputOptions } from "./inputOptions.js";
import { withZonedDates } from "../schemas/zonedDateFields.js";
import { eventWarnings, featuresAvailableArgument, readEventSnapshots, threadsArgument } from "./eventSnapshots.js";
import { CONTACTS_CSV, CONTRACTS_CSV, EVENTS_CSV, USAGE_CSV } from "./inputShapes.js";
import { readJsonFile } from "./jsonRecords.js";
import { periodArgument } from "./periodArgument.js";
import { healthSection, lastDayOf } from "./healthSection.js";
import type { LocatedFile, RecordFile } from "./locatedFile.js";
import { readRecords } from "./readRecords.js";
import { type ReportFormat, type ReportSection, renderReport } from "./renderReport.js";
import { type ReviewUsageInput, reviewPageHtml } from "./reviewPage.js";
import { MAX_ECHOED_CHARACTERS, echoed, quoted, terminalText } from "./terminalText.js";

/** Where the CLI writes. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** The usage text. */
export const USAGE = `Usage: cs-metrics report --contracts <file.csv|file.json|file.jsonl> --period <period> [options]

Prints the KPI report (MRR bridge, NRR, GRR, churn rates, lost revenue 逸失金額) of a period.

Options:
  --contracts <file>      contracts export: CSV with a header row, a JSON array, or JSON Lines
                          (.jsonl/.ndjson, one record a line) (required)
  --usage <file>          usage snapshots, CSV or JSON (validated; needed by --scorecard)
  --events <file>         product events (customerId, userId, at, feature, count), CSV or JSON: usage
                          snapshots as of the period's last day, instead of --usage
  --contacts <file>       CRM contacts (customerId, at) for the snapshots' lastContactAt (with --events)
  --features-available <n|names>  features a customer can use, for featureAdoption (with --events):
                          a count (6) or names (dashboards,reports: only those count as used)
  --threads <n>           read an --events CSV of 16 MiB or more in n parts at once (default: the
                          machine's cores, at most 8; 1: one pass)
  --scorecard <file>      scorecard JSON: adds health scoring of the usage snapshots
  --period <period>       YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD (end exclusive) (required)
  --fiscal-start <month>  first month of the fiscal year, 1–12 (default 1; 4 for April)
  --format <format>       table (default), json, csv or html (one self-contained page)
  --output <file>         write the report to this file instead of stdout
  --lang <language>       language of the html page: en (default) or ja
  --proration <mode>      lost revenue proration: month (default) or day
  --columns <map>         contracts export column names: field=column,… (customerId=account_id,start=start_date)
  --usage-columns <map>   the same for --usage (--events-columns, --contacts-columns likewise)
  --currency <code>       report currency (default: the contracts'; required with --exchange-rates)
  --exchange-rates <map>  rates into --currency: CODE=rate,… (EUR=1.08,GBP=1.27 = 1 EUR is 1.08 USD)
  --time-zone <zone>      IANA zone (Asia/Tokyo) in which date-times with Z or an offset become dates
  --lines <mode>          separate (default: a customer's lines are summed) or supersede (each row
                          restates the subscription: a line ends the customer's earlier open lines)
  --quiet                 no progress messages on stderr
  -h, --help              this text
  -v, --version           the version

Exit codes: 0 ok, 1 invalid or unreadable input, 2 wrong arguments.
`;

interface ReportArguments {
  readonly contracts: string;
  readonly usage: string | undefined;
  readonly events: string | undefined;
  readonly contacts: string | undefined;
  readonly featuresAvailable: number | readonly string[] | undefined;
  readonly threads: number;
  readonly scorecard: string | undefined;
  readonly period: string;
  readonly fiscalStart: number;
  readonly format: ReportFormat | "html";
  readonly output: string | undefined;
  readonly lang: ReviewLanguage;
  readonly proration: "month" | "day";
  readonly quiet: boolean;
  readonly inputs: InputOptions;
}

const OPTIONS = {
  contracts: { type: "string" },
  usage: { type: "string" },
  events: { type: "string" },
  contacts: { type: "string" },
  "features-available": { type: "string" },
  threads: { type: "string" },
  scorecard: { type: "string" },
  period: { type: "string" },
  "fiscal-start": { type: "string" },
  format: { type: "string" },
  output: { type: "string" },
  lang: { type: "string" },
  proration: { type: "string" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  ...INPUT_OPTIONS,
} as const;

/** node:util's message with every argument too long to echo shortened (`"--aaaa…" (100,000 characters)`). */
function parseArgsMessage(error: Error, argv: readonly string[]): string {
  let message = error.message;
  for (const argument of argv) if (argument.length > MAX_ECHOED_CHARACTERS) message = message.split(argument).join(echoed(argument));
  return message;
}

function parseArguments(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, tokens: true, options: OPTIONS });
  } catch (error) {
    throw new CliUsageError(parseArgsMessage(error as Error, argv));
  }
}

function fileArgument(option: string, value: string | undefined): string | undefined {
  if (value?.trim() === "") throw new CliUsageError(`--${option} needs a file name (got ${quoted(value)})`);
  return value;
}

function readArguments(argv: readonly string[]): ReportArguments | "help" | "version" {
  const { values, positionals, tokens } = parseArguments(argv);
  if (values.help === true) return "help";
  if (values.version === true) return "version";
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    if (seen.has(token.name)) throw new CliUsageError(`--${token.name} is given more than once`);
    seen.add(token.name);
  }
  if (positionals[0] !== "report" || positionals.length > 1) {
    throw new CliUsageError(positionals.length === 0 ? "missing command: report" : `unknown command: ${positionals.map(quoted).join(" ")}`);
  }
  const contracts = fileArgument("contracts", values.contracts);
  if (contracts === undefined) throw new CliUsageError("--contracts is required");
  if (values.period === undefined) throw new CliUsageError("--period is required");
  const fiscalText = values["fiscal-start"] ?? "1";
  if (!/^(0?[1-9]|1[0-2])$/.test(fiscalText)) throw new CliUsageError(`--fiscal-start must be a month 1–12 (got ${quoted(fiscalText)})`);
  const format = values.format ?? "table";
  if (format !== "table" && format !== "json" && format !== "csv" && format !== "html") {
    throw new CliUsageError(`--format must be table, json, csv or html (got ${quoted(format)})`);
  }
  const lang = values.lang ?? "en";
  if (lang !== "en" && lang !== "ja") throw new CliUsageError(`--lang must be en or ja (got ${quoted(lang)})`);
  if (values.lang !== undefined && format !== "html") throw new CliUsageError("--lang applies to --format html only");
  const output = fileArgument("output", values.output);
  const proration = values.proration ?? "month";
  if (proration !== "month" && proration !== "day") throw new CliUsageError(`--proration must be month or day (got ${quoted(proration)})`);
  const usage = fileArgument("usage", values.usage);
  const scorecard = fileArgument("scorecard", values.scorecard);
  const events = fileArgument("events", values.events);
  const contactsFile = fileArgument("contacts", values.contacts);
  if (usage !== undefined && events !== undefined) throw new CliUsageError("give --usage or --events, not both (both are the usage snapshots of the health section)");
  if (scorecard !== undefined && usage === undefined && events === undefined) throw new CliUsageError("--scorecard needs --usage or --events");
  if (contactsFile !== undefined && events === undefined) throw new CliUsageError("--contacts needs --events (with --usage, lastContactAt comes from the snapshots)");
  const featuresAvailable = featuresAvailableArgument(values["features-available"]);
  if (featuresAvailable !== undefined && events === undefined) throw new CliUsageError("--features-available needs --events (with --usage, featuresAvailable comes from the snapshots)");
  const threads = threadsArgument(values.threads);
  if (values.threads !== undefined && events === undefined) throw new CliUsageError("--threads needs --events");
  const inputs = readInputOptions(values, { contracts: CONTRACTS_CSV, usage: USAGE_CSV, events: EVENTS_CSV, contacts: CONTACTS_CSV });
  for (const [mapping, file, name] of [[inputs.columns.usage, usage, "usage"], [inputs.columns.events, events, "events"], [inputs.columns.contacts, contactsFile, "contacts"]] as const) {
    if (mapping !== undefined && file === undefined) throw new CliUsageError(`${mapping.option} needs --${name}`);
  }
  return { contracts, usage, events, contacts: contactsFile, featuresAvailable, threads, scorecard, period: values.period, fiscalStart: Number(fiscalText), format, output, lang, proration, quiet: values.quiet === true, inputs };
}

/** The snapshot fields that `--time-zone` lets hold a date-time. */
const SNAPSHOT_DATE_FIELDS = ["at", "lastContactAt"] as const;

function validateSnapshots(file: RecordFile, timeZone: string | undefined): UsageSnapshotInput[] {
  const issues: ValidationIssue[] = [];
  const records = timeZone === undefined ? file.records : file.records.map((record) => withZonedDates(record, SNAPSHOT_DATE_FIELDS, timeZone));
  records.forEach((record, index) => {
    const parsed = UsageSnapshotSchema.safeParse(record);
    if (!parsed.success) for (const issue of parsed.error.issues) issues.push({ path: formatPath(`snapshots[${index}]`, issue.path), message: issue.message });
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return records as UsageSnapshotInput[];
}

/** Customers named in the overlapping-lines warning; the rest are counted. */
const MAX_NAMED_CUSTOMERS = 5;

/**
 * A warning line on stderr when customers have open-ended lines starting on different days and they
 * are summed (`--lines separate`, the default): right for add-ons, wrong for a restating export.
 */
function warnOverlappingLines(io: CliIo, quality: BookDataQuality, lines: "separate" | "supersede" | undefined): void {
  const customers = quality.overlappingOpenLines;
  if (lines === "supersede" || customers.length === 0) return;
  const named = customers.slice(0, MAX_NAMED_CUSTOMERS).map(quoted).join(", ");
  const more = customers.length > MAX_NAMED_CUSTOMERS ? ` and ${customers.length - MAX_NAMED_CUSTOMERS} more` : "";
  const count = `${customers.length} ${customers.length === 1 ? "customer has" : "customers have"}`;
  io.stderr(`${terminalText(`cs-metrics: warning: ${count} open-ended contract lines starting on different days, summed while both are open (${named}${more}); if each row restates the subscription, pass --lines supersede`)}\n`);
}

/** An input file as the html page's data summary tells it. */
interface SourceSummary {
  readonly file: string;
  readonly records: number;
  readonly skipped: number;
}

function summaryOf(file: RecordFile): SourceSummary {
  return { file: file.file, records: file.records.length, skipped: file.skipped ?? 0 };
}

/** The report in the chosen format: html builds the review page, the others go through renderReport. */
function reportText(
  args: ReportArguments,
  book: Parameters<typeof reviewPageHtml>[0],
  report: RevenueReport,
  sections: readonly ReportSection[],
  usage: ReviewUsageInput | undefined,
  files: readonly SourceSummary[],
): Promise<string> {
  if (args.format !== "html") return Promise.resolve(renderReport(report, args.format, sections));
  const labels = ["contracts", "usage"];
  const sources = files.map((file, index) => ({ label: labels[index]!, ...file }));
  return reviewPageHtml(book, report, usage, sources, args.lang);
}

/** Writes the output to `--output` (created or replaced) or stdout; an unwritable file is a CliInputError. */
function writeOutput(io: CliIo, output: string | undefined, text: string): void {
  if (output === undefined) {
    io.stdout(text);
    return;
  }
  try {
    writeFileSync(output, text);
  } catch (error) {
    throw new CliInputError(`${echoed(output)}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** Most detail lines (problems) printed under one error; the rest are counted. */
const MAX_LISTED_PROBLEMS = 50;

/**
 * Writes an error to stderr: `cs-metrics: message`, then the first {@link MAX_LISTED_PROBLEMS} detail
 * lines indented, a count of the rest and the note; every line escaped.
 */
function printError(io: CliIo, message: string, details: readonly string[] = [], note?: string): void {
  const listed = details.slice(0, MAX_LISTED_PROBLEMS);
  if (details.length > MAX_LISTED_PROBLEMS) listed.push(`… and ${details.length - MAX_LISTED_PROBLEMS} more`);
  if (note !== undefined) listed.push(note);
  const lines = [`cs-metrics: ${message.replace(/^cs-metrics: /, "")}`, ...listed.map((detail) => `  ${detail}`)];
  io.stderr(`${lines.map(terminalText).join("\n")}\n`);
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
    printError(io, error.message);
    io.stderr(`\n${USAGE}`);
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
  const progress = args.quiet ? undefined : (message: string) => printError(io, message);
  const files: Record<string, LocatedFile> = {};
  try {
    const period = periodArgument(args.period, args.fiscalStart);
    const { inputs } = args;
    const builder = new ContractBookBuilder({
      ...(inputs.currency === undefined ? {} : { currency: inputs.currency }),
      ...(inputs.exchangeRates === undefined ? {} : { exchangeRates: inputs.exchangeRates }),
      ...(inputs.timeZone === undefined ? {} : { timeZone: inputs.timeZone }),
      ...(inputs.lines === undefined ? {} : { lines: inputs.lines }),
    });
    const contracts = await readContractsInto(builder, args.contracts, CONTRACTS_CSV, progress, inputs.columns.contracts);
    files.contracts = contracts;
    const book = builder.finish();
    warnOverlappingLines(io, book.dataQuality, inputs.lines);
    const report = revenueReport(book, period, { proration: args.proration });
    const sections: ReportSection[] = [];
    const read: SourceSummary[] = [{ file: contracts.file, records: contracts.records, skipped: contracts.skipped }];
    let usageInput: ReviewUsageInput | undefined;
    let snapshots: readonly UsageSnapshotInput[] | undefined;
    if (args.usage !== undefined) {
      const usage = await readRecords(args.usage, USAGE_CSV, progress, inputs.columns.usage);
      files.snapshots = usage;
      read.push(summaryOf(usage));
      snapshots = validateSnapshots(usage, inputs.timeZone);
    }
    if (args.events !== undefined) {
      // Contacts first: the events stream into a state that needs them from the start.
      const contacts = args.contacts === undefined ? undefined : await readRecords(args.contacts, CONTACTS_CSV, progress, inputs.columns.contacts);
      if (contacts !== undefined) files.contacts = contacts;
      const options = { contacts: contacts?.records, timeZone: inputs.timeZone, featuresAvailable: args.featuresAvailable, threads: args.threads };
      const events = await readEventSnapshots(args.events, options, book, report.period, (source) => (files.events = source), progress, inputs.columns.events);
      read.push({ file: events.source.file, records: events.source.records, skipped: events.source.skipped });
      if (contacts !== undefined) read.push(summaryOf(contacts));
      for (const warning of eventWarnings(events.snapshots, events.source, lastDayOf(report.period))) io.stderr(`${terminalText(`cs-metrics: warning: ${warning}`)}\n`);
      snapshots = events.snapshots;
    }
    if (snapshots !== undefined) {
      let scorecardInput: ScorecardInput | undefined;
      if (args.scorecard !== undefined) {
        const scorecard = readJsonFile(args.scorecard);
        files.scorecard = scorecard;
        scorecardInput = scorecard.value as ScorecardInput;
        sections.push(healthSection(snapshots, scorecardInput, report.period, book));
      }
      usageInput = { snapshots, scorecard: scorecardInput };
    }
    // Rendered in full before anything is written: an invalid input leaves no (partial) page behind.
    writeOutput(io, args.output, await reportText(args, book, report, sections, usageInput, read));
    return 0;
  } catch (error) {
    if (error instanceof CliUsageError) {
      printError(io, error.message);
      return 2;
    }
    if (error instanceof ValidationError) {
      printError(io, `invalid input (${error.issues.length} ${error.issues.length === 1 ? "problem" : "problems"}):`, locateIssues(error, files));
      return 1;
    }
    if (error instanceof CurrencyMismatchError) {
      const [located] = locateIssues(new ValidationError([{ path: error.path, message: `currency ${error.actual} differs from ${error.expected} (one report uses one currency)` }]), files);
      printError(io, located!);
      return 1;
    }
    if (error instanceof CliInputError) {
      printError(io, error.message, error.details, error.note);
      return 1;
    }
    if (error instanceof CsMetricsError) {
      printError(io, error.message);
      return 1;
    }
    throw error;
  }
}
