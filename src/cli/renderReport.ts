/**
 * The CLI's three output formats of a KPI report: a table for people, JSON (exact decimal strings)
 * and CSV (`metric,value` rows) for other tools.
 * @module
 */
import type { Decimal } from "decimal.js";
import { formatMoney, formatPercent } from "../money/format.js";
import type { RevenueReport } from "../revenue/revenueReport.js";
import { displayWidth } from "../text/displayWidth.js";
import { terminalJson, terminalText } from "./terminalText.js";

/** Output formats of `cs-metrics report`. */
export type ReportFormat = "table" | "json" | "csv";

/** One row of a {@link ReportSection}. */
export interface SectionRow {
  readonly metric: string;
  readonly value: string;
  readonly label: string;
  readonly shown: string;
}

/** A section the CLI adds after the revenue KPIs (health scoring, usage). */
export interface ReportSection {
  /** Fixed key of the section in JSON output (`health`), for scripts. */
  readonly key: string;
  /** Section title in the table, and the `title` field of its JSON. */
  readonly title: string;
  /** Rows: `metric` is the CSV key, `value` exact, `label` and `shown` what the table prints. */
  readonly rows: readonly SectionRow[];
  /** Extra lines of the table (per-customer detail). */
  readonly detail?: readonly string[];
  /** Extra `metric,value` rows of the CSV after `rows` (per-customer detail). */
  readonly csvRows?: readonly (readonly [metric: string, value: string])[];
  /** What JSON output holds for this section, after its `title`. */
  readonly json: Readonly<Record<string, unknown>>;
}

/** The report as `metric,value` pairs with exact values (the CSV rows and the table's source). */
export function reportMetrics(report: RevenueReport): [metric: string, value: string][] {
  const m = report.movements;
  const r = report.rates;
  const rate = (value: Decimal | null): string => (value === null ? "" : value.toString());
  return [
    ["period", report.period.label ?? `${report.period.start}..${report.period.end}`],
    ["periodStart", report.period.start],
    ["periodEnd", report.period.end],
    ["currency", report.currency],
    ["startingMrr", m.startingMrr.toString()],
    ["newMrr", m.newMrr.toString()],
    ["expansionMrr", m.expansionMrr.toString()],
    ["reactivationMrr", m.reactivationMrr.toString()],
    ["contractionMrr", m.contractionMrr.toString()],
    ["churnedMrr", m.churnedMrr.toString()],
    ["endingMrr", m.endingMrr.toString()],
    ["startingCustomers", String(m.startingCustomers)],
    ["newCustomers", String(m.newCustomers)],
    ["reactivatedCustomers", String(m.reactivatedCustomers)],
    ["churnedCustomers", String(m.churnedCustomers)],
    ["endingCustomers", String(m.endingCustomers)],
    ["nrr", rate(r.nrr)],
    ["grr", rate(r.grr)],
    ["expansionRate", rate(r.expansionRate)],
    ["contractionRate", rate(r.contractionRate)],
    ["revenueChurnRate", rate(r.revenueChurnRate)],
    ["grossRevenueChurnRate", rate(r.grossRevenueChurnRate)],
    ["netRevenueChurnRate", rate(r.netRevenueChurnRate)],
    ["logoChurnRate", rate(r.logoChurnRate)],
    ["logoRetentionRate", rate(r.logoRetentionRate)],
    ["netLogoChurnRate", rate(r.netLogoChurnRate)],
    ["lostRevenue", report.lostRevenue.total.toString()],
  ];
}

/** Pads `text` with spaces to `width` terminal columns. */
export function padDisplay(text: string, width: number): string {
  return text + " ".repeat(Math.max(1, width - displayWidth(text)));
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function renderTable(report: RevenueReport, sections: readonly ReportSection[]): string {
  const m = report.movements;
  const r = report.rates;
  const money = (amount: Decimal): string => formatMoney(amount, report.currency);
  const row = (label: string, value: string): string => `  ${padDisplay(label, 28)}${value}`;
  const lines = [
    `KPI report ${report.period.label ?? ""} (${report.period.start} – ${report.period.end}, end exclusive), ${report.currency}`.replace("  ", " "),
    "",
    "MRR bridge",
    row("starting MRR", money(m.startingMrr)),
    row("+ new", `${money(m.newMrr)} (${m.newCustomers})`),
    row("+ expansion", `${money(m.expansionMrr)} (${m.expandedCustomers})`),
    row("+ reactivation", `${money(m.reactivationMrr)} (${m.reactivatedCustomers})`),
    row("− contraction", `${money(m.contractionMrr)} (${m.contractedCustomers})`),
    row("− churn", `${money(m.churnedMrr)} (${m.churnedCustomers})`),
    row("= ending MRR", money(m.endingMrr)),
    "",
    "Rates",
    row("NRR 売上継続率", formatPercent(r.nrr)),
    row("GRR", formatPercent(r.grr)),
    row("expansion 契約拡大率", formatPercent(r.expansionRate)),
    row("contraction", formatPercent(r.contractionRate)),
    row("revenue churn", formatPercent(r.revenueChurnRate)),
    row("gross revenue churn", formatPercent(r.grossRevenueChurnRate)),
    row("net revenue churn", formatPercent(r.netRevenueChurnRate, { signed: true })),
    row("logo churn 解約率", formatPercent(r.logoChurnRate)),
    row("logo retention 継続率", formatPercent(r.logoRetentionRate)),
    row("net logo churn", formatPercent(r.netLogoChurnRate, { signed: true })),
    "",
    `Lost revenue 逸失金額 (proration: ${report.lostRevenue.proration})`,
    row("total", money(report.lostRevenue.total)),
    ...report.lostRevenue.customers.map(
      (c) => `    ${terminalText(c.customerId).padEnd(20)} churned ${c.churnDate}  base ARR ${money(c.baseArr)} × ${c.remainingMonths.toDecimalPlaces(2).toString()}/12 = ${money(c.lostRevenue)}`,
    ),
  ];
  for (const section of sections) {
    lines.push("", section.title, ...section.rows.map((entry) => row(entry.label, entry.shown)), ...(section.detail ?? []));
  }
  // Caller text (customer ids, titles) is escaped where it is padded; escaping every line again (a no-op
  // on escaped text) keeps a control character from any other source off the terminal.
  return `${lines.map(terminalText).join("\n")}\n`;
}

/**
 * Renders a report in one of the CLI's formats.
 *
 * @remarks table: formatted for people (rounded), control characters in caller text escaped (`\n`,
 * `\x1b`, `\u202e`); json: the report with every Decimal as exact text, each section under its `key`
 * as `{ title, ...json }`, and control and direction characters as `\uXXXX` escapes; csv: `metric,value`
 * rows with exact values, quoted as RFC 4180 asks.
 */
export function renderReport(report: RevenueReport, format: ReportFormat, sections: readonly ReportSection[] = []): string {
  if (format === "json") {
    const extra = Object.fromEntries(sections.map((section) => [section.key, { title: section.title, ...section.json }]));
    return `${terminalJson(JSON.stringify({ ...report, ...extra }, null, 2))}\n`;
  }
  if (format === "csv") {
    const rows = [
      ...reportMetrics(report),
      ...sections.flatMap((section) => [...section.rows.map((entry): readonly [string, string] => [entry.metric, entry.value]), ...(section.csvRows ?? [])]),
    ];
    return `metric,value\n${rows.map(([metric, value]) => `${csvCell(metric)},${csvCell(value)}`).join("\n")}\n`;
  }
  return renderTable(report, sections);
}
