/**
 * Random contract books and periods for the differential oracle, built with the oracle's own
 * calendar (no src/). Dates cluster around the period's edges and month ends, where off-by-one bugs
 * live; amounts mix integers, decimals (up to 20 places), zero and 10^15-scale values.
 */
import fc from "fast-check";
import { daysFromCivil, daysInMonth, formatDay } from "../oracle/calendar.js";
import type { OracleContract, OraclePeriod } from "../oracle/revenueOracle.js";

const monthStart = (y: number, m: number): number => daysFromCivil(y, m, 1);
const addMonths = (y: number, m: number, k: number): [number, number] => {
  const index = y * 12 + (m - 1) + k;
  return [Math.floor(index / 12), (index % 12) + 1];
};

/** A period: a month, quarter, (fiscal) year, or an arbitrary span, as `YYYY-MM-DD` text. */
export const periodArbitrary: fc.Arbitrary<OraclePeriod> = fc.oneof(
  fc.record({ y: fc.integer({ min: 2023, max: 2025 }), m: fc.integer({ min: 1, max: 12 }), months: fc.constantFrom(1, 3, 12) }).map(({ y, m, months }) => {
    const [ey, em] = addMonths(y, m, months);
    return { start: formatDay(monthStart(y, m)), end: formatDay(monthStart(ey, em)) };
  }),
  fc.record({ start: fc.integer({ min: daysFromCivil(2023, 1, 1), max: daysFromCivil(2025, 12, 31) }), length: fc.integer({ min: 1, max: 450 }) }).map(
    ({ start, length }) => ({ start: formatDay(start), end: formatDay(start + length) }),
  ),
);

/** Days worth trying for a period: its edges ± 1, month ends, Feb 29, and anything in the window. */
function dayArbitrary(period: OraclePeriod): fc.Arbitrary<number> {
  const [sy, sm, sd] = period.start.split("-").map(Number) as [number, number, number];
  const [ey, em, ed] = period.end.split("-").map(Number) as [number, number, number];
  const s = daysFromCivil(sy, sm, sd);
  const e = daysFromCivil(ey, em, ed);
  return fc.oneof(
    fc.constantFrom(s - 1, s, s + 1, e - 1, e, e + 1, daysFromCivil(2024, 2, 29), daysFromCivil(2024, 3, 1), daysFromCivil(2025, 1, 31)),
    fc.record({ y: fc.integer({ min: 2022, max: 2026 }), m: fc.integer({ min: 1, max: 12 }), last: fc.boolean() }).map(({ y, m, last }) =>
      last ? daysFromCivil(y, m, daysInMonth(y, m)) : daysFromCivil(y, m, 1),
    ),
    fc.integer({ min: s - 500, max: e + 200 }),
  );
}

const amountArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 1_000_000 }).map(String) },
  { weight: 2, arbitrary: fc.record({ whole: fc.integer({ min: 0, max: 99_999 }), cents: fc.integer({ min: 0, max: 999 }) }).map(({ whole, cents }) => `${whole}.${String(cents).padStart(3, "0")}`) },
  { weight: 1, arbitrary: fc.constantFrom("0", "0.00", "1000000000000000", "999999999999999.99999999999999999999", "0.00000000000000000001") },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 35n }).map((n) => `${n / 10n ** 20n}.${(n % 10n ** 20n).toString().padStart(20, "0")}`) },
);

/** A period and a contract book placed around it. */
export const bookAndPeriodArbitrary: fc.Arbitrary<{ period: OraclePeriod; contracts: OracleContract[] }> = periodArbitrary.chain((period) => {
  const day = dayArbitrary(period);
  const contract = fc
    .record({
      customerId: fc.constantFrom("a", "b", "c", "d", "e", "f", "g"),
      start: day,
      endKind: fc.constantFrom("open", "length", "day"),
      length: fc.integer({ min: 1, max: 800 }),
      endDay: day,
      amount: amountArbitrary,
      interval: fc.constantFrom(undefined, "month", "quarter", "year", "week", "day"),
      intervalCount: fc.constantFrom(undefined, 1, 2, 3),
    })
    .map((c) => {
      let end: string | null = null;
      if (c.endKind === "length") end = formatDay(c.start + c.length);
      if (c.endKind === "day") end = formatDay(c.endDay > c.start ? c.endDay : c.start + c.length);
      return { customerId: c.customerId, start: formatDay(c.start), end, amount: c.amount, interval: c.interval, intervalCount: c.intervalCount };
    });
  return fc.array(contract, { maxLength: 14 }).map((list) => ({
    period,
    contracts: list.map((c, index) => {
      const record: { -readonly [K in keyof OracleContract]: OracleContract[K] } = { id: `k${index}`, customerId: c.customerId, start: c.start, end: c.end, amount: c.amount };
      if (c.interval !== undefined) record.interval = c.interval as OracleContract["interval"] & string;
      if (c.intervalCount !== undefined) record.intervalCount = c.intervalCount;
      return record;
    }),
  }));
});

/**
 * A random book with three customers planted so that the movements a property needs always occur:
 * `churner` (active the day before the period, gone by its last day — on its first day when
 * `firstDay`), `returner` (active long before, inactive the day before the period, back inside it:
 * a reactivation) and `starter` (first ever contract inside the period: new). Their amounts are
 * positive; the random lines of {@link bookAndPeriodArbitrary} come on top (other customer ids).
 */
export const bookWithMovementsArbitrary: fc.Arbitrary<{ period: OraclePeriod; contracts: OracleContract[]; firstDayChurn: boolean }> = bookAndPeriodArbitrary.chain(
  ({ period, contracts }) => {
    const [sy, sm, sd] = period.start.split("-").map(Number) as [number, number, number];
    const [ey, em, ed] = period.end.split("-").map(Number) as [number, number, number];
    const s = daysFromCivil(sy, sm, sd);
    const e = daysFromCivil(ey, em, ed);
    return fc
      .record({
        firstDay: fc.boolean(),
        churnStart: fc.integer({ min: 1, max: 400 }),
        churnEnd: fc.integer({ min: s, max: e - 1 }),
        gone: fc.integer({ min: 1, max: 300 }),
        back: fc.integer({ min: s, max: e - 1 }),
        amount: fc.constantFrom("1200", "99.99", "3600"),
        interval: fc.constantFrom("month" as const, "quarter" as const, "year" as const),
      })
      .map((p) => {
        const churnEnd = p.firstDay ? s : p.churnEnd;
        const planted: OracleContract[] = [
          { id: "p-churn", customerId: "churner", start: formatDay(s - p.churnStart), end: formatDay(churnEnd), amount: p.amount, interval: p.interval },
          { id: "p-old", customerId: "returner", start: formatDay(s - p.gone - 400), end: formatDay(s - p.gone), amount: p.amount },
          { id: "p-back", customerId: "returner", start: formatDay(p.back), end: null, amount: p.amount },
          { id: "p-new", customerId: "starter", start: formatDay(p.back), end: null, amount: p.amount, interval: p.interval },
        ];
        return { period, contracts: [...contracts, ...planted], firstDayChurn: churnEnd === s };
      });
  },
);
