/**
 * BigQuery and Snowflake cannot be reached from here, so their SQL is checked two ways: every
 * statement equals a reviewed golden file (test/sql/golden/<dialect>/<metric>.sql, the sample
 * period of examples/data; a missing golden fails), and node-sql-parser parses it in that dialect. PostgreSQL statements are
 * parsed too; DuckDB's (close to PostgreSQL's, but with `//` and `error()`) run for real in the
 * property tests instead. Regenerate the goldens with `UPDATE_GOLDEN=1 npx vitest run test/sql`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import sqlParser from "node-sql-parser";
import { describe, expect, it } from "vitest";
import { fiscalYear } from "../../src/index.js";
import { SQL_DIALECTS, SQL_METRICS, type SqlDialect, type SqlMetric, toSql } from "../../src/sql/index.js";

/** The scorecard of the health goldens (healthScore's documented example). */
export const GOLDEN_SCORECARD = {
  measures: [
    { signal: "utilizationRate", weight: 2, scale: { type: "linear", worst: 0.2, best: 0.8 } },
    { metric: "openTickets", weight: 1, scale: { type: "linear", worst: 10, best: 0 } },
    {
      signal: "featureAdoption",
      weight: 1,
      scale: { type: "steps", steps: [{ from: 0, score: 0 }, { from: 0.3, score: 50 }, { from: 0.6, score: 100 }] },
    },
  ],
  bands: { good: 70, bad: 40 },
} as const;

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), "golden");
const update = process.env["UPDATE_GOLDEN"] === "1";
const period = fiscalYear(2025, { startMonth: 4 });

/** The usage statements of the goldens (and, with a qualified events table, of the parser checks). */
function usageStatement(dialect: SqlDialect, metric: "usageSnapshots" | "featureAdoption", events?: readonly string[]) {
  const tables = events === undefined ? {} : { tables: { events, contacts: [...events.slice(0, -1), "contacts"] } };
  return metric === "usageSnapshots"
    ? toSql(metric, { dialect, on: ["2025-06-30", "2025-07-31"], featuresAvailable: ["export", "O'Brien \\ report"], ...tables })
    : toSql(metric, { dialect, on: "2025-06-30", window: 28, ...tables });
}

/** The statement of the golden files: the sample data's FY2025, default names, month proration. */
export function goldenStatement(dialect: SqlDialect, metric: SqlMetric): string {
  const statement =
    metric === "usageSnapshots" || metric === "featureAdoption"
      ? usageStatement(dialect, metric)
      : metric === "healthScores" || metric === "healthBands"
      ? toSql(metric, { dialect, asOf: "2025-06-30", scorecard: GOLDEN_SCORECARD, columns: { metrics: { openTickets: "open_tickets" } } })
      : toSql(metric, { dialect, period, ...segmentOf(metric) });
  return `${statement.sql};\n`;
}

/** revenueReportBySegment's golden reads the segment from a customer table joined by customer id. */
function segmentOf(metric: SqlMetric): { segment?: { table: string; column: string } } {
  return metric === "revenueReportBySegment" ? { segment: { table: "customers", column: "region" } } : {};
}

const cases = SQL_DIALECTS.flatMap((dialect) => SQL_METRICS.map((metric) => [dialect, metric] as const));

describe("generated SQL equals the reviewed golden files", () => {
  it.each(cases)("%s %s", (dialect, metric) => {
    const path = join(GOLDEN, dialect, `${metric}.sql`);
    const sql = goldenStatement(dialect, metric);
    if (update) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, sql);
    }
    // A missing golden fails: writing it here would bless whatever the code prints today.
    expect(existsSync(path), `no golden file ${path}: review the statement, then write it deliberately with UPDATE_GOLDEN=1 npx vitest run test/sql/goldenSql.test.ts`).toBe(true);
    expect(sql).toBe(readFileSync(path, "utf8"));
  });
});

describe("docs/warehouse.md", () => {
  it("shows the current DuckDB revenueReport statement for the sample data", () => {
    const doc = readFileSync(join(GOLDEN, "..", "..", "..", "docs", "warehouse.md"), "utf8");
    expect(doc).toContain(`\`\`\`sql\n${goldenStatement("duckdb", "revenueReport")}\`\`\``);
  });
});

const PARSER_DATABASE: Partial<Record<SqlDialect, string>> = { bigquery: "BigQuery", snowflake: "Snowflake", postgres: "PostgresQL" };

describe("node-sql-parser parses every statement in its dialect", () => {
  const parser = new sqlParser.Parser();
  const parsed = cases.filter(([dialect]) => PARSER_DATABASE[dialect] !== undefined);
  it.each(parsed)("%s %s", (dialect, metric) => {
    const { sql, columns } =
      metric === "usageSnapshots" || metric === "featureAdoption"
        ? usageStatement(dialect, metric, ["warehouse", "product", "events"])
        : metric === "healthScores" || metric === "healthBands"
        ? toSql(metric, { dialect, asOf: "2025-06-30", scorecard: GOLDEN_SCORECARD, tables: { usage: ["warehouse", "cs", "usage"] } })
        : toSql(metric, { dialect, period, tables: { contracts: ["warehouse", "billing", "contracts"] }, ...segmentOf(metric) });
    const ast = parser.astify(sql, { database: PARSER_DATABASE[dialect]! });
    const statements = Array.isArray(ast) ? ast : [ast];
    expect(statements).toHaveLength(1);
    const select = statements[0] as { type: string; with: unknown[] | null; columns: { as: string | null }[] };
    expect(select.type).toBe("select");
    expect(select.with?.length).toBeGreaterThan(1);
    // The outer SELECT names exactly the documented columns, in order.
    expect(select.columns.map((column) => column.as)).toEqual([...columns]);
  });
});
