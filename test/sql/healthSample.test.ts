/**
 * Health scoring in SQL, worked examples on the real engines: healthScore's documented example, a
 * hostile metric key and column name, the missing-value policies and the errors on bad data.
 */
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/index.js";
import { type HealthSqlOptions, toSql } from "../../src/sql/index.js";
import { caught } from "../support/caught.js";
import { REAL_ENGINES, engineForSuite } from "./support/engines.js";

const HOSTILE_METRIC = 'tickets"; DROP TABLE usage_snapshots; --';
const COLUMNS = ["licensed_seats", "provisioned_users", "active_users", "features_used", "features_available"];

const scorecard = {
  measures: [
    { signal: "utilizationRate", weight: 2, scale: { type: "linear", worst: 0.2, best: 0.8 } },
    { metric: HOSTILE_METRIC, weight: 1, scale: { type: "linear", worst: 10, best: 0 } },
    { signal: "featureAdoption", weight: 1, scale: { type: "steps", steps: [{ from: 0, score: 0 }, { from: 0.3, score: 50 }, { from: 0.6, score: 100 }] } },
  ],
  bands: { good: 70, bad: 40 },
} as const;

type Row = [string, string, number | null, number | null, number | null, number | null, number | null, number | null];

describe.each(REAL_ENGINES)("health scores on %s", (_name, open) => {
  const quotedMetric = `"${HOSTILE_METRIC.replaceAll('"', '""')}"`;
  async function load(table: string, rows: readonly Row[]): Promise<void> {
    const engine = currentEngine();
    await engine.execute(`CREATE TABLE ${table} (customer_id VARCHAR, "at" DATE, ${COLUMNS.map((c) => `${c} NUMERIC(12, 2)`).join(", ")}, ${quotedMetric} NUMERIC(12, 2))`, []);
    for (const row of rows) {
      await engine.execute(
        `INSERT INTO ${table} VALUES ($1, CAST($2 AS DATE), ${row.slice(2).map((_, i) => `CAST($${i + 3} AS NUMERIC(12, 2))`).join(", ")})`,
        row.map((value) => (typeof value === "number" ? String(value) : value)),
      );
    }
  }
  const run = (table: string, options: Partial<HealthSqlOptions> = {}) => {
    const engine = currentEngine();
    return engine.query(toSql("healthScores", { dialect: engine.dialect, asOf: "2025-06-30", scorecard, tables: { usage: table }, ...options }).sql);
  };

  const currentEngine = engineForSuite(open, () =>
    load("usage_snapshots", [
      // acme's latest snapshot on or before 2025-06-30 is 06-30; its 07-31 one comes after asOf.
      ["acme", "2025-05-31", null, 80, 8, 1, 10, 9],
      ["acme", "2025-06-30", null, 80, 40, 3, 10, 2],
      ["acme", "2025-07-31", null, 80, 80, 10, 10, 0],
      // beta: no feature counts and no ticket metric: two of three measures missing.
      ["beta", "2025-06-01", 10, 7, 7, null, null, null],
    ]),
  );

  it("scores healthScore's documented example: 57.5, normal", async () => {
    const rows = await run("usage_snapshots");
    // acme: utilization 40/80 = 0.5 → 100·(0.5 − 0.2)/(0.8 − 0.2) = 50 points; 2 tickets → 100·(10 − 2)/10 = 80;
    // adoption 3/10 = 0.3 reaches the 0.3 step → 50. Score (2·50 + 1·80 + 1·50) / 4 = 57.5: ≥ 40, < 70 → normal.
    // beta (renormalize): only utilization 7/7 = 1 ≥ 0.8 → 100 points, weight 2 / 2 → 100, good.
    expect(rows.map((row) => [row["customer_id"], row["snapshot_date"], Number(row["score"]), row["band"], String(row["missing_measures"])])).toEqual([
      ["acme", "2025-06-30", 57.5, "normal", "0"],
      ["beta", "2025-06-01", 100, "good", "2"],
    ]);
    const stillThere = await currentEngine().query("SELECT COUNT(*) AS n FROM usage_snapshots");
    expect(stillThere[0]?.["n"]).toBe("4");
  });

  it("counts the bands and the Good−Bad index of those scores", async () => {
    const engine = currentEngine();
    const rows = await engine.query(toSql("healthBands", { dialect: engine.dialect, asOf: "2025-06-30", scorecard }).sql);
    // acme normal, beta good: 1 good, 1 normal, 0 bad of 2 → 50% good, 50% normal, 0% bad, index 50 − 0 = +50.
    const row = rows[0]!;
    expect([row["good"], row["normal"], row["bad"], row["total"], row["unscored"]].map(String)).toEqual(["1", "1", "0", "2", "0"]);
    expect([row["good_pct"], row["normal_pct"], row["bad_pct"], row["good_minus_bad"]].map(Number)).toEqual([50, 50, 0, 50]);
  });

  it('scores missing measures 0 under missing: "zero"', async () => {
    const rows = await run("usage_snapshots", { scorecard: { ...scorecard, missing: "zero" } });
    // beta: (2·100 + 0 + 0) / 4 = 50 → normal.
    expect(rows.map((row) => [row["customer_id"], Number(row["score"]), row["band"]])).toEqual([
      ["acme", 57.5, "normal"],
      ["beta", 50, "normal"],
    ]);
  });

  it('stops on a missing measure under missing: "error", and on two snapshots of one customer on one day', async () => {
    await expect(run("usage_snapshots", { scorecard: { ...scorecard, missing: "error" } })).rejects.toThrow(
      "cs-metrics: snapshot of customer beta: a measure is missing and the scorecard says missing: error",
    );
    await load("twice", [
      ["acme", "2025-06-30", null, 80, 40, 3, 10, 2],
      ["acme", "2025-06-30", null, 80, 41, 3, 10, 2],
    ]);
    await expect(run("twice")).rejects.toThrow("cs-metrics: duplicate snapshot of customer acme on 2025-06-30");
  });

  it("stops on a value with more decimals than valueScale instead of rounding it", async () => {
    await expect(run("usage_snapshots", { valueScale: 0, asOf: "2025-05-31" })).resolves.toHaveLength(1);
    await load("fractional", [["acme", "2025-06-30", null, 80, 40.5, 3, 10, 2]]);
    await expect(run("fractional", { valueScale: 0 })).rejects.toThrow("cs-metrics: snapshot of customer acme on 2025-06-30: activeUsers has more than 0 decimal places");
  });
});

describe("healthScores options", () => {
  it("validates the scorecard, asOf and names, with paths", () => {
    const bad = caught(() =>
      toSql("healthScores", { dialect: "duckdb", asOf: "2025-06-30", scorecard: { ...scorecard, bands: { good: 30, bad: 40 } } }),
    ) as ValidationError;
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.issues[0]?.path).toBe("scorecard.bands.good");
    expect((caught(() => toSql("healthScores", { dialect: "duckdb", asOf: "2025-02-30", scorecard })) as ValidationError).issues[0]?.path).toBe("options.asOf");
    const backtick = { ...scorecard, measures: [{ metric: "a`b", weight: 1, scale: { type: "linear", worst: 0, best: 1 } }] } as const;
    expect(
      (caught(() => toSql("healthScores", { dialect: "bigquery", asOf: "2025-06-30", scorecard: backtick })) as ValidationError).issues.map((i) => i.path),
    ).toEqual(['options.columns.metrics["a`b"]']);
    expect(
      (caught(() => toSql("healthScores", { dialect: "duckdb", asOf: "2025-06-30", scorecard, columns: { seats: "s" } as never })) as ValidationError).issues[0]?.path,
    ).toBe("options.columns.seats");
  });

  it("never writes a scorecard's text into a string literal", () => {
    const quoteKey = { ...scorecard, measures: [{ metric: "x'); DROP TABLE t; --", weight: 1, scale: { type: "linear", worst: 0, best: 1 } }] } as const;
    for (const dialect of ["duckdb", "postgres", "bigquery", "snowflake"] as const) {
      const { sql } = toSql("healthScores", { dialect, asOf: "2025-06-30", scorecard: quoteKey });
      // The key appears once per use, and only as a quoted identifier.
      const quoted = dialect === "bigquery" ? "`x'); DROP TABLE t; --`" : `"x'); DROP TABLE t; --"`;
      expect(sql.replaceAll(quoted, "")).not.toContain("DROP TABLE");
    }
  });

  it("reads a metric from the column the caller maps it to", () => {
    const { sql } = toSql("healthScores", { dialect: "snowflake", asOf: "2025-06-30", scorecard, columns: { metrics: { [HOSTILE_METRIC]: "OPEN_TICKETS" } } });
    expect(sql).toContain('"OPEN_TICKETS" IS NULL');
    expect(sql).not.toContain("DROP TABLE");
  });
});
