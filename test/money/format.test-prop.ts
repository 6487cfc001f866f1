import { fc, test } from "@fast-check/vitest";
import Decimal from "decimal.js";
import { describe, expect } from "vitest";
import { AmountSchema, ValidationError, formatMoney, formatPercent } from "../../src/index.js";

/** Strings built from pieces that sit next to a valid number: hex and exponent text, separators, signs, odd digits. */
const nearNumber = fc
  .array(
    fc.constantFrom("0", "1", "9", "12", "007", ".", "e", "E", "e-", "5", "x", "0x", "0b", "0o", "_", ",", "Infinity", "NaN", " ", "\u00a0", "\n", "-", "+", "−", "١", "٣", "\u2009", "\u0000"),
    { minLength: 1, maxLength: 7 },
  )
  .map((pieces) => pieces.join(""));

const anyString = fc.oneof(nearNumber, fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }));

/** The amount schema's verdict on `text` with a leading "-" read as "+": the formatters allow a sign. */
function schemaAccepts(text: string): boolean {
  return AmountSchema.safeParse(text.replace(/^(\s*)-/, "$1+")).success;
}

function outcome(run: () => string): string | ValidationError {
  try {
    return run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
}

describe("formatMoney and formatPercent read numbers exactly as the amount schema does", () => {
  test.prop([anyString], { numRuns: 2000 })("formatMoney accepts a string iff the amount schema accepts it (sign aside), with its message", (text) => {
    const result = outcome(() => formatMoney(text, "USD"));
    expect(typeof result === "string").toBe(schemaAccepts(text));
    if (typeof result === "string") {
      // the printed value is the schema's number: compare to a rendering of the parsed Decimal
      const parsed = AmountSchema.parse(text.replace(/^(\s*)-/, "$1+")) as Decimal;
      const negative = /^\s*-/.test(text) && !parsed.isZero();
      expect(result).toBe(formatMoney(negative ? parsed.negated().toFixed() : parsed.toFixed(), "USD"));
    } else if (!/^\s*-/.test(text)) {
      expect(result.issues).toEqual([{ path: "amount", message: AmountSchema.safeParse(text).error?.issues[0]?.message }]);
    }
  });

  test.prop([anyString], { numRuns: 1000 })("formatPercent accepts a string iff the amount schema accepts it (sign aside)", (text) => {
    const result = outcome(() => formatPercent(text));
    expect(typeof result === "string").toBe(schemaAccepts(text));
    if (typeof result !== "string") expect(result.issues[0]?.path).toBe("rate");
  });

  test.prop([fc.oneof(fc.double({ min: -1e299, max: 1e299 }), fc.double({ noDefaultInfinity: false }).filter((x) => !Number.isFinite(x)), fc.integer())])("numbers: accepted iff finite, as the schema does (its size limits aside)", (value) => {
    const result = outcome(() => formatMoney(value, "JPY"));
    expect(typeof result === "string").toBe(Number.isFinite(value));
    if (typeof result !== "string") expect(result.issues).toEqual([{ path: "amount", message: AmountSchema.safeParse(value).error?.issues[0]?.message }]);
  });
});
