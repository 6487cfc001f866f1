/**
 * Builds a contract book one record at a time: reads each record as it arrives (the fast reader for
 * the common shape, the schema for everything else) into {@link ContractColumns}, keeps the issues,
 * and at the end checks ids and currencies, finds the common denominator and indexes the columns
 * (bookIndexing.ts). Shared by {@link contractBook}, the streaming builders and the CLI's readers.
 * @module
 */
import { CurrencyMismatchError, ValidationError, type ValidationIssue } from "../errors.js";
import { NO_CURRENCY } from "../money/currency.js";
import { type ScaledInteger, lcm, powerOfTen } from "../money/exactDecimal.js";
import { type Contract, ContractSchema } from "../schemas/contract.js";
import { IdSchema, describeValue, formatPath } from "../schemas/primitives.js";
import { checkTimeZone } from "../schemas/usageEvent.js";
import { withZonedDates } from "../schemas/zonedDateFields.js";
import { customersOfIndex, registerBookIndex } from "./bookIndex.js";
import { customerOrder, indexLines } from "./bookIndexing.js";
import { checkOptionCurrency, readExchangeRates } from "./bookOptions.js";
import { ContractColumns } from "./contractColumns.js";
import type { ContractBook, ContractBookOptions, CustomerContracts } from "./contractBookTypes.js";
import { findDuplicateIds } from "./duplicateIds.js";
import { readMonthlyConversions } from "./monthlyConversion.js";
import { type LinesMode, readLinesMode, settleOpenLines } from "./openLines.js";
import { type PlainContract, readPlainContract } from "./plainContractReader.js";

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
  readonly #timeZone: string | undefined;
  readonly #linesMode: LinesMode;
  readonly #issues: Array<{ readonly index: number; readonly issue: ValidationIssue }> = [];
  #count = 0;
  #finished = false;
  readonly #columns: ContractColumns;
  /** The valid ids of invalid records (record index, id), so that their duplicates are reported too. */
  readonly #invalidRecordIds: { readonly index: number; readonly id: string }[] = [];

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
    const conversions = readMonthlyConversions(options);
    this.#timeZone = checkTimeZone(options.timeZone);
    this.#linesMode = readLinesMode(options.lines);
    // Sized ahead when the count is known (an array), so a million ids are never copied to grow.
    this.#columns = new ContractColumns(conversions, Math.min(Math.max(Math.floor(expectedCount) || 0, 16), 1 << 24));
  }

  /** Number of records added so far (valid or not): the index the next record gets. */
  get count(): number {
    return this.#count;
  }

  /** Validates the next record; problems are kept and thrown by {@link ContractBookBuilder.finish}. */
  add(input: unknown): void {
    this.#checkOpen();
    let record = input;
    let plain = readPlainContract(record);
    if (plain === null && this.#timeZone !== undefined) {
      record = withZonedDates(record, CONTRACT_DATE_FIELDS, this.#timeZone);
      if (record !== input) plain = readPlainContract(record);
    }
    if (plain !== null) this.#columns.pushPlain(this.#count++, plain);
    else this.#addParsed(record);
  }

  /**
   * Adds the next record already read by the fast reader (a reader of a file's cells calls
   * `readPlainContractFields` and passes what it returns, falling back to {@link ContractBookBuilder.add}
   * with the record when it returns `null`).
   */
  addPlain(plain: PlainContract): void {
    this.#checkOpen();
    this.#columns.pushPlain(this.#count++, plain);
  }

  #checkOpen(): void {
    if (this.#finished) throw new Error("cs-metrics: ContractBookBuilder.add after finish");
  }

  /** Validates a record with the schema: an entry when it is valid, its issues otherwise. */
  #addParsed(record: unknown): void {
    const index = this.#count++;
    const parsed = ContractSchema.safeParse(record);
    if (parsed.success) {
      this.#columns.pushParsed(index, parsed.data as Contract);
      return;
    }
    this.#columns.skipRecord();
    for (const issue of parsed.error.issues) {
      this.#issues.push({ index, issue: { path: formatPath(`${this.#root}[${index}]`, issue.path), message: issue.message } });
    }
    if (typeof record === "object" && record !== null) {
      const id = IdSchema.safeParse((record as { readonly id?: unknown }).id);
      if (id.success) this.#invalidRecordIds.push({ index, id: id.data });
    }
  }

  /**
   * Every record's id with its record index, in input order: the kept entries' ids, and those of
   * invalid records whose id itself is valid (so a duplicate is reported even when one of the
   * records carrying it has another problem).
   */
  #idsByRecord(): { ids: string[]; recordIndexes: (entry: number) => number } {
    const columns = this.#columns;
    if (this.#invalidRecordIds.length === 0) return { ids: columns.ids, recordIndexes: (entry) => columns.recordIndexOf(entry) };
    const ids: string[] = [];
    const indexes: number[] = [];
    let invalid = 0;
    for (let entry = 0; entry <= columns.count; entry++) {
      const index = entry < columns.count ? columns.recordIndexOf(entry) : Number.POSITIVE_INFINITY;
      while (invalid < this.#invalidRecordIds.length && this.#invalidRecordIds[invalid]!.index < index) {
        ids.push(this.#invalidRecordIds[invalid]!.id);
        indexes.push(this.#invalidRecordIds[invalid++]!.index);
      }
      if (entry < columns.count) {
        ids.push(columns.ids[entry]!);
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
    const columns = this.#columns;
    columns.trim();
    const issues = this.#allIssues();
    if (issues.length > 0) throw new ValidationError(issues);
    const count = columns.count;
    const currency = this.#optionCurrency ?? columns.firstCurrency ?? NO_CURRENCY;

    // Exact amounts in the book currency (converted ones are kept aside), then the common
    // denominator 10^maxScale × lcm(months).
    const converted = new Map<number, ScaledInteger>();
    let maxScale = 0;
    const scales = columns.scales.view();
    for (let entry = 0; entry < count; entry++) if (scales[entry]! > maxScale) maxScale = scales[entry]!;
    const entriesInOtherCurrencies: number[] = [];
    if (columns.firstCurrency !== undefined && columns.firstCurrency !== currency) {
      for (let entry = 0; entry < count; entry++) entriesInOtherCurrencies.push(entry);
    } else {
      entriesInOtherCurrencies.push(...columns.otherCurrencies.keys());
    }
    for (const entry of entriesInOtherCurrencies) {
      const entryCurrency = columns.currencyOf(entry);
      if (entryCurrency === currency) continue;
      const rate = this.#rates.get(entryCurrency);
      if (rate === undefined) throw new CurrencyMismatchError(`${this.#root}[${columns.recordIndexOf(entry)}].currency`, currency, entryCurrency);
      const coefficient = (columns.bigCoefficients.get(entry) ?? BigInt(columns.coefficients.at(entry))) * rate.coefficient;
      const scale = scales[entry]! + rate.scale;
      converted.set(entry, { coefficient, scale });
      if (scale > maxScale) maxScale = scale;
    }
    const distinctMonths = new Set<number>();
    const months = columns.months.view();
    let previousMonths = 0;
    for (let entry = 0; entry < count; entry++) {
      if (months[entry] !== previousMonths) distinctMonths.add((previousMonths = months[entry]!));
    }
    let monthsLcm = 1n;
    for (const lineMonths of distinctMonths) monthsLcm = lcm(monthsLcm, BigInt(lineMonths));
    const denominator = powerOfTen(maxScale) * monthsLcm;

    const grouped = customerOrder(columns.customers, columns.startDays.view(), columns.ids);
    const { quality, newEnds } = settleOpenLines(
      { ...grouped, entryAt: (at) => (grouped.order === null ? at : grouped.order[at]!) },
      columns.startDays.view(),
      columns.endDays.view(),
      columns.hasProducts ? (entry) => columns.productOf(entry) : null,
      this.#linesMode,
    );
    const index = indexLines(columns, grouped, newEnds, maxScale, monthsLcm, converted);

    const contractOf = (entry: number): Contract => columns.contractOf(entry, newEnds.get(entry));
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
}
