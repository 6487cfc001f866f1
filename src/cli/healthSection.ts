/**
 * The CLI's health section (`--scorecard`): every customer's health score and band at the period's
 * last day, and the Good−Bad index.
 * @module
 */
import { terminalText } from "./terminalText.js";
import { formatCalendarDate, parseCalendarDate } from "../dates/calendarDate.js";
import { goodMinusBad } from "../health/goodMinusBad.js";
import type { UnscoredCustomer } from "../health/customerScope.js";
import { scoreCustomers } from "../health/scoreCustomers.js";
import type { ContractBook } from "../revenue/contractBook.js";
import type { Period } from "../schemas/period.js";
import type { ScorecardInput } from "../schemas/scorecard.js";
import type { UsageSnapshotInput } from "../schemas/usageSnapshot.js";
import { formatPercent } from "../money/format.js";
import type { ReportSection } from "./renderReport.js";

function scorecardLabel(customers: number): string {
  return `${customers} ${customers === 1 ? "customer" : "customers"}`;
}

/** The period's last day, `end − 1 day`, as `YYYY-MM-DD`. */
export function lastDayOf(period: Period): string {
  return formatCalendarDate(parseCalendarDate(period.end)! - 1);
}

/** "no usage data 3, missing measures 1": the unscored paying customers by reason, when there are any. */
function reasonCounts(unscored: readonly UnscoredCustomer[]): string {
  const counts = new Map<string, number>();
  for (const { reason } of unscored) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => `${reason} ${count}`).join(", ");
}

/**
 * Scores the latest snapshot on or before the period's last day of each customer that pays on that day
 * in the report's contract book, and lists the customers left without a band with the reason.
 *
 * @remarks scoreCustomers(snapshots, scorecard, { asOf: end − 1 day, activeIn: book }) and goodMinusBad
 * of the paying customers (those with no usage data count as unscored). Customers with snapshots that do
 * not pay on that day are listed as "not a customer on asOf" and counted nowhere else.
 * @throws ValidationError for an invalid scorecard (`scorecard.measures[1].weight`) or snapshots.
 */
export function healthSection(snapshots: readonly UsageSnapshotInput[], scorecard: ScorecardInput, period: Period, activeIn: ContractBook): ReportSection {
  const asOf = lastDayOf(period);
  const { scores, unscored } = scoreCustomers(snapshots, scorecard, { asOf, activeIn });
  const noUsage = unscored.filter((entry) => entry.reason === "no usage data");
  const notCustomers = unscored.filter((entry) => entry.reason === "not a customer on asOf");
  const payingUnscored = unscored.filter((entry) => entry.reason !== "not a customer on asOf");
  // Paying customers without usage data are unscored customers of the index (outside its base).
  const bands = goodMinusBad([...scores, ...noUsage.map(() => ({ band: null }))]);
  const points = (value: typeof bands.index): string => (value === null ? "" : value.toString());
  // Percent points (50 = 50%) shown like the rates: "50.0%".
  const share = (value: typeof bands.index): string => formatPercent(value === null ? null : value.div(100));
  return {
    key: "health",
    title: `Health ヘルススコア (${scorecardLabel(scores.length + noUsage.length)}, latest snapshot on or before ${asOf})`,
    rows: [
      { metric: "healthAsOf", value: asOf, label: "as of", shown: asOf },
      { metric: "healthGood", value: String(bands.good), label: "Good", shown: `${bands.good} (${share(bands.goodPct)})` },
      { metric: "healthNormal", value: String(bands.normal), label: "Normal", shown: `${bands.normal} (${share(bands.normalPct)})` },
      { metric: "healthBad", value: String(bands.bad), label: "Bad", shown: `${bands.bad} (${share(bands.badPct)})` },
      { metric: "healthUnscored", value: String(bands.unscored), label: "unscored", shown: bands.unscored === 0 ? "0" : `${bands.unscored} (${reasonCounts(payingUnscored)})` },
      { metric: "healthNotCustomers", value: String(notCustomers.length), label: "not customers on asOf", shown: notCustomers.length === 0 ? "0" : `${notCustomers.length} (not scored)` },
      { metric: "goodMinusBad", value: points(bands.index), label: "Good−Bad", shown: bands.index === null ? "—" : `${formatPercent(bands.index.div(100), { signed: true }).replace("%", "")} points` },
    ],
    csvRows: unscored.map((entry) => [`healthUnscored[${entry.customerId}]`, entry.reason]),
    detail: [
      ...scores.map(
        (result) => `    ${terminalText(result.customerId).padEnd(20)} ${result.score === null ? "   —" : result.score.toFixed(1).padStart(5)}  ${result.band ?? "unscored (missing measures)"}`,
      ),
      ...unscored
        .filter((entry) => entry.reason !== "missing measures")
        .map((entry) => `    ${terminalText(entry.customerId).padEnd(20)}     —  ${entry.reason === "no usage data" ? "unscored" : "not scored"} (${entry.reason})`),
    ],
    json: { asOf, bands, customers: scores, unscored },
  };
}
