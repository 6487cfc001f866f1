/**
 * Drivers of retention: logo and revenue retention of a period's starting cohort split by a customer
 * factor (onboarded or not, plan, health band), with how sure we are.
 * @module
 */
import type { Decimal } from "decimal.js";
import { ValidationError } from "../errors.js";
import { type ContractsInput, unitsToDecimal } from "../revenue/contractBook.js";
import { compareIds } from "../ids/compareIds.js";
import { analysePeriod } from "../revenue/periodAnalysis.js";
import type { CustomerPeriodRow } from "../revenue/periodRows.js";
import { type PeriodTotals, periodTotals } from "../revenue/periodTotals.js";
import { grrOf, logoRetentionRateOf, nrrOf } from "../revenue/rateFormulas.js";
import { readOptions } from "../schemas/options.js";
import type { PeriodInput } from "../schemas/period.js";
import { describeValue } from "../schemas/primitives.js";
import { customerLookup } from "../segments/segmentLabels.js";
import { type TwoProportionTest, twoProportionOf } from "../stats/twoProportionTest.js";
import { type ProportionInterval, wilsonOf } from "../stats/wilsonInterval.js";

/**
 * A customer factor: a `Map` or a plain object from customer id to a group label, or a function of
 * the customer id returning the label. A customer it gives no label (missing, `null`, `undefined`)
 * falls in the group whose label is `null`.
 */
export type CustomerFactor =
  | ReadonlyMap<string, string>
  | Readonly<Record<string, string>>
  | ((customerId: string) => string | null | undefined);

/** Options of {@link retentionByFactor}. */
export interface RetentionByFactorOptions {
  /**
   * The two group labels to test against each other (`null` = the unlabelled group). Default: every
   * pair of groups that have customers, in label order.
   */
  readonly compare?: readonly [string | null, string | null];
}

/** Retention of one group of the starting cohort (or of the whole cohort). */
export interface FactorRetention {
  /** The group's label; `null` for customers the factor gave no label (and in `whole`). */
  readonly label: string | null;
  /** |C0 ∩ group|: customers of the group with MRR on the day before the period. */
  readonly customers: number;
  /** Of those, still paying on the period's last day. */
  readonly retained: number;
  /** retained / customers (継続率); `null` when the group is empty. */
  readonly logoRetentionRate: Decimal | null;
  /** Wilson 95% interval of the logo retention rate (ratios); `null` when the group is empty. */
  readonly logoRetentionInterval: ProportionInterval | null;
  /** Σ M0 of the group, in currency units. */
  readonly startingMrr: Decimal;
  /** Σ M1 of the group's starting customers (expansion included), in currency units. */
  readonly endingMrr: Decimal;
  /** Σ M1 / Σ M0 of the group; `null` when Σ M0 = 0. */
  readonly nrr: Decimal | null;
  /** Σ min(M0, M1) / Σ M0 of the group; `null` when Σ M0 = 0. */
  readonly grr: Decimal | null;
}

/** The two-proportion test of two groups' logo retention rates. */
export interface FactorComparison extends TwoProportionTest {
  /** Label of the first group (its rate comes first in `difference`). */
  readonly a: string | null;
  readonly b: string | null;
}

/** {@link retentionByFactor}'s result. */
export interface RetentionByFactor {
  readonly currency: string;
  /** One entry per label with at least one starting customer, by label (`null` last). */
  readonly groups: readonly FactorRetention[];
  /** The whole starting cohort: the same figures as logoRetentionRate, nrr and grr of the period. */
  readonly whole: FactorRetention;
  /** Logo retention tests between groups. */
  readonly comparisons: readonly FactorComparison[];
}

function retentionOf(label: string | null, rows: readonly CustomerPeriodRow[], toMoney: (units: bigint) => Decimal): FactorRetention {
  const totals: PeriodTotals = periodTotals(rows);
  const customers = totals.startingCustomers;
  const retained = customers - totals.churnedCustomers;
  return {
    label,
    customers,
    retained,
    logoRetentionRate: logoRetentionRateOf(totals),
    logoRetentionInterval: wilsonOf(retained, customers),
    startingMrr: toMoney(totals.startingUnits),
    endingMrr: toMoney(totals.cohortEndingUnits),
    nrr: nrrOf(totals),
    grr: grrOf(totals),
  };
}

function compareLabels(a: string | null, b: string | null): number {
  // Labels are distinct map keys, so a and b are never both null.
  if (a === null) return 1;
  if (b === null) return -1;
  return compareIds(a, b);
}

function readCompare(value: unknown): readonly [string | null, string | null] | null {
  if (value === undefined) return null;
  const isLabel = (label: unknown) => label === null || typeof label === "string";
  if (!Array.isArray(value) || value.length !== 2 || !isLabel(value[0]) || !isLabel(value[1])) {
    throw new ValidationError([{ path: "options.compare", message: `must be two group labels [a, b] (strings or null) (got ${describeValue(value)})` }]);
  }
  return [value[0] as string | null, value[1] as string | null];
}

/**
 * Logo and revenue retention of a period's starting cohort split by a customer factor, with a Wilson
 * 95% interval per group and a two-proportion z-test between groups.
 *
 * @remarks
 * C0 = customers with MRR on the day before the period (DOMAIN.md §1); each is put in the group the
 * factor gives it. Per group g, with the library's own definitions (DOMAIN.md §3): logo retention =
 * |{c ∈ C0 ∩ g : M1 > 0}| / |C0 ∩ g|, NRR = Σ M1 / Σ M0 and GRR = Σ min(M0, M1) / Σ M0 over C0 ∩ g.
 * The groups partition C0, so their customers, retained customers and MRR add up to `whole`, whose
 * rates equal {@link logoRetentionRate}, {@link nrr} and {@link grr} of the period. The logo rate's
 * interval is Wilson's score interval ({@link wilsonInterval}); the comparison of two groups is the
 * pooled two-proportion z-test ({@link twoProportionZTest}) on retained / customers — by default every
 * pair of groups, with no correction for multiple comparisons (with k groups, k(k − 1)/2 tests: read
 * p-values accordingly, or name the pair that matters in `compare`). This shows association, not
 * cause: SmartHR's "if onboarding is not completed, the customer churns" is a hypothesis this supports
 * or weakens, not proves (customers who complete onboarding may differ in other ways).
 *
 * @param contracts - A {@link ContractBook} or raw contract records; not mutated.
 * @param period - `[start, end)`, e.g. `fiscalYear(2025, { startMonth: 4 })`.
 * @param factor - A Map or object customer id → label, or a function of the customer id (see {@link CustomerFactor}).
 * @param options - `compare`: the pair of labels to test (default every pair).
 * @returns The groups (by label, the unlabelled group last), the whole cohort, and the tests.
 * @throws {@link ValidationError} for invalid contracts or period, a factor that is not a Map, object
 * or function or gives a label that is not a string (`factor`, `factor("acme")`), or an invalid
 * `options.compare` (also a label with no starting customer).
 * @throws {@link CurrencyMismatchError} for contracts in several currencies (pass a book built with exchange rates).
 * @example
 * ```ts
 * import { retentionByFactor, year } from "cs-metrics";
 * const contracts = [
 *   { id: "1", customerId: "a", start: "2024-01-01", amount: 100, currency: "USD" },
 *   { id: "2", customerId: "b", start: "2024-01-01", amount: 100, currency: "USD" },
 *   { id: "3", customerId: "c", start: "2024-01-01", end: "2025-05-01", amount: 100, currency: "USD" },
 *   { id: "4", customerId: "d", start: "2024-01-01", end: "2025-03-01", amount: 100, currency: "USD" },
 * ];
 * const onboarded = { a: "yes", b: "yes", c: "yes", d: "no" };
 * const result = retentionByFactor(contracts, year(2025), onboarded);
 * result.groups.map((g) => [g.label, g.retained, g.customers]); //=> [["no", 0, 1], ["yes", 2, 3]]
 * result.whole.logoRetentionRate?.toString(); //=> "0.5"
 * result.comparisons.map((c) => [c.a, c.b]); //=> [["no", "yes"]]
 * ```
 */
export function retentionByFactor(
  contracts: ContractsInput,
  period: PeriodInput,
  factor: CustomerFactor,
  options: RetentionByFactorOptions = {},
): RetentionByFactor {
  const lookup = customerLookup(factor, "factor");
  const pair = readCompare(readOptions(options).compare);
  const analysis = analysePeriod(contracts, period);
  const toMoney = (units: bigint) => unitsToDecimal(analysis.book, units);
  const cohort = analysis.rows.filter((row) => row.startingUnits > 0n);
  const byLabel = new Map<string | null, CustomerPeriodRow[]>();
  for (const row of cohort) {
    const label = lookup(row.customerId);
    const rows = byLabel.get(label);
    if (rows === undefined) byLabel.set(label, [row]);
    else rows.push(row);
  }
  const groups = [...byLabel].sort(([a], [b]) => compareLabels(a, b)).map(([label, rows]) => retentionOf(label, rows, toMoney));
  const test = (a: FactorRetention, b: FactorRetention): FactorComparison => ({
    a: a.label,
    b: b.label,
    ...twoProportionOf({ successes: a.retained, trials: a.customers }, { successes: b.retained, trials: b.customers }),
  });
  const comparisons: FactorComparison[] = [];
  if (pair !== null) {
    const find = (label: string | null) => {
      const group = groups.find((candidate) => candidate.label === label);
      if (group === undefined) {
        throw new ValidationError([{ path: "options.compare", message: `names ${describeValue(label)}, which has no customer in the starting cohort (groups: ${groups.map((g) => describeValue(g.label)).join(", ")})` }]);
      }
      return group;
    };
    comparisons.push(test(find(pair[0]), find(pair[1])));
  } else {
    for (let i = 0; i < groups.length; i++) for (let j = i + 1; j < groups.length; j++) comparisons.push(test(groups[i]!, groups[j]!));
  }
  return { currency: analysis.book.currency, groups, whole: retentionOf(null, cohort, toMoney), comparisons };
}
