/**
 * What the review page shows: the revenue report and, optionally, cohorts, usage (quadrant and health
 * bands) and where the data came from.
 * @module
 */
import type { GoodMinusBad } from "../health/goodMinusBad.js";
import type { QuadrantCustomer } from "../health/priorityQuadrant.js";
import type { CohortRetention } from "../revenue/cohortRetention.js";
import type { RevenueReport } from "../revenue/revenueReport.js";
import type { FigureFormat } from "./numbers.js";
import type { ReviewLabels, ReviewLanguage } from "./labels.js";

/** One input file of the review, for the data summary. */
export interface ReviewSource {
  /** What the file holds, as given (`"contracts"`, `"usage"`); shown as is. */
  readonly label: string;
  /** File name as the user gave it. */
  readonly file: string;
  /** Records read and validated. */
  readonly records: number;
  /** Rows skipped (rows of only blank cells in a CSV). Default 0. */
  readonly skipped?: number;
}

/** One point of the health band series on the page: a label (`"2025-06"`) and that day's Good−Bad. */
export interface ReviewBandPoint {
  readonly label: string;
  readonly bands: GoodMinusBad;
}

/** The usage part of the review: the priority quadrant and, with a scorecard, the health bands. */
export interface ReviewUsage {
  /** The day the quadrant was computed for (`YYYY-MM-DD`). */
  readonly asOf: string;
  /** `priorityQuadrant(snapshots, options)`'s result, ranked. */
  readonly customers: readonly QuadrantCustomer[];
  /** The thresholds given to `priorityQuadrant` (ratios) and its contact window in days. */
  readonly deploymentThreshold: number;
  readonly utilizationThreshold: number;
  readonly contactWithinDays: number;
  /** Health band distribution over time (e.g. each month end), when a scorecard is given. */
  readonly bands?: readonly ReviewBandPoint[];
}

/** Everything {@link reviewHtml} puts on the page. */
export interface ReviewInput {
  /** `revenueReport(…)`'s result: period, movements, rates, lost revenue. */
  readonly report: RevenueReport;
  /** `cohortRetention(…)` of the same contracts and period, for the heat map. */
  readonly cohorts?: CohortRetention;
  /** Usage: the quadrant, the contact table and health bands. */
  readonly usage?: ReviewUsage;
  /** The files read, for the data summary. */
  readonly sources?: readonly ReviewSource[];
}

/** Options of {@link reviewHtml}. */
export interface ReviewHtmlOptions {
  /** Language of every label, heading and explanation, and the locale of numbers. Default `"en"`. */
  readonly lang?: ReviewLanguage;
  /** Page title (the `<title>` and first heading). Default: "Customer success review" / "カスタマーサクセス レビュー". */
  readonly title?: string;
  /** Most rows of the "who to contact first" table (the rest are counted). Default 20. */
  readonly contactRows?: number;
}

/** What each section builder gets. */
export interface SectionContext {
  readonly labels: ReviewLabels;
  readonly format: FigureFormat;
}
