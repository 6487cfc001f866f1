import { describe, expect, it } from "vitest";
import { readJsonLines } from "../../src/cli/jsonLines.js";
import { csvValues, runCli, scratchFolder } from "./support.js";

const write = scratchFolder("cs-metrics-jsonl-");
const line = (record: Record<string, unknown>): string => JSON.stringify(record);
const C1 = { id: "C1", customerId: "a", start: "2025-01-01", amount: "1200", interval: "year", currency: "JPY" };
const C2 = { id: "C2", customerId: "b", start: "2025-02-01", amount: 300, currency: "JPY" };

async function report(file: string, ...more: string[]) {
  return runCli(["report", "--contracts", file, "--period", "2025", "--format", "csv", ...more]);
}

describe("contracts as JSON Lines", () => {
  it("reads .jsonl and .ndjson, one record a line, blank lines and \\r\\n line ends included", async () => {
    for (const name of ["c.jsonl", "c.NDJSON"]) {
      const run = await report(write(name, `${line(C1)}\r\n\r\n  \n${line(C2)}`));
      expect(run.stderr).toBe("");
      // New MRR: 1200 / 12 + 300 = 400.
      expect(csvValues(run.stdout).get("newMrr")).toBe("400");
    }
  });

  it("locates an invalid field at its key's line and column", async () => {
    const file = write("bad.jsonl", `${line(C1)}\n\n{"id":"C2","customerId":"b","start":"2025-02-01","amount":"x","currency":"JPY"}\n`);
    // '{"id":"C2","customerId":"b","start":"2025-02-01",' is 49 characters: "amount" is column 50.
    expect((await report(file)).stderr).toBe(`cs-metrics: invalid input (1 problem):\n  ${file}:3:50: amount: must be a decimal number like "1200.50" (got "x")\n`);
    const missing = write("missing.jsonl", '{"id":"C1","customerId":"a","amount":1,"currency":"JPY"}\n');
    expect((await report(missing)).stderr).toContain(`${missing}:1:1: start: `);
  });

  it("names the line and column of a syntax error, and of a line nested too deeply", async () => {
    const file = write("syntax.jsonl", `${line(C1)}\n{"id":"C2",}\n`);
    // '{"id":"C2",' is 11 characters: the "}" is column 12.
    expect((await report(file)).stderr).toBe(`cs-metrics: ${file}:2:12: invalid JSON (PropertyNameExpected)\n`);
    const two = write("two.jsonl", `${line(C1)} ${line(C2)}\n`);
    expect((await report(two)).stderr).toBe(`cs-metrics: ${two}:1:${line(C1).length + 2}: invalid JSON (EndOfFileExpected)\n`);
    const array = write("array.jsonl", `${"[".repeat(1000)}${"]".repeat(1000)}\n`);
    expect((await report(array)).stderr).toContain(`${array}:1:1: record: `);
  });

  it("says a file of blank lines holds no records", async () => {
    const file = write("empty.jsonl", "\n  \n");
    expect((await report(file)).stderr).toBe(`cs-metrics: ${file}:1:1: no records (a JSON Lines file holds one record a line)\n`);
  });

  it("renames keys with --columns and locates the export's key", async () => {
    const file = write("mapped.jsonl", `${line({ ...C1, id: undefined, ref: "C1" })}\n{"ref":"C2","customerId":"b","start":"2025-02-01","amount":"x","currency":"JPY"}\n`);
    const run = await report(file, "--columns", "id=ref");
    // '{"ref":"C2","customerId":"b","start":"2025-02-01",' is 50 characters: "amount" is column 51.
    expect(run.stderr).toBe(`cs-metrics: invalid input (1 problem):\n  ${file}:2:51: amount: must be a decimal number like "1200.50" (got "x")\n`);
    const both = write("both.jsonl", `${line(C1)}\n${line({ ...C2, ref: "R2" })}\n`);
    expect((await report(both, "--columns", "id=ref")).stderr).toContain(`${both}: record 2 has both "ref"`);
  });
});

describe("readJsonLines", () => {
  it("reports progress every 50,000 records and locates records it never read at line 0", () => {
    const file = write("many.jsonl", `${'{"n":1}\n'.repeat(50_000)}{"n":2}`);
    const messages: string[] = [];
    const seen: unknown[] = [];
    const read = readJsonLines(file, (record) => seen.push(record), (message) => messages.push(message));
    expect(messages).toEqual([`${file}: 50,000 records read`]);
    expect([read.records, seen.at(-1)]).toEqual([50_001, { n: 2 }]);
    expect(read.locate([50_000])).toEqual({ line: 50_001, column: 1 });
    expect(read.locate([50_000, "n"])).toEqual({ line: 50_001, column: 2 });
    expect(read.locate([50_000, "absent"])).toEqual({ line: 50_001, column: 1 });
    expect(read.locate([60_000, "n"])).toEqual({ line: 0, column: 1 });
  });
});
