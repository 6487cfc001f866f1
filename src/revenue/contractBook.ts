/**
 * The contract book: contracts validated once, normalised to exact MRR and indexed by customer.
 * Every revenue metric accepts either a book or a plain array of raw records (which it turns into a
 * book first).
 * @module
 */
import { Decimal } from "decimal.js";
import { ValidationError } from "../errors.js";
import { divide } from "../money/exactDecimal.js";
import type { ContractInput } from "../schemas/contract.js";
import { isRegisteredBook } from "./bookIndex.js";
import { ContractBookBuilder } from "./contractBookBuilder.js";
import type { ContractBook, ContractBookOptions, ContractsInput } from "./contractBookTypes.js";

export type { ContractBook, ContractBookOptions, ContractLine, ContractsInput, CustomerContracts } from "./contractBookTypes.js";

/**
 * Tells a {@link ContractBook} from an array of raw contract records.
 *
 * @remarks `true` exactly when `value` was built by {@link contractBook} (or a streaming builder) of
 * this copy of the library; a look-alike object with `kind: "ContractBook"` is not a book, and is
 * validated as records instead (so it fails with a {@link ValidationError}, never a `TypeError`).
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
  return typeof value === "object" && value !== null && isRegisteredBook(value);
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
 * 3 (quarter) or 12 (year) — DOMAIN.md §1. Weekly and daily amounts are converted with exact
 * fractions: MRR = amount × weeksPerMonth / intervalCount (default 52/12; `4` is the common
 * alternative) and amount × daysPerMonth / intervalCount (default 365/12; `30` the common
 * alternative). All MRRs are held as integers over one common denominator, so sums and comparisons
 * are exact.
 *
 * @param records - Raw contracts (see {@link ContractSchema}); not mutated.
 * @param options - Book currency, optional exchange rates, weekly/daily MRR conversions.
 * @returns An immutable {@link ContractBook}.
 * @throws {@link ValidationError} listing every invalid field (`contracts[12].end: must be after start
 * (2025-04-01)`), duplicate ids included.
 * @throws {@link CurrencyMismatchError} when records use different currencies and no exchange rate
 * covers them.
 * @throws {@link ValidationError} for a `weeksPerMonth` or `daysPerMonth` that is not a positive
 * number or fraction.
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
  const builder = new ContractBookBuilder(options, "contracts", records.length);
  for (let index = 0; index < records.length; index++) builder.add(records[index]);
  return builder.finish();
}

/** An amount of book units as a Decimal in currency units. */
export function unitsToDecimal(book: ContractBook, units: bigint): Decimal {
  return divide(units, book.denominator);
}
