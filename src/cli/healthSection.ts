/**
 * The CLI's health section (`--scorecard`): every customer's health score and band at the period's
 * last day, and the Good−Bad index.
 * @module
 */
import { formatCalendarDate, parseCalendarDate } from "../dates/calendarDate.js";
import { goodMinusBad } from "../health/goodMinusBad.js";
import { scoreCustomers } from "../health/scoreCustomers.js";
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

/**
 * Scores each customer's latest snapshot on or before the period's last day.
 *
 * @remarks scoreCustomers(snapshots, scorecard, { asOf: end − 1 day }) and goodMinusBad of the results.
 * @throws ValidationError for an invalid scorecard (`scorecard.measures[1].weight`) or snapshots.
 */
export function healthSection(snapshots: readonly UsageSnapshotInput[], scorecard: ScorecardInput, period: Period): ReportSection {
  const asOf = lastDayOf(period);
  const results = scoreCustomers(snapshots, scorecard, { asOf });
  const bands = goodMinusBad(results);
  const points = (value: typeof bands.index): string => (value === null ? "" : value.toString());
  // Percent points (50 = 50%) shown like the rates: "50.0%".
  const share = (value: typeof bands.index): string => formatPercent(value === null ? null : value.div(100));
  return {
    key: "health",
    title: `Health ヘルススコア (${scorecardLabel(results.length)}, latest snapshot on or before ${asOf})`,
    rows: [
      { metric: "healthAsOf", value: asOf, label: "as of", shown: asOf },
      { metric: "healthGood", value: String(bands.good), label: "Good", shown: `${bands.good} (${share(bands.goodPct)})` },
      { metric: "healthNormal", value: String(bands.normal), label: "Normal", shown: `${bands.normal} (${share(bands.normalPct)})` },
      { metric: "healthBad", value: String(bands.bad), label: "Bad", shown: `${bands.bad} (${share(bands.badPct)})` },
      { metric: "healthUnscored", value: String(bands.unscored), label: "unscored", shown: String(bands.unscored) },
      { metric: "goodMinusBad", value: points(bands.index), label: "Good−Bad", shown: bands.index === null ? "—" : `${formatPercent(bands.index.div(100), { signed: true }).replace("%", "")} points` },
    ],
    detail: results.map(
      (result) => `    ${result.customerId.padEnd(20)} ${result.score === null ? "   —" : result.score.toFixed(1).padStart(5)}  ${result.band ?? "unscored"}`,
    ),
    json: { asOf, bands, customers: results },
  };
}
