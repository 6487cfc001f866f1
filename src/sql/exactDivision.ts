/**
 * Exact division in SQL: the quotient of two exact integers as a decimal with a fixed number of
 * places, computed by long division on integers so that no engine goes through a binary float
 * (DuckDB turns DECIMAL / DECIMAL into DOUBLE) and no intermediate product outgrows 38 digits.
 * @module
 */
import type { DialectRules } from "./dialect.js";
import { remainder } from "./dialect.js";

/** Digits after the point of every rate the SQL returns (two long-division steps of 14 digits). */
export const RATE_SCALE = 28;
/** Digits after the point of every money amount the SQL returns (two steps of 9 digits). */
export const MONEY_SCALE = 18;

/** 10^n as a bigint. */
function tenTo(n: number): bigint {
  return 10n ** BigInt(n);
}

/** `0.000…1` with `scale` places: the unit of the last place. */
function lastPlace(scale: number): string {
  return `0.${"0".repeat(scale - 1)}1`;
}

/** How {@link exactQuotient} treats its operands. */
export interface QuotientOptions {
  /** The numerator may be negative (the result then carries its sign). */
  readonly signed?: boolean;
  /** The operands may be of a narrow integer type (counts): widen them to the dialect's integer type first. */
  readonly widen?: boolean;
}

/**
 * SQL for `numerator / denominator` truncated toward zero to `scale` places (`NULL` when the
 * denominator is 0). The numerator must be an exact integer expression (a column name, ideally: it
 * is repeated); the denominator a non-negative one, or a constant.
 *
 * @remarks
 * With n = |numerator|, d = denominator and two steps of k = scale / 2 digits:
 * q0 = n div d, r1 = n mod d, q1 = (r1·10^k) div d, r2 = (r1·10^k) mod d, q2 = (r2·10^k) div d, and
 * the result is sign(numerator) · (q0·10^scale + q1·10^k + q2) · 10^−scale. Every product stays
 * below d·10^k, so a 38-digit engine handles denominators up to 10^(38−k).
 */
export function exactQuotient(
  rules: DialectRules,
  numerator: string,
  denominator: string | bigint,
  scale: number,
  options: QuotientOptions = {},
): string {
  const step = scale / 2;
  const widen = (operand: string): string => (options.widen === true ? `CAST(${operand} AS ${rules.integerType})` : operand);
  const magnitude = widen(numerator);
  const n = options.signed === true ? `ABS(${magnitude})` : magnitude;
  const d = typeof denominator === "bigint" ? rules.integer(denominator) : widen(denominator);
  const shift = rules.integer(tenTo(step));
  const r1Shifted = `${remainder(n, d)} * ${shift}`;
  const q0 = `${rules.integerDivide(n, d)} * ${rules.integer(tenTo(scale))}`;
  const q1 = `${rules.integerDivide(r1Shifted, d)} * ${shift}`;
  const q2 = rules.integerDivide(`${remainder(r1Shifted, d)} * ${shift}`, d);
  const digits = `${q0}\n      + ${q1}\n      + ${q2}`;
  const value = `${options.signed === true ? `SIGN(${magnitude}) * ` : ""}${decimalFromDigits(rules, digits, scale)}`;
  if (typeof denominator === "bigint") {
    if (denominator <= 0n) throw new RangeError("cs-metrics: a constant denominator must be positive");
    return value;
  }
  return `CASE WHEN ${denominator} = 0 THEN NULL ELSE ${value} END`;
}

/** The decimal `digits · 10^−scale`, typed as the dialect's exact decimal with `scale` places. */
function decimalFromDigits(rules: DialectRules, digits: string, scale: number): string {
  switch (rules.name) {
    case "bigquery":
      return `(\n      ${digits}\n    ) * PARSE_BIGNUMERIC('${lastPlace(scale)}')`;
    case "postgres":
      return `CAST((\n      ${digits}\n    ) * ${lastPlace(scale)} AS ${rules.decimalType(scale)})`;
    default:
      return `CAST(\n      ${digits}\n    AS ${rules.decimalType(0)}) * ${lastPlace(scale)}`;
  }
}
