/**
 * fast-check arbitraries shared by the property tests: a period, and a random contract book placed
 * around it (starts and ends before, on and after the period's edges, open ends, zero amounts, month /
 * quarter / year intervals with an intervalCount, several lines per customer).
 *
 * Dates are produced with plain UTC `Date` arithmetic, independently of the library's date code.
 */
import fc from "fast-check";
import type { ContractInput, Interval, Period } from "../../src/index.js";

const MS_PER_DAY = 86_400_000;

/** `YYYY-MM-DD` of an epoch day (days since 1970-01-01), via UTC. */
export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Epoch day of a `YYYY-MM-DD` text, via UTC. */
export function dayOfDate(text: string): number {
  return Date.parse(`${text}T00:00:00Z`) / MS_PER_DAY;
}

/** Months one `amount` of a contract covers: 1, 3 or 12 per interval, times intervalCount. */
export const MONTHS_PER_INTERVAL: Readonly<Record<"month" | "quarter" | "year", number>> = { month: 1, quarter: 3, year: 12 };

/**
 * A whole number `k` such that amount / k (per intervalCount) is a whole MRR when amount is a multiple of it:
 * the months of a month, quarter or year; 3 for a week (MRR = amount × 13/3 at the default 52/12
 * weeks a month) and 12 for a day (amount × 365/12).
 */
export function wholeMrrDivisor(interval: Interval, intervalCount: number): number {
  if (interval === "week") return 3 * intervalCount;
  if (interval === "day") return 12 * intervalCount;
  return MONTHS_PER_INTERVAL[interval] * intervalCount;
}

/** A raw contract record as the tests generate it (all fields explicit). */
export interface GeneratedContract {
  id: string;
  customerId: string;
  start: string;
  end: string | null;
  amount: string;
  interval: Interval;
  intervalCount: number;
  currency: string;
}

/** A period and contracts around it. */
export interface GeneratedBook {
  period: Period;
  records: GeneratedContract[];
}

/** The first day of month `m` (1-based, may run past 12) of year `y`, `YYYY-MM-DD`, via UTC. */
function firstOfMonth(y: number, m: number): string {
  return new Date(Date.UTC(y, m - 1, 1)).toISOString().slice(0, 10);
}

/** `months` calendar months from the 1st of month `m` of `y` (written here, not with src's helpers). */
function monthsFrom(y: number, m: number, months: number, label: string): Period {
  return { start: firstOfMonth(y, m), end: firstOfMonth(y, m + months), label };
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/**
 * Periods of the shapes the library's helpers build — month, quarter, year, fiscal year (FY y starts on
 * the 1st of `startMonth` of y, docs/periods.md) and fiscal quarter — in 2023–2026, built here with UTC
 * date arithmetic so that a bug in `month`/`quarter`/`fiscalYear` cannot hide in the test's input.
 */
export const builtPeriodArb: fc.Arbitrary<Period> = fc.oneof(
  fc.tuple(fc.integer({ min: 2023, max: 2026 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => monthsFrom(y, m, 1, `${y}-${pad2(m)}`)),
  fc.tuple(fc.integer({ min: 2023, max: 2026 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => monthsFrom(y, 3 * q - 2, 3, `${y}-Q${q}`)),
  fc.integer({ min: 2023, max: 2026 }).map((y) => monthsFrom(y, 1, 12, String(y))),
  fc.tuple(fc.integer({ min: 2023, max: 2026 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => monthsFrom(y, m, 12, `FY${y}`)),
  fc
    .tuple(fc.integer({ min: 2023, max: 2026 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, q, m]) => monthsFrom(y, m + 3 * (q - 1), 3, `FY${y}-Q${q}`)),
);

/** Any period, including plain `{ start, end }` ones that start and end mid-month (1–400 days long). */
export const periodArb: fc.Arbitrary<Period> = fc.oneof(
  { weight: 3, arbitrary: builtPeriodArb },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: dayOfDate("2023-01-01"), max: dayOfDate("2026-12-31") }), fc.integer({ min: 1, max: 400 }))
      .map(([start, length]) => ({ start: dateOfDay(start), end: dateOfDay(start + length) })),
  },
);

/** Options of {@link contractBookArb}. */
export interface ContractBookArbOptions {
  /**
   * Amounts are whole multiples of the months one amount covers, so every line's MRR — and so every
   * money total — is an exact integer (no rounding to 40 significant digits anywhere).
   */
  readonly exactMrr?: boolean;
  /** Most records in a book. Default 14. */
  readonly maxContracts?: number;
  /** The period to place contracts around. Default {@link periodArb}. */
  readonly period?: fc.Arbitrary<Period>;
  /** Also generate `week` and `day` intervals (default `false`: month, quarter and year only). */
  readonly weeksAndDays?: boolean;
}

const CUSTOMERS = ["acme", "beta", "chiyoda", "daiichi", "eiwa", "fuji"] as const;

/** A day offset from the period start: random, or exactly on / next to one of its edges. */
function offsetArb(length: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -500, max: length + 60 }) },
    { weight: 1, arbitrary: fc.constantFrom(-1, 0, 1, length - 1, length, length + 1) },
  );
}

/** A random set of contract records around a period. */
export function contractBookArb(options: ContractBookArbOptions = {}): fc.Arbitrary<GeneratedBook> {
  const exact = options.exactMrr === true;
  return fc.tuple(options.period ?? periodArb, fc.constantFrom("JPY", "USD")).chain(([period, currency]) => {
    const startDay = dayOfDate(period.start);
    const length = dayOfDate(period.end) - startDay;
    const lineArb = fc.record({
      customerId: fc.constantFrom(...CUSTOMERS),
      startOffset: offsetArb(length),
      end: fc.oneof(
        { weight: 1, arbitrary: fc.constant({ kind: "open" as const }) },
        { weight: 3, arbitrary: fc.record({ kind: fc.constant("length" as const), days: fc.integer({ min: 1, max: 700 }) }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant("at" as const), offset: offsetArb(length) }) },
      ),
      interval:
        options.weeksAndDays === true
          ? fc.constantFrom<Interval>("month", "month", "quarter", "year", "week", "day")
          : fc.constantFrom<Interval>("month", "month", "quarter", "year"),
      intervalCount: fc.oneof({ weight: 4, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 3 }) }),
      amount: fc.oneof(
        { weight: 1, arbitrary: fc.constant(0n) },
        { weight: 6, arbitrary: fc.bigInt({ min: 1n, max: 2_000_000n }) },
      ),
      cents: fc.integer({ min: 0, max: 99 }),
    });
    return fc.array(lineArb, { maxLength: options.maxContracts ?? 14 }).map((lines): GeneratedBook => ({
      period,
      records: lines.map((line, index) => {
        const start = startDay + line.startOffset;
        // end: open, a length after start, or a day near the period's edges (moved past start if need be).
        let end: number | null = null;
        if (line.end.kind === "length") end = start + line.end.days;
        if (line.end.kind === "at") end = Math.max(startDay + line.end.offset, start + 1);
        const months = wholeMrrDivisor(line.interval, line.intervalCount);
        let amount = exact ? (line.amount * BigInt(months)).toString() : `${line.amount}.${String(line.cents).padStart(2, "0")}`;
        if (line.amount === 0n) amount = "0";
        return {
          id: `k${index}`,
          customerId: line.customerId,
          start: dateOfDay(start),
          end: end === null ? null : dateOfDay(end),
          amount,
          interval: line.interval,
          intervalCount: line.intervalCount,
          currency,
        };
      }),
    }));
  });
}

/** The records as the library's input type. */
export function asInput(records: readonly GeneratedContract[]): ContractInput[] {
  return records.map((record) => ({ ...record }));
}
