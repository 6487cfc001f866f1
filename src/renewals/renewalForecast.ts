/**
 * The renewal pipeline weighted by health (DOMAIN.md §8): ARR due on the renewals still ahead, times
 * the historical renewal rate of each customer's band.
 * @module
 */
import { Decimal } from "decimal.js";
import type { CalendarDate } from "../dates/calendarDate.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { type RenewalRates, readRenewalRates } from "../health/expectedRetention.js";
import { HEALTH_BANDS, type HealthBand } from "../health/scorecardEvaluation.js";
import { ExactDecimal } from "../money/exactDecimal.js";
import { describeValue } from "../schemas/primitives.js";
import type { Renewals } from "./renewals.js";

/** One pending renewal with its expected ARR. */
export interface ForecastRow {
  readonly customerId: string;
  readonly renewalDate: CalendarDate;
  /** `YYYY-MM` of the renewal date. */
  readonly month: string;
  readonly arrDue: Decimal;
  /** The customer's band; `null` when it has none (unscored, or not in `bands`). */
  readonly band: HealthBand | null;
  /** The band's renewal rate; `null` when the band or its rate is unknown. */
  readonly renewalRate: Decimal | null;
  /** arrDue × renewalRate; `null` when the rate is unknown. */
  readonly expectedArr: Decimal | null;
}

/** Totals of a set of forecast rows. */
export interface ForecastTotals {
  /** Pending renewals. */
  readonly renewals: number;
  /** Σ ARR due. */
  readonly arrDue: Decimal;
  /** Σ ARR due of the rows with a rate. */
  readonly ratedArrDue: Decimal;
  /** Σ ARR due of the rows without one (left out of `expectedArr`). */
  readonly unratedArrDue: Decimal;
  /** Σ expected ARR of the rows with a rate. */
  readonly expectedArr: Decimal;
  /** expectedArr / ratedArrDue: the ARR-weighted 見込み継続率; `null` when no row has a rate. */
  readonly expectedRenewalRate: Decimal | null;
}

/** {@link renewalForecast}'s result. */
export interface RenewalForecast {
  readonly currency: string;
  /** The pending renewals, in the order of `renewals.rows` (by date, then customer id). */
  readonly rows: readonly ForecastRow[];
  readonly totals: ForecastTotals;
  /** The same totals for every month of the renewals' period. */
  readonly byMonth: readonly (ForecastTotals & { readonly month: string })[];
}

/** Exact for products and sums of the inputs' decimals (no division happens at this precision). */
const Wide = Decimal.clone({ precision: 1000 });

function readBands(bands: unknown): Map<string, HealthBand | null> {
  if (!Array.isArray(bands)) throw new ValidationError([{ path: "bands", message: `must be an array of { customerId, band } (got ${describeValue(bands)})` }]);
  const issues: ValidationIssue[] = [];
  const byCustomer = new Map<string, HealthBand | null>();
  bands.forEach((entry: unknown, index) => {
    const path = `bands[${index}]`;
    if (typeof entry !== "object" || entry === null) {
      issues.push({ path, message: `must be { customerId, band } (got ${describeValue(entry)})` });
      return;
    }
    const { customerId, band } = entry as { customerId?: unknown; band?: unknown };
    if (typeof customerId !== "string" || customerId.length === 0) {
      issues.push({ path: `${path}.customerId`, message: `must be a non-empty string (got ${describeValue(customerId)})` });
    } else if (byCustomer.has(customerId)) {
      issues.push({ path: `${path}.customerId`, message: `duplicate customer ${JSON.stringify(customerId)}` });
    }
    if (band !== null && !HEALTH_BANDS.includes(band as HealthBand)) {
      issues.push({ path: `${path}.band`, message: `must be "good", "normal", "bad" or null (got ${describeValue(band)})` });
    }
    if (typeof customerId === "string") byCustomer.set(customerId, band as HealthBand | null);
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return byCustomer;
}

function checkRenewals(value: unknown): Renewals {
  const rows = (value as { rows?: unknown } | null)?.rows;
  if (typeof value !== "object" || value === null || !Array.isArray(rows) || !Array.isArray((value as { byMonth?: unknown }).byMonth)) {
    throw new ValidationError([{ path: "renewals", message: `must be the result of renewals() (got ${describeValue(value)})` }]);
  }
  return value as Renewals;
}

interface Sums {
  renewals: number;
  due: Decimal;
  ratedDue: Decimal;
  expected: Decimal;
}

/**
 * The renewal forecast: for every renewal not yet decided, the ARR due times the renewal rate of
 * the customer's health band, per customer and per month — the pipeline a CS lead reviews each week.
 *
 * @remarks
 * expected ARR = ARR due × rate(band of the customer) for each pending row of {@link index!renewals}
 * (DOMAIN.md §8); rates usually come from {@link renewalRateByBand} over past renewal decisions.
 * The expected renewal rate Σ expected / Σ due (over the rows with a rate) is an ARR-weighted
 * 見込み継続率, where {@link expectedRetention} counts customers: a large account in the Bad band
 * weighs as much as it puts at stake. Rows whose customer has no band, or whose band has no rate,
 * are listed with `expectedArr: null` and counted apart (`unratedArrDue`), never as 0 or 1. Products
 * and sums are exact.
 *
 * @param renewals - A {@link index!renewals} result (its pending rows are forecast); not mutated.
 * @param bands - Each customer's current band, e.g. {@link scoreCustomers}' results (`customerId`, `band`).
 * @param rates - A renewal rate (0–1) per band, or `null` when unknown.
 * @returns Pending rows with their expected ARR, totals and per-month totals.
 * @throws {@link ValidationError} for a malformed `renewals`, `bands` (a duplicate customer, an unknown
 * band) or a rate outside [0, 1] (`renewalRateByBand.good`).
 * @example
 * ```ts
 * import { renewalForecast, renewals, year } from "cs-metrics";
 * const due = renewals([
 *   { id: "1", customerId: "acme", start: "2024-10-01", amount: 1200000, interval: "year", currency: "JPY" },
 *   { id: "2", customerId: "beta", start: "2024-11-01", amount: 600000, interval: "year", currency: "JPY" },
 * ], year(2025), { asOf: "2025-06-30" });
 * const forecast = renewalForecast(due, [
 *   { customerId: "acme", band: "good" },
 *   { customerId: "beta", band: "bad" },
 * ], { good: "0.95", normal: "0.8", bad: "0.5" });
 * forecast.rows.map((row) => row.expectedArr?.toString()); //=> ["1140000", "300000"]
 * forecast.totals.expectedArr.toString(); //=> "1440000"
 * forecast.totals.expectedRenewalRate?.toString(); //=> "0.8"
 * ```
 */
export function renewalForecast(
  renewals: Renewals,
  bands: readonly { readonly customerId: string; readonly band: HealthBand | null }[],
  rates: RenewalRates,
): RenewalForecast {
  const checked = checkRenewals(renewals);
  const bandOf = readBands(bands);
  const rateOf = readRenewalRates(rates);
  const empty = (): Sums => ({ renewals: 0, due: new Wide(0), ratedDue: new Wide(0), expected: new Wide(0) });
  const all = empty();
  const byMonth = new Map(checked.byMonth.map(({ month }) => [month, empty()]));
  const rows: ForecastRow[] = [];
  for (const row of checked.rows) {
    if (row.arrRenewed !== null) continue;
    const band = bandOf.get(row.customerId) ?? null;
    const rate = band === null ? null : rateOf[band];
    const expected = rate === null ? null : new Wide(row.arrDue).times(rate);
    const month = byMonth.get(row.month)!;
    for (const sums of [all, month]) {
      sums.renewals++;
      sums.due = sums.due.plus(row.arrDue);
      if (expected === null) continue;
      sums.ratedDue = sums.ratedDue.plus(row.arrDue);
      sums.expected = sums.expected.plus(expected);
    }
    rows.push({
      customerId: row.customerId,
      renewalDate: row.renewalDate,
      month: row.month,
      arrDue: row.arrDue,
      band,
      renewalRate: rate === null ? null : new Decimal(rate),
      expectedArr: expected === null ? null : new Decimal(expected),
    });
  }
  const totalsOf = (sums: Sums): ForecastTotals => ({
    renewals: sums.renewals,
    arrDue: new Decimal(sums.due),
    ratedArrDue: new Decimal(sums.ratedDue),
    unratedArrDue: new Decimal(sums.due.minus(sums.ratedDue)),
    expectedArr: new Decimal(sums.expected),
    expectedRenewalRate: sums.ratedDue.isZero() ? null : new Decimal(new ExactDecimal(sums.expected).div(new ExactDecimal(sums.ratedDue))),
  });
  return {
    currency: checked.currency,
    rows,
    totals: totalsOf(all),
    byMonth: checked.byMonth.map(({ month }) => ({ month, ...totalsOf(byMonth.get(month)!) })),
  };
}
