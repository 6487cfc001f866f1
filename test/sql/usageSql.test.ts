/**
 * toSql("usageSnapshots" | "featureAdoption"): options, names and literals, and events the library
 * would reject stopping the query (run on DuckDB in memory).
 */
import { describe, expect, it } from "vitest";
import type { ValidationError } from "../../src/index.js";
import { toSql } from "../../src/sql/index.js";
import { caught } from "../support/caught.js";
import { engineForSuite, openDuckDb } from "./support/engines.js";

const issues = (action: () => unknown): unknown => (caught(action) as ValidationError).issues;

describe("usage statements: options", () => {
  it("checks dates, windows, feature lists, tables and columns", () => {
    expect(issues(() => toSql("usageSnapshots", { dialect: "duckdb" } as never))).toEqual([{ path: "options.on", message: "is required: the snapshot date or dates" }]);
    expect(issues(() => toSql("featureAdoption", { dialect: "duckdb" } as never))).toEqual([{ path: "options.on", message: "is required: the last day of the window" }]);
    expect(issues(() => toSql("featureAdoption", { dialect: "duckdb", on: ["2025-06-01", "2025-06-02"] as never }))).toEqual([{ path: "options.on", message: "must be one date" }]);
    expect(issues(() => toSql("featureAdoption", { dialect: "duckdb", on: "2025-06-01", window: 0 }))).toEqual([
      { path: "options.window", message: "must be a whole number of days from 1 to 3660 (got 0)" },
    ]);
    expect(issues(() => toSql("usageSnapshots", { dialect: "duckdb", on: "2025-06-01", windows: { wau: 1.5 } }))).toEqual([
      { path: "options.windows.wau", message: "must be a whole number of days from 1 to 3660 (got 1.5)" },
    ]);
    expect(issues(() => toSql("usageSnapshots", { dialect: "duckdb", on: "2025-06-01", featuresAvailable: 2.5 }))).toEqual([
      { path: "options.featuresAvailable", message: "must be a whole number ≥ 0 or a list of feature names (got 2.5)" },
    ]);
    expect(issues(() => toSql("usageSnapshots", { dialect: "duckdb", on: "2025-06-01", featuresAvailable: ["a", "b\nc"] }))).toEqual([
      { path: "options.featuresAvailable[1]", message: 'must be a non-empty feature name without control characters (got "b\\nc")' },
    ]);
    expect(
      issues(() =>
        toSql("usageSnapshots", {
          dialect: "bigquery",
          on: "2025-06-01",
          tables: { events: "ev`ents", contacts: [] },
          columns: { userId: "", account: "x" } as never,
          contactColumns: { at: "a\\b" },
        }),
      ),
    ).toEqual([
      { path: "options.columns.account", message: "is not a column (expected one of customerId, userId, at, feature, count)" },
      { path: "options.columns.userId", message: 'must be a non-empty string (got "")' },
      { path: "options.contactColumns.at", message: 'must not contain control characters, backticks or backslashes (got "a\\\\b")' },
      { path: "options.tables.events", message: 'must not contain control characters, backticks or backslashes (got "ev`ents")' },
      { path: "options.tables.contacts", message: "must be a name or 1 to 3 name parts (got 0 parts)" },
    ]);
  });

  it("quotes names and escapes feature names per dialect; null columns read as absent", () => {
    const sql = (dialect: "postgres" | "snowflake", list: string[]) => toSql("usageSnapshots", { dialect, on: "2025-06-01", featuresAvailable: list }).sql;
    expect(sql("postgres", ["it's"])).toContain(`IN ('it''s')`);
    expect(sql("snowflake", ["it's \\ x"])).toContain(`IN ('it\\'s \\\\ x')`);
    // An empty list: nothing counts as used, and features_available is 0.
    expect(sql("postgres", [])).toContain(`IN ('')`);
    expect(sql("postgres", [])).toContain("0 AS features_available");
    const { sql: noOptional, columns } = toSql("featureAdoption", { dialect: "postgres", on: "2025-06-01", columns: { feature: null, count: null, userId: "member" } });
    expect(noOptional).toContain("COALESCE(NULL, 1) AS event_count");
    expect(noOptional).toContain('CAST("member" AS VARCHAR) AS user_id');
    expect(columns).toEqual(["feature", "customers", "users", "events", "customer_share", "active_customers", "active_users"]);
  });
});

describe("usage statements on DuckDB: events the library rejects stop the query", () => {
  const currentEngine = engineForSuite(openDuckDb, (engine) =>
    engine.execute('CREATE TABLE usage_events (customer_id VARCHAR, user_id VARCHAR, "at" DATE, feature VARCHAR, "count" INTEGER)', []),
  );

  it.each([
    ["NULL user", "('acme', NULL, DATE '2025-06-01', NULL, 1)", "usage event of customer acme on 2025-06-01: user id is missing"],
    ["NULL customer", "(NULL, 'u', DATE '2025-06-01', NULL, 1)", "usage event of customer NULL on 2025-06-01: customer id is missing"],
    ["NULL date", "('acme', 'u', NULL, NULL, 1)", "usage event of customer acme on NULL: date is missing"],
    ["empty feature", "('acme', 'u', DATE '2025-06-01', '', 1)", "feature must not be empty"],
    ["count 0", "('acme', 'u', DATE '2025-06-01', 'f', 0)", "count must be a whole number >= 1"],
    // The library checks every event, also those after the date: so does the SQL.
    ["a late bad count", "('acme', 'u', DATE '2026-06-01', 'f', 0)", "count must be a whole number >= 1"],
  ])("%s", async (_name, row, message) => {
    const engine = currentEngine();
    await engine.execute("DELETE FROM usage_events", []);
    await engine.execute(`INSERT INTO usage_events VALUES ${row}`, []);
    for (const statement of [toSql("usageSnapshots", { dialect: "duckdb", on: "2025-06-30" }), toSql("featureAdoption", { dialect: "duckdb", on: "2025-06-30" })]) {
      await expect(engine.query(statement.sql)).rejects.toThrow(message);
    }
  });
});
