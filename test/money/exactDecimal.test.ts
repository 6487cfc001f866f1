import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { divide, gcd, lcm, toScaledInteger } from "../../src/money/exactDecimal.js";

describe("exact decimal helpers", () => {
  it("toScaledInteger keeps every digit and the sign: 12.50 → 1250 × 10^-2", () => {
    expect(toScaledInteger(new Decimal("12.50"))).toEqual({ coefficient: 125n, scale: 1 }); // Decimal drops the trailing 0: 12.5
    expect(toScaledInteger(new Decimal("-0.05"))).toEqual({ coefficient: -5n, scale: 2 });
    expect(toScaledInteger(new Decimal("-12.5"))).toEqual({ coefficient: -125n, scale: 1 });
    expect(toScaledInteger(new Decimal("1e-30"))).toEqual({ coefficient: 1n, scale: 30 });
    expect(toScaledInteger(new Decimal("123456789012345678901234567890"))).toEqual({ coefficient: 123456789012345678901234567890n, scale: 0 });
  });

  it("gcd ignores the numerator's sign; lcm and divide reduce exactly", () => {
    expect(gcd(-12n, 18n)).toBe(6n);
    expect(gcd(0n, 7n)).toBe(7n);
    expect(lcm(4n, 6n)).toBe(12n);
    // −3/12 = −1/4 = −0.25 exactly; 1/3 rounds half-even to 40 significant digits
    expect(divide(-3n, 12n).toString()).toBe("-0.25");
    expect(divide(1n, 3n).toFixed()).toBe(`0.${"3".repeat(40)}`);
  });
});

describe("divide is exact for every terminating quotient, however long", () => {
  it("1 / 2^150 has 150 decimal places (105 significant digits), all kept", () => {
    // 1 / 2^150 = 5^150 / 10^150
    const digits = (5n ** 150n).toString().padStart(150, "0");
    expect(divide(1n, 2n ** 150n).toFixed()).toBe(`0.${digits}`);
  });

  it("3 / 5^80 and 7 / (2^60 · 5^70) likewise", () => {
    // 3 / 5^80 = 3 · 2^80 / 10^80
    expect(divide(3n, 5n ** 80n).toFixed()).toBe(`0.${(3n * 2n ** 80n).toString().padStart(80, "0")}`);
    // 7 / (2^60 · 5^70) = 7 · 2^10 / 10^70
    expect(divide(7n, 2n ** 60n * 5n ** 70n).toFixed()).toBe(`0.${(7n * 2n ** 10n).toString().padStart(70, "0")}`);
  });

  it("a quotient with another prime in the denominator is rounded half-even to 40 significant digits", () => {
    // 2 / 3 = 0.666… → 40 sixes rounding up to …67; 1 / (2^50 · 3) keeps no exact expansion either
    expect(divide(2n, 3n).toFixed()).toBe(`0.${"6".repeat(39)}7`);
    expect(divide(1n, 3n * 2n ** 50n).precision()).toBe(40);
  });
});
