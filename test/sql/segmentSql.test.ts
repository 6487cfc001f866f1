import { describe, expect, it } from "vitest";
import { Decimal, ValidationError, month, quarter } from "../../src/index.js";
import { toSql } from "../../src/sql/index.js";
import { caught } from "../support/caught.js";
import { openDuckDb } from "./support/engines.js";

const period = quarter(2025, 1);
const paths = (action: () => unknown): string[] => (caught(action) as ValidationError).issues.map((issue) => issue.path);

describe("toSql revenueReportBySegment", () => {
  it("reads the label from a contract column or a joined customer table", () => {
    const byPlan = toSql("revenueReportBySegment", { dialect: "postgres", period, segment: { column: "plan" } });
    expect(byPlan.sql).toContain('"plan" AS segment');
    expect(byPlan.columns.slice(0, 2)).toEqual(["segment", "starting_mrr"]);
    expect(byPlan.columns.slice(-5)).toEqual(["entering_segment_mrr", "leaving_segment_mrr", "entering_segment_customers", "leaving_segment_customers", "leaving_segment_rate"]);
    const byRegion = toSql("revenueReportBySegment", {
      dialect: "bigquery",
      period,
      columns: { customerId: "account_id" },
      segment: { table: ["crm", "accounts"], column: "region", customerId: "account_id" },
    });
    expect(byRegion.sql).toContain("FROM `crm`.`accounts` AS customer_table WHERE customer_table.`account_id` = contract_table.`account_id`");
  });

  it("rejects a missing or malformed segment, and a segment given to another metric", () => {
    expect(paths(() => toSql("revenueReportBySegment", { dialect: "duckdb", period }))).toEqual(["options.segment"]);
    expect(paths(() => toSql("revenueReportBySegment", { dialect: "duckdb", period, segment: "plan" as never }))).toEqual(["options.segment"]);
    expect(paths(() => toSql("revenueReportBySegment", { dialect: "duckdb", period, segment: { column: "" } }))).toEqual(["options.segment.column"]);
    expect(paths(() => toSql("revenueReportBySegment", { dialect: "duckdb", period, segment: { column: "plan", customerId: "x" } }))).toEqual(["options.segment.customerId"]);
    expect(
      paths(() => toSql("revenueReportBySegment", { dialect: "bigquery", period, segment: { column: "region", table: [], customerId: "a`b" } })),
    ).toEqual(["options.segment.table", "options.segment.customerId"]);
    expect(paths(() => toSql("revenueReport", { dialect: "duckdb", period, segment: { column: "plan" } }))).toEqual(["options.segment"]);
  });
});

describe("toSql revenueReport: arpa and quick_ratio", () => {
  it("ends with ARPA and the quick ratio; includeReactivation adds reactivation to the gains", () => {
    const plain = toSql("revenueReport", { dialect: "duckdb", period });
    expect(plain.columns.slice(-2)).toEqual(["arpa", "quick_ratio"]);
    expect(plain.sql).toContain("t.new_units + t.expansion_units AS quick_ratio_gains");
    const withReactivation = toSql("revenueReport", { dialect: "duckdb", period, includeReactivation: true });
    expect(withReactivation.sql).toContain("t.new_units + t.expansion_units + t.reactivation_units AS quick_ratio_gains");
    expect(paths(() => toSql("revenueReport", { dialect: "duckdb", period, includeReactivation: "yes" as never }))).toEqual(["options.includeReactivation"]);
  });
});

describe("arpa and quick_ratio on DuckDB: a worked example", () => {
  /**
   * March 2025: a 100 → 150 (expansion 50), b 80 → 0 (churn 80), c new 30, d reactivated 20, e 60 → 40
   * (contraction 20). ARPA on 03-31 = (150 + 30 + 20 + 40) / 4 = 60; quick ratio = (30 + 50) / (80 + 20)
   * = 0.8 (Mamoon Hamid's definition), with reactivation (30 + 50 + 20) / 100 = 1 (ChartMogul's).
   */
  const records = [
    ["a1", "a", "2025-01-01", null, "100"], ["a2", "a", "2025-03-10", null, "50"],
    ["b1", "b", "2025-01-01", "2025-03-15", "80"],
    ["c1", "c", "2025-03-05", null, "30"],
    ["d1", "d", "2024-01-01", "2024-06-01", "20"], ["d2", "d", "2025-03-01", null, "20"],
    ["e1", "e", "2025-01-01", "2025-03-20", "60"], ["e2", "e", "2025-03-20", null, "40"],
  ].map(([id, customerId, start, end, amount]) => ({ id: id!, customerId: customerId!, start: start!, end: end ?? null, amount: amount!, interval: "month" as const, intervalCount: 1, currency: "USD" }));

  it("returns 60, 0.8 and 1", async () => {
    const engine = await openDuckDb();
    try {
      await engine.load(records);
      const [plain] = await engine.query(toSql("revenueReport", { dialect: "duckdb", period: month("2025-03") }).sql);
      const [withReactivation] = await engine.query(toSql("revenueReport", { dialect: "duckdb", period: month("2025-03"), includeReactivation: true }).sql);
      expect(new Decimal(plain!["arpa"]!).equals(60)).toBe(true);
      expect(new Decimal(plain!["quick_ratio"]!).equals("0.8")).toBe(true);
      expect(new Decimal(withReactivation!["quick_ratio"]!).equals(1)).toBe(true);
    } finally {
      await engine.close();
    }
  }, 60_000);
});
