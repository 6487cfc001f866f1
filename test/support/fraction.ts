import Decimal from "decimal.js";

/** The library rounds every division to 40 significant digits, half to even; expectations do the same. */
const Precise = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

/** numerator / denominator as the library reports a non-terminating quotient: 40 significant digits. */
export function fraction(numerator: Decimal.Value, denominator: Decimal.Value): Decimal {
  return new Decimal(new Precise(numerator).div(denominator));
}
