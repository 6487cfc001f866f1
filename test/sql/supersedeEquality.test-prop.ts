/**
 * `toSql(…, { lines: "supersede" })` on a real engine (DuckDB in memory, and PostgreSQL where the
 * harness starts it) equals `contractBook(records, { lines: "supersede" })`: a hand-worked restating
 * export with an add-on product, then random books whose open-ended lines restate each other.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contractBook, year } from "../../src/index.js";
import { toSql } from "../../src/sql/index.js";
import { type GeneratedBook, type GeneratedContract, asInput, contractBookArb } from "../support/contractArbitraries.js";
import { runs } from "../hardening/support/runs.js";
import { REAL_ENGINES, engineForSuite } from "./support/engines.js";
import { COHORT_KINDS, MOVEMENT_KINDS, REPORT_KINDS, byCustomer, expectedCohorts, expectedMovements, expectedReport, normaliseRow } from "./support/libraryExpectations.js";

const BOOKS_PER_ENGINE = runs(100);

/** Every other line made open-ended, so that customers' open lines restate each other often. */
const restatingBookArb: fc.Arbitrary<GeneratedBook> = contractBookArb({ maxContracts: 12 }).map((book) => ({
  period: book.period,
  records: book.records.map((record, index) => (index % 2 === 0 ? { ...record, end: null } : record)),
}));

describe.each(REAL_ENGINES)("lines: \"supersede\" on %s", (_name, open) => {
  const opened = engineForSuite(open);

  it("the restating export of docs/revenue.md, with an add-on of another product that no plan row ends", async () => {
    const engine = opened();
    // acme restates its plan on 2025-04-01 (100 → 120) and 2025-10-01 (→ 90), and has an add-on (product
    // "addon", 30 a month since 2024-06-01) that the plan rows never end; beta pays 50 until 2025-07-01.
    await engine.execute('CREATE TABLE IF NOT EXISTS restated (id VARCHAR, customer_id VARCHAR, start_date DATE, end_date DATE, amount DECIMAL(24, 8), product VARCHAR)', []);
    await engine.execute("DELETE FROM restated", []);
    const rows: [string, string, string, string | null, number, string | null][] = [
      ["r1", "acme", "2024-01-01", null, 100, null],
      ["r2", "acme", "2025-04-01", null, 120, null],
      ["r3", "acme", "2025-10-01", null, 90, null],
      ["a1", "acme", "2024-06-01", null, 30, "addon"],
      ["b1", "beta", "2024-01-01", "2025-07-01", 50, null],
    ];
    for (const row of rows) await engine.execute("INSERT INTO restated VALUES ($1, $2, CAST($3 AS DATE), CAST($4 AS DATE), $5, $6)", row);
    const statement = toSql("revenueReport", { dialect: engine.dialect, period: year(2025), lines: "supersede", tables: { contracts: "restated" }, columns: { interval: null, intervalCount: null } });
    const [row] = await engine.query(statement.sql);
    // Starting MRR (2024-12-31): acme 100 + 30 (add-on) + beta 50 = 180. Ending (2025-12-31): acme 90 (r3; r1, r2
    // superseded) + 30 (the add-on is another product) = 120. NRR = 120 / 180 = 2/3; GRR = (180 − 10 − 50) / 180 = 2/3.
    expect(normaliseRow(row!, { starting_mrr: "money", ending_mrr: "money", nrr: "rate", grr: "rate" })).toEqual({
      starting_mrr: `180.${"0".repeat(18)}`,
      ending_mrr: `120.${"0".repeat(18)}`,
      nrr: `0.${"6".repeat(28)}`,
      grr: `0.${"6".repeat(28)}`,
    });
    // Summed instead (the default), acme would end at 100 + 120 + 90 + 30 = 340: NRR 340 / 180.
    const [summed] = await engine.query(toSql("revenueReport", { dialect: engine.dialect, period: year(2025), tables: { contracts: "restated" }, columns: { interval: null, intervalCount: null } }).sql);
    expect(normaliseRow(summed!, { ending_mrr: "money" })).toEqual({ ending_mrr: `340.${"0".repeat(18)}` });
  });

  it(`on ${BOOKS_PER_ENGINE} random restating books: report, movements and cohorts equal the library's`, async () => {
    const engine = opened();
    let superseding = 0;
    await fc.assert(
      fc.asyncProperty(restatingBookArb, async ({ period, records }) => {
        const book = contractBook(asInput(records), { lines: "supersede" });
        if (book.dataQuality.supersededLines > 0) superseding++;
        // The records as the book settled them (a superseded line ends where the next one starts).
        const settled: GeneratedContract[] = records.map((record, index) => ({ ...record, end: book.contracts[index]!.end }));
        await engine.load(records);
        const options = { dialect: engine.dialect, period, lines: "supersede", columns: { product: null } } as const;
        const report = await engine.query(toSql("revenueReport", options).sql);
        expect(report.map((row) => normaliseRow(row, REPORT_KINDS))).toEqual([expectedReport(book, period, "month", false, settled)]);
        const movements = await engine.query(toSql("customerMovements", options).sql);
        expect(byCustomer(movements.map((row) => normaliseRow(row, MOVEMENT_KINDS)))).toEqual(expectedMovements(book, period));
        const cohorts = await engine.query(toSql("cohortRetention", options).sql);
        expect(cohorts.map((row) => normaliseRow(row, COHORT_KINDS))).toEqual(expectedCohorts(book, period));
      }),
      { numRuns: BOOKS_PER_ENGINE },
    );
    // The books do exercise the rule: most have lines that a later line ends.
    expect(superseding).toBeGreaterThan(BOOKS_PER_ENGINE / 4);
  }, 600_000);
});
