/**
 * Builds a contract book one record at a time: validates each record as it arrives (a fast reader
 * for the common shape, the schema for everything else), keeps only the normalised contract, and
 * indexes everything once at the end. Shared by {@link contractBook} and the streaming builders.
 * @module
 */
import type { Decimal } from "decimal.js";
import { type EpochDay, formatCalendarDate, parseCalendarDate } from "../dates/calendarDate.js";
import { CurrencyMismatchError, ValidationError, type ValidationIssue } from "../errors.js";
import { NO_CURRENCY } from "../money/currency.js";
import { type ScaledInteger, lcm, powerOfTen, toScaledInteger } from "../money/exactDecimal.js";
import { type Contract, ContractSchema, type Interval } from "../schemas/contract.js";
import { CurrencySchema, IdSchema, describeValue, formatPath, toAmount } from "../schemas/primitives.js";
import { checkTimeZone } from "../schemas/usageEvent.js";
import { withZonedDates } from "../schemas/zonedDateFields.js";
import { type BookIndex, customersOfIndex, registerBookIndex } from "./bookIndex.js";
import type { ContractBook, ContractBookOptions, CustomerContracts } from "./contractBook.js";
import { findDuplicateIds } from "./duplicateIds.js";
import { NumberColumn } from "./numberColumn.js";
import { type MonthlyConversions, monthsPerInterval, readMonthlyConversions } from "./monthlyConversion.js";
import { type LinesMode, readLinesMode, settleOpenLines } from "./openLines.js";
import { readPlainContract } from "./plainContractReader.js";

/** Months that one `amount` of a month, quarter or year covers (before `intervalCount`). */
export const MONTHS_PER_INTERVAL: Readonly<Record<"month" | "quarter" | "year", number>> = { month: 1, quarter: 3, year: 12 };

/** Deterministic id order: by UTF-16 code units, so results never depend on the locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkOptionCurrency(currency: string): string {
  const parsed = CurrencySchema.safeParse(currency);
  if (!parsed.success) throw new ValidationError([{ path: "options.currency", message: parsed.error.issues[0]!.message }]);
  return parsed.data;
}

function readExchangeRates(options: ContractBookOptions, currency: string | undefined): Map<string, ScaledInteger> {
  const rates = new Map<string, ScaledInteger>();
  if (options.exchangeRates === undefined) return rates;
  if (typeof options.exchangeRates !== "object" || options.exchangeRates === null || Array.isArray(options.exchangeRates)) {
    throw new ValidationError([{ path: "options.exchangeRates", message: `must be an object of rates (got ${describeValue(options.exchangeRates)})` }]);
  }
  if (currency === undefined) {
    throw new ValidationError([{ path: "options.currency", message: "is required with exchangeRates" }]);
  }
  const issues: ValidationIssue[] = [];
  for (const [code, value] of Object.entries(options.exchangeRates)) {
    const path = formatPath("options.exchangeRates", [code]);
    const parsedCode = CurrencySchema.safeParse(code);
    if (!parsedCode.success) {
      issues.push({ path, message: `is not an ISO 4217 currency code` });
      continue;
    }
    const rate = toAmount(value);
    if (typeof rate === "string") issues.push({ path, message: rate });
    else if (rate.isZero()) issues.push({ path, message: "must be greater than 0" });
    else rates.set(parsedCode.data, toScaledInteger(rate));
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return rates;
}

/** What a record keeps beyond the index columns, to rebuild its validated contract. */
interface ContractExtras {
  readonly product: string | undefined;
  readonly plan: string | undefined;
  readonly seats: number | undefined;
}

const INTERVALS: readonly Interval[] = ["month", "quarter", "year", "week", "day"];
const INTERVAL_CODES: Readonly<Record<Interval, number>> = { month: 0, quarter: 1, year: 2, week: 3, day: 4 };
const MAX_EXACT_BIGINT = 9_007_199_254_740_991n;
/** The contract fields that a `timeZone` option lets hold a date-time. */
const CONTRACT_DATE_FIELDS = ["start", "end"] as const;

/**
 * Accumulates contract records (validated one by one, in input order) and builds the
 * {@link ContractBook}. Memory holds a few columns per valid contract (ids, days, exact amount) and
 * the issues found, never the raw records.
 */
export class ContractBookBuilder {
  readonly #root: string;
  readonly #optionCurrency: string | undefined;
  readonly #rates: Map<string, ScaledInteger>;
  readonly #conversions: MonthlyConversions;
  readonly #timeZone: string | undefined;
  readonly #linesMode: LinesMode;
  /** End days given by `lines: "supersede"`, by entry. */
  #newEnds: ReadonlyMap<number, EpochDay> = new Map();
  readonly #issues: Array<{ readonly index: number; readonly issue: ValidationIssue }> = [];
  #count = 0;
  #finished = false;
  // One entry per valid record, in input order. Rare values live in maps keyed by entry.
  /** Record index of each entry; `null` while every record so far was valid (entry = record index). */
  #recordIndexes: number[] | null = null;
  readonly #ids: string[];
  readonly #customerIds: string[];
  readonly #startDays: NumberColumn;
  readonly #endDays: NumberColumn;
  /** Exact amounts `coefficient × 10^-scale`; NaN where the coefficient is a bigint in `#bigCoefficients`. */
  readonly #coefficients: NumberColumn;
  readonly #bigCoefficients = new Map<number, bigint>();
  readonly #scales: NumberColumn;
  /**
   * Months covered by one amount, times its divisor: months per interval × intervalCount (a week
   * covers `months / divisor` months, e.g. 3 / 13 for 52/12 weeks a month).
   */
  readonly #months: NumberColumn;
  /** The divisor of entries whose interval is a week or a day (1 for the others). */
  readonly #monthDivisors = new Map<number, number>();
  readonly #intervalCodes: NumberColumn;
  /** The first currency seen; entries in another one are in `#otherCurrencies`. */
  #firstCurrency: string | undefined;
  readonly #otherCurrencies = new Map<number, string>();
  /** The `amount` as passed (fast-read records); the schema's output is kept in `#parsed` otherwise. */
  readonly #amounts: Array<string | number>;
  /** Entries kept so far (the string columns are allocated ahead, so their length is not it). */
  #entryCount = 0;
  readonly #extras = new Map<number, ContractExtras>();
  /** The valid ids of invalid records (record index, id), so that their duplicates are reported too. */
  readonly #invalidRecordIds: { readonly index: number; readonly id: string }[] = [];
  readonly #parsed = new Map<number, Contract>();

  /**
   * @param options - Book currency and exchange rates, validated here.
   * @param root - How issue paths name the records (`contracts` → `contracts[12].end`).
   * @param expectedCount - How many records to make room for (a hint).
   */
  constructor(options: ContractBookOptions = {}, root = "contracts", expectedCount = 1024) {
    this.#root = root;
    if (typeof options !== "object" || options === null || Array.isArray(options)) {
      throw new ValidationError([{ path: "options", message: `must be an options object (got ${describeValue(options)})` }]);
    }
    this.#optionCurrency = options.currency === undefined ? undefined : checkOptionCurrency(options.currency);
    this.#rates = readExchangeRates(options, this.#optionCurrency);
    this.#conversions = readMonthlyConversions(options);
    this.#timeZone = checkTimeZone(options.timeZone);
    this.#linesMode = readLinesMode(options.lines);
    // Sized ahead when the count is known (an array), so a million ids are never copied to grow.
    const capacity = Math.min(Math.max(Math.floor(expectedCount) || 0, 16), 1 << 24);
    this.#ids = new Array<string>(capacity);
    this.#customerIds = new Array<string>(capacity);
    this.#amounts = new Array<string | number>(capacity);
    this.#startDays = new NumberColumn(capacity);
    this.#endDays = new NumberColumn(capacity);
    this.#coefficients = new NumberColumn(capacity);
    this.#scales = new NumberColumn(capacity);
    this.#months = new NumberColumn(capacity);
    this.#intervalCodes = new NumberColumn(capacity);
  }

  /** Number of records added so far (valid or not): the index the next record gets. */
  get count(): number {
    return this.#count;
  }

  /** Validates the next record; problems are kept and thrown by {@link ContractBookBuilder.finish}. */
  add(input: unknown): void {
    if (this.#finished) throw new Error("cs-metrics: ContractBookBuilder.add after finish");
    const index = this.#count++;
    const entry = this.#entryCount;
    let record = input;
    let plain = readPlainContract(record);
    if (plain === null && this.#timeZone !== undefined) {
      record = withZonedDates(record, CONTRACT_DATE_FIELDS, this.#timeZone);
      if (record !== input) plain = readPlainContract(record);
    }
    if (plain !== null) {
      this.#push(index, plain.id, plain.customerId, plain.startDay, plain.endDay, plain.interval, plain.intervalCount, plain.currency);
      this.#coefficients.push(plain.coefficient);
      this.#scales.push(plain.scale);
      this.#amounts[entry] = plain.amount;
      if (plain.product !== undefined || plain.plan !== undefined || plain.seats !== undefined) {
        this.#extras.set(entry, { product: plain.product, plan: plain.plan, seats: plain.seats });
      }
      return;
    }
    const parsed = ContractSchema.safeParse(record);
    if (!parsed.success) {
      if (this.#recordIndexes === null) this.#recordIndexes = Array.from({ length: entry }, (_, earlier) => earlier);
      for (const issue of parsed.error.issues) {
        this.#issues.push({ index, issue: { path: formatPath(`${this.#root}[${index}]`, issue.path), message: issue.message } });
      }
      if (typeof record === "object" && record !== null) {
        const id = IdSchema.safeParse((record as { readonly id?: unknown }).id);
        if (id.success) this.#invalidRecordIds.push({ index, id: id.data });
      }
      return;
    }
    const contract = parsed.data;
    const endDay = contract.end === null ? Number.POSITIVE_INFINITY : parseCalendarDate(contract.end)!;
    this.#push(index, contract.id, contract.customerId, parseCalendarDate(contract.start)!, endDay, contract.interval, contract.intervalCount, contract.currency);
    const { coefficient, scale } = toScaledInteger(contract.amount);
    if (coefficient <= MAX_EXACT_BIGINT) this.#coefficients.push(Number(coefficient));
    else {
      this.#coefficients.push(Number.NaN);
      this.#bigCoefficients.set(entry, coefficient);
    }
    this.#scales.push(scale);
    this.#amounts[entry] = 0;
    this.#parsed.set(entry, contract);
  }

  #push(index: number, id: string, customerId: string, startDay: EpochDay, endDay: EpochDay, interval: Interval, intervalCount: number, currency: string): void {
    const entry = this.#entryCount++;
    this.#recordIndexes?.push(index);
    this.#ids[entry] = id;
    this.#customerIds[entry] = customerId;
    this.#startDays.push(startDay);
    this.#endDays.push(endDay);
    this.#intervalCodes.push(INTERVAL_CODES[interval]);
    const { months, divisor } = monthsPerInterval(interval, this.#conversions);
    this.#months.push(months * intervalCount);
    if (divisor !== 1) this.#monthDivisors.set(entry, divisor);
    if (this.#firstCurrency === undefined) this.#firstCurrency = currency;
    else if (currency !== this.#firstCurrency) this.#otherCurrencies.set(entry, currency);
  }

  #recordIndexOf(entry: number): number {
    return this.#recordIndexes === null ? entry : this.#recordIndexes[entry]!;
  }

  #currencyOf(entry: number): string {
    return this.#otherCurrencies.get(entry) ?? this.#firstCurrency!;
  }

  /** The validated contract (the schema's output) of an entry, rebuilt for fast-read records. */
  #contractOf(entry: number): Contract {
    const newEnd = this.#newEnds.get(entry);
    const parsed = this.#parsed.get(entry);
    if (parsed !== undefined) return newEnd === undefined ? parsed : { ...parsed, end: formatCalendarDate(newEnd) };
    const endDay = newEnd ?? this.#endDays.at(entry);
    const interval = INTERVALS[this.#intervalCodes.at(entry)]!;
    const contract: Contract = {
      id: this.#ids[entry]!,
      customerId: this.#customerIds[entry]!,
      start: formatCalendarDate(this.#startDays.at(entry)),
      end: endDay === Number.POSITIVE_INFINITY ? null : formatCalendarDate(endDay),
      amount: toAmount(this.#amounts[entry]) as Decimal,
      interval,
      intervalCount: this.#months.at(entry) / monthsPerInterval(interval, this.#conversions).months,
      currency: this.#currencyOf(entry),
    };
    const extras = this.#extras.get(entry);
    if (extras?.product !== undefined) contract.product = extras.product;
    if (extras?.plan !== undefined) contract.plan = extras.plan;
    if (extras?.seats !== undefined) contract.seats = extras.seats;
    return contract;
  }

  /**
   * Every record's id with its record index, in input order: the kept entries' ids, and those of
   * invalid records whose id itself is valid (so a duplicate is reported even when one of the
   * records carrying it has another problem).
   */
  #idsByRecord(): { ids: string[]; recordIndexes: (entry: number) => number } {
    if (this.#invalidRecordIds.length === 0) return { ids: this.#ids, recordIndexes: (entry) => this.#recordIndexOf(entry) };
    const ids: string[] = [];
    const indexes: number[] = [];
    let invalid = 0;
    for (let entry = 0; entry <= this.#entryCount; entry++) {
      const index = entry < this.#entryCount ? this.#recordIndexOf(entry) : Number.POSITIVE_INFINITY;
      while (invalid < this.#invalidRecordIds.length && this.#invalidRecordIds[invalid]!.index < index) {
        ids.push(this.#invalidRecordIds[invalid]!.id);
        indexes.push(this.#invalidRecordIds[invalid++]!.index);
      }
      if (entry < this.#entryCount) {
        ids.push(this.#ids[entry]!);
        indexes.push(index);
      }
    }
    return { ids, recordIndexes: (position) => indexes[position]! };
  }

  /** Validation issues and duplicate-id issues, merged in input order (a record's own issues first). */
  #allIssues(): ValidationIssue[] {
    const { ids, recordIndexes } = this.#idsByRecord();
    const duplicates = findDuplicateIds(ids).map(([position, first]) => ({
      index: recordIndexes(position),
      issue: {
        path: `${this.#root}[${recordIndexes(position)}].id`,
        message: `duplicate id ${JSON.stringify(ids[position])} (also ${this.#root}[${recordIndexes(first)}])`,
      },
    }));
    if (duplicates.length === 0) return this.#issues.map((item) => item.issue);
    // Both lists are in input order; for the same record, its field issues come before its duplicate id.
    const merged: ValidationIssue[] = [];
    let a = 0;
    let b = 0;
    while (a < this.#issues.length || b < duplicates.length) {
      if (b >= duplicates.length || (a < this.#issues.length && this.#issues[a]!.index <= duplicates[b]!.index)) merged.push(this.#issues[a++]!.issue);
      else merged.push(duplicates[b++]!.issue);
    }
    return merged;
  }

  /**
   * Indexes the contracts into an immutable book.
   * @throws {@link ValidationError} with every problem found, in input order.
   * @throws {@link CurrencyMismatchError} for the first record in another currency without a rate.
   */
  finish(): ContractBook {
    if (this.#finished) throw new Error("cs-metrics: ContractBookBuilder.finish called twice");
    this.#finished = true;
    this.#ids.length = this.#entryCount;
    this.#customerIds.length = this.#entryCount;
    this.#amounts.length = this.#entryCount;
    const issues = this.#allIssues();
    if (issues.length > 0) throw new ValidationError(issues);
    const count = this.#ids.length;
    const currency = this.#optionCurrency ?? this.#firstCurrency ?? NO_CURRENCY;

    // Exact amounts in the book currency (converted ones are kept aside), then the common
    // denominator 10^maxScale × lcm(months).
    const converted = new Map<number, ScaledInteger>();
    let maxScale = 0;
    const scales = this.#scales.view();
    for (let entry = 0; entry < count; entry++) if (scales[entry]! > maxScale) maxScale = scales[entry]!;
    const entriesInOtherCurrencies: number[] = [];
    if (this.#firstCurrency !== undefined && this.#firstCurrency !== currency) {
      for (let entry = 0; entry < count; entry++) entriesInOtherCurrencies.push(entry);
    } else {
      entriesInOtherCurrencies.push(...this.#otherCurrencies.keys());
    }
    for (const entry of entriesInOtherCurrencies) {
      const entryCurrency = this.#currencyOf(entry);
      if (entryCurrency === currency) continue;
      const rate = this.#rates.get(entryCurrency);
      if (rate === undefined) throw new CurrencyMismatchError(`${this.#root}[${this.#recordIndexOf(entry)}].currency`, currency, entryCurrency);
      const coefficient = (this.#bigCoefficients.get(entry) ?? BigInt(this.#coefficients.at(entry))) * rate.coefficient;
      const scale = scales[entry]! + rate.scale;
      converted.set(entry, { coefficient, scale });
      if (scale > maxScale) maxScale = scale;
    }
    const distinctMonths = new Set<number>();
    const months = this.#months.view();
    let previousMonths = 0;
    for (let entry = 0; entry < count; entry++) {
      if (months[entry] !== previousMonths) distinctMonths.add((previousMonths = months[entry]!));
    }
    let monthsLcm = 1n;
    for (const lineMonths of distinctMonths) monthsLcm = lcm(monthsLcm, BigInt(lineMonths));
    const denominator = powerOfTen(maxScale) * monthsLcm;

    const customerOrder = this.#customerOrder();
    const { quality, newEnds } = settleOpenLines(
      { ...customerOrder, entryAt: (at) => (customerOrder.order === null ? at : customerOrder.order[at]!) },
      this.#startDays.view(),
      this.#endDays.view(),
      (entry) => this.#parsed.get(entry)?.product ?? this.#extras.get(entry)?.product,
      this.#linesMode,
    );
    this.#newEnds = newEnds;
    const index = this.#index(customerOrder, maxScale, monthsLcm, converted);

    const contractOf = (entry: number): Contract => this.#contractOf(entry);
    let contracts: readonly Contract[] | undefined;
    let customers: readonly CustomerContracts[] | undefined;
    const book: ContractBook = Object.freeze({
      kind: "ContractBook" as const,
      currency,
      denominator,
      /** The validated contracts, in input order (built on first read). */
      get contracts(): readonly Contract[] {
        contracts ??= Object.freeze(Array.from({ length: count }, (_, entry) => contractOf(entry)));
        return contracts;
      },
      /** Contract lines grouped by customer, customers sorted by id (built on first read). */
      get customers(): readonly CustomerContracts[] {
        customers ??= customersOfIndex(index);
        return customers;
      },
      dataQuality: quality,
    });
    registerBookIndex(book, index);
    return book;
  }

  /**
   * Entries grouped by customer (customers by id, lines by start day then id), as a permutation
   * (`null`: input order) with the customers' boundaries. Input already grouped and sorted by
   * customer costs one comparison per record; otherwise customers are grouped with a map and sorted.
   */
  #customerOrder(): CustomerOrder {
    const ids = this.#customerIds;
    const count = ids.length;
    const runStarts: number[] = [];
    let grouped = true;
    let previous = "";
    for (let entry = 0; entry < count; entry++) {
      const id = ids[entry]!;
      if (entry > 0 && id === previous) continue;
      if (entry > 0 && !(previous < id)) {
        grouped = false;
        break;
      }
      runStarts.push(entry);
      previous = id;
    }
    let order: Int32Array | null = null;
    let customerIds: string[];
    let lineStart: Int32Array;
    if (grouped) {
      customerIds = runStarts.map((entry) => ids[entry]!);
      lineStart = new Int32Array(runStarts.length + 1);
      lineStart.set(runStarts);
      lineStart[runStarts.length] = count;
    } else {
      const groups = new Map<string, number[]>();
      for (let entry = 0; entry < count; entry++) {
        const group = groups.get(ids[entry]!);
        if (group === undefined) groups.set(ids[entry]!, [entry]);
        else group.push(entry);
      }
      // The default sort orders strings by UTF-16 code units, as compareIds does.
      customerIds = [...groups.keys()].sort();
      order = new Int32Array(count);
      lineStart = new Int32Array(customerIds.length + 1);
      let at = 0;
      for (let position = 0; position < customerIds.length; position++) {
        lineStart[position] = at;
        for (const entry of groups.get(customerIds[position]!)!) order[at++] = entry;
      }
      lineStart[customerIds.length] = count;
    }
    // Lines of a customer by start day, then id.
    const starts = this.#startDays.view();
    const lineIds = this.#ids;
    const compare = (a: number, b: number): number => starts[a]! - starts[b]! || compareIds(lineIds[a]!, lineIds[b]!);
    for (let position = 0; position < customerIds.length; position++) {
      const from = lineStart[position]!;
      const to = lineStart[position + 1]!;
      let sorted = true;
      for (let at = from + 1; at < to; at++) {
        const a = order === null ? at - 1 : order[at - 1]!;
        const b = order === null ? at : order[at]!;
        if (starts[a]! > starts[b]! || (starts[a] === starts[b] && compareIds(lineIds[a]!, lineIds[b]!) > 0)) {
          sorted = false;
          break;
        }
      }
      if (sorted) continue;
      if (order === null) {
        order = new Int32Array(count);
        for (let entry = 0; entry < count; entry++) order[entry] = entry;
      }
      order.set(Array.from(order.subarray(from, to)).sort(compare), from);
    }
    return { order, customerIds, lineStart };
  }

  /** The columnar index, with units = coefficient × 10^(maxScale − scale) × (lcm / months) × divisor. */
  #index({ order, customerIds, lineStart }: CustomerOrder, maxScale: number, monthsLcm: bigint, converted: ReadonlyMap<number, ScaledInteger>): BookIndex {
    const count = this.#ids.length;
    const bigFactors = new Map<number, bigint>();
    const bigFactorOf = (scale: number, lineMonths: number): bigint => {
      const key = scale * 4_294_967_296 + lineMonths;
      let factor = bigFactors.get(key);
      if (factor === undefined) bigFactors.set(key, (factor = powerOfTen(maxScale - scale) * (monthsLcm / BigInt(lineMonths))));
      return factor;
    };
    // The same factors as doubles (NaN where not exact), for the common (scale, months) pairs.
    let lastScale = -1;
    let lastMonths = -1;
    let lastDivisor = 1;
    let lastFactor = Number.NaN;
    const divisors = this.#monthDivisors;
    const startDays = new Float64Array(count);
    const endDays = new Float64Array(count);
    const doubles = new Float64Array(count);
    const termMonths = new Int32Array(count);
    const termDivisor = new Int32Array(count);
    // In input order the ids column is the lines' ids as it is; otherwise it is permuted.
    const lineIds: string[] = order === null ? this.#ids : new Array<string>(count);
    const coefficients = this.#coefficients.view();
    const scales = this.#scales.view();
    const months = this.#months.view();
    const allStarts = this.#startDays.view();
    const allEnds = this.#endDays.view();
    let bigUnits: bigint[] | null = null;
    let total = 0;
    for (let at = 0; at < count; at++) {
      const entry = order === null ? at : order[at]!;
      if (order !== null) lineIds[at] = this.#ids[entry]!;
      startDays[at] = allStarts[entry]!;
      endDays[at] = this.#newEnds.size === 0 ? allEnds[entry]! : (this.#newEnds.get(entry) ?? allEnds[entry]!);
      const scale = scales[entry]!;
      const lineMonths = months[entry]!;
      const divisor = divisors.size === 0 ? 1 : (divisors.get(entry) ?? 1);
      termMonths[at] = lineMonths;
      termDivisor[at] = divisor;
      let units = Number.NaN;
      if (bigUnits === null && (converted.size === 0 || !converted.has(entry))) {
        if (scale !== lastScale || lineMonths !== lastMonths || divisor !== lastDivisor) {
          const factor = bigFactorOf(scale, lineMonths) * BigInt(divisor);
          lastFactor = factor <= MAX_EXACT_BIGINT ? Number(factor) : Number.NaN;
          lastScale = scale;
          lastMonths = lineMonths;
          lastDivisor = divisor;
        }
        // A product of integers that stays below 2^53 is exact in doubles.
        units = coefficients[entry]! * lastFactor;
      }
      if (units <= Number.MAX_SAFE_INTEGER && total + units <= Number.MAX_SAFE_INTEGER) {
        doubles[at] = units;
        total += units;
        continue;
      }
      // Beyond 2^53 (or a converted amount): the whole book switches to bigints.
      if (bigUnits === null) {
        bigUnits = new Array<bigint>(count);
        for (let earlier = 0; earlier < at; earlier++) bigUnits[earlier] = BigInt(doubles[earlier]!);
      }
      const conversion = converted.get(entry);
      const coefficient = conversion?.coefficient ?? this.#bigCoefficients.get(entry) ?? BigInt(coefficients[entry]!);
      bigUnits[at] = coefficient * bigFactorOf(conversion?.scale ?? scale, lineMonths) * BigInt(divisor);
    }
    return { customerIds, lineStart, lineIds, startDays, endDays, termMonths, termDivisor, units: bigUnits === null ? doubles : null, bigUnits };
  }
}

/** Entries grouped by customer: see {@link ContractBookBuilder}'s `#customerOrder`. */
interface CustomerOrder {
  readonly order: Int32Array | null;
  readonly customerIds: string[];
  readonly lineStart: Int32Array;
}
