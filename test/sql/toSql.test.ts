/**
 * toSql's options: identifiers are validated and quoted per dialect, values are literals the library
 * formats itself, and every invalid option is a typed error with a path.
 */
import { describe, expect, it } from "vitest";
import { InvalidPeriodError, ValidationError, fiscalYear, month } from "../../src/index.js";
import { type SqlDialect, toSql } from "../../src/sql/index.js";
import { caught } from "../support/caught.js";

const period = month("2025-03");
const HOSTILE = 'amount"; DROP TABLE contracts; --';

function issuesOf(run: () => unknown): readonly { path: string; message: string }[] {
  const error = caught(run);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

describe("identifiers", () => {
  it.each<[SqlDialect, string]>([
    ["duckdb", '"amount""; DROP TABLE contracts; --"'],
    ["postgres", '"amount""; DROP TABLE contracts; --"'],
    ["snowflake", '"amount""; DROP TABLE contracts; --"'],
  ])("%s doubles an embedded double quote, so the name stays one identifier", (dialect, quoted) => {
    const { sql } = toSql("revenueReport", { dialect, period, columns: { amount: HOSTILE } });
    expect(sql).toContain(`${quoted} AS amount`);
    // The hostile text never appears unquoted.
    expect(sql.replaceAll(quoted, "")).not.toContain("DROP TABLE");
  });

  it("quotes each part of a qualified table name", () => {
    expect(toSql("lostRevenue", { dialect: "postgres", period, tables: { contracts: ["dw", "Billing", 'a"b'] } }).sql).toContain(
      'FROM "dw"."Billing"."a""b"',
    );
    expect(toSql("lostRevenue", { dialect: "bigquery", period, tables: { contracts: ["my-project", "billing", "contracts"] } }).sql).toContain(
      "FROM `my-project`.`billing`.`contracts`",
    );
  });

  it("rejects backticks and backslashes on BigQuery (no escape is trusted there)", () => {
    expect(issuesOf(() => toSql("revenueReport", { dialect: "bigquery", period, columns: { customerId: "a`; DROP TABLE x; --" } }))).toEqual([
      { path: "options.columns.customerId", message: 'must not contain control characters, backticks or backslashes (got "a`; DROP TABLE x; --")' },
    ]);
    expect(issuesOf(() => toSql("revenueReport", { dialect: "bigquery", period, tables: { contracts: ["p", "d\\", "t"] } }))[0]?.path).toBe(
      "options.tables.contracts[1]",
    );
  });

  it("rejects empty, padded, over-long and control-character names in every dialect, listing each", () => {
    const issues = issuesOf(() =>
      toSql("revenueReport", {
        dialect: "duckdb",
        period,
        tables: { contracts: "" },
        columns: { id: "x\u0000y", start: " start", end: "é".repeat(32), amount: "line\nbreak" },
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual([
      "options.columns.id",
      "options.columns.start",
      "options.columns.end",
      "options.columns.amount",
      "options.tables.contracts",
    ]);
    expect(issues[2]?.message).toMatch(/^must be at most 63 bytes long/);
  });

  it("rejects unknown column keys and non-string names", () => {
    const issues = issuesOf(() =>
      toSql("revenueReport", { dialect: "postgres", period, columns: { customer: "c", amount: 5 } as unknown as Record<string, string> }),
    );
    expect(issues).toEqual([
      { path: "options.columns.customer", message: "is not a contract column (expected one of id, customerId, start, end, amount, interval, intervalCount, product)" },
      { path: "options.columns.amount", message: "must be a non-empty string (got 5)" },
    ]);
  });

  it("lines: checks the mode, and reads columns.product only under supersede", () => {
    expect(issuesOf(() => toSql("revenueReport", { dialect: "duckdb", period, lines: "restate" as never }))).toEqual([
      { path: "options.lines", message: 'must be "separate" or "supersede" (got "restate")' },
    ]);
    expect(issuesOf(() => toSql("revenueReport", { dialect: "duckdb", period, columns: { product: "sku" } }))).toEqual([
      { path: "options.columns.product", message: 'is only read with lines: "supersede"' },
    ]);
    // The default and "separate" write the same statement; "supersede" reads the product column (renamed here) in every dialect.
    expect(toSql("revenueReport", { dialect: "duckdb", period, lines: "separate" }).sql).toBe(toSql("revenueReport", { dialect: "duckdb", period }).sql);
    for (const dialect of ["duckdb", "postgres", "bigquery", "snowflake"] as const) {
      const { sql } = toSql("lostRevenue", { dialect, period, lines: "supersede", columns: { product: "sku" } });
      expect(sql).toContain("superseded_on AS (");
      expect(sql).toMatch(/[`"]sku[`"] AS product/);
    }
  });

  it("rejects a qualified name of more than three parts", () => {
    expect(issuesOf(() => toSql("revenueReport", { dialect: "snowflake", period, tables: { contracts: ["a", "b", "c", "d"] } }))).toEqual([
      { path: "options.tables.contracts", message: "must be a name or 1 to 3 name parts (got 4 parts)" },
    ]);
  });
});

describe("values are literals formatted by the library", () => {
  it("writes the period's edges as DATE literals: M0 on start − 1 day, M1 on end − 1 day", () => {
    const { sql } = toSql("revenueReport", { dialect: "snowflake", period: fiscalYear(2025, { startMonth: 4 }) });
    expect(sql).toContain("start_date <= DATE '2025-03-31'");
    expect(sql).toContain("end_date > DATE '2026-03-31'");
    expect(sql).toContain("DATEDIFF(day, c.churn_date, DATE '2026-04-01')");
  });

  it("accepts Date objects as period edges and still writes calendar dates (no time zone)", () => {
    const { sql } = toSql("lostRevenue", { dialect: "duckdb", period: { start: new Date(Date.UTC(2025, 0, 1)), end: new Date(Date.UTC(2026, 0, 1)) } });
    expect(sql).toContain("DATE '2025-12-31'");
  });

  it("rejects an invalid period, dialect, metric, amount scale, proration or flag", () => {
    expect(caught(() => toSql("revenueReport", { dialect: "duckdb", period: { start: "2025-04-01", end: "2025-04-01'; --" } }))).toBeInstanceOf(
      InvalidPeriodError,
    );
    expect(issuesOf(() => toSql("revenueReport", { dialect: "mysql" as SqlDialect, period }))).toEqual([
      { path: "options.dialect", message: 'must be one of duckdb, postgres, bigquery, snowflake (got "mysql")' },
    ]);
    expect(issuesOf(() => toSql("nrr" as "revenueReport", { dialect: "duckdb", period }))[0]?.path).toBe("metric");
    expect(issuesOf(() => toSql("revenueReport", { dialect: "bigquery", period, amountScale: 10 }))).toEqual([
      { path: "options.amountScale", message: "must be a whole number from 0 to 9 (got 10)" },
    ]);
    expect(issuesOf(() => toSql("revenueReport", { dialect: "duckdb", period, amountScale: 2.5 }))[0]?.path).toBe("options.amountScale");
    expect(issuesOf(() => toSql("revenueReport", { dialect: "duckdb", period, proration: "week" as "day" }))[0]?.path).toBe("options.proration");
    expect(issuesOf(() => toSql("revenueReport", { dialect: "duckdb", period, subtractReactivation: "yes" as unknown as boolean }))[0]?.path).toBe(
      "options.subtractReactivation",
    );
  });

  it("states the scales of its decimals and the columns it returns", () => {
    const statement = toSql("cohortRetention", { dialect: "postgres", period });
    expect(statement).toMatchObject({ dialect: "postgres", metric: "cohortRetention", rateScale: 28, moneyScale: 18 });
    expect(statement.columns).toEqual([
      "cohort", "customers", "starting_mrr", "months_since_start", "month", "active_customers", "mrr", "logo_retention", "revenue_retention",
    ]);
  });

  it("does not mutate its options", () => {
    const options = Object.freeze({ dialect: "duckdb" as const, period: Object.freeze({ ...period }), tables: Object.freeze({ contracts: Object.freeze(["a", "b"]) }) });
    expect(() => toSql("revenueReport", options)).not.toThrow();
  });
});

describe("options reaching only the engine property tests (covered here for mutation testing)", () => {
  it("subtractReactivation subtracts reactivation units from the net revenue churn numerator", () => {
    expect(toSql("revenueReport", { dialect: "duckdb", period, subtractReactivation: true }).sql).toContain("- t.reactivation_units");
    expect(toSql("revenueReport", { dialect: "duckdb", period }).sql).not.toContain("- t.reactivation_units");
  });

  it("valueScale is a whole number up to 9 on BigQuery and 12 elsewhere", () => {
    const scorecard = { measures: [{ signal: "utilizationRate", weight: 1, scale: { type: "linear", worst: 0, best: 1 } }], bands: { good: 70, bad: 40 } } as const;
    const issues = (dialect: SqlDialect, valueScale: unknown): unknown =>
      (caught(() => toSql("healthScores", { dialect, asOf: "2025-06-30", scorecard, valueScale: valueScale as number })) as ValidationError).issues;
    expect(issues("bigquery", 10)).toEqual([{ path: "options.valueScale", message: "must be a whole number from 0 to 9 (got 10)" }]);
    expect(issues("duckdb", 13)).toEqual([{ path: "options.valueScale", message: "must be a whole number from 0 to 12 (got 13)" }]);
    expect(issues("postgres", 1.5)).toEqual([{ path: "options.valueScale", message: "must be a whole number from 0 to 12 (got 1.5)" }]);
    expect(toSql("healthScores", { dialect: "bigquery", asOf: "2025-06-30", scorecard, valueScale: 9 }).sql).toContain("SELECT");
  });
});

describe("toSql options", () => {
  it("must be an object", () => {
    for (const options of [null, 5, "duckdb"]) {
      const error = caught(() => toSql("revenueReport", options as never)) as ValidationError;
      expect(error.issues).toEqual([{ path: "options", message: `must be an options object (got ${options === null ? "null" : typeof options === "string" ? `"${options}"` : String(options)})` }]);
    }
  });
});
