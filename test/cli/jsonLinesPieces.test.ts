/**
 * JSON Lines read in pieces: a byte-order mark and `\r\n` line ends, a line longer than a piece (a
 * lone `\r` inside it is no line end), and a field's column found by reading its line again.
 */
import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readJsonLines } from "../../src/cli/jsonLines.js";
import { runCli, scratchFolder } from "./support.js";

const write = scratchFolder("cs-metrics-jsonl-read-");
const BAD_C2 = '{"id":"C2","customerId":"b","start":"2025-02-01","amount":"x","currency":"JPY"}';
const C1 = '{"id":"C1","customerId":"a","start":"2025-01-01","amount":"1200","interval":"year","currency":"JPY"}';

describe("JSON Lines in pieces", () => {
  it("does not count a byte-order mark as a column, with \\r\\n line ends", async () => {
    // '{"id":"C2","customerId":"b","start":"2025-02-01",' is 49 characters: "amount" is column 50, the mark before it no column.
    const first = write("bom1.jsonl", `\uFEFF${BAD_C2}\r\n${C1}\r\n`);
    const run = await runCli(["report", "--contracts", first, "--period", "2025"]);
    expect(run.stderr).toBe(`cs-metrics: invalid input (1 problem):\n  ${first}:1:50: amount: must be a decimal number like "1200.50" (got "x")\n`);
    const second = write("bom2.jsonl", `\uFEFF${C1}\r\n\r\n${BAD_C2}\r\n`);
    expect((await runCli(["report", "--contracts", second, "--period", "2025"])).stderr).toContain(`${second}:3:50: amount: `);
  });

  it("reads a line longer than a piece, a lone \\r inside it, and locates its fields", () => {
    const note = "x".repeat(10_000);
    const file = write("long.jsonl", `{"n":1}\n\n{"note":"${note}",\r"amount":"x"}\n{"n":2}`);
    const seen: unknown[] = [];
    const read = readJsonLines(file, (record) => seen.push(record), undefined, 64);
    expect(seen).toEqual([{ n: 1 }, { note, amount: "x" }, { n: 2 }]);
    expect([read.records, read.skipped]).toEqual([3, 1]);
    // '{"note":"' (9) + 10,000 x + '",' (2) + "\r" (1) = 10,012 characters before "amount": column 10,013.
    expect(read.locate([1, "amount"])).toEqual({ line: 3, column: 10_013 });
    expect(read.locate([1, "note"])).toEqual({ line: 3, column: 2 });
    expect(read.locate([2, "n"])).toEqual({ line: 4, column: 2 });
    expect(read.locate([0, "n"])).toEqual({ line: 1, column: 2 });
  });

  it("locates a syntax error at the end of a long line read in small pieces", () => {
    const file = write("syntax.jsonl", `{"n":1}\r\n{"note":"${"y".repeat(10_000)}",}\r\n`);
    // '{"note":"' (9) + 10,000 y + '",' (2) = 10,011 characters before the "}": column 10,012.
    expect(() => readJsonLines(file, () => undefined, undefined, 16)).toThrow(`${file}:2:10012: invalid JSON (PropertyNameExpected)`);
  });

  it("still gives a record's line, at column 1, when its file is gone before it is located", () => {
    const file = write("gone.jsonl", '{"n":1}\n{"n":2}\n');
    const read = readJsonLines(file, () => undefined);
    rmSync(file);
    expect(read.locate([1, "n"])).toEqual({ line: 2, column: 1 });
  });
});
