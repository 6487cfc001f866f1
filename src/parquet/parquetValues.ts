/**
 * One raw Parquet value turned into what the schemas read, exactly: a DECIMAL as its decimal text
 * (from the unscaled integer, never through a float), an INT64 as a number when it is a safe integer
 * and as its digits otherwise, a DATE as `YYYY-MM-DD`, a UTC-adjusted TIMESTAMP as an ISO instant
 * (`…Z`, for the `timeZone` option to place on a calendar day) and a local one as its wall-clock date.
 * A DECIMAL of scale 0 reads as an INT64 does (a number when exact, digits otherwise).
 * @module
 */
import { MAX_YEAR, MIN_YEAR, epochDayOf, formatCalendarDate } from "../dates/calendarDate.js";
import type { ColumnKind, TicksPerMs } from "./parquetColumns.js";

/** A value the reader cannot turn into a record value: the sentence saying why. */
export class BadValue {
  constructor(readonly message: string) {}
}

const MIN_DAY = epochDayOf(MIN_YEAR, 1, 1)!;
const MAX_DAY = epochDayOf(MAX_YEAR, 12, 31)!;
const MS_PER_DAY = 86_400_000;

/** Floor division of bigints (towards −∞, so instants before 1970 fall on the right day). */
function floorDiv(value: bigint, divisor: bigint): bigint {
  const quotient = value / divisor;
  return value % divisor < 0n ? quotient - 1n : quotient;
}

/** A two's-complement big-endian integer (DECIMAL stored as bytes). */
function signedOfBytes(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return bytes.length > 0 && bytes[0]! >= 0x80 ? value - (1n << BigInt(bytes.length * 8)) : value;
}

/** `unscaled × 10^−scale` as plain decimal text: 123456n, 2 → `"1234.56"`; −5n, 2 → `"-0.05"`. */
export function decimalText(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString();
  if (scale === 0) return negative ? `-${digits}` : digits;
  const padded = digits.padStart(scale + 1, "0");
  return `${negative ? "-" : ""}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

function dateText(day: number): string | BadValue {
  if (day < MIN_DAY || day > MAX_DAY) return new BadValue(`date outside years ${MIN_YEAR}–${MAX_YEAR} (${day} days from 1970-01-01)`);
  return formatCalendarDate(day);
}

function timestampValue(ticks: bigint, ticksPerMs: TicksPerMs, utc: boolean): string | BadValue {
  const ms = floorDiv(ticks, ticksPerMs);
  const day = Number(floorDiv(ms, BigInt(MS_PER_DAY)));
  if (day < MIN_DAY || day > MAX_DAY) return new BadValue(`timestamp outside years ${MIN_YEAR}–${MAX_YEAR} (${ticks} ${ticksPerMs === 1n ? "ms" : ticksPerMs === 1_000n ? "µs" : "ns"} from 1970-01-01)`);
  // A local (not UTC-adjusted) timestamp is a wall-clock reading: its date needs no time zone.
  return utc ? new Date(Number(ms)).toISOString() : formatCalendarDate(day);
}

function integerValue(value: number | bigint): number | string {
  if (typeof value === "number") return value;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : value.toString();
}

/** Converts one non-null raw value of a column to its record value, or a {@link BadValue}. */
export type ValueConverter = (raw: unknown) => unknown;

/** A converter that remembers the text of the last values it made (dates repeat in an export). */
function cachedByDay(convert: (day: number) => string | BadValue): (day: number) => string | BadValue {
  const cache = new Map<number, string | BadValue>();
  return (day) => {
    let text = cache.get(day);
    if (text === undefined) {
      if (cache.size >= 4096) cache.clear();
      text = convert(day);
      cache.set(day, text);
    }
    return text;
  };
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** {@link decimalText} of a safe integer and a scale ≥ 1, without a bigint (the common case: DECIMAL(18, 2) amounts). */
function smallDecimalText(unscaled: number, scale: number): string {
  const digits = String(unscaled < 0 ? -unscaled : unscaled);
  const sign = unscaled < 0 ? "-" : "";
  const padded = digits.length > scale ? digits : digits.padStart(scale + 1, "0");
  return `${sign}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

function decimalValue(scale: number): ValueConverter {
  // DECIMAL(p, 0) is how warehouses (Snowflake's NUMBER) store whole numbers: a number where it is exact.
  if (scale === 0) return (raw) => integerValue(raw instanceof Uint8Array ? signedOfBytes(raw) : (raw as number | bigint));
  return (raw) => {
    if (typeof raw === "number") return smallDecimalText(raw, scale);
    if (typeof raw === "bigint" && raw <= SAFE && raw >= -SAFE) return smallDecimalText(Number(raw), scale);
    return decimalText(raw instanceof Uint8Array ? signedOfBytes(raw) : (raw as bigint), scale);
  };
}

/**
 * The converter of a column of `type`. Raw values are as the decoder gives them with the annotations
 * removed (see parquetColumns): numbers, bigints, bytes, and for text columns a string or a BadValue.
 */
export function valueConverter(type: ColumnKind): ValueConverter {
  switch (type.kind) {
    case "decimal":
      return decimalValue(type.scale);
    case "date": {
      const date = cachedByDay(dateText);
      return (raw) => date(raw as number);
    }
    case "timestamp":
      return (raw) => timestampValue(BigInt(raw as number | bigint), type.ticksPerMs, type.utc);
    case "int96":
      return (raw) => timestampValue(raw as bigint, 1_000_000n, true);
    case "integer":
      return (raw) => integerValue(raw as number | bigint);
    case "number":
      return (raw) => (Number.isFinite(raw) ? raw : new BadValue(`not a finite number (got ${String(raw)})`));
    case "boolean":
      return (raw) => raw;
    case "text":
      // Decoded by hyparquet through the reader's UTF-8 parser (parquetRows): a string, or a BadValue.
      return (raw) => raw;
  }
}
