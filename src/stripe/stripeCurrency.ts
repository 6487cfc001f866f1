/**
 * Stripe's amounts are integers in the currency's smallest unit: cents for USD, yen for JPY. Which
 * currencies Stripe treats as zero- or three-decimal is Stripe's own list
 * (https://docs.stripe.com/currencies#zero-decimal), not ISO 4217's: ISK, for instance, is a
 * zero-decimal currency in ISO 4217 but stays two-decimal in Stripe's API ("an ISK amount of `100`
 * represents 1 króna", https://support.stripe.com/questions/deprecation-of-fractional-isk-charges-and-refunds).
 * @module
 */

/** Stripe's zero-decimal currencies (https://docs.stripe.com/currencies#zero-decimal). */
export const STRIPE_ZERO_DECIMAL_CURRENCIES: readonly string[] = [
  "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
];

/** Stripe's three-decimal currencies (https://docs.stripe.com/currencies#three-decimal). */
export const STRIPE_THREE_DECIMAL_CURRENCIES: readonly string[] = ["BHD", "JOD", "KWD", "OMR", "TND"];

/** Digits after the point of Stripe's minor unit of a currency (uppercase code): 0, 2 or 3. */
export function stripeMinorUnitDigits(currency: string): number {
  if (STRIPE_ZERO_DECIMAL_CURRENCIES.includes(currency)) return 0;
  return STRIPE_THREE_DECIMAL_CURRENCIES.includes(currency) ? 3 : 2;
}
