/**
 * `--events` (and `--contacts`): usage snapshots built from product events as of the period's last
 * day for the health section, seats from the contracts (issue 12, items 2–3).
 */
import { describe, expect, it } from "vitest";
import { csvValues, runCli, scratchFolder } from "./support.js";

const write = scratchFolder("cs-metrics-events-");

const SCORECARD = JSON.stringify({ measures: [{ signal: "deploymentRate", weight: 1, scale: { type: "linear", worst: 0, best: 1 } }], bands: { good: 70, bad: 40 } });
const CONTRACTS = ["id,customerId,start,amount,currency,seats", "c1,acme,2025-01-01,100,JPY,4", "c2,beta,2025-01-01,100,JPY,2"].join("\n") + "\n";
const EVENTS = [
  "customerId,userId,at,feature",
  "acme,u1,2025-06-30,export",
  "acme,u2,2025-06-25,",
  "acme,u3,2025-05-01,",
  "acme,u4,2025-07-01,", // after the period's last day: ignored
  "beta,b1,2025-06-10,",
].join("\n") + "\n";

describe("--events", () => {
  it("scores snapshots built from events as of the period's last day, seats from the contracts", async () => {
    const contracts = write("contracts.csv", CONTRACTS);
    const events = write("events.csv", EVENTS);
    const scorecard = write("scorecard.json", SCORECARD);
    const run = await runCli(["report", "--contracts", contracts, "--period", "2025-06", "--format", "csv", "--events", events, "--scorecard", scorecard]);
    // u4's event (line 5) is after 06-30: ignored, and said so.
    expect(run.stderr).toBe(`cs-metrics: warning: 1 event after 2025-06-30, the snapshot date, ignored (${events} line 5)\n`);
    expect(run.code).toBe(0);
    // On 2025-06-30: acme has provisioned users u1, u2, u3 (u4 comes later) of 4 seats → deploymentRate 0.75
    // → score 75 ≥ 70: Good; beta 1 user of 2 seats → 0.5 → 50: Normal. Good−Bad = 50 − 0 = 50 points.
    const values = csvValues(run.stdout);
    expect([values.get("healthAsOf"), values.get("healthGood"), values.get("healthNormal"), values.get("healthBad"), values.get("goodMinusBad")]).toEqual(["2025-06-30", "1", "1", "0", "50"]);
  });

  it("leaves seat-based signals missing when the contracts carry no seats", async () => {
    const contracts = write("contracts-no-seats.csv", CONTRACTS.replace(",seats", "").replace(/,\d\n/g, "\n"));
    const run = await runCli(["report", "--contracts", contracts, "--period", "2025-06", "--format", "csv", "--events", write("events2.csv", EVENTS), "--scorecard", write("sc2.json", SCORECARD)]);
    expect(run.code).toBe(0);
    expect(csvValues(run.stdout).get("healthUnscored")).toBe("2");
  });

  it("maps event columns, reads date-times in --time-zone, and checks the header after mapping", async () => {
    const contracts = write("contracts3.csv", CONTRACTS);
    // 2025-06-30T16:00:00Z is 2025-07-01 01:00 in Tokyo: after the last day there, on it in UTC.
    const events = write("events3.csv", ["account_id,user_id,timestamp", "beta,b1,2025-06-10T00:00:00Z", "beta,b2,2025-06-30T16:00:00Z"].join("\n") + "\n");
    const scorecard = write("sc3.json", SCORECARD);
    const args = ["report", "--contracts", contracts, "--period", "2025-06", "--format", "csv", "--events", events, "--scorecard", scorecard, "--events-columns", "customerId=account_id,userId=user_id,at=timestamp"];
    // UTC: 2 users of 2 seats → 100 → Good. Tokyo: 1 of 2 → 50 → Normal.
    expect(csvValues((await runCli([...args, "--time-zone", "UTC"])).stdout).get("healthGood")).toBe("1");
    expect(csvValues((await runCli([...args, "--time-zone", "Asia/Tokyo"])).stdout).get("healthNormal")).toBe("1");
    const unmapped = await runCli(args.slice(0, -2).concat(["--time-zone", "UTC"]));
    expect(unmapped.code).toBe(1);
    expect(unmapped.stderr).toContain(`${events}:1:1: unknown column "account_id"`);
  });

  it("locates invalid events and contacts in their files", async () => {
    const contracts = write("contracts4.csv", CONTRACTS);
    const events = write("events4.csv", "customerId,userId,at,count\nacme,u1,2025-06-30,0\n");
    const contacts = write("contacts4.csv", "customerId,at\nacme,2025-06-01\nacme,June\n");
    const run = await runCli(["report", "--contracts", contracts, "--period", "2025-06", "--events", events]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${events}:2:4: count: must be a whole number ≥ 1 (got 0)`);
    const good = write("events5.csv", "customerId,userId,at\nacme,u1,2025-06-30\n");
    const contactRun = await runCli(["report", "--contracts", contracts, "--period", "2025-06", "--events", good, "--contacts", contacts]);
    expect(contactRun.code).toBe(1);
    expect(contactRun.stderr).toContain(`${contacts}:3:2: at: must be a calendar date YYYY-MM-DD (got "June")`);
    const fine = write("contacts5.csv", "crm_account,contacted\nacme,2025-06-01\n");
    const ok = await runCli(["report", "--contracts", contracts, "--period", "2025-06", "--events", good, "--contacts", fine, "--contacts-columns", "customerId=crm_account,at=contacted"]);
    expect([ok.code, ok.stderr]).toEqual([0, ""]);
  });

  it("exits 2 for --events with --usage, --contacts without --events, and a column map without its file", async () => {
    const contracts = write("contracts6.csv", CONTRACTS);
    const events = write("events6.csv", EVENTS);
    const cases: Array<[string[], string]> = [
      [["--events", events, "--usage", events], "give --usage or --events, not both"],
      [["--contacts", events], "--contacts needs --events"],
      [["--events-columns", "userId=user"], "--events-columns needs --events"],
      [["--contacts-columns", "at=day"], "--contacts-columns needs --contacts"],
      [["--scorecard", events], "--scorecard needs --usage or --events"],
      [["--events", " "], "--events needs a file name"],
      [["--features-available", "6"], "--features-available needs --events"],
      [["--events", events, "--features-available", "1.5"], "--features-available must be a whole number or feature names"],
      [["--events", events, "--features-available", "export,,api"], "--features-available must be a whole number or feature names"],
    ];
    for (const [extra, message] of cases) {
      const run = await runCli(["report", "--contracts", contracts, "--period", "2025-06", ...extra]);
      expect(run.code).toBe(2);
      expect(run.stderr.split("\n")[0]).toContain(message);
    }
  });

  it("warns about events of customers in no contract line and events after the snapshot date, with their file lines", async () => {
    const contracts = write("contracts7.csv", CONTRACTS);
    // Lines 2–8: ghost (3, 5) and demo (6) are in no contract; lines 4 and 8 are after 2025-06-30.
    const events = write("events7.csv", [
      "customerId,userId,at",
      "acme,u1,2025-06-30",
      "ghost,g1,2025-06-02",
      "acme,u1,2025-07-01",
      "ghost,g2,2025-06-03",
      "demo,d1,2025-06-04",
      "beta,b1,2025-06-10",
      "demo,d1,2026-01-01",
    ].join("\n") + "\n");
    const run = await runCli(["report", "--contracts", contracts, "--period", "2025-06", "--events", events]);
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n")).toEqual([
      `cs-metrics: warning: 3 events of 2 customers in no contract line ("demo", "ghost"), kept without seats (${events} line 3, 5, 6)`,
      `cs-metrics: warning: 2 events after 2025-06-30, the snapshot date, ignored (${events} line 4, 8)`,
      "",
    ]);
  });

  it("names at most five customers and five lines, then counts", async () => {
    const contracts = write("contracts8.csv", CONTRACTS);
    // Seven unknown customers x1 … x7 on lines 2–8.
    const events = write("events8.csv", ["customerId,userId,at", ...Array.from({ length: 7 }, (_, i) => `x${i + 1},u,2025-06-01`)].join("\n") + "\n");
    const run = await runCli(["report", "--contracts", contracts, "--period", "2025-06", "--events", events]);
    expect(run.stderr).toBe(`cs-metrics: warning: 7 events of 7 customers in no contract line ("x1", "x2", "x3", "x4", "x5" and 2 more), kept without seats (${events} line 2, 3, 4, 5, 6, …)\n`);
  });

  it("--features-available gives the snapshots featuresAvailable: a count, or names that narrow featuresUsed", async () => {
    const contracts = write("contracts9.csv", CONTRACTS);
    const events = write("events9.csv", ["customerId,userId,at,feature", "acme,u1,2025-06-30,export", "acme,u2,2025-06-29,api", "acme,u2,2025-06-28,beta-lab"].join("\n") + "\n");
    const scorecard = write("sc9.json", JSON.stringify({ measures: [{ signal: "featureAdoption", weight: 1, scale: { type: "linear", worst: 0, best: 1 } }], bands: { good: 70, bad: 40 } }));
    const base = ["report", "--contracts", contracts, "--period", "2025-06", "--format", "csv", "--events", events, "--scorecard", scorecard];
    // Without it, featureAdoption is missing: acme is unscored (beta has no events at all).
    expect(csvValues((await runCli(base)).stdout).get("healthUnscored")).toBe("2");
    // 3 features used (export, api, beta-lab) of 4 → 75 → Good.
    expect(csvValues((await runCli([...base, "--features-available", "4"])).stdout).get("healthGood")).toBe("1");
    // Listed: export, api, sso, audit → beta-lab does not count: 2 of 4 → 50 → Normal.
    expect(csvValues((await runCli([...base, "--features-available", "export, api,sso,audit"])).stdout).get("healthNormal")).toBe("1");
  });

  it("reads events from JSON Lines (renamed keys too) and JSON arrays as from CSV, located by line", async () => {
    const contracts = write("contracts10.csv", CONTRACTS);
    const scorecard = write("sc10.json", SCORECARD);
    // The events of EVENTS (u4's after 06-30, line 5 of the JSON Lines file: ignored) with the export's keys.
    const records = [
      { account: "acme", user: "u1", at: "2025-06-30", feature: "export" },
      { account: "acme", user: "u2", at: "2025-06-25" },
      { account: "acme", user: "u3", at: "2025-05-01" },
      { account: "acme", user: "u4", at: "2025-07-01" },
      { account: "beta", user: "b1", at: "2025-06-10" },
    ];
    const jsonl = write("events10.jsonl", "\n" + records.map((record) => JSON.stringify(record)).join("\n") + "\n");
    const base = ["report", "--contracts", contracts, "--period", "2025-06", "--format", "csv", "--scorecard", scorecard];
    const run = await runCli([...base, "--events", jsonl, "--events-columns", "customerId=account,userId=user"]);
    // A blank first line: the records are on lines 2–6, u4's on line 5.
    expect(run.stderr).toBe(`cs-metrics: warning: 1 event after 2025-06-30, the snapshot date, ignored (${jsonl} line 5)\n`);
    // As in the first test: acme 3 of 4 seats → 75: Good; beta 1 of 2 → 50: Normal.
    const values = csvValues(run.stdout);
    expect([values.get("healthGood"), values.get("healthNormal"), values.get("healthBad")]).toEqual(["1", "1", "0"]);
    const array = write("events10.json", JSON.stringify(records.map(({ account, user, ...rest }) => ({ customerId: account, userId: user, ...rest }))));
    const fromArray = csvValues((await runCli([...base, "--events", array])).stdout);
    expect([fromArray.get("healthGood"), fromArray.get("healthNormal")]).toEqual(["1", "1"]);
    // An invalid event on line 3, after a valid one: located in the JSON Lines file under its field name.
    const bad = write("events11.jsonl", `${JSON.stringify({ customerId: "acme", userId: "u1", at: "2025-06-30" })}\n\n${JSON.stringify({ customerId: "acme", userId: "u2", at: "2025-06-31" })}\n`);
    const failed = await runCli([...base, "--events", bad]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:3:\\d+: at: `));
  });
});
