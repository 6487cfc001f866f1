/**
 * Worked examples on the real engines (DuckDB in memory, a PostgreSQL server started here): the
 * sample data of examples/data (FY2025, April start) gives the hand-verified figures; hostile table
 * and column names are data, not SQL; data the library would reject stops the query with an error.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fiscalYear } from "../../src/index.js";
import { type ToSqlOptions, toSql } from "../../src/sql/index.js";
import type { GeneratedContract } from "../support/contractArbitraries.js";
import { type ContractTableNames, DEFAULT_TABLE_NAMES, REAL_ENGINES, engineForSuite } from "./support/engines.js";
import { truncatedFraction } from "./support/libraryExpectations.js";

const SAMPLE = new URL("../../examples/data/contracts.json", import.meta.url);
const sample: GeneratedContract[] = (JSON.parse(readFileSync(SAMPLE, "utf8")) as Partial<GeneratedContract>[]).map((record) => ({
  ...(record as GeneratedContract),
  end: record.end ?? null,
  intervalCount: record.intervalCount ?? 1,
}));
const period = fiscalYear(2025, { startMonth: 4 });

const HOSTILE: ContractTableNames = {
  table: 'contracts"; DROP TABLE contracts; --',
  id: "id",
  customerId: 'customer"id',
  start: "start date",
  end: "END",
  amount: 'amount"); DELETE FROM contracts; --',
  interval: "interval",
  intervalCount: "回数",
};

describe.each(REAL_ENGINES)("on %s", (_name, open) => {
  const currentEngine = engineForSuite(open, (engine) => engine.load(sample));

  const report = async (options: Partial<ToSqlOptions> = {}) => {
    const engine = currentEngine();
    const rows = await engine.query(toSql("revenueReport", { dialect: engine.dialect, period, ...options }).sql);
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  it("gives the sample's hand-verified FY2025 figures", async () => {
    const row = await report();
    // Starting MRR (2025-03-31): hokuto 200,000 + sakura 200,000 + minato 150,000 + aozora 600,000
    // + kawasaki 90,000 + tohoku 300,000 + osaka 80,000 = 1,620,000.
    expect(row["starting_mrr"]).toMatch(/^1620000\.0{18}$/);
    // Ending MRR (2026-03-31): 250,000 + 180,000 + 400,000 + 250,000 + 100,000 + 300,000 + 110,000 = 1,590,000.
    expect(row["ending_mrr"]).toMatch(/^1590000\.0{18}$/);
    // NRR = C0's ending MRR / S = 1,240,000 / 1,620,000 = 62/81; GRR = 1,130,000 / 1,620,000 = 113/162.
    expect(row["nrr"]).toBe(truncatedFraction(62n, 81n, 28));
    expect(row["grr"]).toBe(truncatedFraction(113n, 162n, 28));
    // Lost revenue (month proration): sakura 200,000 × 9 + kawasaki 90,000 × (2 + 16/31) = 62,820,000 / 31.
    expect(row["lost_revenue"]).toBe(truncatedFraction(62_820_000n, 31n, 18));
  });

  it("reads hostile table and column names as names: same figures, nothing dropped", async () => {
    const engine = currentEngine();
    await engine.load(sample, HOSTILE);
    const { table, ...columns } = HOSTILE;
    const hostile = await report({ tables: { contracts: table }, columns });
    expect(hostile).toEqual(await report());
    const stillThere = await engine.query(`SELECT COUNT(*) AS n FROM ${DEFAULT_TABLE_NAMES.table}`);
    expect(stillThere[0]?.["n"]).toBe(String(sample.length));
  });

  it.each<[string, Partial<GeneratedContract>, string]>([
    ["an amount with more decimals than amountScale", { amount: "100.12345" }, "cs-metrics: contract bad: amount has more than 4 decimal places (raise amountScale)"],
    ["an interval count not dividing 27720", { intervalCount: 13 }, "cs-metrics: contract bad: interval count must divide 27720"],
    ["an unknown interval", { interval: "fortnight" as "month" }, "cs-metrics: contract bad: interval must be month, quarter, year, week or day and interval count >= 1"],
    ["an end not after start", { start: "2025-05-01", end: "2025-05-01" }, "cs-metrics: contract bad: end must be after start"],
  ])("stops on %s, naming the contract", async (_case, change, message) => {
    const engine = currentEngine();
    const bad: GeneratedContract = { ...sample[0]!, id: "bad", ...change };
    await engine.load([...sample, bad], { ...DEFAULT_TABLE_NAMES, table: "bad_contracts" });
    await expect(engine.query(toSql("revenueReport", { dialect: engine.dialect, period, tables: { contracts: "bad_contracts" } }).sql)).rejects.toThrow(
      message,
    );
  });

  it("accepts more decimal places when amountScale allows them", async () => {
    const engine = currentEngine();
    const fine: GeneratedContract = { ...sample[0]!, id: "fine", customerId: "fine", start: "2024-01-01", end: null, amount: "100.12345" };
    await engine.load([fine], { ...DEFAULT_TABLE_NAMES, table: "fine_contracts" });
    const rows = await engine.query(toSql("revenueReport", { dialect: engine.dialect, period, tables: { contracts: "fine_contracts" }, amountScale: 6 }).sql);
    // The line is yearly: MRR = 100.12345 / 12 = 8.34362083333…
    expect(rows[0]?.["starting_mrr"]).toBe(truncatedFraction(10_012_345n, 100_000n * 12n, 18));
  });
});
