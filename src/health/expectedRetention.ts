/**
 * Expected retention (見込み継続率), DOMAIN.md §5: historical renewal rates per health band, applied to
 * today's bands.
 * @module
 */
import { Decimal } from "decimal.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { ExactDecimal, ratio } from "../money/exactDecimal.js";

/** Exact sums of rates × counts: a rate has at most a few thousand digits, so nothing is rounded. */
const ExactSum = ExactDecimal.clone({ precision: 1_000_000 });
import { describeValue } from "../schemas/primitives.js";
import { HEALTH_BANDS, type HealthBand } from "./scorecardEvaluation.js";

/** One past renewal decision: the customer's band before its renewal date, and whether it renewed. */
export interface RenewalRecord {
  readonly customerId: string;
  /** The band the customer was in when the renewal was decided (e.g. 90 days before its renewal date). */
  readonly band: HealthBand;
  readonly renewed: boolean;
}

/** Renewals and decisions of one band. */
export interface BandRenewals {
  readonly renewed: number;
  readonly total: number;
}

/** {@link renewalRateByBand}'s result: a rate per band (renewed / total, `null` when the band has no record), plus the counts. */
export interface RenewalRateByBand {
  readonly good: Decimal | null;
  readonly normal: Decimal | null;
  readonly bad: Decimal | null;
  readonly counts: { readonly [Band in HealthBand]: BandRenewals };
}

/** What {@link expectedRetention} needs: a renewal rate per band (a ratio 0–1), `null` when unknown. */
export type RenewalRates = { readonly [Band in HealthBand]: Decimal.Value | null };

/** {@link expectedRetention}'s result. */
export interface ExpectedRetention {
  /** Customers with a band (unscored ones are left out). */
  readonly customers: number;
  /** Customers with `band: null`, not counted. */
  readonly unscored: number;
  /** Σ over customers of their band's renewal rate; `null` when a band in use has no rate. */
  readonly expectedRenewals: Decimal | null;
  /** expectedRenewals / customers (見込み継続率), a ratio; `null` when there are no customers or a rate is unknown. */
  readonly rate: Decimal | null;
  /** Customers per band today. */
  readonly byBand: { readonly [Band in HealthBand]: number };
}

/**
 * Historical renewal rate of each health band.
 *
 * @remarks
 * rate(band) = |{records with that band and renewed}| / |{records with that band}| (DOMAIN.md §5,
 * 見込み継続率). One record per renewal decision: a customer that renewed twice appears twice.
 *
 * @param history - Renewal records `{ customerId, band, renewed }`, in any order; not mutated.
 * @returns Exact rates per band (`null` for a band without records) and the counts.
 * @throws {@link ValidationError} when a record is malformed (`history[2].renewed: must be true or false`).
 * @example
 * ```ts
 * import { renewalRateByBand } from "cs-metrics";
 * const rates = renewalRateByBand([
 *   { customerId: "a", band: "good", renewed: true },
 *   { customerId: "b", band: "good", renewed: true },
 *   { customerId: "c", band: "bad", renewed: false },
 *   { customerId: "d", band: "bad", renewed: true },
 * ]);
 * rates.good?.toString(); //=> "1"
 * rates.bad?.toString(); //=> "0.5"
 * rates.normal; //=> null
 * ```
 */
export function renewalRateByBand(history: readonly RenewalRecord[]): RenewalRateByBand {
  if (!Array.isArray(history)) throw new ValidationError([{ path: "history", message: "must be an array of renewal records" }]);
  const issues: ValidationIssue[] = [];
  const renewed = { good: 0, normal: 0, bad: 0 };
  const total = { good: 0, normal: 0, bad: 0 };
  history.forEach((record, index) => {
    const path = `history[${index}]`;
    if (typeof record !== "object" || record === null) {
      issues.push({ path, message: `must be a renewal record { customerId, band, renewed } (got ${describeValue(record)})` });
      return;
    }
    const band: HealthBand = record.band;
    const bandOk = HEALTH_BANDS.includes(band);
    if (typeof record.customerId !== "string" || record.customerId.length === 0) {
      issues.push({ path: `${path}.customerId`, message: `must be a non-empty string (got ${describeValue(record.customerId)})` });
    }
    if (!bandOk) issues.push({ path: `${path}.band`, message: `must be "good", "normal" or "bad" (got ${describeValue(record.band)})` });
    if (typeof record.renewed !== "boolean") issues.push({ path: `${path}.renewed`, message: `must be true or false (got ${describeValue(record.renewed)})` });
    else if (bandOk) {
      total[band]++;
      if (record.renewed === true) renewed[band]++;
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
  const rate = (band: HealthBand): Decimal | null => ratio(BigInt(renewed[band]), BigInt(total[band]));
  return {
    good: rate("good"),
    normal: rate("normal"),
    bad: rate("bad"),
    counts: {
      good: { renewed: renewed.good, total: total.good },
      normal: { renewed: renewed.normal, total: total.normal },
      bad: { renewed: renewed.bad, total: total.bad },
    },
  };
}

function readRate(value: Decimal.Value | null | undefined, band: HealthBand, issues: ValidationIssue[]): Decimal | null {
  if (value === null) return null;
  const path = `renewalRateByBand.${band}`;
  try {
    const rate = new ExactDecimal(value as Decimal.Value);
    if (rate.isFinite() && rate.gte(0) && rate.lte(1)) return rate;
  } catch {
    // reported below
  }
  issues.push({ path, message: `must be a ratio between 0 and 1, or null (got ${describeValue(value)})` });
  return null;
}

/**
 * Validates a renewal rate per band (a ratio in [0, 1], or `null` when unknown) into exact Decimals.
 * @throws {@link ValidationError} at `renewalRateByBand.<band>` for a rate that is not one.
 */
export function readRenewalRates(renewalRates: RenewalRates): { readonly [Band in HealthBand]: Decimal | null } {
  const issues: ValidationIssue[] = [];
  const rates = collectRenewalRates(renewalRates, issues);
  if (issues.length > 0) throw new ValidationError(issues);
  return rates;
}

/** The rates per band read, each problem pushed onto `issues`. */
function collectRenewalRates(renewalRates: RenewalRates, issues: ValidationIssue[]): { readonly [Band in HealthBand]: Decimal | null } {
  return {
    good: readRate(renewalRates?.good, "good", issues),
    normal: readRate(renewalRates?.normal, "normal", issues),
    bad: readRate(renewalRates?.bad, "bad", issues),
  };
}

/**
 * Expected retention (見込み継続率): today's customers weighted by their band's historical renewal rate.
 *
 * @remarks
 * expectedRenewals = Σ_band n(band) · rate(band); rate = expectedRenewals / Σ_band n(band), where n(band)
 * is the number of customers in that band today (DOMAIN.md §5). A logo (customer-count) rate, exact.
 *
 * @param currentBands - Today's results, e.g. from {@link scoreCustomers} (only `band` is read; `null` = unscored, left out); not mutated.
 * @param renewalRates - A rate per band, e.g. {@link renewalRateByBand}'s result.
 * @returns Counts, expected renewals and the rate; `rate` is `null` when no customer has a band, and both
 * are `null` when a band that has customers today has no rate.
 * @throws {@link ValidationError} when a rate is not a ratio in [0, 1] (`renewalRateByBand.good`), when
 * `currentBands` is not an array (`currentBands`), or when an entry's band is not `"good"`, `"normal"`,
 * `"bad"` or `null` (`currentBands[3].band`).
 * @example
 * ```ts
 * import { expectedRetention } from "cs-metrics";
 * const bands = [{ band: "good" }, { band: "good" }, { band: "normal" }, { band: "bad" }] as const;
 * const result = expectedRetention(bands, { good: "0.95", normal: "0.85", bad: "0.5" });
 * result.expectedRenewals?.toString(); //=> "3.25"
 * result.rate?.toString(); //=> "0.8125"
 * ```
 */
export function expectedRetention(
  currentBands: readonly { readonly band: HealthBand | null }[],
  renewalRates: RenewalRates,
): ExpectedRetention {
  const issues: ValidationIssue[] = [];
  const rates = collectRenewalRates(renewalRates, issues);
  if (!Array.isArray(currentBands)) issues.unshift({ path: "currentBands", message: `must be an array of health results (got ${describeValue(currentBands)})` });
  if (issues.length > 0) throw new ValidationError(issues);
  const byBand = { good: 0, normal: 0, bad: 0 };
  let unscored = 0;
  currentBands.forEach((result: unknown, index) => {
    const band = typeof result === "object" && result !== null ? (result as { readonly band?: unknown }).band : undefined;
    if (band === null) unscored++;
    else if (band === "good" || band === "normal" || band === "bad") byBand[band]++;
    else issues.push({ path: `currentBands[${index}].band`, message: `must be "good", "normal", "bad" or null (got ${describeValue(band)})` });
  });
  if (issues.length > 0) throw new ValidationError(issues);
  const customers = byBand.good + byBand.normal + byBand.bad;
  // Σ n(band) · rate(band) exactly (no rounding before the one division: rounding the sum to 40 digits
  // first rounded twice, e.g. (0.9 + 1.0000000000000001e-40) / 2).
  let expected: Decimal | null = new ExactSum(0);
  for (const band of HEALTH_BANDS) {
    if (byBand[band] === 0 || expected === null) continue;
    const rate = rates[band];
    expected = rate === null ? null : expected.plus(new ExactSum(rate).times(byBand[band]));
  }
  return {
    customers,
    unscored,
    expectedRenewals: expected === null ? null : new Decimal(expected),
    rate: expected === null || customers === 0 ? null : new Decimal(new ExactDecimal(expected).div(customers)),
    byBand,
  };
}
