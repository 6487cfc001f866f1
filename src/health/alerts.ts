/**
 * Edge-triggered health alerts (indicators) over customers' snapshot histories, DOMAIN.md §5.
 * @module
 */
import type { EpochDay } from "../dates/calendarDate.js";
import { cachedEpochDay } from "./calendarDayCache.js";
import { compareIds } from "../ids/compareIds.js";
import { readOptions } from "../schemas/options.js";
import { type ScorecardInput, parseScorecard } from "../schemas/scorecard.js";
import type { UsageSnapshotInput } from "../schemas/usageSnapshot.js";
import { type AlertRule, type AlertRuleInput, type Subject, parseAlertRules } from "./alertRules.js";
import { type Rational, compare, multiply, rationalOf, subtract, toNumber, quotient } from "./rational.js";
import { type CompiledScorecard, type ExactHealthScore, type HealthBand, compileScorecard, scoreSnapshotExact } from "./scorecardEvaluation.js";
import { signalRational, signalValue } from "./signals.js";
import { type CustomerHistory, latestIndexOnOrBefore, snapshotHistories } from "./snapshotHistory.js";

/** Options of {@link evaluateAlerts}. */
export interface EvaluateAlertsOptions {
  /** The scorecard that rules on `score` and `bandBecomes` rules use. */
  readonly scorecard?: ScorecardInput;
}

interface AlertBase {
  readonly ruleId: string;
  readonly customerId: string;
  /** Date of the snapshot on which the condition became true, `YYYY-MM-DD`. */
  readonly at: string;
}

/** A threshold rule fired: `value` went below `limit` (`side: "below"`) or above it. */
export interface ThresholdAlert extends AlertBase {
  readonly kind: "threshold";
  /** `"score"`, the signal name or the metrics key. */
  readonly measure: string;
  readonly value: number;
  readonly side: "below" | "above";
  readonly limit: number;
}

/** A drop rule fired: `value` is at least `dropsBy` below `reference` (the value on `referenceAt`). */
export interface DropAlert extends AlertBase {
  readonly kind: "drop";
  readonly measure: string;
  readonly value: number;
  readonly reference: number;
  readonly referenceAt: string;
  /** (reference − value) / reference. */
  readonly drop: number;
}

/** A band rule fired: the band became `band` (`previousBand` on the customer's previous scored snapshot, or `null`). */
export interface BandAlert extends AlertBase {
  readonly kind: "band";
  readonly band: HealthBand;
  readonly previousBand: HealthBand | null;
  readonly score: number;
}

/** A no-contact rule fired: `daysSinceContact` ≥ the rule's days. */
export interface NoContactAlert extends AlertBase {
  readonly kind: "noContact";
  readonly lastContactAt: string;
  readonly daysSinceContact: number;
}

/** One fired alert. */
export type HealthAlert = ThresholdAlert | DropAlert | BandAlert | NoContactAlert;

interface Observed {
  readonly exact: Rational;
  readonly value: number;
}

/** One customer's history with lazily computed exact scores. */
class Timeline {
  private readonly scores: (ExactHealthScore | undefined)[];

  constructor(
    readonly history: CustomerHistory,
    private readonly scorecard: CompiledScorecard | null,
  ) {
    this.scores = new Array<ExactHealthScore | undefined>(history.snapshots.length);
  }

  score(k: number): ExactHealthScore {
    let score = this.scores[k];
    if (score === undefined) {
      const entry = this.history.snapshots[k]!;
      score = scoreSnapshotExact(this.scorecard!, entry.snapshot, `history[${entry.index}]`);
      this.scores[k] = score;
    }
    return score;
  }

  observe(subject: Subject, k: number): Observed | null {
    const snapshot = this.history.snapshots[k]!.snapshot;
    if (subject.kind === "signal") {
      const exact = signalRational(snapshot, subject.signal);
      return exact === null ? null : { exact, value: signalValue(snapshot, subject.signal)! };
    }
    if (subject.kind === "metric") {
      const value = Object.hasOwn(snapshot.metrics, subject.metric) ? snapshot.metrics[subject.metric] : undefined;
      return value === undefined ? null : { exact: rationalOf(value), value };
    }
    const { result, exactScore } = this.score(k);
    return exactScore === null ? null : { exact: exactScore, value: result.score! };
  }
}

function subjectName(subject: Subject): string {
  return subject.kind === "signal" ? subject.signal : subject.kind === "metric" ? subject.metric : "score";
}

/**
 * The rule's condition on snapshot k: an alert (condition true), `false` (condition false, clears the
 * rule), or `null` (cannot be evaluated: a value is missing; the rule's state is unchanged).
 */
function condition(rule: AlertRule, timeline: Timeline, k: number): HealthAlert | false | null {
  const entry = timeline.history.snapshots[k]!;
  const base = { ruleId: rule.id, customerId: timeline.history.customerId, at: entry.snapshot.at };
  switch (rule.kind) {
    case "threshold": {
      const observed = timeline.observe(rule.subject, k);
      if (observed === null) return null;
      const measure = subjectName(rule.subject);
      if (rule.below !== null && compare(observed.exact, rationalOf(rule.below)) < 0) {
        return { kind: "threshold", ...base, measure, value: observed.value, side: "below", limit: rule.below };
      }
      if (rule.above !== null && compare(observed.exact, rationalOf(rule.above)) > 0) {
        return { kind: "threshold", ...base, measure, value: observed.value, side: "above", limit: rule.above };
      }
      return false;
    }
    case "drop": {
      const position = latestIndexOnOrBefore(timeline.history.snapshots, entry.day - rule.days);
      if (position < 0) return null;
      const reference = timeline.observe(rule.subject, position);
      const current = timeline.observe(rule.subject, k);
      if (reference === null || current === null || reference.exact.n <= 0n) return null;
      // dropped by ≥ dropsBy ⇔ current ≤ reference · (1 − dropsBy)
      const floor = multiply(reference.exact, subtract({ n: 1n, d: 1n }, rationalOf(rule.dropsBy)));
      if (compare(current.exact, floor) > 0) return false;
      const drop = toNumber(quotient(subtract(reference.exact, current.exact), reference.exact));
      return {
        kind: "drop",
        ...base,
        measure: subjectName(rule.subject),
        value: current.value,
        reference: reference.value,
        referenceAt: timeline.history.snapshots[position]!.snapshot.at,
        drop,
      };
    }
    case "band": {
      const { result } = timeline.score(k);
      if (result.band === null) return null;
      if (result.band !== rule.band) return false;
      let previousBand: HealthBand | null = null;
      for (let j = k - 1; j >= 0 && previousBand === null; j--) previousBand = timeline.score(j).result.band;
      return { kind: "band", ...base, band: result.band, previousBand, score: result.score! };
    }
    case "noContact": {
      const contact = entry.snapshot.lastContactAt;
      if (contact === null) return null;
      const daysSinceContact = entry.day - (cachedEpochDay(contact) as EpochDay);
      if (daysSinceContact < rule.days) return false;
      return { kind: "noContact", ...base, lastContactAt: contact, daysSinceContact };
    }
  }
}

function compareAlerts(a: HealthAlert, b: HealthAlert): number {
  return compareIds(a.at, b.at) || compareIds(a.customerId, b.customerId) || compareIds(a.ruleId, b.ruleId);
}

/**
 * Evaluates alert rules over customers' usage histories; each alert fires once, when its condition becomes true.
 *
 * @remarks
 * For each customer and rule, snapshots are read in date order and the rule's condition is evaluated on
 * each one. Edge-triggered: the alert fires on a snapshot where the condition is true and was not true on
 * the previous evaluated snapshot; it does not fire again while the condition stays true, and fires again
 * after the condition has been false and becomes true once more. A snapshot where the condition cannot be
 * evaluated (its value is missing) leaves the state unchanged. Conditions (compared exactly):
 * - threshold: value < below, or value > above;
 * - drop: value ≤ reference · (1 − dropsBy), where reference is the value on the customer's latest
 *   snapshot dated on or before at − days (not evaluable when there is none, it lacks the value, or it is ≤ 0);
 * - bandBecomes: the band (from `options.scorecard`) equals the rule's band — edge-triggering makes that
 *   "becomes"; a customer already in that band on its first scored snapshot fires there;
 * - noContactForDays: at − lastContactAt ≥ n days (not evaluable when `lastContactAt` is unknown).
 *
 * @param history - Usage snapshots of any customers, in any order (see {@link UsageSnapshotSchema}); not mutated.
 * @param rules - Alert rules; ids unique (see {@link AlertRuleInput}); not mutated.
 * @param options - `scorecard`, needed by rules on `score` and by `bandBecomes` rules.
 * @returns The alerts sorted by `at`, then customer id, then rule id; empty when none fired.
 * @throws {@link ValidationError} for invalid snapshots (`history[3].at`), rules (`rules[1].dropsBy`), a
 * duplicate rule id, a score or band rule without a scorecard, an invalid scorecard, two snapshots of one
 * customer on one day, a missing measure when the scorecard says `missing: "error"`, or `options` that is
 * not an object (`options`).
 * @example
 * ```ts
 * import { evaluateAlerts } from "cs-metrics";
 * const alerts = evaluateAlerts([
 *   { customerId: "acme", at: "2025-01-31", metrics: { logins: 100 } },
 *   { customerId: "acme", at: "2025-02-28", metrics: { logins: 40 } },
 *   { customerId: "acme", at: "2025-03-31", metrics: { logins: 30 } },
 * ], [{ id: "low-logins", metric: "logins", below: 50 }]);
 * alerts; //=> [{ kind: "threshold", ruleId: "low-logins", customerId: "acme", at: "2025-02-28", measure: "logins", value: 40, side: "below", limit: 50 }]
 * ```
 */
export function evaluateAlerts(
  history: readonly UsageSnapshotInput[],
  rules: readonly AlertRuleInput[],
  options: EvaluateAlertsOptions = {},
): HealthAlert[] {
  const { scorecard } = readOptions(options);
  const compiled = scorecard === undefined ? null : compileScorecard(parseScorecard(scorecard));
  const parsedRules = parseAlertRules(rules, compiled !== null);
  const alerts: HealthAlert[] = [];
  for (const customer of snapshotHistories(history, "history")) {
    const timeline = new Timeline(customer, compiled);
    for (const rule of parsedRules) {
      let active = false;
      for (let k = 0; k < customer.snapshots.length; k++) {
        const outcome = condition(rule, timeline, k);
        if (outcome === null) continue;
        if (outcome === false) active = false;
        else if (!active) {
          active = true;
          alerts.push(outcome);
        }
      }
    }
  }
  return alerts.sort(compareAlerts);
}
