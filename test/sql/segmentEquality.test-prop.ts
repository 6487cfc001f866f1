/**
 * `revenueReportBySegment` compiled to SQL and run on DuckDB and a real PostgreSQL server equals the
 * library's `revenueReportBySegment`, segment by segment, for a segment column of the contract table
 * (plan, a line attribute) and for one of a customer table joined by customer id (a region).
 */
import fc from "fast-check";
import type Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { type ContractInput, type Period, type SegmentReport, revenueReportBySegment } from "../../src/index.js";
import type { Proration } from "../../src/lostRevenue/lostRevenue.js";
import { type SqlSegment, toSql } from "../../src/sql/index.js";
import { runs } from "../hardening/support/runs.js";
import { contractBookArb } from "../support/contractArbitraries.js";
import { REAL_ENGINES, type SqlEngine, type TextRow, engineForSuite } from "./support/engines.js";
import { type ColumnKind, MONEY_PLACES, RATE_PLACES, REPORT_KINDS, normaliseRow, reportRow, truncated } from "./support/libraryExpectations.js";

const BOOKS_PER_ENGINE = runs(200);
const CUSTOMERS = ["acme", "beta", "chiyoda", "daiichi", "eiwa", "fuji"];

// The segment statement has the report's columns but ARPA and the quick ratio.
const { arpa: _arpa, quick_ratio: _quickRatio, ...BASE_KINDS } = REPORT_KINDS;
const SEGMENT_KINDS: Record<string, ColumnKind> = {
  segment: "text",
  ...BASE_KINDS,
  entering_segment_mrr: "money", leaving_segment_mrr: "money",
  entering_segment_customers: "count", leaving_segment_customers: "count", leaving_segment_rate: "rate",
};

const money = (value: Decimal): string | null => truncated(value, MONEY_PLACES);
const rate = (value: Decimal | null): string | null => truncated(value, RATE_PLACES);

function expectedRow({ segment, movements: m, rates: r, lostRevenue }: SegmentReport): TextRow {
  return {
    segment,
    ...reportRow(m, r, lostRevenue.total),
    entering_segment_mrr: money(m.enteringSegmentMrr), leaving_segment_mrr: money(m.leavingSegmentMrr),
    entering_segment_customers: String(m.enteringSegmentCustomers), leaving_segment_customers: String(m.leavingSegmentCustomers),
    leaving_segment_rate: rate(r.leavingSegmentRate),
  };
}

/** Engine rows in the library's order: labels by code units, NULL last. */
function ordered(rows: TextRow[]): TextRow[] {
  const key = (row: TextRow): string => (row["segment"] === null ? "\uffff" : `\u0000${row["segment"]}`);
  return rows.map((row) => normaliseRow(row, SEGMENT_KINDS)).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

interface SegmentedBook {
  readonly period: Period;
  readonly records: (ContractInput & { plan?: string; id: string; customerId: string })[];
  readonly regions: Readonly<Record<string, string>>;
}

const segmentedBookArb: fc.Arbitrary<SegmentedBook> = fc
  .tuple(
    contractBookArb({ maxContracts: 12 }),
    fc.array(fc.constantFrom("A", "B", "C", undefined), { minLength: 12, maxLength: 12 }),
    fc.dictionary(fc.constantFrom(...CUSTOMERS), fc.constantFrom("east", "west")),
  )
  .map(([book, plans, regions]) => ({
    period: book.period,
    records: book.records.map((record, index) => (plans[index] === undefined ? { ...record } : { ...record, plan: plans[index]! })),
    regions,
  }));

async function load(engine: SqlEngine, book: SegmentedBook): Promise<void> {
  const decimal = engine.dialect === "postgres" ? "NUMERIC(24, 8)" : "DECIMAL(24, 8)";
  await engine.execute(`DELETE FROM seg_contracts`, []);
  await engine.execute(`DELETE FROM seg_customers`, []);
  if (book.records.length > 0) {
    const values = book.records.flatMap((r) => [r.id, r.customerId, r.start as string, (r.end ?? null) as string | null, String(r.amount), r.interval ?? "month", r.intervalCount ?? 1, r.plan ?? null]);
    const rows = book.records.map((_, row) => {
      const p = (column: number): string => `$${row * 8 + column}`;
      return `(${p(1)}, ${p(2)}, CAST(${p(3)} AS DATE), CAST(${p(4)} AS DATE), CAST(${p(5)} AS ${decimal}), ${p(6)}, CAST(${p(7)} AS INTEGER), ${p(8)})`;
    });
    await engine.execute(`INSERT INTO seg_contracts VALUES ${rows.join(", ")}`, values);
  }
  const regions = Object.entries(book.regions);
  if (regions.length > 0) {
    await engine.execute(`INSERT INTO seg_customers VALUES ${regions.map((_, row) => `($${row * 2 + 1}, $${row * 2 + 2})`).join(", ")}`, regions.flat());
  }
}

async function run(engine: SqlEngine, period: Period, segment: SqlSegment, proration: Proration, subtractReactivation: boolean): Promise<TextRow[]> {
  const statement = toSql("revenueReportBySegment", { dialect: engine.dialect, period, proration, subtractReactivation, tables: { contracts: "seg_contracts" }, segment });
  expect(statement.columns[0]).toBe("segment");
  return ordered(await engine.query(statement.sql));
}

describe.each(REAL_ENGINES)("revenueReportBySegment SQL on %s equals the library", (_name, open) => {
  const currentEngine = engineForSuite(open, async (engine) => {
    const decimal = engine.dialect === "postgres" ? "NUMERIC(24, 8)" : "DECIMAL(24, 8)";
    await engine.execute(
      `CREATE TABLE IF NOT EXISTS seg_contracts (id VARCHAR, customer_id VARCHAR, start_date DATE, end_date DATE, amount ${decimal}, "interval" VARCHAR, interval_count INTEGER, plan VARCHAR)`,
      [],
    );
    await engine.execute(`CREATE TABLE IF NOT EXISTS seg_customers (customer_id VARCHAR, region VARCHAR)`, []);
  });

  it(`on ${BOOKS_PER_ENGINE} random books: by a plan column and by a joined customer table`, async () => {
    const engine = currentEngine();
    let books = 0;
    await fc.assert(
      fc.asyncProperty(segmentedBookArb, async (book) => {
        books++;
        await load(engine, book);
        const [proration, subtract] = book.records.length % 2 === 0 ? (["month", false] as const) : (["day", true] as const);
        const options = { proration, subtractReactivation: subtract };
        const byPlan = revenueReportBySegment(book.records, book.period, { segment: "plan", ...options });
        expect(await run(engine, book.period, { column: "plan" }, proration, subtract)).toEqual(byPlan.segments.map(expectedRow));
        const byRegion = revenueReportBySegment(book.records, book.period, { segment: book.regions, ...options });
        expect(await run(engine, book.period, { table: "seg_customers", column: "region" }, proration, subtract)).toEqual(byRegion.segments.map(expectedRow));
      }),
      { numRuns: BOOKS_PER_ENGINE },
    );
    expect(books).toBeGreaterThanOrEqual(BOOKS_PER_ENGINE);
  }, 600_000);
});
