import { fc, test } from "@fast-check/vitest";
import Decimal from "decimal.js";
import { describe, expect } from "vitest";
import { cohortRetention, contractBook, mrrSeries, revenueMovements, revenueReport, type Period } from "../../src/index.js";
import { type GeneratedContract, asInput, contractBookArb, dateOfDay, dayOfDate } from "../support/contractArbitraries.js";
import { Exact, expectDecimal, expectRelativelyClose } from "../support/decimals.js";

/** Everything the revenue functions report over a period, as plain JSON (Decimals become their exact text). */
function allResults(records: readonly GeneratedContract[], period: Period, proration: "month" | "day" = "month"): unknown {
  const book = contractBook(asInput(records));
  return JSON.parse(
    JSON.stringify({
      report: revenueReport(book, period, { proration, subtractReactivation: true }),
      customers: revenueMovements(book, period).customers,
      series: mrrSeries(book, period),
      cohorts: cohortRetention(book, period),
    }),
  );
}

/** Every Decimal and number reachable from a value. */
function numbersIn(value: unknown, path = "result", found: [string, Decimal | number][] = []): [string, Decimal | number][] {
  if (Decimal.isDecimal(value) || typeof value === "number") found.push([path, value as Decimal | number]);
  else if (Array.isArray(value)) value.forEach((item, index) => numbersIn(item, `${path}[${index}]`, found));
  else if (typeof value === "object" && value !== null) for (const [key, item] of Object.entries(value)) numbersIn(item, `${path}.${key}`, found);
  return found;
}

const prorationArb = fc.constantFrom("month" as const, "day" as const);

describe("invariance properties", () => {
  test.prop([contractBookArb().chain((book) => fc.tuple(fc.constant(book), fc.shuffledSubarray(book.records, { minLength: book.records.length }))), prorationArb])(
    "results do not depend on the order of the records",
    ([{ records, period }, shuffled], proration) => {
      expect(allResults(shuffled, period, proration)).toEqual(allResults(records, period, proration));
    },
  );

  test.prop([
    contractBookArb({ maxContracts: 8 }).filter((book) => book.records.length > 0),
    fc.nat(),
    fc.integer({ min: 1, max: 400 }),
    prorationArb,
  ])("splitting a contract into two adjacent ones with the same MRR changes nothing", ({ records, period }, pick, cut, proration) => {
    const index = pick % records.length;
    const original = records[index]!;
    const start = dayOfDate(original.start);
    const length = original.end === null ? Number.POSITIVE_INFINITY : dayOfDate(original.end) - start;
    if (length < 2) return;
    // split day strictly inside [start, end): the first part ends where the second starts.
    const splitDay = start + 1 + (Number.isFinite(length) ? cut % (length - 1) : cut);
    const split = [
      ...records.slice(0, index),
      { ...original, end: dateOfDay(splitDay) },
      { ...original, id: `${original.id}-second`, start: dateOfDay(splitDay) },
      ...records.slice(index + 1),
    ];
    expect(allResults(split, period, proration)).toEqual(allResults(records, period, proration));
  });

  test.prop([contractBookArb(), fc.constantFrom("2", "3", "7", "1000", "0.5", "1.25", "0.01")])(
    "scales linearly when every amount is multiplied by k: money × k, rates and counts unchanged",
    ({ records, period }, k) => {
      const scaled = records.map((record) => ({ ...record, amount: new Exact(record.amount).times(k).toString() }));
      const before = revenueReport(asInput(records), period, { subtractReactivation: true });
      const after = revenueReport(asInput(scaled), period, { subtractReactivation: true });
      // Rates are ratios of the same exact integers times k: identical after rounding.
      expect(JSON.stringify(after.rates)).toBe(JSON.stringify(before.rates));
      const moneyKeys = ["startingMrr", "endingMrr", "newMrr", "reactivationMrr", "expansionMrr", "contractionMrr", "churnedMrr", "netNewMrr"] as const;
      for (const key of moneyKeys) expectRelativelyClose(after.movements[key], new Exact(before.movements[key]).times(k));
      const { currency: _c, ...counts } = after.movements;
      const { currency: _d, ...countsBefore } = before.movements;
      for (const key of Object.keys(counts) as (keyof typeof counts)[]) {
        if (typeof counts[key] === "number") expect(counts[key]).toBe(countsBefore[key]);
      }
      expectRelativelyClose(after.lostRevenue.total, new Exact(before.lostRevenue.total).times(k));
      after.lostRevenue.customers.forEach((row, index) => {
        const old = before.lostRevenue.customers[index]!;
        expectRelativelyClose(row.lostRevenue, new Exact(old.lostRevenue).times(k));
        expectDecimal(row.remainingMonths, old.remainingMonths);
      });
    },
  );

  test.prop([contractBookArb({ exactMrr: true }), fc.integer({ min: 2, max: 1000 })])(
    "with whole MRRs and a whole k, money scales exactly",
    ({ records, period }, k) => {
      const scaled = records.map((record) => ({ ...record, amount: (BigInt(record.amount) * BigInt(k)).toString() }));
      const before = revenueMovements(asInput(records), period);
      const after = revenueMovements(asInput(scaled), period);
      expectDecimal(after.startingMrr, new Exact(before.startingMrr).times(k));
      expectDecimal(after.endingMrr, new Exact(before.endingMrr).times(k));
      expectDecimal(after.expansionMrr, new Exact(before.expansionMrr).times(k));
      expectDecimal(after.churnedMrr, new Exact(before.churnedMrr).times(k));
    },
  );

  test.prop([contractBookArb(), fc.constantFrom("150.25", "0.0067", "1", "3")])(
    "converting every record through an exchange rate equals multiplying its amount by the rate",
    ({ records, period }, rate) => {
      const foreign = records.map((record) => ({ ...record, currency: "EUR" }));
      const scaled = records.map((record) => ({ ...record, amount: new Exact(record.amount).times(rate).toString(), currency: "JPY" }));
      const converted = contractBook(asInput(foreign), { currency: "JPY", exchangeRates: { EUR: rate } });
      expect(JSON.stringify(revenueReport(converted, period))).toBe(JSON.stringify(revenueReport(contractBook(asInput(scaled), { currency: "JPY" }), period)));
    },
  );

  test.prop([contractBookArb(), fc.array(fc.integer({ min: 0, max: 86_399_999 }), { minLength: 30, maxLength: 30 })])(
    "Date objects at any time of day give the same results as their UTC calendar dates",
    ({ records, period }, times) => {
      let next = 0;
      const at = (date: string): Date => new Date(Date.parse(`${date}T00:00:00Z`) + times[next++ % times.length]!);
      const withDates = records.map((record) => ({ ...record, start: at(record.start), end: record.end === null ? null : at(record.end) }));
      const periodWithDates = { start: at(period.start), end: at(period.end) };
      const book = contractBook(withDates);
      expect(JSON.parse(JSON.stringify(revenueReport(book, periodWithDates)))).toEqual(
        JSON.parse(JSON.stringify(revenueReport(asInput(records), { start: period.start, end: period.end }))),
      );
    },
  );

  test.prop([contractBookArb(), prorationArb])("every numeric output is finite (no NaN, no Infinity)", ({ records, period }, proration) => {
    const book = contractBook(asInput(records));
    const results = {
      report: revenueReport(book, period, { proration }),
      movements: revenueMovements(book, period),
      series: mrrSeries(book, period),
      cohorts: cohortRetention(book, period),
    };
    for (const [path, value] of numbersIn(results)) {
      const finite = typeof value === "number" ? Number.isFinite(value) : value.isFinite();
      expect(finite, `${path} = ${String(value)}`).toBe(true);
    }
  });
});
