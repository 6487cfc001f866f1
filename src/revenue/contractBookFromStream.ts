/**
 * Contract books from streams: records are validated as they arrive and only their normalised form
 * is kept, so a caller can feed rows from a file or a database cursor without holding the raw
 * records. Memory grows with the number of contracts kept (a few numbers and three references each), not with
 * the size of the raw rows.
 * @module
 */
import { assertRecordSource } from "../schemas/recordSource.js";
import { ValidationError } from "../errors.js";
import type { ContractInput } from "../schemas/contract.js";
import type { ContractBook, ContractBookOptions } from "./contractBook.js";
import { ContractBookBuilder } from "./contractBookBuilder.js";


/**
 * Builds a {@link ContractBook} from any iterable of contract records (a generator, a `Set`, rows
 * decoded lazily), validating each as it comes.
 *
 * @remarks Same book, same validation and the same error paths as {@link contractBook} on the
 * records in iteration order: the n-th record is `contracts[n]`.
 * @param records - Raw contracts (see {@link ContractSchema}); each is read once and not kept.
 * @param options - Book currency and optional exchange rates.
 * @returns An immutable {@link ContractBook}.
 * @throws {@link ValidationError} listing every invalid record by its position (`contracts[12].end`).
 * @throws {@link CurrencyMismatchError} as {@link contractBook}.
 * @example
 * ```ts
 * import { contractBookFromIterable } from "cs-metrics";
 * function* rows() {
 *   for (let n = 1; n <= 3; n++) yield { id: `c${n}`, customerId: `cus${n % 2}`, start: "2025-01-01", amount: 100, currency: "JPY" };
 * }
 * contractBookFromIterable(rows()).customers.length; //=> 2
 * ```
 */
export function contractBookFromIterable(records: Iterable<ContractInput>, options: ContractBookOptions = {}): ContractBook {
  assertRecordSource(records, "contracts", "contract records", false);
  const builder = new ContractBookBuilder(options);
  for (const record of records) builder.add(record);
  return builder.finish();
}

/**
 * Builds a {@link ContractBook} from an async iterable of contract records (a Node.js stream in
 * object mode, a database cursor, an async generator) or a plain iterable, validating each as it
 * comes.
 *
 * @remarks As {@link contractBookFromIterable}; the n-th record is `contracts[n]`.
 * @param records - Raw contracts; each is read once and not kept.
 * @param options - Book currency and optional exchange rates.
 * @returns A promise of the immutable {@link ContractBook}.
 * @throws (rejects with) {@link ValidationError} or {@link CurrencyMismatchError} as
 * {@link contractBook}.
 * @example
 * ```ts
 * import { contractBookFromAsyncIterable } from "cs-metrics";
 * async function* rows() {
 *   yield { id: "c1", customerId: "acme", start: "2025-01-01", amount: "1200", interval: "year" as const, currency: "JPY" };
 * }
 * const book = await contractBookFromAsyncIterable(rows());
 * // MRR ¥100 = 1200 units of 1/12 yen (a yearly plan makes the book count twelfths).
 * book.denominator; //=> 12n
 * book.customers[0]?.lines[0]?.mrrUnits; //=> 1200n
 * ```
 */
export async function contractBookFromAsyncIterable(
  records: AsyncIterable<ContractInput> | Iterable<ContractInput>,
  options: ContractBookOptions = {},
): Promise<ContractBook> {
  assertRecordSource(records, "contracts", "contract records", true);
  const builder = new ContractBookBuilder(options);
  for await (const record of records) builder.add(record);
  return builder.finish();
}
