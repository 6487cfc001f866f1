import Decimal from "decimal.js";
import { expect } from "vitest";

/**
 * Decimal for the tests' own arithmetic. The global Decimal rounds every operation to 20 significant
 * digits, which would blur the library's 40-digit results; 200 digits keep sums and differences exact.
 */
export const Exact = Decimal.clone({ precision: 200 });

/** Exact sum of values. */
export function exactSum(...values: Decimal.Value[]): Decimal {
  return values.reduce<Decimal>((total, value) => total.plus(value), new Exact(0));
}

/** Asserts `actual` is a Decimal exactly equal to `expected` (compared with `.equals`), with a readable message. */
export function expectDecimal(actual: Decimal | null | undefined, expected: Decimal.Value): void {
  expect(actual, `expected a Decimal equal to ${String(expected)}, got ${String(actual)}`).toBeInstanceOf(Decimal);
  expect((actual as Decimal).equals(expected), `${String(actual)} ≠ ${String(expected)}`).toBe(true);
}

/**
 * Asserts |actual − expected| ≤ tolerance: for figures that are sums or ratios of values each rounded
 * to 40 significant digits. Default tolerance 1e-30.
 */
export function expectClose(actual: Decimal | null | undefined, expected: Decimal.Value, tolerance: Decimal.Value = "1e-30"): void {
  expect(actual, `expected a Decimal close to ${String(expected)}, got ${String(actual)}`).toBeInstanceOf(Decimal);
  const difference = new Exact(actual as Decimal).minus(expected).abs();
  expect(difference.lte(tolerance), `|${String(actual)} − ${String(expected)}| = ${difference.toString()} > ${String(tolerance)}`).toBe(true);
}

/** As {@link expectClose}, the tolerance relative to |expected| (default 1e-36) with an absolute floor of 1e-30. */
export function expectRelativelyClose(actual: Decimal | null | undefined, expected: Decimal.Value, relative: Decimal.Value = "1e-36"): void {
  const tolerance = Decimal.max("1e-30", new Exact(expected).abs().times(relative));
  expectClose(actual, expected, tolerance);
}
