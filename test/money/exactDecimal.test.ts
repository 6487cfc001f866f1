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
