/**
 * `--format html`: the review page of the CLI's inputs — the revenue report, cohorts of the same
 * contracts and, with `--usage`, the priority quadrant and (with `--scorecard`) the health bands at
 * each month end of the period. `cs-metrics/review` (and so vega) is loaded only here, only then.
 * @module
 */
import { addMonthsToDay, formatCalendarDate, parseCalendarDate, startOfMonthDay } from "../dates/calendarDate.js";
import { goodMinusBad } from "../health/goodMinusBad.js";
import { priorityQuadrant } from "../health/priorityQuadrant.js";
import { scoreCustomers } from "../health/scoreCustomers.js";
import { cohortRetention } from "../revenue/cohortRetention.js";
import type { ContractBook } from "../revenue/contractBook.js";
import type { RevenueReport } from "../revenue/revenueReport.js";
import type { ScorecardInput } from "../schemas/scorecard.js";
import type { UsageSnapshotInput } from "../schemas/usageSnapshot.js";
import type { ReviewLanguage } from "../review/labels.js";
import type { ReviewSource } from "../review/reviewInput.js";
import { lastDayOf } from "./healthSection.js";

/** The quadrant's settings on the page: 50% thresholds and a 30-day contact window (docs/cli.md). */
export const QUADRANT_DEFAULTS = { deploymentThreshold: 0.5, utilizationThreshold: 0.5, contactWithinDays: 30 } as const;

/** Usage inputs of the page. */
export interface ReviewUsageInput {
  readonly snapshots: readonly UsageSnapshotInput[];
  readonly scorecard: ScorecardInput | undefined;
}

/** Each month's last day inside `[start, end)`, and `lastDay` itself when the period ends mid-month. */
export function monthEnds(start: string, lastDay: string): string[] {
  const first = parseCalendarDate(start)!;
  const last = parseCalendarDate(lastDay)!;
  const days: string[] = [];
  for (let month = startOfMonthDay(first); month <= last; month = addMonthsToDay(month, 1)) {
    // The first month's end is on or after `first`, which lies in that month.
    days.push(formatCalendarDate(Math.min(addMonthsToDay(month, 1) - 1, last)));
  }
  return days;
}

/** The HTML page of the report (the page's text). */
export async function reviewPageHtml(
  book: ContractBook,
  report: RevenueReport,
  usage: ReviewUsageInput | undefined,
  sources: readonly ReviewSource[],
  lang: ReviewLanguage,
): Promise<string> {
  const asOf = lastDayOf(report.period);
  const reviewUsage =
    usage === undefined
      ? undefined
      : {
          asOf,
          ...QUADRANT_DEFAULTS,
          customers: priorityQuadrant(usage.snapshots, { asOf, ...QUADRANT_DEFAULTS }),
          ...(usage.scorecard === undefined
            ? {}
            : {
                bands: monthEnds(report.period.start, asOf).map((day) => ({
                  label: day.slice(0, 7),
                  bands: goodMinusBad(scoreCustomers(usage.snapshots, usage.scorecard!, { asOf: day })),
                })),
              }),
        };
  const { reviewHtml } = await import("../review/reviewHtml.js");
  return reviewHtml({ report, cohorts: cohortRetention(book, report.period), sources, ...(reviewUsage === undefined ? {} : { usage: reviewUsage }) }, { lang });
}
