import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { AmountSchema, ValidationError, formatMoney, formatPercent, revenueReport, year } from "../../src/index.js";
import { caught } from "../support/caught.js";

describe("formatPercent", () => {
  it('renders a ratio as a percentage with 1 decimal by default: 0.99 → "99.0%"', () => {
    expect(formatPercent("0.99")).toBe("99.0%");
    expect(formatPercent(new Decimal("0.86"))).toBe("86.0%");
    expect(formatPercent(1.17)).toBe("117.0%");
    expect(formatPercent(0)).toBe("0.0%");
  });

  it("rounds half away from zero on the exact decimal, never through a float", () => {
    // 0.886384871716129280658801 × 100 = 88.638… → 88.64 with 2 decimals
    expect(formatPercent("0.886384871716129280658801", { decimals: 2 })).toBe("88.64%");
    expect(formatPercent("0.12345", { decimals: 3 })).toBe("12.345%");
    expect(formatPercent("0.00125", { decimals: 1 })).toBe("0.1%"); // 0.125 → 0.1
    expect(formatPercent("0.00155", { decimals: 1 })).toBe("0.2%"); // 0.155 → 0.2 (half up, not to even)
    expect(formatPercent("-0.00155", { decimals: 1 })).toBe("-0.2%"); // away from zero
    expect(formatPercent("0.9995", { decimals: 1 })).toBe("100.0%"); // 99.95 → 100.0
    // a 40-digit rate: 2/3 = 0.666…67 → 66.7%
    expect(formatPercent(`0.${"6".repeat(39)}7`)).toBe("66.7%");
    expect(formatPercent("0.5", { decimals: 0 })).toBe("50%");
  });

  it("shows null (an empty base) as an em dash, or the given text", () => {
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(null, { nullText: "n/a" })).toBe("n/a");
  });

  it("signs positive values on request (net churn, Good−Bad)", () => {
    expect(formatPercent("0.05", { signed: true })).toBe("+5.0%");
    expect(formatPercent("-0.25", { signed: true })).toBe("-25.0%");
    expect(formatPercent("0", { signed: true })).toBe("0.0%");
    expect(formatPercent("-0.25")).toBe("-25.0%");
  });

  it("follows the locale's separators and percent pattern", () => {
    expect(formatPercent("0.99", { locale: "ja-JP" })).toBe("99.0%");
    // German and French put a no-break space before the percent sign.
    expect(formatPercent("0.99", { locale: "de-DE" })).toBe("99,0\u00a0%");
    expect(formatPercent("0.12345", { locale: "de-DE", decimals: 2 })).toBe("12,35\u00a0%");
    expect(formatPercent("-0.25", { locale: "de-DE", signed: true })).toBe("-25,0\u00a0%");
    expect(formatPercent("12.3456", { locale: "de-DE", decimals: 0 })).toBe("1.235\u00a0%"); // grouping too
  });

  it("keeps every digit of huge ratios", () => {
    // 1234567890123456789.5 × 100 = 123,456,789,012,345,678,950
    expect(formatPercent("1234567890123456789.5", { decimals: 0 })).toBe("123,456,789,012,345,678,950%");
  });

  it("rejects a non-finite or non-numeric rate and bad decimals", () => {
    expect(() => formatPercent(Number.NaN)).toThrow(ValidationError);
    expect(() => formatPercent(Number.POSITIVE_INFINITY)).toThrow(ValidationError);
    expect(() => formatPercent("abc")).toThrow(ValidationError);
    expect((caught(() => formatPercent("0.5", { decimals: -1 })) as ValidationError).issues[0]?.path).toBe("options.decimals");
    expect(() => formatPercent("0.5", { decimals: 1.5 })).toThrow(ValidationError);
    expect(() => formatPercent("0.5", { decimals: 21 })).toThrow(ValidationError);
  });
});

describe("formatMoney", () => {
  it('renders yen without decimals: "¥1,800,000" (uSonar\'s lost revenue)', () => {
    expect(formatMoney("1800000", "JPY")).toBe("¥1,800,000");
    expect(formatMoney(new Decimal(1_800_000), "JPY")).toBe("¥1,800,000");
    // 132,000,000 / 73 = 1,808,219.178… → ¥1,808,219
    expect(formatMoney(new Decimal(132_000_000).div(73), "JPY")).toBe("¥1,808,219");
  });

  it('renders dollars with cents: "$12,345.67"', () => {
    expect(formatMoney("12345.67", "USD")).toBe("$12,345.67");
    expect(formatMoney(12345.67, "USD")).toBe("$12,345.67");
    expect(formatMoney("12345.675", "USD")).toBe("$12,345.68"); // half away from zero
    expect(formatMoney("12345.665", "USD")).toBe("$12,345.67"); // not half to even
    expect(formatMoney("-12345.675", "USD")).toBe("-$12,345.68");
    expect(formatMoney("0", "USD")).toBe("$0.00");
    expect(formatMoney("7", "USD", { decimals: 0 })).toBe("$7");
  });

  it("uses each currency's minor unit: 0 for JPY, 2 for USD, 3 for KWD", () => {
    expect(formatMoney("1234.5", "JPY")).toBe("¥1,235");
    expect(formatMoney("1.2345", "KWD")).toBe("KWD\u00a01.235");
  });

  it("keeps every digit of amounts beyond a double's 15–17 significant digits", () => {
    expect(formatMoney("123456789012345678.91", "USD")).toBe("$123,456,789,012,345,678.91");
    expect(formatMoney("-123456789012345678.91", "USD")).toBe("-$123,456,789,012,345,678.91");
    expect(formatMoney("98765432109876543210", "JPY")).toBe("¥98,765,432,109,876,543,210");
  });

  it("follows the locale", () => {
    expect(formatMoney("1800000", "JPY", { locale: "ja-JP" })).toBe("￥1,800,000"); // ja-JP writes the full-width yen sign
    expect(formatMoney("12345.67", "EUR", { locale: "de-DE" })).toBe("12.345,67\u00a0€");
    expect(formatMoney("123456789012345678.91", "EUR", { locale: "de-DE" })).toBe("123.456.789.012.345.678,91\u00a0€");
    // Indian grouping (lakh, crore): the last 3 digits, then pairs — also beyond a double's precision:
    // 123456789012345678 → 1,23,45,67,89,01,23,45 | 678
    expect(formatMoney("12345678.9", "INR", { locale: "en-IN" })).toBe("₹1,23,45,678.90");
    expect(formatMoney("123456789012345678.91", "INR", { locale: "en-IN" })).toBe("₹1,23,45,67,89,01,23,45,678.91");
  });

  it('formats the results of an empty book, whose currency is "XXX" (no currency), with the generic sign', () => {
    const report = revenueReport([], year(2025));
    expect(report.currency).toBe("XXX");
    expect(formatMoney(report.lostRevenue.total, report.currency)).toBe("¤0.00");
  });

  it("rejects an unknown currency, a non-finite amount and bad decimals", () => {
    const error = caught(() => formatMoney("1", "ABC")) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues[0]?.path).toBe("currency");
    expect(() => formatMoney("1", "jpq")).toThrow(ValidationError);
    expect(() => formatMoney("1", "ｊpy")).toThrow(ValidationError); // only ASCII letters fold
    expect(() => formatMoney(Number.NaN, "USD")).toThrow(ValidationError);
    expect(() => formatMoney("Infinity", "USD")).toThrow(ValidationError);
    expect(() => formatMoney("1", "USD", { decimals: 25 })).toThrow(ValidationError);
  });
});

describe("formatMoney: currency codes in any letter case, as the schemas read them", () => {
  it("formats a lower-case or mixed-case code as the upper-case one, with its minor unit", () => {
    // "jpy" is JPY: 0 minor digits; "usd" is USD: 2 (as Stripe writes codes).
    expect(formatMoney("1800000", "jpy")).toBe(formatMoney("1800000", "JPY"));
    expect(formatMoney("1800000", "jpy")).toBe("¥1,800,000");
    expect(formatMoney("12345.675", "Usd")).toBe("$12,345.68");
    expect(formatMoney("1.2345", "kwd")).toBe(formatMoney("1.2345", "KWD"));
  });
});

describe("formatting: exact messages and limits (found by mutation testing)", () => {
  const issues = (run: () => unknown): unknown => (caught(run) as ValidationError).issues;

  it("a non-finite amount or rate says so, in the amount schema's words", () => {
    expect(issues(() => formatMoney(new Decimal(Number.POSITIVE_INFINITY), "USD"))).toEqual([{ path: "amount", message: "must be a finite number (got Infinity)" }]);
    expect(issues(() => formatPercent(new Decimal(Number.NaN)))).toEqual([{ path: "rate", message: "must be a finite number (got NaN)" }]);
  });

  it("magnitudes from 1e300 are refused; just below is written out", () => {
    // MAX_FORMAT_DIGITS = 300: exponent 300 is the first refused
    expect(issues(() => formatMoney(new Decimal("1e300"), "JPY"))).toEqual([{ path: "amount", message: "must be less than 1e300 in magnitude (got 1.000e+300)" }]);
    // 9e299 has 300 digits: a first group "900", then 99 groups of "000"
    expect(formatMoney(new Decimal("9e299"), "JPY")).toBe(`¥900${",000".repeat(99)}`);
  });

  it("decimals outside 0–20 and a non-string nullText are named", () => {
    expect(issues(() => formatPercent("0.5", { decimals: 21 }))).toEqual([{ path: "options.decimals", message: "must be a whole number 0–20 (got 21)" }]);
    expect(issues(() => formatMoney(1, "USD", { decimals: -1 }))).toEqual([{ path: "options.decimals", message: "must be a whole number 0–20 (got -1)" }]);
    expect(issues(() => formatPercent(null, { nullText: 0 as unknown as string }))).toEqual([{ path: "options.nullText", message: "must be a string (got 0)" }]);
  });
});

describe("formatting reads numbers by the amount schema's rules (issue 11)", () => {
  const issues = (run: () => unknown): unknown => (caught(run) as ValidationError).issues;

  it('refuses hex, exponent and Infinity text that decimal.js would read ("0x10" was "¥16")', () => {
    expect(issues(() => formatMoney("0x10", "JPY"))).toEqual([{ path: "amount", message: 'must be a decimal number like "1200.50" (got "0x10")' }]);
    expect(issues(() => formatPercent("0x10"))).toEqual([{ path: "rate", message: 'must be a decimal number like "1200.50" (got "0x10")' }]);
    expect(issues(() => formatMoney("1e5", "USD"))).toEqual([{ path: "amount", message: 'must be a decimal number like "1200.50" (got "1e5")' }]);
    expect(issues(() => formatPercent("1e5"))).toEqual([{ path: "rate", message: 'must be a decimal number like "1200.50" (got "1e5")' }]);
    expect(issues(() => formatMoney("0b11", "USD"))).toEqual([{ path: "amount", message: 'must be a decimal number like "1200.50" (got "0b11")' }]);
    expect(issues(() => formatMoney("Infinity", "USD"))).toEqual([{ path: "amount", message: 'must be a decimal number like "1200.50" (got "Infinity")' }]);
  });

  it("gives the schema's message for each kind of bad value", () => {
    const schemaMessage = (value: unknown): string | undefined => AmountSchema.safeParse(value).error?.issues[0]?.message;
    for (const value of ["0x10", "1e5", "", "1,000", Number.NaN, new Decimal(Number.NaN), true, null, {}]) {
      const expected = schemaMessage(value);
      expect(expected).toBeDefined();
      expect(issues(() => formatMoney(value as Decimal.Value, "USD"))).toEqual([{ path: "amount", message: expected }]);
    }
    expect(issues(() => formatPercent(undefined as unknown as null))).toEqual([{ path: "rate", message: "must be a decimal string, number or Decimal (got nothing)" }]);
  });

  it("accepts what the schema accepts: surrounding white space, a leading + or a bare fraction", () => {
    // " 12.5 " → 12.5 → $12.50; "+3" → $3.00; ".5" → 0.5 → 50.0%
    expect(formatMoney(" 12.5 ", "USD")).toBe("$12.50");
    expect(formatMoney("+3", "USD")).toBe("$3.00");
    expect(formatPercent(".5")).toBe("50.0%");
    expect(formatMoney("7.", "USD")).toBe("$7.00");
  });

  it("allows a sign the amount schema refuses: a formatted value may be a loss", () => {
    expect(AmountSchema.safeParse("-12.5").success).toBe(false);
    expect(formatMoney("-12.5", "USD")).toBe("-$12.50");
  });

  it("keeps its own size limit: a result smaller than the schema's 100 decimal places still formats", () => {
    // 5e-324 has 324 decimal places (the schema refuses it as an amount); rounded to cents it is $0.00
    expect(AmountSchema.safeParse(5e-324).success).toBe(false);
    expect(formatMoney(5e-324, "USD")).toBe("$0.00");
  });
});
