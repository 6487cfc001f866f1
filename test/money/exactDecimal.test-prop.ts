import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { divide, divisionBy } from "../../src/money/exactDecimal.js";

/** Denominators like a book's: 2^a · 5^b · r, r from the plan lengths and week/day fractions; [d, r]. */
const denominator = fc
  .tuple(fc.nat({ max: 12 }), fc.nat({ max: 12 }), fc.constantFrom(1n, 3n, 7n, 9n, 13n, 21n, 73n, 365n * 3n))
  .map(([twos, fives, rest]) => [2n ** BigInt(twos) * 5n ** BigInt(fives) * rest, rest] as const);

describe("divisionBy(d)(n) is divide(n, d)", () => {
  it("worked examples over a JPY book's denominator 12 = 2² · 3", () => {
    // 18 / 12: 18 is a multiple of 3 → (18 / 3) · (10² / 2²) · 10⁻² = 6 · 25 / 100 = 1.5
    expect(divisionBy(12n)(18n).toString()).toBe("1.5");
    // 1 / 12 = 0.08333…: not a multiple of 3, rounded to 40 significant digits as divide does
    expect(divisionBy(12n)(1n).toFixed()).toBe(`0.08${"3".repeat(39)}`);
    expect(divisionBy(12n)(-36n).toString()).toBe("-3");
  });

  test.prop([denominator, fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n })])("for any numerator, multiples of d's odd part or not", ([d, rest], n) => {
    const fast = divisionBy(d);
    for (const numerator of [n, n * rest, n * d, 0n]) {
      const expected = divide(numerator, d);
      const actual = fast(numerator);
      expect(actual.equals(expected)).toBe(true);
      expect(actual.toFixed()).toBe(expected.toFixed());
      expect(actual.precision(true)).toBe(expected.precision(true));
    }
  });
});
