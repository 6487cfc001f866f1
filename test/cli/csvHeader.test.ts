/**
 * The CSV header checked once against the schema's fields (issue 11, CLI items 3 and 4): unknown,
 * duplicate, nameless and missing columns are one error about line 1, with a did-you-mean; usage
 * files keep their open set of `metrics.<name>` columns, `metrics.__proto__` included.
 */
import { describe, expect, it } from "vitest";
import { checkCsvHeader, columnsOf } from "../../src/cli/csvHeader.js";
import { CONTRACTS_CSV, USAGE_CSV } from "../../src/cli/inputShapes.js";
import { scoreCustomers } from "../../src/index.js";
import { runCli, scratchFolder } from "./support.js";

const write = scratchFolder("cs-metrics-header-");
const ROW = "C1,a,2025-01-01,100,JPY";
const KNOWN = "known columns: id, customerId, start, end, amount, interval, intervalCount, currency, product, plan, seats";

async function contractsError(header: string, rows: readonly string[] = [ROW]): Promise<{ file: string; code: number; stderr: string }> {
  const file = write(`contracts-${Math.random().toString(36).slice(2)}.csv`, [header, ...rows].join("\n") + "\n");
  const run = await runCli(["report", "--contracts", file, "--period", "2025"]);
  expect(run.stdout).toBe("");
  return { file, code: run.code, stderr: run.stderr };
}

describe("the contracts header", () => {
  it("reports customer_id once, with a did-you-mean, not one problem per row", async () => {
    const rows = Array.from({ length: 100 }, (_, index) => `C${index},a,2025-01-01,100,JPY`);
    const { file, code, stderr } = await contractsError("id,customer_id,start,amount,currency", rows);
    expect(code).toBe(1);
    expect(stderr).toBe(`cs-metrics: ${file}:1:2: unknown column "customer_id" — did you mean customerId?\n`);
  });

  it("reports a duplicate column instead of silently using the last one", async () => {
    const { file, code, stderr } = await contractsError("id,customerId,start,amount,amount,currency", ["C1,a,2025-01-01,100,999,JPY"]);
    expect(code).toBe(1);
    expect(stderr).toBe(`cs-metrics: ${file}:1:5: duplicate column "amount" (also column 4)\n`);
  });

  it("lists every header problem under one heading, and the known columns when a name has no suggestion", async () => {
    const { file, stderr } = await contractsError("ID,customer_id,start,Amount,currency,notes", ["C1,a,2025-01-01,100,JPY,x"]);
    expect(stderr).toBe(
      [
        "cs-metrics: invalid CSV header (4 problems):",
        `  ${file}:1:1: unknown column "ID" — did you mean id?`,
        `  ${file}:1:2: unknown column "customer_id" — did you mean customerId?`,
        `  ${file}:1:4: unknown column "Amount" — did you mean amount?`,
        `  ${file}:1:6: unknown column "notes"`,
        `  (${KNOWN})`,
        "",
      ].join("\n"),
    );
  });

  it("lists the first 50 of 10,000 header problems, counts the rest and still names the known columns", async () => {
    const extra = Array.from({ length: 10_000 }, (_, index) => `extra${index}`);
    const { file, stderr } = await contractsError(["id,customerId,start,amount,currency", ...extra].join(","), [`${ROW}${",".repeat(10_000)}`]);
    const lines = stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("cs-metrics: invalid CSV header (10000 problems):");
    // extra0 is column 6 … extra49 column 55
    expect(lines[1]).toBe(`  ${file}:1:6: unknown column "extra0"`);
    expect(lines[50]).toBe(`  ${file}:1:55: unknown column "extra49"`);
    expect(lines.slice(51)).toEqual(["  … and 9950 more", `  (${KNOWN})`]);
  });

  it("names a single unknown column without a suggestion with the known columns", async () => {
    const { file, stderr } = await contractsError("id,customerId,start,amount,currency,notes", [`${ROW},x`]);
    expect(stderr).toBe(`cs-metrics: ${file}:1:6: unknown column "notes" (${KNOWN})\n`);
  });

  it("names a missing required column and a column without a name", async () => {
    const missing = await contractsError("id,customerId,start,amount", ["C1,a,2025-01-01,100"]);
    expect(missing.stderr).toBe(`cs-metrics: ${missing.file}:1: missing column "currency"\n`);
    const nameless = await contractsError("id,customerId,start,amount,currency,", [`${ROW},`]);
    expect(nameless.stderr).toBe(`cs-metrics: ${nameless.file}:1:6: column 6 has no name\n`);
  });

  it("gives the header's own line when blank lines come first, and escapes a hostile column name", async () => {
    const late = await contractsError("\n   \nid,customerId,start,amount,currency,ammount", [`${ROW},1`]);
    expect(late.stderr).toBe(`cs-metrics: ${late.file}:3:6: unknown column "ammount" — did you mean amount?\n`);
    const hostile = await contractsError('id,customerId,start,amount,currency,"x\n\u001b[2J"', [`${ROW},1`]);
    expect(hostile.stderr).toBe(`cs-metrics: ${hostile.file}:2:6: unknown column "x\\n\\x1b[2J" (${KNOWN})\n`);
  });

  it("accepts every known column, in any order, with spaces around the names", async () => {
    const file = write("all.csv", " currency , amount,start,customerId,id,end,interval,intervalCount,product,plan,seats\nJPY,300,2025-01-01,a,C1,,quarter,1,p,basic,3\n");
    const run = await runCli(["report", "--contracts", file, "--period", "2025", "--format", "csv"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("newMrr,100\n"); // 300 a quarter = 100 a month
  });
});

describe("the usage header", () => {
  const contracts = write("contracts.csv", `id,customerId,start,amount,currency\n${ROW}\n`);

  async function usageError(text: string): Promise<{ file: string; stderr: string }> {
    const file = write(`usage-${Math.random().toString(36).slice(2)}.csv`, text);
    const run = await runCli(["report", "--contracts", contracts, "--usage", file, "--period", "2025"]);
    expect(run.code).toBe(1);
    return { file, stderr: run.stderr };
  }

  it("keeps metrics.<name> columns open, but not an empty name or a near miss", async () => {
    const nameless = await usageError("customerId,at,metrics.openTickets,metrics.\na,2025-06-30,1,2\n");
    expect(nameless.stderr).toBe(`cs-metrics: ${nameless.file}:1:4: column "metrics." names no metric (write metrics.<name>)\n`);
    const snake = await usageError("customerId,at,metrics_nps\na,2025-06-30,1\n");
    expect(snake.stderr).toBe(`cs-metrics: ${snake.file}:1:3: unknown column "metrics_nps" — did you mean metrics.nps?\n`);
    const bare = await usageError("customer_id,at,metrics\na,2025-06-30,1\n");
    expect(bare.stderr).toBe(
      [
        "cs-metrics: invalid CSV header (2 problems):",
        `  ${bare.file}:1:1: unknown column "customer_id" — did you mean customerId?`,
        `  ${bare.file}:1:3: unknown column "metrics"`,
        "  (known columns: customerId, at, licensedSeats, provisionedUsers, activeUsers, dau, wau, mau, featuresUsed, featuresAvailable, lastContactAt, metrics.<name>)",
        "",
      ].join("\n"),
    );
  });

  it("scores a metrics.__proto__ column as the library does (item 4)", async () => {
    // One measure on metric "__proto__", linear from worst 0 to best 10: a value of 5 scores
    // 100 × (5 − 0) / (10 − 0) = 50 points → normal (good ≥ 70, bad < 40).
    const scorecard = { measures: [{ metric: "__proto__", weight: 1, scale: { type: "linear" as const, worst: 0, best: 10 } }], bands: { good: 70, bad: 40 } };
    const scorecardFile = write("proto-scorecard.json", JSON.stringify(scorecard));
    const usage = write("proto-usage.csv", "customerId,at,metrics.__proto__,metrics.openTickets\na,2025-06-30,5,2\n");
    const run = await runCli(["report", "--contracts", contracts, "--usage", usage, "--scorecard", scorecardFile, "--period", "2025", "--format", "json"]);
    expect(run.stderr).toBe("");
    const health = (JSON.parse(run.stdout) as { health: { customers: { customerId: string; score: unknown; band: string | null }[] } }).health;
    // the library on the same data: JSON.parse keeps "__proto__" as an own key
    const library = scoreCustomers(JSON.parse('[{"customerId":"a","at":"2025-06-30","metrics":{"__proto__":5,"openTickets":2}}]') as never, scorecard, { asOf: "2025-12-31" });
    expect(String(library[0]!.score)).toBe("50");
    expect(health.customers.map((c) => [c.customerId, String(c.score), c.band])).toEqual([["a", "50", "normal"]]);
    expect(health.customers).toEqual(JSON.parse(JSON.stringify(library)));
  });
});

describe("checkCsvHeader and columnsOf", () => {
  it("read the known and required fields from the schemas", () => {
    expect(CONTRACTS_CSV.required).toEqual(["id", "customerId", "start", "amount", "currency"]);
    expect(USAGE_CSV.required).toEqual(["customerId", "at"]);
    expect(USAGE_CSV.fields).not.toContain("metrics");
    const shape = { a: { safeParse: (value: unknown) => ({ success: value !== undefined }) } };
    expect(columnsOf(shape)).toEqual({ fields: ["a"], required: ["a"] });
  });

  it("passes a good header", () => {
    expect(() => checkCsvHeader("c.csv", ["id", "customerId", "start", "amount", "currency"], CONTRACTS_CSV)).not.toThrow();
  });
});
