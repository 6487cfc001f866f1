/**
 * The generated SQL, run for real on DuckDB (in memory) and on a PostgreSQL server started here,
 * returns the library's numbers: random contract books are loaded into each engine and every metric
 * set is compared with the library's result (truncated to the SQL's 18 money / 28 rate places, so
 * equal to it exactly whenever the library's value has at most so many places).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ContractBookOptions, type Period, contractBook } from "../../src/index.js";
import type { Proration } from "../../src/lostRevenue/lostRevenue.js";
import { type RevenueSqlMetric, toSql } from "../../src/sql/index.js";
import { asInput, contractBookArb, type GeneratedBook } from "../support/contractArbitraries.js";
import { runs } from "../hardening/support/runs.js";
import { type SqlEngine, type TextRow, REAL_ENGINES, engineForSuite } from "./support/engines.js";
import {
  COHORT_KINDS,
  LOST_KINDS,
  MOVEMENT_KINDS,
  REPORT_KINDS,
  byCustomer,
  expectedCohorts,
  expectedLostRevenue,
  expectedMovements,
  expectedReport,
  normaliseRow,
} from "./support/libraryExpectations.js";

/** Books per engine; the issue asks for at least 200 (fewer under mutation testing only). */
const BOOKS_PER_ENGINE = runs(200);

/**
 * The shared book arbitrary (weekly and daily lines included), with some amounts given four decimal
 * places and some interval counts of 4, 6, 12 or 36 (the SQL's common denominator must cover them).
 */
const bookArb: fc.Arbitrary<GeneratedBook> = fc
  .tuple(
    contractBookArb({ maxContracts: 12, weeksAndDays: true }),
    fc.array(fc.record({ digits: fc.integer({ min: 0, max: 99 }), count: fc.constantFrom(1, 1, 1, 4, 6, 12, 36) }), { minLength: 12, maxLength: 12 }),
  )
  .map(([book, tweaks]) => ({
    period: book.period,
    records: book.records.map((record, index) => {
      const tweak = tweaks[index]!;
      const amount = record.amount.includes(".") && tweak.digits % 3 === 0 ? `${record.amount}${String(tweak.digits).padStart(2, "0")}` : record.amount;
      return { ...record, amount, intervalCount: tweak.count === 1 ? record.intervalCount : tweak.count };
    }),
  }));

/** The weekly / daily MRR conversions a book is checked with: the defaults, or ×4 weeks and ×30 days. */
type Conversion = Pick<ContractBookOptions, "weeksPerMonth" | "daysPerMonth">;
const CONVERSIONS: readonly Conversion[] = [{}, { weeksPerMonth: 4, daysPerMonth: 30 }];

async function run(engine: SqlEngine, metric: RevenueSqlMetric, period: Period, conversion: Conversion, proration: Proration = "month", subtractReactivation = false): Promise<TextRow[]> {
  // includeReactivation (the quick ratio's variant) alternates with subtractReactivation.
  const statement = toSql(metric, { dialect: engine.dialect, period, proration, subtractReactivation, includeReactivation: subtractReactivation, ...conversion });
  return engine.query(statement.sql);
}

/** Checks every metric set of one book on one engine. */
async function checkBook(engine: SqlEngine, book: GeneratedBook, conversion: Conversion): Promise<void> {
  const records = contractBook(asInput(book.records), conversion);
  const { period } = book;
  await engine.load(book.records);

  // Both prorations and both net-churn variants, alternating between books.
  const [proration, subtract] = book.records.length % 2 === 0 ? (["month", false] as const) : (["day", true] as const);
  const rows = await run(engine, "revenueReport", period, conversion, proration, subtract);
  expect(rows.map((row) => normaliseRow(row, REPORT_KINDS))).toEqual([expectedReport(records, period, proration, subtract, book.records, conversion)]);
  const lost = await run(engine, "lostRevenue", period, conversion, proration);
  expect(byCustomer(lost.map((row) => normaliseRow(row, LOST_KINDS)))).toEqual(expectedLostRevenue(records, period, proration));
  const movements = await run(engine, "customerMovements", period, conversion);
  expect(byCustomer(movements.map((row) => normaliseRow(row, MOVEMENT_KINDS)))).toEqual(expectedMovements(records, period));
  const cohorts = await run(engine, "cohortRetention", period, conversion);
  expect(cohorts.map((row) => normaliseRow(row, COHORT_KINDS))).toEqual(expectedCohorts(records, period));
}

describe.each(REAL_ENGINES)("generated SQL on %s equals the library", (_name, open) => {
  const currentEngine = engineForSuite(open, async (engine) => {
    console.info(`cs-metrics SQL properties run on: ${engine.description}`);
  });

  it(`on ${BOOKS_PER_ENGINE} random contract books: report, movements, lost revenue (both prorations), cohorts`, async () => {
    const engine = currentEngine();
    let books = 0;
    await fc.assert(
      fc.asyncProperty(bookArb, fc.constantFrom(...CONVERSIONS), async (book, conversion) => {
        books++;
        await checkBook(engine, book, conversion);
      }),
      { numRuns: BOOKS_PER_ENGINE },
    );
    console.info(`cs-metrics SQL properties: ${books} books checked on ${engine.dialect}`);
    expect(books).toBeGreaterThanOrEqual(BOOKS_PER_ENGINE);
  }, 600_000);
});
