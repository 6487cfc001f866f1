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
 * customer costs one comparison per record; otherwise customers are grouped with a map and sorted.
 */
export function customerOrder(ids: readonly string[], starts: Float64Array, lineIds: readonly string[]): CustomerOrder {
  const count = ids.length;
  // Each customer's first entry while the input is grouped (at most one per entry, plus the end).
  const runStarts = new Int32Array(count + 1);
  let runs = 0;
  let grouped = true;
  let previous = "";
  for (let entry = 0; entry < count; entry++) {
    const id = ids[entry]!;
    if (entry > 0 && id === previous) continue;
    if (entry > 0 && !(previous < id)) {
      grouped = false;
      break;
    }
    runStarts[runs++] = entry;
    previous = id;
  }
  let order: Int32Array | null = null;
  let customerIds: string[];
  let lineStart: Int32Array;
  if (grouped) {
    customerIds = new Array<string>(runs);
    for (let run = 0; run < runs; run++) customerIds[run] = ids[runStarts[run]!]!;
    runStarts[runs] = count;
    lineStart = runStarts.slice(0, runs + 1);
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
  const startDays = new Float64Array(count);
  const endDays = new Float64Array(count);
  const doubles = new Float64Array(count);
  const termMonths = new Int32Array(count);
  const termDivisor = new Int32Array(count);
  // In input order the ids column is the lines' ids as it is; otherwise it is permuted.
  const lineIds: string[] = order === null ? columns.ids : new Array<string>(count);
  const coefficients = columns.coefficients.view();
  const scales = columns.scales.view();
  const months = columns.months.view();
  const allStarts = columns.startDays.view();
  const allEnds = columns.endDays.view();
  let bigUnits: bigint[] | null = null;
  let total = 0;
  for (let at = 0; at < count; at++) {
    const entry = order === null ? at : order[at]!;
    if (order !== null) lineIds[at] = columns.ids[entry]!;
    startDays[at] = allStarts[entry]!;
    endDays[at] = newEnds.size === 0 ? allEnds[entry]! : (newEnds.get(entry) ?? allEnds[entry]!);
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
