/**
 * A contract table without the optional columns (`end_date`, `interval`, `interval_count`) works when
 * they are mapped to `null` (issue 11: before, the statement always read them and DuckDB failed with
 * `Referenced column "interval_count" not found`). Run on DuckDB and a real PostgreSQL server.
 */
import { describe, expect, it } from "vitest";
import { ValidationError, month } from "../../src/index.js";
import { toSql } from "../../src/sql/index.js";
import { caught } from "../support/caught.js";
import { REAL_ENGINES, engineForSuite } from "./support/engines.js";
import { truncatedFraction } from "./support/libraryExpectations.js";

const period = month("2025-03");

describe("optional contract columns mapped to null", () => {
  it("reads no column for a field mapped to null, and a typed NULL in its place", () => {
    const { sql } = toSql("revenueReport", { dialect: "duckdb", period, columns: { end: null, interval: null, intervalCount: null } });
    expect(sql).not.toContain('"interval"');
    expect(sql).not.toContain('"interval_count"');
    expect(sql).not.toContain('"end_date"');
    expect(sql).toContain("CAST(NULL AS DATE) AS end_date");
    expect(sql).toContain("COALESCE(NULL, 1) AS interval_count");
  });

  it("reads the optional columns by default (a table that has them keeps its quarterly and yearly lines)", () => {
    const { sql } = toSql("revenueReport", { dialect: "postgres", period });
    expect(sql).toContain('COALESCE("interval", \'month\')');
    expect(sql).toContain('COALESCE("interval_count", 1)');
  });

  it("refuses null for a required column, naming it", () => {
    const error = caught(() => toSql("revenueReport", { dialect: "duckdb", period, columns: { amount: null as unknown as string, customerId: null as unknown as string } }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { path: "options.columns.customerId", message: "must be a column name: only end, interval, intervalCount and product may be null (no such column)" },
      { path: "options.columns.amount", message: "must be a column name: only end, interval, intervalCount and product may be null (no such column)" },
    ]);
  });
});

describe.each(REAL_ENGINES)("a contract table lacking optional columns, on %s", (_name, open) => {
  const currentEngine = engineForSuite(open, async (engine) => {
    // Monthly lines, no interval columns: a ¥100 and a ¥30 customer open-ended, b ¥50 ending 2025-03-01.
    await engine.execute("CREATE TABLE no_interval (id VARCHAR(10), customer_id VARCHAR(10), start_date DATE, end_date DATE, amount DECIMAL(12, 2))", []);
    await engine.execute(
      "INSERT INTO no_interval VALUES ('1', 'a', DATE '2025-01-01', NULL, 100), ('2', 'b', DATE '2025-01-01', DATE '2025-03-01', 50), ('3', 'c', DATE '2025-02-01', NULL, 30)",
      [],
    );
    // Open-ended subscriptions: no end column either.
    await engine.execute("CREATE TABLE open_ended (id VARCHAR(10), customer_id VARCHAR(10), start_date DATE, amount DECIMAL(12, 2))", []);
    await engine.execute("INSERT INTO open_ended VALUES ('1', 'a', DATE '2025-01-01', 100), ('3', 'c', DATE '2025-02-01', 30)", []);
  });

  it("fails as before when the missing columns are left at their defaults (the documented default reads them)", async () => {
    const engine = currentEngine();
    const { sql } = toSql("revenueReport", { dialect: engine.dialect, period, tables: { contracts: "no_interval" } });
    await expect(engine.query(sql)).rejects.toThrow(/interval/);
  });

  it("computes the hand-worked March 2025 figures with interval and intervalCount mapped to null", async () => {
    const engine = currentEngine();
    const { sql } = toSql("revenueReport", {
      dialect: engine.dialect,
      period,
      tables: { contracts: "no_interval" },
      columns: { interval: null, intervalCount: null },
    });
    const [row] = await engine.query(sql);
    // M0 (2025-02-28) = a 100 + b 50 + c 30 = 180; M1 (2025-03-31) = a 100 + c 30 = 130 (b ended 2025-03-01).
    expect(row?.["starting_mrr"]).toMatch(/^180\.0{18}$/);
    expect(row?.["ending_mrr"]).toMatch(/^130\.0{18}$/);
    // NRR = 130 / 180 = 13/18; one churned logo of three.
    expect(row?.["nrr"]).toBe(truncatedFraction(13n, 18n, 28));
    expect(row?.["logo_churn_rate"]).toBe(truncatedFraction(1n, 3n, 28));
  });

  it("computes with end mapped to null too: every line open-ended", async () => {
    const engine = currentEngine();
    const { sql } = toSql("customerMovements", {
      dialect: engine.dialect,
      period,
      tables: { contracts: "open_ended" },
      columns: { end: null, interval: null, intervalCount: null },
    });
    const rows = await engine.query(sql);
    // a: 100 on both ends (flat); c: 30 on both ends (flat, it started 2025-02-01, before M0's day).
    expect(rows.map((row) => [row["customer_id"], row["movement"]])).toEqual([["a", "flat"], ["c", "flat"]]);
    const { sql: lostSql } = toSql("lostRevenue", { dialect: engine.dialect, period, tables: { contracts: "open_ended" }, columns: { end: null, interval: null, intervalCount: null } });
    expect(await engine.query(lostSql)).toEqual([]);
  });
});
