/**
 * The contract book: contracts validated once, normalised to exact MRR and indexed by customer.
 * Every revenue metric accepts either a book or a plain array of raw records (which it turns into a
 * book first).
 * @module
 */
import Decimal from "decimal.js";
import { parseCalendarDate, type EpochDay } from "../dates/calendarDate.js";
import { CurrencyMismatchError, ValidationError, type ValidationIssue } from "../errors.js";
import { NO_CURRENCY } from "../money/currency.js";
import { divide, lcm, powerOfTen, toScaledInteger } from "../money/exactDecimal.js";
import { type Contract, type ContractInput, ContractSchema, type Interval } from "../schemas/contract.js";
import { CurrencySchema, formatPath, toAmount } from "../schemas/primitives.js";

/** One contract line of a customer, normalised: epoch days and MRR in book units. */
export interface ContractLine {
  /** The contract's `id`. */
  readonly id: string;
  /** First active day (epoch day). */
  readonly startDay: EpochDay;
  /** First inactive day (epoch day); `Infinity` when open-ended. */
  readonly endDay: EpochDay;
  /** MRR as an exact integer count of `1 / book.denominator` currency units. */
  readonly mrrUnits: bigint;
}

/** A customer's contract lines, sorted by start day, then id. */
export interface CustomerContracts {
  readonly customerId: string;
  readonly lines: readonly ContractLine[];
}

/** Options of {@link contractBook}. */
export interface ContractBookOptions {
  /**
   * Currency of the book. Default: the currency of the records (all must share it). Required with
   * `exchangeRates`, and for an empty book that should carry a currency (else `"XXX"`).
   */
  readonly currency?: string;
  /**
   * Exchange rates into `currency`: `{ USD: "150.25" }` means 1 USD = 150.25 units of `currency`.
   * Amounts are converted exactly (amount × rate) before MRR is computed.
   */
  readonly exchangeRates?: Readonly<Record<string, Decimal.Value>>;
}

/** Months that one `amount` of an interval covers (before `intervalCount`). */
export const MONTHS_PER_INTERVAL: Readonly<Record<Interval, number>> = { month: 1, quarter: 3, year: 12 };

/**
 * A validated, indexed set of contracts in one currency. Build it with {@link contractBook}; it is
 * immutable.
 */
export interface ContractBook {
  /** Tells a book from an array of records. */
  readonly kind: "ContractBook";
  /** ISO 4217 code of every amount in the book. */
  readonly currency: string;
  /** MRR units per currency unit: a line's MRR is `mrrUnits / denominator`. */
  readonly denominator: bigint;
  /** The validated contracts, in input order. */
  readonly contracts: readonly Contract[];
  /** Contract lines grouped by customer, customers sorted by id. */
  readonly customers: readonly CustomerContracts[];
}

/** What every revenue metric accepts: a {@link ContractBook} or raw contract records. */
export type ContractsInput = ContractBook | readonly ContractInput[];

/**
 * Tells a {@link ContractBook} from an array of raw contract records.
 *
 * @remarks `true` exactly when `value` is an object with `kind: "ContractBook"`.
 * @param value - Anything.
 * @returns `true` for a book built by {@link contractBook}.
 * @example
 * ```ts
 * import { contractBook, isContractBook } from "cs-metrics";
 * isContractBook(contractBook([])); //=> true
 * isContractBook([]); //=> false
 * ```
 */
export function isContractBook(value: unknown): value is ContractBook {
  return typeof value === "object" && value !== null && !Array.isArray(value) && (value as { kind?: unknown }).kind === "ContractBook";
}

/** Returns the book itself, or validates raw records into one. */
export function toContractBook(contracts: ContractsInput): ContractBook {
  return isContractBook(contracts) ? contracts : contractBook(contracts);
}

/**
 * Validates contract records once, normalises each to exact MRR and indexes them by customer.
 *
 * @remarks
 * MRR of a line = amount / (months per interval × intervalCount), months per interval 1 (month),
 * 3 (quarter) or 12 (year) — DOMAIN.md §1. All MRRs are held as integers over one common denominator,
 * so sums and comparisons are exact.
 *
 * @param records - Raw contracts (see {@link ContractSchema}); not mutated.
 * @param options - Book currency and optional exchange rates.
 * @returns An immutable {@link ContractBook}.
 * @throws {@link ValidationError} listing every invalid field (`contracts[12].end: must be after start
 * (2025-04-01)`), duplicate ids included.
 * @throws {@link CurrencyMismatchError} when records use different currencies and no exchange rate
 * covers them.
 * @example
 * ```ts
 * import { contractBook } from "cs-metrics";
 * const book = contractBook([
 *   { id: "c1", customerId: "acme", start: "2025-01-01", amount: "1200000", interval: "year", currency: "JPY" },
 *   { id: "c2", customerId: "acme", start: "2025-06-01", amount: 50000, currency: "JPY" },
 * ]);
 * book.currency; //=> "JPY"
 * book.customers.length; //=> 1
 * ```
 */
export function contractBook(records: readonly ContractInput[], options: ContractBookOptions = {}): ContractBook {
  if (!Array.isArray(records)) {
    throw new ValidationError([{ path: "contracts", message: "must be an array of contract records" }]);
  }
  const issues: ValidationIssue[] = [];
  const optionCurrency = options.currency === undefined ? undefined : checkOptionCurrency(options.currency);
  const rates = readExchangeRates(options, optionCurrency);

  const contracts: Contract[] = [];
  const firstIndexOfId = new Map<string, number>();
  for (let index = 0; index < records.length; index++) {
    const parsed = ContractSchema.safeParse(records[index]);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({ path: formatPath(`contracts[${index}]`, issue.path), message: issue.message });
      }
      continue;
    }
    const contract = parsed.data;
    const earlier = firstIndexOfId.get(contract.id);
    if (earlier === undefined) firstIndexOfId.set(contract.id, index);
    else issues.push({ path: `contracts[${index}].id`, message: `duplicate id ${JSON.stringify(contract.id)} (also contracts[${earlier}])` });
    contracts.push(contract);
  }
  if (issues.length > 0) throw new ValidationError(issues);

  const currency = optionCurrency ?? contracts[0]?.currency ?? NO_CURRENCY;
  const amounts = contracts.map((contract, index) => {
    const amount = toScaledInteger(contract.amount);
    if (contract.currency === currency) return amount;
    const rate = rates.get(contract.currency);
    if (rate === undefined) throw new CurrencyMismatchError(`contracts[${index}].currency`, currency, contract.currency);
    return { coefficient: amount.coefficient * rate.coefficient, scale: amount.scale + rate.scale };
  });

  let maxScale = 0;
  let monthsLcm = 1n;
  const months = contracts.map((contract) => BigInt(MONTHS_PER_INTERVAL[contract.interval] * contract.intervalCount));
  for (let index = 0; index < contracts.length; index++) {
    maxScale = Math.max(maxScale, amounts[index]!.scale);
    monthsLcm = lcm(monthsLcm, months[index]!);
  }
  const denominator = powerOfTen(maxScale) * monthsLcm;

  const byCustomer = new Map<string, ContractLine[]>();
  for (let index = 0; index < contracts.length; index++) {
    const contract = contracts[index]!;
    const amount = amounts[index]!;
    const line: ContractLine = {
      id: contract.id,
      startDay: parseCalendarDate(contract.start)!,
      endDay: contract.end === null ? Number.POSITIVE_INFINITY : parseCalendarDate(contract.end)!,
      mrrUnits: amount.coefficient * powerOfTen(maxScale - amount.scale) * (monthsLcm / months[index]!),
    };
    const lines = byCustomer.get(contract.customerId);
    if (lines === undefined) byCustomer.set(contract.customerId, [line]);
    else lines.push(line);
  }
  const customers: CustomerContracts[] = [];
  for (const [customerId, lines] of byCustomer) {
    lines.sort(compareLines);
    customers.push(Object.freeze({ customerId, lines: Object.freeze(lines) }));
  }
  customers.sort((a, b) => compareIds(a.customerId, b.customerId));

  return Object.freeze({
    kind: "ContractBook" as const,
    currency,
    denominator,
    contracts: Object.freeze(contracts),
    customers: Object.freeze(customers),
  });
}

/** Deterministic id order: by UTF-16 code units, so results never depend on the locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareLines(a: ContractLine, b: ContractLine): number {
  return a.startDay - b.startDay || compareIds(a.id, b.id);
}

/** An amount of book units as a Decimal in currency units. */
export function unitsToDecimal(book: ContractBook, units: bigint): Decimal {
  return divide(units, book.denominator);
}

function checkOptionCurrency(currency: string): string {
  const parsed = CurrencySchema.safeParse(currency);
  if (!parsed.success) throw new ValidationError([{ path: "options.currency", message: parsed.error.issues[0]!.message }]);
  return parsed.data;
}

function readExchangeRates(
  options: ContractBookOptions,
  currency: string | undefined,
): Map<string, { coefficient: bigint; scale: number }> {
  const rates = new Map<string, { coefficient: bigint; scale: number }>();
  if (options.exchangeRates === undefined) return rates;
  if (currency === undefined) {
    throw new ValidationError([{ path: "options.currency", message: "is required with exchangeRates" }]);
  }
  const issues: ValidationIssue[] = [];
  for (const [code, value] of Object.entries(options.exchangeRates)) {
    const path = formatPath("options.exchangeRates", [code]);
    if (!CurrencySchema.safeParse(code).success) {
      issues.push({ path, message: `is not an ISO 4217 currency code` });
      continue;
    }
    const rate = toAmount(value);
    if (typeof rate === "string") issues.push({ path, message: rate });
    else if (rate.isZero()) issues.push({ path, message: "must be greater than 0" });
    else rates.set(code, toScaledInteger(rate));
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return rates;
}
