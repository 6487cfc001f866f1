/**
 * Hostile inputs for the fuzz suites: JSON-like values of every wrong type, numbers at and beyond
 * the edges (NaN, ±Infinity, −0, 5e-324, 1e308), numeric-looking text ("1e309", "0x1f", full-width
 * digits), invalid and edge dates, `__proto__` / `constructor` keys as own properties, very long
 * strings, and near-valid records with one field broken, removed or duplicated.
 */
import Decimal from "decimal.js";
import fc from "fast-check";

const LONG_DIGITS = "9".repeat(100_000);
const LONG_TEXT = "x".repeat(100_000);

/** Scalars (and a few objects treated as scalars) that break naive code. */
export const weirdScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 1, -1, 0.5, 1.5, 2.5, 1e308, -1e308, 1e21,
    Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 5e-324, 0.1 + 0.2, 12, 13, 4, 0.99, 1e-7,
    "", " ", "1e309", "-1e309", "1e3", "NaN", "Infinity", "-0", "0x1f", "1_000", "１２", "12,5", ".5", "5.", "+1", "-1", "0.1",
    "2024-02-29", "2023-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01",
    "2024-2-9", "2024-02-29T12:00:00Z", "2024-02-29 ", "2025-01", "2025-13", "2025-1", "-2025-01",
    "__proto__", "constructor", "toString", "hasOwnProperty", "JPY", "USD", "KWD", "jpy", "XXX", "XTS", "month", "quarter", "year", "day",
    "ContractBook", "ja-JP", "en-US", "not a locale!", "de-DE-u-nu-arab",
    true, false, null, undefined, LONG_DIGITS, LONG_TEXT, `0.${"1".repeat(5000)}`, "1".repeat(400),
    new Date(Number.NaN), new Date(0), new Date(8.64e15), new Date(-8.64e15), new Date("2024-02-29T23:59:59.999Z"), new Date("0001-01-01T00:00:00Z"),
    new Decimal(Number.NaN), new Decimal(Number.POSITIVE_INFINITY), new Decimal("-0"), new Decimal("0.1"), new Decimal("1e-9000000"), new Decimal("9.99e9000000"),
    new Decimal("123456789012345678901234567890.123456789"), 10n, -1n,
  ),
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.integer(),
);

/** Keys that tempt prototype pollution or collide with fields. */
const keyArbitrary = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "valueOf", "kind", "id", "customerId", "start", "end", "amount", "interval", "intervalCount", "currency", "label", "proration", "startMonth", "decimals", "locale", "from", "to", "exchangeRates", "subtractReactivation", "at", "metrics"),
  fc.string({ maxLength: 6 }),
);

/** An object whose keys (even `__proto__`) are own, enumerable properties, as JSON.parse makes them. */
export function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** Any JSON-like value built from weird scalars, arrays and objects (shallow, to stay fast). */
export const weirdValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; object: Record<string, unknown> }>((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, weirdScalar, fc.array(tie("value"), { maxLength: 4 }), tie("object")),
  object: fc.array(fc.tuple(keyArbitrary, tie("value")), { maxLength: 5 }).map(objectOf),
})).value;

/** Applies one or two breakages to a valid record: a field set to a weird value, removed, or a `__proto__` key added. */
export function nearValid<T extends Record<string, unknown>>(valid: fc.Arbitrary<T>): fc.Arbitrary<Record<string, unknown>> {
  const breakage = fc.record({ kind: fc.constantFrom("set", "delete", "proto", "none"), key: keyArbitrary, value: weirdValue });
  return fc.tuple(valid, fc.array(breakage, { maxLength: 2 })).map(([record, breakages]) => {
    const entries = new Map<string, unknown>(Object.entries(record));
    const extra: [string, unknown][] = [];
    for (const b of breakages) {
      if (b.kind === "set") entries.set(b.key, b.value);
      if (b.kind === "delete") entries.delete(b.key);
      if (b.kind === "proto") extra.push(["__proto__", b.value]);
    }
    return objectOf([...entries, ...extra]);
  });
}

const dateText = fc.oneof(
  fc.constantFrom("2023-12-31", "2024-01-01", "2024-01-31", "2024-02-28", "2024-02-29", "2024-03-01", "2024-12-31", "2025-01-01", "2025-03-31", "2025-04-01", "0001-01-01", "9999-12-31"),
  fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

/** A valid contract record. */
export const validContract = fc.record({
  id: fc.oneof(fc.constantFrom("c1", "c2", "c3", "c4"), fc.integer({ min: 0, max: 5 })),
  customerId: fc.constantFrom("a", "b", "c", 7),
  start: dateText,
  end: fc.constantFrom<string | null | undefined>(null, undefined, "2024-03-01", "2025-04-01", "2026-01-01", "9999-12-31"),
  amount: fc.constantFrom<unknown>("1200.50", 100, "0", "1000000000000000", "0.12345678901234567890", new Decimal("99.5"), 3600000),
  interval: fc.constantFrom<unknown>("month", "quarter", "year", undefined),
  intervalCount: fc.constantFrom<unknown>(1, 2, 3, 36, undefined),
  currency: fc.constantFrom("USD", "USD", "JPY"),
}).map((c) => {
  const record: Record<string, unknown> = { ...c };
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  if (typeof record.end === "string" && typeof record.start === "string" && record.end <= record.start) delete record.end;
  return record;
});

/** Arrays of near-valid contracts (duplicate ids included), or anything at all. */
export const contractsArgument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.array(nearValid(validContract), { maxLength: 6 }) },
  { weight: 2, arbitrary: fc.array(validContract, { maxLength: 6 }) },
  { weight: 1, arbitrary: weirdValue },
);

/** A valid period record. */
export const validPeriod = fc.oneof(
  fc.constantFrom({ start: "2025-01-01", end: "2026-01-01" }, { start: "2024-02-01", end: "2024-03-01" }, { start: "2025-04-01", end: "2026-04-01", label: "FY2025" }, { start: "0001-01-01", end: "0002-03-01" }, { start: "9998-11-15", end: "9999-12-31" }),
  // Random spans stay within a few years: a 10,000-year period makes 120,000 monthly points.
  fc.tuple(dateText, dateText).filter(([a, b]) => a < b && b < "2100" && a > "1900").map(([start, end]) => ({ start, end })),
);

export const periodArgument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: validPeriod },
  { weight: 3, arbitrary: nearValid(validPeriod) },
  { weight: 1, arbitrary: weirdValue },
);

export const dateArgument: fc.Arbitrary<unknown> = fc.oneof(dateText, weirdScalar);

/** Option objects of every function, near-valid, or anything. */
export const optionsArgument: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom<unknown>(null, 0, "options", [], true),
  weirdValue,
  nearValid(
    fc.record(
      {
        proration: fc.constantFrom("month", "day"),
        subtractReactivation: fc.boolean(),
        currency: fc.constantFrom("USD", "JPY"),
        exchangeRates: fc.constantFrom<unknown>({ USD: "150.25" }, { JPY: "0.0067" }, objectOf([["__proto__", "1"]]), { USD: "0" }, { usd: "1" }),
        startMonth: fc.integer({ min: 0, max: 13 }),
        decimals: fc.integer({ min: -1, max: 21 }),
        locale: fc.constantFrom("en-US", "ja-JP", "de-DE"),
        nullText: fc.constantFrom("—", "n/a"),
        signed: fc.boolean(),
        from: fc.constantFrom("month", "quarter", "year"),
        to: fc.constantFrom("month", "quarter", "year"),
        includeReactivation: fc.boolean(),
        trailingMonths: fc.integer({ min: -1, max: 121 }),
        grossMargin: fc.constantFrom<unknown>("0.8", 1, 0, "1.5", -0.2, "abc"),
        excludeCurrentMonth: fc.boolean(),
        cac: fc.constantFrom<unknown>(0, "1200.50", -1, "x", 1e21),
        top: fc.constantFrom<unknown>([1, 5, 10], [], [0], [2, 1.5], "1"),
        every: fc.constantFrom("month", "quarter", "week"),
        window: fc.integer({ min: 0, max: 121 }),
        base: fc.constantFrom("monthEnd", "conversion", "start"),
      },
      { requiredKeys: [] },
    ),
  ),
);

export const yearArgument: fc.Arbitrary<unknown> = fc.oneof(fc.integer({ min: -2, max: 10_001 }), fc.constantFrom(0, 1, 9998, 9999, 2024, 2025), weirdScalar);
export const smallIntArgument: fc.Arbitrary<unknown> = fc.oneof(fc.integer({ min: -1, max: 14 }), weirdScalar);
export const amountArgument: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom("0.99", "1.17", "1800000", "12345.675", "-0.05", "0", "1e-30", "1e30", "1000000000000000.12345678901234567890"),
  fc.double(),
  weirdScalar,
);

/** A valid usage snapshot. */
export const validSnapshot = fc.record(
  {
    customerId: fc.constantFrom("a", "b", "c"),
    at: dateText,
    licensedSeats: fc.constantFrom(0, 10, 100),
    provisionedUsers: fc.constantFrom(0, 8, 80),
    activeUsers: fc.constantFrom(0, 4, 40),
    dau: fc.constantFrom(0, 5),
    mau: fc.constantFrom(0, 20),
    featuresUsed: fc.constantFrom(0, 3),
    featuresAvailable: fc.constantFrom(0, 10),
    lastContactAt: fc.constantFrom<string | null>(null, "2025-01-15"),
    metrics: fc.constantFrom<Record<string, number>>({}, { nps: 30, tickets: 2 }),
  },
  { requiredKeys: ["customerId", "at"] },
);

/** A valid health scorecard. */
export const validScorecard = fc.constantFrom(
  {
    measures: [
      { signal: "utilizationRate", weight: 2, scale: { type: "linear", worst: 0.2, best: 0.8 } },
      { metric: "nps", weight: 1, scale: { type: "steps", steps: [{ from: 0, score: 50 }, { from: 30, score: 100 }] } },
    ],
    bands: { good: 70, bad: 40 },
  },
  { measures: [{ signal: "deploymentRate", weight: 1, scale: { type: "linear", worst: 1, best: 0 } }], bands: { good: 60, bad: 30 }, missing: "zero" },
);

/** Arguments for functions the fuzz has no shape for: records of every kind, near-valid or not. */
export const anyArgument: fc.Arbitrary<unknown> = fc.oneof(
  weirdValue,
  contractsArgument,
  periodArgument,
  optionsArgument,
  fc.array(nearValid(validSnapshot), { maxLength: 5 }),
  fc.array(validSnapshot, { maxLength: 5 }),
  validSnapshot,
  nearValid(validScorecard),
  validScorecard,
);
