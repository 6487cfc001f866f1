/**
 * Mergeable partial results: the exact revenue aggregates of one period over one shard of customers,
 * as plain JSON-safe data, so shards computed by worker threads, processes or machines merge into
 * exactly the single-pass {@link revenueReport} figures.
 * @module
 */
import type { Decimal } from "decimal.js";
import { resolvePeriod } from "../dates/period.js";
import { CurrencyMismatchError, ValidationError } from "../errors.js";
import { type LostRevenueOptions, type Proration, checkProration, remainingMonthsFraction } from "../lostRevenue/lostRevenue.js";
import { divide, gcd, lcm } from "../money/exactDecimal.js";
import type { Period, PeriodInput } from "../schemas/period.js";
import { readOptions } from "../schemas/options.js";
import { type ContractBook, type ContractsInput } from "./contractBook.js";
import { analysePeriod } from "./periodAnalysis.js";
import { EMPTY_PERIOD_TOTALS, type PeriodTotals } from "./periodTotals.js";
import { type NetRevenueChurnOptions, type RevenueRates, revenueRatesOf } from "./rateFormulas.js";
import { type MovementTotals, movementTotals } from "./revenueMovements.js";

/** The money fields of {@link PeriodTotals} (book units). */
const UNIT_FIELDS = [
  "startingUnits",
  "endingUnits",
  "newUnits",
  "reactivationUnits",
  "expansionUnits",
  "contractionUnits",
  "churnedUnits",
  "cohortEndingUnits",
] as const;

/** The customer-count fields of {@link PeriodTotals}. */
const COUNT_FIELDS = [
  "startingCustomers",
  "endingCustomers",
  "newCustomers",
  "reactivatedCustomers",
  "expandedCustomers",
  "contractedCustomers",
  "churnedCustomers",
  "flatCustomers",
] as const;

type UnitField = (typeof UNIT_FIELDS)[number];
type CountField = (typeof COUNT_FIELDS)[number];

/**
 * The exact revenue aggregates of one period over a set of customers. Integers are decimal strings,
 * so the value survives `JSON.stringify` / `structuredClone` unchanged.
 */
export interface PeriodPartial {
  readonly kind: "PeriodPartial";
  readonly currency: string;
  readonly period: Period;
  readonly proration: Proration;
  /** Money below is `units / denominator` currency units per month (MRR). */
  readonly denominator: string;
  /** Σ M0, Σ M1, and the movement sums of DOMAIN.md §2, in units. */
  readonly units: Readonly<Record<UnitField, string>>;
  /** Customer counts per movement. */
  readonly customers: Readonly<Record<CountField, number>>;
  /** Lost revenue (逸失金額) of the shard as an exact fraction of currency units. */
  readonly lostRevenue: { readonly numerator: string; readonly denominator: string };
}

/** {@link revenueReportFromPartial}'s result: {@link RevenueReport} without per-customer rows. */
export interface PartialRevenueReport {
  readonly currency: string;
  readonly period: Period;
  readonly movements: MovementTotals;
  readonly rates: RevenueRates;
  readonly lostRevenue: { readonly currency: string; readonly period: Period; readonly proration: Proration; readonly total: Decimal };
}

function reduced(numerator: bigint, denominator: bigint): { numerator: bigint; denominator: bigint } {
  const divisor = gcd(numerator, denominator);
  return divisor === 0n ? { numerator: 0n, denominator: 1n } : { numerator: numerator / divisor, denominator: denominator / divisor };
}

/**
 * The exact, mergeable revenue aggregates of a period for one shard of customers.
 *
 * @remarks
 * Holds Σ M0, Σ M1, new, reactivation, expansion, contraction, churn and Σ_{C0} M1 in book units, the
 * customer counts, and lost revenue Σ_{churned} M0 × remaining months as an exact fraction — the
 * inputs of every formula of DOMAIN.md §2–4. Being sums over customers, partials of disjoint customer
 * sets add up ({@link mergePeriodPartials}). A customer's contracts must all be in the same shard.
 *
 * @param contracts - A {@link ContractBook} or raw contract records of the shard's customers.
 * @param period - `[start, end)`.
 * @param options - `proration` of lost revenue (`"month"` by default).
 * @returns A JSON-safe {@link PeriodPartial}.
 * @throws {@link ValidationError}, {@link CurrencyMismatchError}, {@link InvalidPeriodError}.
 * @example
 * ```ts
 * import { periodPartial, year } from "cs-metrics";
 * const partial = periodPartial([
 *   { id: "1", customerId: "a", start: "2024-01-01", end: "2025-04-01", amount: 100, currency: "USD" },
 * ], year(2025));
 * partial.units.churnedUnits; //=> "100"
 * partial.lostRevenue; //=> { numerator: "900", denominator: "1" }
 * ```
 */
export function periodPartial(contracts: ContractsInput, period: PeriodInput, options?: LostRevenueOptions): PeriodPartial {
  const proration = checkProration(readOptions(options).proration);
  const { book, resolved, totals, churnedRows } = analysePeriod(contracts, period);
  let lostNumerator = 0n;
  let lostDenominator = 1n;
  const monthsByChurnDay = new Map<number, { numerator: bigint; denominator: bigint }>();
  for (const row of churnedRows) {
    let months = monthsByChurnDay.get(row.churnDay!);
    if (months === undefined) monthsByChurnDay.set(row.churnDay!, (months = remainingMonthsFraction(row.churnDay!, resolved.endDay, proration)));
    // Σ M0 × months, over a common denominator (few distinct month fractions).
    const common = lcm(lostDenominator, months.denominator);
    lostNumerator = lostNumerator * (common / lostDenominator) + row.startingUnits * months.numerator * (common / months.denominator);
    lostDenominator = common;
  }
  const lost = reduced(lostNumerator, lostDenominator * book.denominator);
  return partialOf(book.currency, resolved.period, proration, book.denominator, totals, lost);
}

function partialOf(
  currency: string,
  period: Period,
  proration: Proration,
  denominator: bigint,
  totals: PeriodTotals,
  lost: { numerator: bigint; denominator: bigint },
): PeriodPartial {
  const units = {} as Record<UnitField, string>;
  for (const field of UNIT_FIELDS) units[field] = totals[field].toString();
  const customers = {} as Record<CountField, number>;
  for (const field of COUNT_FIELDS) customers[field] = totals[field];
  return {
    kind: "PeriodPartial",
    currency,
    period: { ...period },
    proration,
    denominator: denominator.toString(),
    units,
    customers,
    lostRevenue: { numerator: lost.numerator.toString(), denominator: lost.denominator.toString() },
  };
}

function readInteger(text: unknown, path: string, positive: boolean): bigint {
  if (typeof text === "string" && /^\d+$/.test(text)) {
    const value = BigInt(text);
    if (!positive || value > 0n) return value;
  }
  throw new ValidationError([{ path, message: `must be a ${positive ? "positive" : "non-negative"} integer as decimal text` }]);
}

function readCount(value: unknown, path: string): number {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  throw new ValidationError([{ path, message: "must be a whole number ≥ 0" }]);
}

/** A partial's totals in units over `denominator` and its lost revenue, checked. */
function readPartial(partial: PeriodPartial, path: string): { denominator: bigint; totals: PeriodTotals; lost: { numerator: bigint; denominator: bigint } } {
  if (typeof partial !== "object" || partial === null || partial.kind !== "PeriodPartial") {
    throw new ValidationError([{ path, message: "must be a PeriodPartial (from periodPartial or mergePeriodPartials)" }]);
  }
  const totals = { ...EMPTY_PERIOD_TOTALS } as Record<UnitField, bigint> & Record<CountField, number>;
  for (const field of UNIT_FIELDS) totals[field] = readInteger(partial.units?.[field], `${path}.units.${field}`, false);
  for (const field of COUNT_FIELDS) totals[field] = readCount(partial.customers?.[field], `${path}.customers.${field}`);
  return {
    denominator: readInteger(partial.denominator, `${path}.denominator`, true),
    totals,
    lost: {
      numerator: readInteger(partial.lostRevenue?.numerator, `${path}.lostRevenue.numerator`, false),
      denominator: readInteger(partial.lostRevenue?.denominator, `${path}.lostRevenue.denominator`, true),
    },
  };
}

/**
 * Merges partials of disjoint customer sets into the partial of their union.
 *
 * @remarks Every sum and count adds; units are first brought to the least common multiple of the
 * denominators, lost-revenue fractions are added exactly. All partials must share currency, period
 * and proration. Merging is associative and commutative, so shards can be merged in any tree.
 *
 * @param partials - At least one {@link PeriodPartial}, e.g. parsed back from JSON.
 * @returns The merged {@link PeriodPartial}.
 * @throws {@link ValidationError} for an empty list, a malformed partial, or a different period or
 * proration (`partials[2].period`).
 * @throws {@link CurrencyMismatchError} for partials in different currencies.
 * @example
 * ```ts
 * import { mergePeriodPartials, periodPartial, year } from "cs-metrics";
 * const a = periodPartial([{ id: "1", customerId: "a", start: "2024-01-01", amount: 100, currency: "USD" }], year(2025));
 * const b = periodPartial([{ id: "2", customerId: "b", start: "2024-01-01", amount: "0.5", currency: "USD" }], year(2025));
 * const merged = mergePeriodPartials([a, b]);
 * [merged.units.startingUnits, merged.denominator]; //=> ["1005", "10"]
 * ```
 */
export function mergePeriodPartials(partials: readonly PeriodPartial[]): PeriodPartial {
  if (!Array.isArray(partials) || partials.length === 0) {
    throw new ValidationError([{ path: "partials", message: "must be a non-empty array of partials" }]);
  }
  const read = partials.map((partial, index) => readPartial(partial, `partials[${index}]`));
  const first = partials[0]!;
  partials.forEach((partial, index) => {
    if (partial.currency !== first.currency) throw new CurrencyMismatchError(`partials[${index}].currency`, first.currency, partial.currency);
    if (partial.period?.start !== first.period.start || partial.period?.end !== first.period.end) {
      throw new ValidationError([{ path: `partials[${index}].period`, message: `must be the period of partials[0] (${first.period.start} – ${first.period.end})` }]);
    }
    if (partial.proration !== first.proration) {
      throw new ValidationError([{ path: `partials[${index}].proration`, message: `must be "${first.proration}" as in partials[0]` }]);
    }
  });
  const denominator = read.reduce((common, item) => lcm(common, item.denominator), 1n);
  const totals = { ...EMPTY_PERIOD_TOTALS } as Record<UnitField, bigint> & Record<CountField, number>;
  let lost = { numerator: 0n, denominator: 1n };
  for (const item of read) {
    const scale = denominator / item.denominator;
    for (const field of UNIT_FIELDS) totals[field] += item.totals[field] * scale;
    for (const field of COUNT_FIELDS) totals[field] += item.totals[field];
    lost = reduced(lost.numerator * item.lost.denominator + item.lost.numerator * lost.denominator, lost.denominator * item.lost.denominator);
  }
  return partialOf(first.currency, first.period, first.proration, denominator, totals, lost);
}

/**
 * The revenue KPI set of a (merged) partial: the same movements, rates and lost-revenue total as
 * {@link revenueReport} over all the shards' contracts at once.
 *
 * @remarks Money = units / denominator; rates as in {@link revenueReport} (DOMAIN.md §3); lost
 * revenue total = its exact fraction, rounded once. Per-customer rows are not part of a partial.
 * @param partial - A {@link PeriodPartial}.
 * @param options - `subtractReactivation` for net revenue churn.
 * @returns A {@link PartialRevenueReport}.
 * @throws {@link ValidationError} for a malformed partial.
 * @example
 * ```ts
 * import { periodPartial, revenueReportFromPartial, year } from "cs-metrics";
 * const partial = periodPartial([
 *   { id: "1", customerId: "a", start: "2024-01-01", amount: 86, currency: "USD" },
 *   { id: "2", customerId: "b", start: "2024-01-01", end: "2025-07-01", amount: 14, currency: "USD" },
 * ], year(2025));
 * revenueReportFromPartial(partial).rates.grr?.toString(); //=> "0.86"
 * revenueReportFromPartial(partial).lostRevenue.total.toString(); //=> "84"
 * ```
 */
export function revenueReportFromPartial(partial: PeriodPartial, options?: NetRevenueChurnOptions): PartialRevenueReport {
  const { denominator, totals, lost } = readPartial(partial, "partial");
  const period = resolvePeriod(partial.period, "partial.period").period;
  const book: ContractBook = { kind: "ContractBook", currency: partial.currency, denominator, contracts: [], customers: [], dataQuality: { overlappingOpenLines: [], supersededLines: 0 } };
  return {
    currency: partial.currency,
    period,
    movements: movementTotals(book, totals),
    rates: revenueRatesOf(totals, readOptions(options)),
    lostRevenue: { currency: partial.currency, period, proration: partial.proration, total: divide(lost.numerator, lost.denominator) },
  };
}
