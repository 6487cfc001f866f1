/**
 * Reading the `segment` option of the segment reports: a line attribute (`"plan"`, `"product"`) or a
 * customer attribute (a map or a function of the customer id), resolved to one label per contract
 * line of a book.
 * @module
 */
import { ValidationError } from "../errors.js";
import { bookIndexOf } from "../revenue/bookIndex.js";
import type { ContractBook } from "../revenue/contractBook.js";
import { describeValue } from "../schemas/primitives.js";

/** A contract-line attribute that splits a customer's MRR across segments. */
export type LineAttribute = "plan" | "product";

/**
 * What defines a segment:
 * - `"plan"` or `"product"`: the contract line's field (a customer's MRR splits across segments);
 * - a `Map` or a plain object from customer id to label, or a function of the customer id returning
 *   the label (a partition of the customers).
 *
 * A line without the field, a customer missing from the map, or a function returning `undefined` or
 * `null` falls in the unlabelled segment, whose label is `null`.
 */
export type SegmentBy =
  | LineAttribute
  | ReadonlyMap<string, string>
  | Readonly<Record<string, string>>
  | ((customerId: string) => string | null | undefined);

/** How a {@link SegmentBy} was read: by a line attribute, or by customer. */
export type SegmentKind = LineAttribute | "customer";

/** One label per line of the book's index (customer by customer, lines in index order). */
export interface LineLabels {
  readonly kind: SegmentKind;
  /** `labels[line]`: the segment of index line `line`; `null` = unlabelled. */
  readonly labels: readonly (string | null)[];
}

const PATH = "options.segment";

function checkLabel(label: unknown, path: string): string | null {
  if (label === undefined || label === null) return null;
  if (typeof label === "string") return label;
  throw new ValidationError([{ path, message: `must be a segment label (a string), null or undefined (got ${describeValue(label)})` }]);
}

/**
 * The customer → label lookup of a customer attribute (a Map, a plain object or a function), validated;
 * problems are reported at `path` (`options.segment`, or `factor` for retentionByFactor).
 */
export function customerLookup(segment: unknown, path = PATH): (customerId: string) => string | null {
  if (typeof segment === "function") {
    return (customerId) => checkLabel((segment as (id: string) => unknown)(customerId), `${path}(${JSON.stringify(customerId)})`);
  }
  if (segment instanceof Map) {
    for (const [key, label] of segment) {
      if (typeof key !== "string") throw new ValidationError([{ path, message: `must map customer ids (strings) to labels (got the key ${describeValue(key)})` }]);
      checkLabel(label, `${path}.get(${JSON.stringify(key)})`);
    }
    const map = segment as ReadonlyMap<string, string | null | undefined>;
    return (customerId) => map.get(customerId) ?? null;
  }
  if (typeof segment === "object" && segment !== null && !Array.isArray(segment)) {
    const record = segment as Readonly<Record<string, unknown>>;
    for (const key of Object.keys(record)) checkLabel(record[key], `${path}[${JSON.stringify(key)}]`);
    return (customerId) => (Object.hasOwn(record, customerId) ? (record[customerId] as string | null | undefined) ?? null : null);
  }
  throw new ValidationError([
    { path, message: `must be ${path === PATH ? '"plan", "product", ' : ""}a Map or object from customer id to label, or a function of the customer id (got ${describeValue(segment)})` },
  ]);
}

/**
 * The label of every line of `book`.
 * @throws {@link ValidationError} at `options.segment` for an unknown attribute or a label that is not a string.
 */
export function lineLabels(book: ContractBook, segment: unknown): LineLabels {
  const index = bookIndexOf(book);
  const labels = new Array<string | null>(index.lineIds.length);
  if (segment === "plan" || segment === "product") {
    const byId = new Map<string, string | null>();
    for (const contract of book.contracts) byId.set(contract.id, contract[segment] ?? null);
    for (let line = 0; line < labels.length; line++) labels[line] = byId.get(index.lineIds[line]!) ?? null;
    return { kind: segment, labels };
  }
  const lookup = customerLookup(segment);
  for (let customer = 0; customer < index.customerIds.length; customer++) {
    const label = lookup(index.customerIds[customer]!);
    for (let line = index.lineStart[customer]!; line < index.lineStart[customer + 1]!; line++) labels[line] = label;
  }
  return { kind: "customer", labels };
}

/** Segment order: labels by UTF-16 code units, the unlabelled segment (`null`) last. */
export function compareLabels(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
