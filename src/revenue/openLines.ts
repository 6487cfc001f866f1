/**
 * Open-ended lines of one customer that overlap: in a "subscription history" export each row
 * restates the customer's subscription from its start date without closing the row before it, and
 * summing such rows counts the same subscription twice. This module finds them (the book's
 * data-quality summary) and, under `lines: "supersede"`, ends each one where the customer's next line
 * starts.
 * @module
 */
import type { EpochDay } from "../dates/calendarDate.js";
import { ValidationError } from "../errors.js";
import { describeValue } from "../schemas/primitives.js";

/** How a customer's lines combine: `"separate"` (default: every line counts) or `"supersede"`. */
export type LinesMode = "separate" | "supersede";

/** What a contract book noticed about its lines (see {@link ContractBook}). */
export interface BookDataQuality {
  /**
   * Ids of the customers (sorted) with open-ended lines of one product (or none) that start on
   * different days: under
   * `lines: "separate"` they are summed while open together, which is right for add-ons and wrong
   * for an export where each row restates the subscription. Listed in both modes (it describes the input).
   */
  readonly overlappingOpenLines: readonly string[];
  /** Lines that `lines: "supersede"` gave an end (always 0 under `"separate"`). */
  readonly supersededLines: number;
}

/** Checks the `lines` option; absent means `"separate"`. */
export function readLinesMode(value: unknown): LinesMode {
  if (value === undefined || value === "separate" || value === "supersede") return value ?? "separate";
  throw new ValidationError([{ path: "options.lines", message: `must be "separate" or "supersede" (got ${describeValue(value)})` }]);
}

/**
 * Walks each customer's lines in book order (start day, then id) and returns the data-quality
 * summary with, under `"supersede"`, the new end day of each superseded entry: a line ends every
 * earlier open-ended line of its customer and product (absent = one product) that started on an
 * earlier day, at its own start day. Lines starting on the same day are one restatement (the items
 * of one subscription): they never end each other. Lines of different products (a base plan and an
 * add-on) never end each other and are not an overlap.
 *
 * @param customers - Customer ids in book order; the lines of customer `p` are the entries
 * `entryAt(lineStart[p])` up to `entryAt(lineStart[p + 1] - 1)`, in book order.
 * @param productOf - The `product` of an entry; `null` when no entry has one (all lines are of one product).
 */
export function settleOpenLines(
  customers: { readonly customerIds: readonly string[]; readonly lineStart: Int32Array; readonly entryAt: (at: number) => number },
  startDays: Float64Array,
  endDays: Float64Array,
  productOf: ((entry: number) => string | undefined) | null,
  mode: LinesMode,
): { readonly quality: BookDataQuality; readonly newEnds: ReadonlyMap<number, EpochDay> } {
  const overlapping: string[] = [];
  const newEnds = new Map<number, EpochDay>();
  const { customerIds, lineStart, entryAt } = customers;
  // Without products, one state serves every customer in turn (no map per customer).
  const single = { open: [] as number[], firstOpenStart: Number.NaN };
  for (let position = 0; position < customerIds.length; position++) {
    const from = lineStart[position]!;
    const to = lineStart[position + 1]!;
    // One line cannot overlap or be superseded (most customers of a book).
    if (to - from < 2) continue;
    // Per product: the open-ended lines not yet ended, and the start day of the first of them.
    const products = productOf === null ? null : new Map<string | undefined, { open: number[]; firstOpenStart: number }>();
    single.open.length = 0;
    single.firstOpenStart = Number.NaN;
    let overlaps = false;
    for (let at = from; at < to; at++) {
      const entry = entryAt(at);
      const start = startDays[entry]!;
      let state = single;
      if (products !== null) {
        const product = productOf!(entry);
        const known = products.get(product);
        if (known === undefined) products.set(product, (state = { open: [], firstOpenStart: Number.NaN }));
        else state = known;
      }
      if (mode === "supersede" && state.open.length > 0 && startDays[state.open[0]!]! < start) {
        for (const earlier of state.open) newEnds.set(earlier, start);
        state.open = [];
      }
      if (endDays[entry] !== Number.POSITIVE_INFINITY) continue;
      if (Number.isNaN(state.firstOpenStart)) state.firstOpenStart = start;
      else if (start !== state.firstOpenStart) overlaps = true;
      state.open.push(entry);
    }
    if (overlaps) overlapping.push(customerIds[position]!);
  }
  return { quality: Object.freeze({ overlappingOpenLines: Object.freeze(overlapping), supersededLines: newEnds.size }), newEnds };
}
