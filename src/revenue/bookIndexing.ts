/**
 * Indexing a contract book's columns: entries grouped by customer (customers in id order, each
 * customer's lines by start day, then id), then laid out as the typed arrays of a {@link BookIndex}
 * with every line's MRR in the book's common units.
 * @module
 */
import type { EpochDay } from "../dates/calendarDate.js";
import { compareIds } from "../ids/compareIds.js";
import { type ScaledInteger, powerOfTen } from "../money/exactDecimal.js";
import type { BookIndex } from "./bookIndex.js";
import { type ContractColumns, MAX_EXACT_BIGINT } from "./contractColumns.js";
import type { CustomerNumbers } from "./customerNumbers.js";

/** Entries grouped by customer: a permutation of the entries (`null`: input order) and each customer's first line. */
export interface CustomerOrder {
  readonly order: Int32Array | null;
  readonly customerIds: string[];
  readonly lineStart: Int32Array;
}

/** Customers with at most this many lines are sorted in place (most have a handful), others by `Array#sort`. */
const INSERTION_SORT_LIMIT = 32;

/** Sorts `order[from…to)` in place (stable), without allocating. */
function insertionSort(order: Int32Array, from: number, to: number, compare: (a: number, b: number) => number): void {
  for (let at = from + 1; at < to; at++) {
    const entry = order[at]!;
    let hole = at;
    while (hole > from && compare(order[hole - 1]!, entry) > 0) {
      order[hole] = order[hole - 1]!;
      hole--;
    }
    order[hole] = entry;
  }
}

/**
 * Entries grouped by customer (customers by id, lines by start day then id), as a permutation
 * (`null`: input order) with the customers' boundaries. Input already grouped and sorted by
 * customer is laid out as it came (the customer numbers are the positions); otherwise the customers
 * are sorted once and the entries placed by a counting sort on their customer's position.
 */
export function customerOrder(customers: CustomerNumbers, starts: Float64Array, lineIds: readonly string[]): CustomerOrder {
  const numbers = customers.numbers.view();
  const count = numbers.length;
  const distinct = customers.ids.length;
  let order: Int32Array | null = null;
  let customerIds: string[];
  const lineStart = new Int32Array(distinct + 1);
  if (customers.inIdOrder) {
    customerIds = customers.ids;
    lineStart.set(customers.firstEntries.view());
  } else {
    const byId = new Int32Array(distinct);
    for (let number = 0; number < distinct; number++) byId[number] = number;
    // UTF-16 code unit order, as compareIds (ids are distinct: never 0).
    byId.sort((a, b) => (customers.ids[a]! < customers.ids[b]! ? -1 : 1));
    const positionOf = new Int32Array(distinct);
    customerIds = new Array<string>(distinct);
    for (let position = 0; position < distinct; position++) {
      positionOf[byId[position]!] = position;
      customerIds[position] = customers.ids[byId[position]!]!;
    }
    // Counting sort, stable: each customer's entries keep their input order.
    for (let entry = 0; entry < count; entry++) lineStart[positionOf[numbers[entry]!]! + 1]!++;
    for (let position = 0; position < distinct; position++) lineStart[position + 1]! += lineStart[position]!;
    const next = lineStart.slice(0, distinct);
    order = new Int32Array(count);
    for (let entry = 0; entry < count; entry++) order[next[positionOf[numbers[entry]!]!]!++] = entry;
  }
  lineStart[distinct] = count;
  // Lines of a customer by start day, then id.
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
    if (to - from > INSERTION_SORT_LIMIT) order.set(Array.from(order.subarray(from, to)).sort(compare), from);
    else insertionSort(order, from, to, compare);
  }
  return { order, customerIds, lineStart };
}

/** The columnar index, with units = coefficient × 10^(maxScale − scale) × (lcm / months) × divisor. */
export function indexLines(
  columns: ContractColumns,
  { order, customerIds, lineStart }: CustomerOrder,
  newEnds: ReadonlyMap<number, EpochDay>,
  maxScale: number,
  monthsLcm: bigint,
  converted: ReadonlyMap<number, ScaledInteger>,
): BookIndex {
  const count = columns.count;
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
  const divisors = columns.monthDivisors;
  const doubles = new Float64Array(count);
  const termMonths = new Int32Array(count);
  const termDivisor = new Int32Array(count);
  // The id and day columns become the lines' ids and days (put in book order in place when it is not the input's).
  if (order !== null) columns.permuteIntoBookOrder(order);
  const lineIds: readonly string[] = columns.ids;
  const startDays = columns.startDays.view();
  const endDays = columns.endDays.view();
  const coefficients = columns.coefficients.view();
  const scales = columns.scales.view();
  const months = columns.months.view();
  let bigUnits: bigint[] | null = null;
  let total = 0;
  for (let at = 0; at < count; at++) {
    const entry = order === null ? at : order[at]!;
    if (newEnds.size !== 0) endDays[at] = newEnds.get(entry) ?? endDays[at]!;
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
    const coefficient = conversion?.coefficient ?? columns.bigCoefficients.get(entry) ?? BigInt(coefficients[entry]!);
    bigUnits[at] = coefficient * bigFactorOf(conversion?.scale ?? scale, lineMonths) * BigInt(divisor);
  }
  return { customerIds, lineStart, lineIds, startDays, endDays, termMonths, termDivisor, units: bigUnits === null ? doubles : null, bigUnits };
}
