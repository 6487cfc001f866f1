/**
 * The revenue sections of the review page: data summary, KPI cards, MRR bridge, cohort heat map and
 * churned customers with their lost revenue.
 * @module
 */
import type { Decimal } from "decimal.js";
import { cohortRetentionChart } from "../charts/cohortHeatmap.js";
import { mrrBridgeChart } from "../charts/mrrBridge.js";
import type { CohortRetention } from "../revenue/cohortRetention.js";
import type { RevenueReport } from "../revenue/revenueReport.js";
import { chartSvg } from "./chartSvg.js";
import { type Markup, element } from "./html.js";
import { BRIDGE_STEP_KEYS, KPI_KEYS } from "./labels.js";
import { figure, note, section, table } from "./layout.js";
import type { ReviewSource, SectionContext } from "./reviewInput.js";

/** The period, currency and files read. */
export function summarySection(report: RevenueReport, sources: readonly ReviewSource[], { labels, format }: SectionContext): Markup {
  const period = report.period;
  const periodText = `${period.label === undefined ? "" : `${period.label}: `}${period.start} – ${period.end} (${labels.endExclusive})`;
  const facts = element(
    "dl",
    { class: "facts" },
    element("dt", {}, labels.period),
    element("dd", {}, periodText),
    element("dt", {}, labels.currency),
    element("dd", {}, report.currency),
  );
  if (sources.length === 0) return section("summary", labels.summary, facts);
  const rows = sources.map((source) => [source.label, element("code", {}, source.file), format.count(source.records), format.count(source.skipped ?? 0)]);
  return section(
    "summary",
    labels.summary,
    facts,
    table(labels.summary, [labels.input, labels.file, labels.recordsRead, labels.recordsSkipped], rows, [false, false, true, true]),
    note(labels.skippedNote),
  );
}

/** The six KPI cards, each with its formula as a footnote and a title. */
export function kpiSection(report: RevenueReport, { labels, format }: SectionContext): Markup {
  const r = report.rates;
  const values: Record<(typeof KPI_KEYS)[number], Markup> = {
    nrr: format.percent(r.nrr),
    grr: format.percent(r.grr),
    netRevenueChurnRate: format.percent(r.netRevenueChurnRate, true),
    logoChurnRate: format.percent(r.logoChurnRate),
    netLogoChurnRate: format.percent(r.netLogoChurnRate, true),
    lostRevenue: format.money(report.lostRevenue.total),
  };
  const cards = KPI_KEYS.map((key, index) =>
    element(
      "li",
      { class: "card", title: labels.kpi[key].formula },
      element("span", { class: "kpi-name" }, labels.kpi[key].name, element("sup", {}, element("a", { href: `#formula-${index + 1}`, "aria-label": `${labels.formulas} ${index + 1}` }, String(index + 1)))),
      element("span", { class: "kpi-value" }, values[key]),
    ),
  );
  const footnotes = element(
    "ol",
    { class: "formulas", "aria-label": labels.formulas },
    KPI_KEYS.map((key, index) => element("li", { id: `formula-${index + 1}` }, labels.kpi[key].formula)),
  );
  return section("kpis", labels.kpis, element("ul", { class: "cards" }, cards), note(labels.exactNote), footnotes);
}

/** The MRR bridge chart and its figures. */
export async function bridgeSection(report: RevenueReport, { labels, format }: SectionContext): Promise<Markup> {
  const m = report.movements;
  const amounts: Record<(typeof BRIDGE_STEP_KEYS)[number], [Decimal, number]> = {
    startingMrr: [m.startingMrr, m.startingCustomers],
    newMrr: [m.newMrr, m.newCustomers],
    expansionMrr: [m.expansionMrr, m.expandedCustomers],
    reactivationMrr: [m.reactivationMrr, m.reactivatedCustomers],
    contractionMrr: [m.contractionMrr, m.contractedCustomers],
    churnedMrr: [m.churnedMrr, m.churnedCustomers],
    endingMrr: [m.endingMrr, m.endingCustomers],
  };
  const svg = await chartSvg(mrrBridgeChart(m, { title: labels.bridge }));
  const rows = BRIDGE_STEP_KEYS.map((key) => [labels.bridgeSteps[key], format.money(amounts[key][0]), format.count(amounts[key][1])]);
  return section(
    "bridge",
    labels.bridge,
    figure(svg, `${labels.bridgeSteps.startingMrr} ${format.moneyText(m.startingMrr)} → ${labels.bridgeSteps.endingMrr.replace(/^= /, "")} ${format.moneyText(m.endingMrr)}`, labels.chartAlt(labels.bridge)),
    table(labels.bridge, [labels.bridge, labels.amount, labels.customers], rows, [false, true, true]),
  );
}

/** The cohort heat map and its table (revenue retention by months since start). */
export async function cohortSection(cohorts: CohortRetention, { labels, format }: SectionContext): Promise<Markup> {
  if (cohorts.cohorts.length === 0) return section("cohorts", labels.cohorts, note(labels.noCohorts));
  const svg = await chartSvg(cohortRetentionChart(cohorts, { title: labels.cohorts }));
  const width = Math.max(...cohorts.cohorts.map((cohort) => cohort.cells.length));
  const headers = [labels.cohorts, labels.customers, ...Array.from({ length: width }, (_, k) => `+${k}`)];
  const rows = cohorts.cohorts.map((cohort) => [
    cohort.cohort,
    format.count(cohort.customers),
    ...Array.from({ length: width }, (_, k) => {
      const cell = cohort.cells[k];
      return cell === undefined ? "" : format.percent(cell.revenueRetention);
    }),
  ]);
  return section(
    "cohorts",
    labels.cohorts,
    note(labels.cohortExplanation),
    figure(svg, labels.cohorts, labels.chartAlt(labels.cohorts)),
    table(labels.cohorts, headers, rows, headers.map((_, index) => index > 0)),
  );
}

/** The customers that churned in the period with their lost revenue, and the total. */
export function churnSection(report: RevenueReport, { labels, format }: SectionContext): Markup {
  const lost = report.lostRevenue;
  if (lost.customers.length === 0) return section("churned", labels.churned, note(labels.noChurn));
  const rows = lost.customers.map((row) => [
    row.customerId,
    row.churnDate,
    format.money(row.baseArr),
    element("data", { value: row.remainingMonths.toString(), title: row.remainingMonths.toString() }, row.remainingMonths.toDecimalPlaces(2).toString()),
    format.money(row.lostRevenue),
  ]);
  rows.push([labels.total, "", "", "", format.money(lost.total)]);
  return section(
    "churned",
    labels.churned,
    note(labels.churnedExplanation(lost.proration)),
    table(labels.churned, [labels.customer, labels.churnDate, labels.baseArr, labels.remainingMonths, labels.lostRevenue], rows, [false, false, true, true, true]),
  );
}
