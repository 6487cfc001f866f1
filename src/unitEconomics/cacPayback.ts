/**
 * CAC payback: months (and renewal cycles) of gross profit that pay back acquiring a customer
 * (DOMAIN.md §8).
 * @module
 */
import type { Decimal } from "decimal.js";
import { resolvePeriod } from "../dates/period.js";
import { divide, powerOfTen } from "../money/exactDecimal.js";
import { readOptions } from "../schemas/options.js";
import type { Period, PeriodInput } from "../schemas/period.js";
import { type ContractsInput, toContractBook } from "../revenue/contractBook.js";
import { conversionUnits, conversionsIn } from "./conversions.js";
import { type GrossMarginOptions, readGrossMargin, readMoneyAmount } from "./options.js";

/** Options of {@link cacPayback}. */
export interface CacPaybackOptions extends GrossMarginOptions {
  /** Customer acquisition cost per new customer, in the book's currency (≥ 0). Required. */
  readonly cac: Decimal.Value;
}

/** {@link cacPayback}'s result. */
export interface CacPayback {
  readonly currency: string;
  readonly period: Period;
  /** Customers whose first paid day falls in the period. */
  readonly newCustomers: number;
  /** Their mean MRR at conversion ({@link asp}); `null` when nobody converted. */
  readonly asp: Decimal | null;
  readonly cac: Decimal;
  readonly grossMargin: Decimal;
  /** CAC / (ASP × gross margin): months of gross profit to recover CAC; `null` when ASP is `null` or 0. */
  readonly months: Decimal | null;
  /**
   * The new customers' term in months, weighted by MRR: Σ MRR × (months per interval × intervalCount)
   * / Σ MRR over their lines at conversion (12 for yearly plans, 36 for a three-year term).
   */
  readonly termMonths: Decimal | null;
  /** months / termMonths: the payback in renewal cycles. */
  readonly renewalCycles: Decimal | null;
  /**
   * Renewals a customer must make before it has paid back its CAC: ⌈renewalCycles⌉ − 1 (at least 0).
   * 2 means profitable only in the third term, after the second renewal.
   */
  readonly renewalsToPayback: number | null;
}

/**
 * CAC payback: how many months of an average new customer's gross profit recover its acquisition
 * cost, also counted in renewal cycles of the plans new customers buy.
 *
 * @remarks months = CAC / (ASP × gross margin), ASP = mean MRR at conversion of the customers that
 * first paid in the period ({@link asp}). The textbook formula (David Skok's SaaS metrics; the
 * calculators of Calqulate and others) divides CAC by ARPA × gross margin; ASP is used here because
 * CAC buys new customers at the price they convert at (ARPA mixes in years of expansion) — pass
 * `arpa(…)` yourself for the other variant. Renewal cycles = months / term, the term being the
 * MRR-weighted mean of months per interval × intervalCount of the new customers' lines at
 * conversion; SmartHR's CS lead explains CS by it: a customer turns profitable only after its second
 * renewal (`renewalsToPayback` = 2). Churn is not taken into account (a simple, undiscounted payback).
 * @param contracts - A {@link ContractBook} or raw contract records.
 * @param period - The period whose new customers the CAC bought.
 * @param options - `cac` (required, ≥ 0, book currency), `grossMargin` (0 < g ≤ 1, default 1).
 * @returns The payback and its parts; `null` figures when nobody converted in the period.
 * @throws {@link ValidationError} for a missing or negative `cac`, a bad `grossMargin` or contract; {@link InvalidPeriodError}; {@link CurrencyMismatchError}.
 * @example
 * ```ts
 * import { cacPayback, fiscalYear } from "cs-metrics";
 * // Two new customers on yearly plans: ¥1,200,000 and ¥2,400,000 a year → ASP = (100,000 + 200,000) / 2 = ¥150,000.
 * // CAC ¥3,600,000 at 80% margin: 3,600,000 / (150,000 × 0.8) = 30 months = 2.5 yearly terms → 2 renewals.
 * const payback = cacPayback([
 *   { id: "1", customerId: "a", start: "2025-05-01", amount: 1200000, interval: "year", currency: "JPY" },
 *   { id: "2", customerId: "b", start: "2025-09-01", amount: 2400000, interval: "year", currency: "JPY" },
 * ], fiscalYear(2025, { startMonth: 4 }), { cac: 3600000, grossMargin: "0.8" });
 * payback.months?.toString(); //=> "30"
 * payback.renewalCycles?.toString(); //=> "2.5"
 * payback.renewalsToPayback; //=> 2
 * ```
 */
export function cacPayback(contracts: ContractsInput, period: PeriodInput, options: CacPaybackOptions): CacPayback {
  const resolved = resolvePeriod(period);
  const read = readOptions(options);
  const cac = readMoneyAmount(read.cac, "options.cac");
  const grossMargin = readGrossMargin(read.grossMargin);
  const book = toContractBook(contracts);
  const { conversions, termScale } = conversionsIn(book, resolved);
  const count = BigInt(conversions.length);
  const units = conversionUnits(conversions);
  // Term months weighted by MRR units: Σ units × months / Σ units, with termUnits scaled by termScale.
  let weightedTerm = 0n;
  for (const conversion of conversions) weightedTerm += conversion.termUnits;
  // months = (c / 10^cs) / ((units / (denominator × count)) × (g / 10^gs)) = monthsNumerator / monthsDenominator.
  const monthsNumerator = cac.scaled.coefficient * book.denominator * count * powerOfTen(grossMargin.scaled.scale);
  const monthsDenominator = units * grossMargin.scaled.coefficient * powerOfTen(cac.scaled.scale);
  const paying = units > 0n;
  // cycles = months / (weightedTerm / (units × termScale)).
  const cyclesNumerator = monthsNumerator * units * termScale;
  const cyclesDenominator = monthsDenominator * weightedTerm;
  return {
    currency: book.currency,
    period: resolved.period,
    newCustomers: conversions.length,
    asp: count === 0n ? null : divide(units, book.denominator * count),
    cac: cac.value,
    grossMargin: grossMargin.value,
    months: paying ? divide(monthsNumerator, monthsDenominator) : null,
    termMonths: paying ? divide(weightedTerm, units * termScale) : null,
    renewalCycles: paying ? divide(cyclesNumerator, cyclesDenominator) : null,
    renewalsToPayback: paying ? renewalsBefore(cyclesNumerator, cyclesDenominator) : null,
  };
}

/** ⌈numerator / denominator⌉ − 1, at least 0 (both positive or numerator 0). */
function renewalsBefore(numerator: bigint, denominator: bigint): number {
  const terms = (numerator + denominator - 1n) / denominator;
  return terms > 0n ? Number(terms - 1n) : 0;
}
