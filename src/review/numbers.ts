/**
 * Figures on the review page: rounded for the reader's locale (`¥1,800,000`, `99.0%`), with the
 * exact value kept in a `<data value>` element and its title (shown on hover).
 * @module
 */
import type { Decimal } from "decimal.js";
import { formatMoney, formatPercent } from "../money/format.js";
import { type Markup, element } from "./html.js";

/** Formats figures of one report currency in one locale. */
export interface FigureFormat {
  /** An amount, rounded to the currency's minor unit, exact value in the title. */
  readonly money: (amount: Decimal) => Markup;
  /** A ratio as a percentage with one decimal, exact ratio in the title; `null` shows `nullText`. */
  readonly percent: (rate: Decimal | null, signed?: boolean) => Markup;
  /** A whole count, grouped for the locale. */
  readonly count: (value: number) => string;
  /** An amount as rounded text only (for chart captions and titles). */
  readonly moneyText: (amount: Decimal) => string;
  /** A ratio as rounded text only. */
  readonly percentText: (rate: Decimal | number | null, signed?: boolean) => string;
}

/**
 * ICU writes the yen as the full-width "￥" in Japanese; the page uses "¥" in both languages, as
 * Japanese reports and the glossary do.
 */
function halfWidthYen(text: string): string {
  return text.replace(/\uffe5/g, "¥");
}

/** Figure formatters of `currency` in `locale`. */
export function figureFormat(currency: string, locale: string, nullText: string): FigureFormat {
  const moneyText = (amount: Decimal): string => halfWidthYen(formatMoney(amount, currency, { locale }));
  const percentText = (rate: Decimal | number | null, signed = false): string => formatPercent(rate, { locale, signed, nullText });
  return {
    money: (amount) => element("data", { value: amount.toString(), title: `${amount.toString()} ${currency}` }, moneyText(amount)),
    percent: (rate, signed = false) =>
      rate === null ? element("span", {}, nullText) : element("data", { value: rate.toString(), title: rate.toString() }, percentText(rate, signed)),
    count: (value) => value.toLocaleString(locale),
    moneyText,
    percentText,
  };
}
