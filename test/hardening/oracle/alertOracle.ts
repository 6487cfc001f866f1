/**
 * The naive edge-trigger oracle for alerts (DOMAIN.md §5 "Alerts (indicators)"): for each customer and
 * rule, walk the snapshots in date order, evaluate the condition exactly, and fire when it is true and
 * was not true at the previous evaluable snapshot. Independent of src/: conditions use the health
 * oracle's exact signals and scores.
 */
import { parseDay } from "./calendar.js";
import { ratOfNumber } from "./doubles.js";
import { type OracleBand, type OracleScorecard, type OracleSignal, type OracleSnapshot, oracleScore, oracleSignal } from "./healthOracle.js";
import { type Rational, ONE, cmp, mul, sub } from "./rational.js";

export type OracleSubject = { readonly signal: OracleSignal } | { readonly metric: string } | { readonly score: true };

export type OracleAlertRule =
  | (OracleSubject & { readonly id: string; readonly below?: number; readonly above?: number })
  | (OracleSubject & { readonly id: string; readonly dropsBy: number; readonly days: number })
  | { readonly id: string; readonly bandBecomes: OracleBand }
  | { readonly id: string; readonly noContactForDays: number };

export interface OracleAlert {
  readonly at: string;
  readonly customerId: string;
  readonly ruleId: string;
  readonly kind: "threshold" | "drop" | "band" | "noContact";
}

function subjectValue(snapshot: OracleSnapshot, subject: OracleSubject, scorecard: OracleScorecard | undefined): Rational | null {
  if ("signal" in subject) return oracleSignal(snapshot, subject.signal);
  if ("metric" in subject) {
    const metrics = snapshot.metrics ?? {};
    return Object.hasOwn(metrics, subject.metric) ? ratOfNumber(metrics[subject.metric]!) : null;
  }
  const scored = scorecard === undefined ? null : oracleScore(snapshot, scorecard);
  return scored === null || scored.error ? null : scored.score;
}

/** The rule's condition on snapshot `k` of a date-sorted history: true, false, or null (not evaluable). */
function condition(rule: OracleAlertRule, history: readonly OracleSnapshot[], k: number, scorecard: OracleScorecard | undefined): boolean | null {
  const snapshot = history[k]!;
  if ("noContactForDays" in rule) {
    if (snapshot.lastContactAt === undefined) return null;
    return parseDay(snapshot.at) - parseDay(snapshot.lastContactAt) >= rule.noContactForDays;
  }
  if ("bandBecomes" in rule) {
    const scored = scorecard === undefined ? null : oracleScore(snapshot, scorecard);
    return scored === null || scored.error || scored.band === null ? null : scored.band === rule.bandBecomes;
  }
  const value = subjectValue(snapshot, rule, scorecard);
  if (value === null) return null;
  if ("dropsBy" in rule) {
    const cutoff = parseDay(snapshot.at) - rule.days;
    const earlier = history.filter((s) => parseDay(s.at) <= cutoff);
    const reference = earlier.length === 0 ? null : subjectValue(earlier[earlier.length - 1]!, rule, scorecard);
    if (reference === null || cmp(reference, { n: 0n, d: 1n }) <= 0) return null;
    return cmp(value, mul(reference, sub(ONE, ratOfNumber(rule.dropsBy)))) <= 0;
  }
  const below = "below" in rule && rule.below !== undefined && cmp(value, ratOfNumber(rule.below)) < 0;
  const above = "above" in rule && rule.above !== undefined && cmp(value, ratOfNumber(rule.above)) > 0;
  return below || above;
}

const kindOf = (rule: OracleAlertRule): OracleAlert["kind"] =>
  "noContactForDays" in rule ? "noContact" : "bandBecomes" in rule ? "band" : "dropsBy" in rule ? "drop" : "threshold";

/** Every alert, sorted by date, customer id, rule id. */
export function oracleAlerts(snapshots: readonly OracleSnapshot[], rules: readonly OracleAlertRule[], scorecard?: OracleScorecard): OracleAlert[] {
  const customers = [...new Set(snapshots.map((s) => s.customerId))];
  const alerts: OracleAlert[] = [];
  for (const customerId of customers) {
    const history = snapshots.filter((s) => s.customerId === customerId).sort((a, b) => parseDay(a.at) - parseDay(b.at));
    for (const rule of rules) {
      let previous = false;
      history.forEach((snapshot, k) => {
        const now = condition(rule, history, k, scorecard);
        if (now === null) return;
        if (now && !previous) alerts.push({ at: snapshot.at, customerId, ruleId: rule.id, kind: kindOf(rule) });
        previous = now;
      });
    }
  }
  const key = (a: OracleAlert): string => `${a.at}\u0000${a.customerId}\u0000${a.ruleId}`;
  return alerts.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
