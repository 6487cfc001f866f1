import { describe, expect, it } from "vitest";
import { ValidationError, quarter } from "../../src/index.js";
import { toSql } from "../../src/sql/index.js";
import { caught } from "../support/caught.js";

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
