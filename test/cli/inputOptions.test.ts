/**
 * The CLI options for exports written differently (issue 12, item 2): `--columns` / `--usage-columns`
 * (export column names → fields, checked before the header check, which applies after the mapping),
 * `--exchange-rates` with `--currency`, and `--time-zone`.
 */
import { describe, expect, it } from "vitest";
import { USAGE_CSV } from "../../src/cli/inputShapes.js";
import { parseColumnMapping } from "../../src/cli/inputOptions.js";
import { runCli, scratchFolder } from "./support.js";

const write = scratchFolder("cs-metrics-input-options-");

/** A 2025 report's `metric,value` rows as a map. */
function values(stdout: string): Map<string, string> {
  return new Map(stdout.trim().split("\n").slice(1).map((line) => line.split(",", 2) as [string, string]));
}

const EXPORT = ["sub_id,account_id,start_date,end_date,amount,currency", "s1,acme,2024-01-01,,100,usd", "s2,beta,2024-01-01,2025-07-01,50,usd"].join("\n") + "\n";

describe("--columns", () => {
  it("reads an export with its own column names", async () => {
    const file = write("export.csv", EXPORT);
    const run = await runCli(["report", "--contracts", file, "--period", "2025", "--format", "csv", "--columns", "id=sub_id, customerId=account_id,start=start_date,end=end_date"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // Opening MRR 100 + 50 = 150; beta ends 2025-07-01, so 50 churns and 100 remains (GRR = 100/150).
    const report = values(run.stdout);
    expect(report.get("startingMrr")).toBe("150");
    expect(report.get("endingMrr")).toBe("100");
  });

  it("checks the header after mapping: an unmapped export column still gets a did-you-mean", async () => {
    const file = write("export-unmapped.csv", EXPORT);
    const run = await runCli(["report", "--contracts", file, "--period", "2025", "--columns", "id=sub_id,customerId=account_id,start=start_date"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`cs-metrics: ${file}:1:4: unknown column "end_date" (known columns: id, customerId, start, end, amount, interval, intervalCount, currency, product, plan, seats)\n`);
    const typo = write("export-typo.csv", EXPORT.replace("end_date", "End"));
    const suggested = await runCli(["report", "--contracts", typo, "--period", "2025", "--columns", "id=sub_id,customerId=account_id,start=start_date"]);
    expect(suggested.stderr).toBe(`cs-metrics: ${typo}:1:4: unknown column "End" — did you mean end?\n`);
  });

  it("names the export column when a mapped column is missing, and both names for a duplicate", async () => {
    const file = write("export-missing.csv", EXPORT);
    const missing = await runCli(["report", "--contracts", file, "--period", "2025", "--columns", "id=sub_id,customerId=account,start=start_date,end=end_date"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${file}:1: missing column "account" (--columns reads it as customerId)`);
    const both = write("export-both.csv", "id,customerId,account_id,start,amount,currency\ns1,a,acme,2024-01-01,1,USD\n");
    const duplicate = await runCli(["report", "--contracts", both, "--period", "2025", "--columns", "customerId=account_id"]);
    expect(duplicate.stderr).toBe(`cs-metrics: ${both}:1:3: duplicate column "account_id" (read as customerId) (also column 2, "customerId")\n`);
  });

  it("renames the keys of a JSON export, and locates issues at the export's key", async () => {
    const file = write("export.json", JSON.stringify([{ id: "s1", account_id: "acme", start_date: "2024-01-01", amount: 100, currency: "USD" }, { id: "s2", account_id: "", start_date: "2024-01-01", amount: 1, currency: "USD" }], null, 1));
    const ok = await runCli(["report", "--contracts", file, "--period", "2025", "--format", "csv", "--columns", "customerId=account_id,start=start_date"]);
    expect(ok.code).toBe(1);
    expect(ok.stderr).toMatch(/export\.json:\d+:\d+: customerId: must be a non-empty string/);
    const clash = write("clash.json", JSON.stringify([{ id: "s1", customerId: "a", account_id: "acme", start: "2024-01-01", amount: 100, currency: "USD" }]));
    const run = await runCli(["report", "--contracts", clash, "--period", "2025", "--columns", "customerId=account_id"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`cs-metrics: ${clash}: record 1 has both "account_id" (read as customerId by --columns) and "customerId"\n`);
  });

  it("exits 2 for a mapping it cannot read", async () => {
    const file = write("export-args.csv", EXPORT);
    const cases: Array<[string, string]> = [
      ["customerid=account_id", `--columns: unknown field "customerid" — did you mean customerId?`],
      ["customerId", `--columns: "customerId" is not key=value`],
      ["customerId=", "--columns: customerId= names no column"],
      ["customerId=a,customerId=b", `--columns: field "customerId" is mapped twice`],
      ["customerId=a,id=a", `--columns: column "a" is mapped twice`],
      [" ", `--columns needs key=value pairs (got " ")`],
    ];
    for (const [mapping, message] of cases) {
      const run = await runCli(["report", "--contracts", file, "--period", "2025", "--columns", mapping]);
      expect(run.code).toBe(2);
      expect(run.stderr.split("\n")[0]).toContain(message);
    }
    const usage = await runCli(["report", "--contracts", file, "--period", "2025", "--usage-columns", "customerId=a"]);
    expect([usage.code, usage.stderr.split("\n")[0]]).toEqual([2, "cs-metrics: --usage-columns needs --usage"]);
  });
});

describe("parseColumnMapping", () => {
  it("maps metrics.<name> fields of usage files, and lists the open prefix among the fields", () => {
    expect([...parseColumnMapping("usage-columns", "metrics.nps=nps_score, at = day", USAGE_CSV).fieldOf]).toEqual([["nps_score", "metrics.nps"], ["day", "at"]]);
    expect(() => parseColumnMapping("usage-columns", "metrics.=x", USAGE_CSV)).toThrow(/unknown field "metrics\." .*metrics\.<name>\)$/);
    expect(() => parseColumnMapping("usage-columns", "zzz=x", USAGE_CSV)).toThrow(/^--usage-columns: unknown field "zzz" \(fields: customerId, at,/);
  });
});

describe("JSON records under a mapping", () => {
  it("reports a clash in either key order, and locates a whole-record issue", async () => {
    const clash = write("clash-reversed.json", JSON.stringify([{ id: "s1", account_id: "acme", customerId: "a", start: "2024-01-01", amount: 100, currency: "USD" }]));
    const run = await runCli(["report", "--contracts", clash, "--period", "2025", "--columns", "customerId=account_id"]);
    expect(run.stderr).toBe(`cs-metrics: ${clash}: record 1 has both "account_id" (read as customerId by --columns) and "customerId"\n`);
    const odd = write("odd.json", "[\n" + JSON.stringify({ id: "s1", account_id: "acme", start: "2024-01-01", amount: 100, currency: "USD" }) + ",\n 7\n]");
    const record = await runCli(["report", "--contracts", odd, "--period", "2025", "--columns", "customerId=account_id"]);
    expect(record.code).toBe(1);
    expect(record.stderr).toContain(`${odd}:3:2: record: must be a contract object (got 7)`);
  });
});

describe("--exchange-rates and --currency", () => {
  it("converts other currencies into the report currency", async () => {
    const file = write("fx.csv", "id,customerId,start,amount,currency\na,acme,2024-01-01,100,EUR\nb,beta,2024-01-01,50,usd\n");
    const run = await runCli(["report", "--contracts", file, "--period", "2025", "--format", "csv", "--currency", "usd", "--exchange-rates", "eur=1.08,GBP=1.27"]);
    expect(run.code).toBe(0);
    // 100 EUR × 1.08 = 108 USD, + 50 USD = 158 USD.
    expect(values(run.stdout).get("startingMrr")).toBe("158");
  });

  it("exits 2 for bad rates or a missing --currency", async () => {
    const file = write("fx-args.csv", "id,customerId,start,amount,currency\na,acme,2024-01-01,100,EUR\n");
    const cases: Array<[string[], string]> = [
      [["--exchange-rates", "EUR=1.08"], "--exchange-rates needs --currency"],
      [["--currency", "USD", "--exchange-rates", "EURO=1.08"], `--exchange-rates: "EURO" is not an ISO 4217 currency code like EUR`],
      [["--currency", "USD", "--exchange-rates", "EUR=0"], `--exchange-rates: the rate of EUR must be a decimal number greater than 0 like 1.08 (got "0")`],
      [["--currency", "USD", "--exchange-rates", "EUR=-1"], "the rate of EUR must be"],
      [["--currency", "USD", "--exchange-rates", "EUR=1e3"], "the rate of EUR must be"],
      [["--currency", "USD", "--exchange-rates", "EUR=1,eur=2"], "--exchange-rates: EUR is given twice"],
      [["--currency", "dollars"], `--currency must be an ISO 4217 currency code like USD (got "dollars")`],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(["report", "--contracts", file, "--period", "2025", ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr.split("\n")[0]).toContain(message);
    }
  });
});

describe("--time-zone", () => {
  it("reads date-times with an offset as dates in the zone, in contracts and usage snapshots", async () => {
    // 2024-12-31T15:00:00Z is 2025-01-01 00:00 in Tokyo: the line starts inside 2025 (new MRR),
    // where in UTC it would be open at the start of the year (opening MRR).
    const file = write("tz.csv", "id,customerId,start,amount,currency\na,acme,2024-12-31T15:00:00Z,100,JPY\n");
    const tokyo = values((await runCli(["report", "--contracts", file, "--period", "2025", "--format", "csv", "--time-zone", "Asia/Tokyo"])).stdout);
    expect([tokyo.get("startingMrr"), tokyo.get("newMrr")]).toEqual(["0", "100"]);
    const utc = values((await runCli(["report", "--contracts", file, "--period", "2025", "--format", "csv", "--time-zone", "UTC"])).stdout);
    expect([utc.get("startingMrr"), utc.get("newMrr")]).toEqual(["100", "0"]);
    const none = await runCli(["report", "--contracts", file, "--period", "2025"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`${file}:2:3: start: must be a calendar date YYYY-MM-DD`);

    const usage = write("tz-usage.csv", "snapshot_at,customerId,licensedSeats,provisionedUsers\n2025-12-31T15:00:00Z,acme,10,5\n");
    const scorecard = write("tz-scorecard.json", JSON.stringify({ measures: [{ signal: "deploymentRate", weight: 1, scale: { type: "linear", worst: 0, best: 1 } }], bands: { good: 70, bad: 40 } }));
    // In UTC the snapshot is dated 2025-12-31 (scored); in Tokyo 2026-01-01, after the period (no customer).
    const args = ["report", "--contracts", file, "--period", "2025", "--format", "csv", "--usage", usage, "--usage-columns", "at=snapshot_at", "--scorecard", scorecard];
    expect(values((await runCli([...args, "--time-zone", "UTC"])).stdout).get("healthNormal")).toBe("1");
    expect(values((await runCli([...args, "--time-zone", "Asia/Tokyo"])).stdout).get("healthNormal")).toBe("0");
  });

  it("exits 2 for an unknown zone", async () => {
    const file = write("tz-args.csv", "id,customerId,start,amount,currency\na,acme,2024-01-01,100,JPY\n");
    const run = await runCli(["report", "--contracts", file, "--period", "2025", "--time-zone", "Mars/Olympus"]);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(`cs-metrics: --time-zone must be an IANA time zone such as Asia/Tokyo or UTC (got "Mars/Olympus")`);
  });
});

describe("--lines and the overlapping-lines warning", () => {
  const HISTORY = ["id,customerId,start,amount,currency", "r1,acme,2024-01-01,100,USD", "r2,acme,2025-04-01,120,USD", "r3,acme,2025-10-01,90,USD", "b1,beta,2024-01-01,50,USD"].join("\n") + "\n";

  it("warns on stderr when restated-looking lines are summed, and supersedes them with --lines supersede", async () => {
    const file = write("history.csv", HISTORY);
    const summed = await runCli(["report", "--contracts", file, "--period", "2025", "--format", "csv"]);
    expect(summed.code).toBe(0);
    expect(summed.stderr).toBe(
      'cs-metrics: warning: 1 customer has open-ended contract lines starting on different days, summed while both are open ("acme"); if each row restates the subscription, pass --lines supersede\n',
    );
    // Summed: ending MRR 100 + 120 + 90 + 50 = 360. Superseded: acme 90 + beta 50 = 140.
    expect(values(summed.stdout).get("endingMrr")).toBe("360");
    const superseded = await runCli(["report", "--contracts", file, "--period", "2025", "--format", "csv", "--lines", "supersede"]);
    expect([superseded.code, superseded.stderr]).toEqual([0, ""]);
    expect(values(superseded.stdout).get("endingMrr")).toBe("140");
    const separate = await runCli(["report", "--contracts", file, "--period", "2025", "--format", "csv", "--lines", "separate"]);
    expect(separate.stderr).toContain("warning: 1 customer has");
  });

  it("names five customers and counts the rest, and exits 2 for another --lines", async () => {
    const rows = Array.from({ length: 7 }, (_, index) => `x${index},c${index},2024-01-01,1,USD\ny${index},c${index},2025-01-01,1,USD`);
    const file = write("many.csv", ["id,customerId,start,amount,currency", ...rows].join("\n") + "\n");
    const run = await runCli(["report", "--contracts", file, "--period", "2025", "--format", "csv"]);
    expect(run.stderr).toContain('7 customers have open-ended contract lines starting on different days, summed while both are open ("c0", "c1", "c2", "c3", "c4" and 2 more)');
    const bad = await runCli(["report", "--contracts", file, "--period", "2025", "--lines", "replace"]);
    expect([bad.code, bad.stderr.split("\n")[0]]).toEqual([2, 'cs-metrics: --lines must be separate or supersede (got "replace")']);
  });
});
