/**
 * "Did you mean …?" for a column name the schema does not know: `customer_id` → `customerId`,
 * `Amount` → `amount`, `ammount` → `amount`, `metrics_openTickets` → `metrics.openTickets`.
 * @module
 */

/** Lower case without separators: `customer_id`, `Customer ID` and `customerId` all read `customerid`. */
function folded(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** Levenshtein distance (insertions, deletions, substitutions), by the two-row dynamic programme. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known field `name` most likely means, or `null`: first a field equal to it ignoring case and
 * separators (`_`, `-`, spaces, dots), then the nearest field within an edit distance of a third of
 * its length (at least 1) on those folded names. With `nestedPrefix` (`metrics`), a name that starts with
 * the prefix and a separator other than `.` (`metrics_openTickets`) means `metrics.openTickets`.
 */
export function suggestField(name: string, known: readonly string[], nestedPrefix?: string): string | null {
  const target = folded(name);
  if (nestedPrefix !== undefined) {
    const nested = new RegExp(`^${nestedPrefix}[^\\p{L}\\p{N}.]+(.+)$`, "iu").exec(name);
    if (nested !== null) return `${nestedPrefix}.${nested[1]!}`;
  }
  let best: string | null = null;
  let bestDistance = Math.max(1, Math.floor(target.length / 3)) + 1;
  for (const field of known) {
    const distance = editDistance(target, folded(field));
    if (distance < bestDistance) {
      best = field;
      bestDistance = distance;
    }
  }
  return best;
}
