/**
 * KPI series: one revenue report per month or quarter of a period, optionally over a trailing
 * window (TTM NRR and GRR).
 * @module
 */
import { addMonthsToDay, formatCalendarDate, formatMonth } from "../dates/calendarDate.js";
import { monthsOf, resolvePeriod } from "../dates/period.js";
import { ValidationError } from "../errors.js";
import { readOptions } from "../schemas/options.js";
import type { Period, PeriodInput } from "../schemas/period.js";
import { describeValue } from "../schemas/primitives.js";
import { type ContractsInput, toContractBook } from "./contractBook.js";
import { type RevenueReport, type RevenueReportOptions, revenueReport } from "./revenueReport.js";

/** How long each step of a {@link revenueSeries} is. */
export type SeriesStep = "month" | "quarter";

/** Options of {@link revenueSeries}: the step, the window, and {@link revenueReport}'s options. */
export interface RevenueSeriesOptions extends RevenueReportOptions {
  /** `"month"` (default): calendar months; `"quarter"`: three-month steps from the period's start. */
  readonly every?: SeriesStep;
  /**
   * Months each report covers, ending with its step (whole number 1–120). Absent: the step itself.
   * `12` gives trailing-twelve-month reports (TTM NRR, GRR) at every step.
   */
  readonly window?: number;
}

/** One step of a {@link RevenueSeries}. */
export interface RevenueSeriesStep {
  /** The step: a month (`"2025-04"`) or a quarter (`"FY2025-Q1"`, or `"2025-04/2025-06"` for an unlabelled period). */
  readonly step: Period;
  /** The report of the step, or of the window ending with it. */
  readonly report: RevenueReport;
}

/** {@link revenueSeries}' result. */
export interface RevenueSeries {
  readonly currency: string;
  readonly period: Period;
  readonly every: SeriesStep;
  /** The window in months, or `null` when each report covers its step. */
  readonly window: number | null;
  readonly steps: readonly RevenueSeriesStep[];
}

function readEvery(value: unknown): SeriesStep {
  if (value === undefined || value === "month" || value === "quarter") return value ?? "month";
  throw new ValidationError([{ path: "options.every", message: `must be "month" or "quarter" (got ${describeValue(value)})` }]);
}

function readWindow(value: unknown): number | null {
  if (value === undefined) return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 120) {
    throw new ValidationError([{ path: "options.window", message: `must be a whole number of months from 1 to 120 (got ${describeValue(value)})` }]);
  }
  return value;
}

/** Three-month steps from the period's start, the last one clipped to its end. */
function quartersOf(period: Period, startDay: number, endDay: number): Period[] {
  const quarters: Period[] = [];
  for (let index = 0; ; index++) {
    const start = addMonthsToDay(startDay, 3 * index);
    if (start >= endDay) break;
    const end = Math.min(addMonthsToDay(startDay, 3 * (index + 1)), endDay);
    const label = period.label === undefined ? `${formatMonth(start)}/${formatMonth(end - 1)}` : `${period.label}-Q${index + 1}`;
    quarters.push({ start: formatCalendarDate(start), end: formatCalendarDate(end), label });
  }
  return quarters;
}

/**
 * A KPI series: {@link revenueReport} for every month or quarter of a period, or for the trailing
 * window ending with each (TTM NRR and GRR month by month).
 *
 * @remarks Steps: the calendar months the period overlaps (clipped to it, as {@link monthsOf}), or
 * three-month steps from its start (the fiscal quarters of a fiscal year). Each step's report is
 * `revenueReport(contracts, step)`, or with `window: w`, `revenueReport(contracts, [step end − w
 * months, step end))` labelled `"T12M to 2025-06"` — dashboards chart each figure per report
 * interval (ChartMogul: month, quarter or year); a trailing-twelve-month NRR is the figure boards quote. The book is built once; the
 * months' movements chain (one month's ending MRR is the next one's starting MRR).
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param period - The span the steps cover.
 * @param options - `every` (`"month"` default, `"quarter"`), `window` (months, 1–120), and
 * {@link revenueReport}'s `proration` and `subtractReactivation`.
 * @returns One step per month or quarter, in time order.
 * @throws {@link ValidationError} for a bad option or contract, {@link CurrencyMismatchError}, {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { revenueSeries, quarter } from "cs-metrics";
 * const series = revenueSeries([
 *   { id: "1", customerId: "a", start: "2024-01-01", amount: 100, currency: "USD" },
 *   { id: "2", customerId: "a", start: "2025-02-01", amount: 20, currency: "USD" },
 *   { id: "3", customerId: "b", start: "2024-01-01", end: "2025-03-01", amount: 50, currency: "USD" },
 * ], quarter(2025, 1));
 * // January flat (150); February a expands by 20; March b churns 50 of 170.
 * series.steps.map((s) => s.step.label); //=> ["2025-01", "2025-02", "2025-03"]
 * // NRR: 150 / 150 = 1; 170 / 150 = 1.1333…; 120 / 170 = 0.7059…
 * series.steps.map((s) => s.report.rates.nrr?.toDecimalPlaces(4).toString()); //=> ["1", "1.1333", "0.7059"]
 * ```
 */
export function revenueSeries(contracts: ContractsInput, period: PeriodInput, options: RevenueSeriesOptions = {}): RevenueSeries {
  const resolved = resolvePeriod(period);
  const read = readOptions(options);
  const every = readEvery(read.every);
  const window = readWindow(read.window);
  const book = toContractBook(contracts);
  const steps = every === "month" ? monthsOf(resolved.period) : quartersOf(resolved.period, resolved.startDay, resolved.endDay);
  return {
    currency: book.currency,
    period: resolved.period,
    every,
    window,
    steps: steps.map((step) => {
      if (window === null) return { step, report: revenueReport(book, step, options) };
      const end = resolvePeriod(step).endDay;
      const windowPeriod = { start: formatCalendarDate(addMonthsToDay(end, -window)), end: step.end, label: `T${window}M to ${step.label!}` };
      return { step, report: revenueReport(book, windowPeriod, options) };
    }),
  };
}
