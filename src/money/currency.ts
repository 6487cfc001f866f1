/**
 * ISO 4217 currency codes, as the running JavaScript engine's `Intl` knows them.
 * @module
 */

let knownCurrencies: ReadonlySet<string> | undefined;

/** `true` when `code` is an ISO 4217 code the engine's `Intl` supports (`JPY`, `USD`, …). */
export function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf("currency"));
  return knownCurrencies.has(code);
}

/**
 * The canonical (upper-case) form of an ISO 4217 code written in any letter case (`"usd"` → `"USD"`),
 * or `null` when it is not a code the engine's `Intl` supports. Only the ASCII letters a–z are folded,
 * so no other text can turn into a code.
 */
export function canonicalCurrency(code: string): string | null {
  if (isKnownCurrency(code)) return code;
  if (!/^[A-Za-z]{3}$/.test(code)) return null;
  const upper = code.toUpperCase();
  return isKnownCurrency(upper) ? upper : null;
}

const minorUnitCache = new Map<string, number>();

/** Number of minor-unit digits of a currency: 0 for JPY, 2 for USD, 3 for KWD. */
export function minorUnitDigits(currency: string): number {
  let digits = minorUnitCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
    minorUnitCache.set(currency, digits);
  }
  return digits;
}

/** ISO 4217's code for "no currency", used by an empty contract book with no currency given. */
export const NO_CURRENCY = "XXX";
