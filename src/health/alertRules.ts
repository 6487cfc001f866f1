/**
 * Alert rules (indicators), DOMAIN.md §5, as the caller writes them, and their validation.
 * @module
 */
import { ValidationError, type ValidationIssue } from "../errors.js";
import { describeValue } from "../schemas/primitives.js";
import { HEALTH_BANDS, type HealthBand } from "./scorecardEvaluation.js";
import { SIGNAL_NAMES, type SignalName, isSignalName } from "./signals.js";

/** What a threshold or drop rule watches: one derived signal, one `metrics` key, or the health score. */
export type AlertSubject =
  | { readonly signal: SignalName; readonly metric?: never; readonly score?: never }
  | { readonly metric: string; readonly signal?: never; readonly score?: never }
  | { readonly score: true; readonly signal?: never; readonly metric?: never };

/** Fires when the value goes below `below` (strictly) or above `above` (strictly); give one or both. */
export type ThresholdRule = AlertSubject & {
  readonly id: string;
  readonly below?: number;
  readonly above?: number;
};

/**
 * Fires when the value has dropped by at least `dropsBy` (a fraction: 0.5 = 50%) against the reference:
 * the value on the customer's latest snapshot dated on or before `at − days`.
 */
export type DropRule = AlertSubject & {
  readonly id: string;
  /** A fraction in (0, 1]. */
  readonly dropsBy: number;
  /** How far back the reference is, in days (integer ≥ 1). */
  readonly days: number;
};

/** Fires when the customer's health band becomes `bandBecomes` (needs `options.scorecard`). */
export interface BandRule {
  readonly id: string;
  readonly bandBecomes: HealthBand;
}

/** Fires when the last proactive contact (`lastContactAt`) is at least `noContactForDays` days before the snapshot. */
export interface NoContactRule {
  readonly id: string;
  readonly noContactForDays: number;
}

/** An alert rule as the caller writes it. */
export type AlertRuleInput = ThresholdRule | DropRule | BandRule | NoContactRule;

/** A validated subject. */
export type Subject = { readonly kind: "signal"; readonly signal: SignalName } | { readonly kind: "metric"; readonly metric: string } | { readonly kind: "score" };

/** A validated rule. */
export type AlertRule =
  | { readonly kind: "threshold"; readonly id: string; readonly subject: Subject; readonly below: number | null; readonly above: number | null }
  | { readonly kind: "drop"; readonly id: string; readonly subject: Subject; readonly dropsBy: number; readonly days: number }
  | { readonly kind: "band"; readonly id: string; readonly band: HealthBand }
  | { readonly kind: "noContact"; readonly id: string; readonly days: number };

type Fields = Readonly<Record<string, unknown>>;

function finite(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function readSubject(rule: Fields, path: string, issues: ValidationIssue[]): Subject | null {
  const given = ["signal", "metric", "score"].filter((key) => rule[key] !== undefined);
  if (given.length !== 1) {
    issues.push({ path, message: "must watch exactly one of signal, metric or score" });
    return null;
  }
  if (rule.signal !== undefined) {
    if (typeof rule.signal === "string" && isSignalName(rule.signal)) return { kind: "signal", signal: rule.signal };
    issues.push({ path: `${path}.signal`, message: `unknown signal ${describeValue(rule.signal)} (known: ${SIGNAL_NAMES.join(", ")})` });
    return null;
  }
  if (rule.metric !== undefined) {
    if (typeof rule.metric === "string" && rule.metric.length > 0) return { kind: "metric", metric: rule.metric };
    issues.push({ path: `${path}.metric`, message: `must be a non-empty metrics key (got ${describeValue(rule.metric)})` });
    return null;
  }
  if (rule.score === true) return { kind: "score" };
  issues.push({ path: `${path}.score`, message: `must be true (got ${describeValue(rule.score)})` });
  return null;
}

function readRule(rule: Fields, path: string, issues: ValidationIssue[]): AlertRule | null {
  const id = rule.id;
  const before = issues.length;
  if (typeof id !== "string" || id.length === 0) issues.push({ path: `${path}.id`, message: `must be a non-empty string (got ${describeValue(id)})` });
  const check = (key: string, ok: (value: unknown) => boolean, expected: string): void => {
    if (!ok(rule[key])) issues.push({ path: `${path}.${key}`, message: `must be ${expected} (got ${describeValue(rule[key])})` });
  };
  let result: AlertRule | null = null;
  if (rule.bandBecomes !== undefined) {
    check("bandBecomes", (value) => HEALTH_BANDS.includes(value as HealthBand), '"good", "normal" or "bad"');
    result = { kind: "band", id: String(id), band: rule.bandBecomes as HealthBand };
  } else if (rule.noContactForDays !== undefined) {
    check("noContactForDays", (value) => Number.isInteger(value) && (value as number) >= 0, "an integer ≥ 0");
    result = { kind: "noContact", id: String(id), days: rule.noContactForDays as number };
  } else if (rule.dropsBy !== undefined) {
    check("dropsBy", (value) => finite(value) && value > 0 && value <= 1, "a fraction in (0, 1]");
    check("days", (value) => Number.isInteger(value) && (value as number) >= 1, "an integer ≥ 1");
    const subject = readSubject(rule, path, issues);
    if (subject !== null) result = { kind: "drop", id: String(id), subject, dropsBy: rule.dropsBy as number, days: rule.days as number };
  } else if (rule.below !== undefined || rule.above !== undefined) {
    if (rule.below !== undefined) check("below", finite, "a finite number");
    if (rule.above !== undefined) check("above", finite, "a finite number");
    const subject = readSubject(rule, path, issues);
    const below = rule.below === undefined ? null : (rule.below as number);
    const above = rule.above === undefined ? null : (rule.above as number);
    if (subject !== null) result = { kind: "threshold", id: String(id), subject, below, above };
  } else {
    issues.push({ path, message: "must have below/above (threshold), dropsBy and days (drop), bandBecomes, or noContactForDays" });
  }
  return issues.length > before ? null : result;
}

/**
 * Validates alert rules (paths `rules[2].dropsBy`); rule ids must be unique, and rules on the score or
 * the band need a scorecard.
 */
export function parseAlertRules(rules: readonly AlertRuleInput[], hasScorecard: boolean): AlertRule[] {
  if (!Array.isArray(rules)) throw new ValidationError([{ path: "rules", message: "must be an array of alert rules" }]);
  const issues: ValidationIssue[] = [];
  const parsed: AlertRule[] = [];
  const firstIndexOfId = new Map<string, number>();
  rules.forEach((input, index) => {
    const path = `rules[${index}]`;
    if (typeof input !== "object" || input === null || Array.isArray(input)) {
      issues.push({ path, message: `must be an alert rule object (got ${describeValue(input)})` });
      return;
    }
    const rule = readRule(input as Fields, path, issues);
    const id = (input as Fields).id;
    if (typeof id === "string") {
      const earlier = firstIndexOfId.get(id);
      if (earlier !== undefined) issues.push({ path: `${path}.id`, message: `duplicate rule id ${JSON.stringify(id)} (also rules[${earlier}])` });
      else firstIndexOfId.set(id, index);
    }
    if (rule === null) return;
    const needsScore = rule.kind === "band" || ((rule.kind === "threshold" || rule.kind === "drop") && rule.subject.kind === "score");
    if (needsScore && !hasScorecard) issues.push({ path, message: "watches the health score or band: pass options.scorecard" });
    parsed.push(rule);
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return parsed;
}
