/**
 * The Good−Bad index week by week or month by month (TOWN reviews it weekly as an OKR), with the band
 * composition of every step.
 * @module
 */
import { parseCalendarDate, formatCalendarDate } from "../dates/calendarDate.js";
import { type DayRange, weeksOf } from "../dates/isoWeek.js";
import { monthsOf, resolvePeriod } from "../dates/period.js";
import { ValidationError } from "../errors.js";
import type { ContractsInput } from "../revenue/contractBook.js";
import { readOptions } from "../schemas/options.js";
import type { PeriodInput } from "../schemas/period.js";
import { describeValue } from "../schemas/primitives.js";
import { type ScorecardInput, parseScorecard } from "../schemas/scorecard.js";
import type { UsageSnapshotInput } from "../schemas/usageSnapshot.js";
import { type LatestSnapshot, activeBook, payingCustomersOn, scoreEverySnapshot, scorePayingCustomers } from "./customerScope.js";
import { type GoodMinusBad, goodMinusBad } from "./goodMinusBad.js";
import { compileScorecard } from "./scorecardEvaluation.js";
import { latestIndexOnOrBefore, snapshotHistories } from "./snapshotHistory.js";

/** Step length of {@link goodMinusBadSeries}. */
export type GoodMinusBadStep = "week" | "month";

/** Options of {@link goodMinusBadSeries}. */
export interface GoodMinusBadSeriesOptions {
  /** The period the series covers, `[start, end)`, e.g. `quarter(2026, 1)`. */
  readonly period: PeriodInput;
  /** `"week"` (ISO weeks, Monday to Sunday; default) or `"month"` (calendar months). */
  readonly every?: GoodMinusBadStep;
  /** Contracts saying who is a customer: as in {@link scoreCustomers}, only customers with MRR > 0 on each step's date are counted. */
  readonly activeIn?: ContractsInput;
}

/** One step of {@link GoodMinusBadSeries}. */
export interface GoodMinusBadSeriesStep {
  /** `2026-W02` (ISO week) or `2026-01`. */
  readonly label: string;
  /** First day of the step within the period, `YYYY-MM-DD`. */
  readonly start: string;
  /** First day after the step (exclusive), `YYYY-MM-DD`. */
  readonly end: string;
  /** The date scored: the step's last day (end − 1 day). */
  readonly asOf: string;
  /** Band counts, shares and the index: {@link goodMinusBad} of the customers' latest snapshots on or before `asOf`. */
  readonly bands: GoodMinusBad;
}

/** {@link goodMinusBadSeries}'s result. */
export interface GoodMinusBadSeries {
  readonly every: GoodMinusBadStep;
  /** One step per week or month overlapping the period, oldest first. */
  readonly steps: readonly GoodMinusBadSeriesStep[];
}

function readEvery(value: unknown): GoodMinusBadStep {
  if (value === undefined) return "week";
  if (value === "week" || value === "month") return value;
  throw new ValidationError([{ path: "options.every", message: `must be "week" or "month" (got ${describeValue(value)})` }]);
}

/**
 * The Good−Bad index and band composition at every week (or month) of a period.
 *
 * @remarks
 * Steps: with `every: "week"`, the ISO 8601 weeks (Monday to Sunday, labelled `2026-W02`) overlapping
 * the period; with `"month"`, its calendar months; the first and last steps are cut to the period.
 * Each step is scored on its last day (asOf = end − 1 day): every customer's latest snapshot dated on
 * or before asOf is scored with the scorecard, and the step's `bands` is
 * {@link goodMinusBad}(those results) — index = 100 · (good − bad) / (good + normal + bad), in points.
 * So one step equals `goodMinusBad(scoreCustomers(snapshots, scorecard, { asOf }))` (with `activeIn`,
 * of its `scores`). A customer keeps its last snapshot's band until a newer one arrives: with monthly
 * snapshots, a weekly series moves only in the weeks where snapshots land. Input order does not matter.
 *
 * @param snapshots - Usage snapshots of any customers, in any order; not mutated.
 * @param scorecard - A scorecard (see {@link ScorecardSchema}).
 * @param options - `period`, `every` (default `"week"`), `activeIn`.
 * @returns The steps, oldest first.
 * @throws {@link ValidationError} for an invalid snapshot (`snapshots[3].at`), scorecard, `options.every`
 * or `options.activeIn`, two snapshots of one customer on one day, or `options` that is missing or not an object.
 * @throws {@link InvalidPeriodError} for an invalid `options.period`.
 * @example
 * ```ts
 * import { goodMinusBadSeries } from "cs-metrics";
 * const scorecard = { measures: [{ metric: "logins", weight: 1, scale: { type: "linear", worst: 0, best: 100 } }], bands: { good: 70, bad: 40 } } as const;
 * const snapshots = [
 *   { customerId: "a", at: "2026-01-05", metrics: { logins: 80 } }, // good
 *   { customerId: "b", at: "2026-01-05", metrics: { logins: 20 } }, // bad
 *   { customerId: "b", at: "2026-01-12", metrics: { logins: 75 } }, // good from week 2
 * ];
 * const series = goodMinusBadSeries(snapshots, scorecard, { period: { start: "2026-01-05", end: "2026-01-19" } });
 * series.steps.map((s) => [s.label, s.asOf, s.bands.index?.toString()]); //=> [["2026-W02", "2026-01-11", "0"], ["2026-W03", "2026-01-18", "100"]]
 * ```
 */
export function goodMinusBadSeries(
  snapshots: readonly UsageSnapshotInput[],
  scorecard: ScorecardInput,
  options: GoodMinusBadSeriesOptions,
): GoodMinusBadSeries {
  if (options === undefined) throw new ValidationError([{ path: "options", message: "is required: { period, every }" }]);
  const read = readOptions(options);
  const every = readEvery(read.every);
  const resolved = resolvePeriod(read.period as PeriodInput, "options.period");
  const compiled = compileScorecard(parseScorecard(scorecard));
  const histories = snapshotHistories(snapshots);
  const book = read.activeIn === undefined ? undefined : activeBook(read.activeIn);
  const ranges: DayRange[] =
    every === "week"
      ? weeksOf(resolved.startDay, resolved.endDay)
      : monthsOf(resolved.period).map((m) => ({ start: parseCalendarDate(m.start)!, end: parseCalendarDate(m.end)!, label: m.label! }));
  const steps = ranges.map((range): GoodMinusBadSeriesStep => {
    const asOf = range.end - 1;
    const latest: LatestSnapshot[] = [];
    for (const history of histories) {
      const position = latestIndexOnOrBefore(history.snapshots, asOf);
      if (position < 0) continue;
      const entry = history.snapshots[position]!;
      latest.push({ snapshot: entry.snapshot, path: `snapshots[${entry.index}]` });
    }
    const paying = payingCustomersOn(book, asOf);
    const results = paying === null ? scoreEverySnapshot(compiled, latest) : scorePayingCustomers(compiled, latest, paying).scores;
    return { label: range.label, start: formatCalendarDate(range.start), end: formatCalendarDate(range.end), asOf: formatCalendarDate(asOf), bands: goodMinusBad(results) };
  });
  return { every, steps };
}
