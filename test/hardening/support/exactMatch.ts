import Decimal from "decimal.js";
import { expect } from "vitest";
import { type Rational, exactDecimalText, roundSignificant } from "../oracle/rational.js";

/** Text of a rational for messages. */
export function showRational(r: Rational): string {
  return r.d === 1n ? r.n.toString() : `${r.n}/${r.d}`;
}

/**
 * `true` when the library's Decimal is the oracle's rational exactly, or that rational correctly
 * rounded to 40 significant digits half-even (the library's one rounding per division).
 */
export function matchesRational(actual: Decimal, expected: Rational): boolean {
  const exact = exactDecimalText(expected);
  if (exact !== null && actual.equals(new Decimal(exact))) return true;
  return actual.equals(new Decimal(roundSignificant(expected, 40)));
}

/** Asserts a library value equals the oracle's (both null, or matching as {@link matchesRational}). */
export function expectSame(label: string, actual: Decimal | null | undefined, expected: Rational | null): void {
  if (expected === null) {
    expect(actual, `${label}: expected null`).toBeNull();
    return;
  }
  expect(actual, `${label}: expected a Decimal`).toBeInstanceOf(Decimal);
  const ok = matchesRational(actual as Decimal, expected);
  expect(ok, `${label}: library ${String(actual)} ≠ oracle ${showRational(expected)} (≈ ${roundSignificant(expected, 40)})`).toBe(true);
}
