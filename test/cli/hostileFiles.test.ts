/**
 * `cs-metrics report` on hostile input files (issue 11, CLI items 1, 5 and 8, and what a run on
 * odd files found): each is exit code 1 with one located message on stderr, never a stack trace, a
 * crash or a report of nothing.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, sample, scratchFolder } from "./support.js";

const write = scratchFolder("cs-metrics-hostile-");
const HEADER = "id,customerId,start,amount,currency";
const deep = "[".repeat(3000) + "]".repeat(3000);

async function report(contracts: string, ...more: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCli(["report", "--contracts", contracts, "--period", "2025", ...more]);
}

describe("deeply nested JSON (item 1)", () => {
  it("is a located error for --contracts, --usage and --scorecard, not a stack overflow", async () => {
    const file = write("deep.json", deep);
    // 100 levels are allowed: the 101st "[" is at offset 100, line 1 column 101
    const expected = `cs-metrics: ${file}:1:101: nesting deeper than 100 levels\n`;
    const contracts = await report(file);
    expect(contracts).toEqual({ code: 1, stdout: "", stderr: expected });
    const usage = await report(sample("contracts.csv"), "--usage", file);
    expect(usage).toEqual({ code: 1, stdout: "", stderr: expected });
    const scorecard = await report(sample("contracts.csv"), "--usage", sample("usage.csv"), "--scorecard", file);
    expect(scorecard).toEqual({ code: 1, stdout: "", stderr: expected });
  });

  it("locates the bracket on its line, and lets 100 levels through to validation", async () => {
    const file = write("deep-lines.json", `[\n  ${"{\"a\":".repeat(100)}1${"}".repeat(100)}\n]`);
    // line 2: two spaces, then 99 × '{"a":' (5 characters each) before the 100th "{", which is level 101
    expect((await report(file)).stderr).toBe(`cs-metrics: ${file}:2:${2 + 99 * 5 + 1}: nesting deeper than 100 levels\n`);
    const hundred = write("hundred.json", "[".repeat(100) + "]".repeat(100));
    expect((await report(hundred)).stderr).toBe(`cs-metrics: invalid input (1 problem):\n  ${hundred}:1:2: record: must be a contract object (got an array)\n`);
  });
});

describe("empty and binary files (item 5)", () => {
  it("an empty, whitespace-only, header-only CSV or an empty JSON array is an error, not a report in XXX", async () => {
    const empty = write("empty.csv", "");
    expect(await report(empty)).toEqual({ code: 1, stdout: "", stderr: `cs-metrics: ${empty}:1:1: empty file (no header row)\n` });
    const blank = write("blank.csv", "  \n\t\n\n");
    expect(await report(blank)).toEqual({ code: 1, stdout: "", stderr: `cs-metrics: ${blank}:1:1: empty file (no header row)\n` });
    const header = write("header.csv", `${HEADER}\n`);
    expect(await report(header)).toEqual({ code: 1, stdout: "", stderr: `cs-metrics: ${header}:1: no records (only a header row)\n` });
    const array = write("empty-array.json", "  []\n");
    expect(await report(array)).toEqual({ code: 1, stdout: "", stderr: `cs-metrics: ${array}:1:3: no records (an empty array)\n` });
    const spaces = write("spaces.json", " \n ");
    expect(await report(spaces)).toEqual({ code: 1, stdout: "", stderr: `cs-metrics: ${spaces}:1:1: empty file\n` });
  });

  it("the same holds for usage and scorecard files", async () => {
    const usage = write("usage-header.csv", "customerId,at\n");
    expect((await report(sample("contracts.csv"), "--usage", usage)).stderr).toBe(`cs-metrics: ${usage}:1: no records (only a header row)\n`);
    const scorecard = write("scorecard-empty.json", "");
    const run = await report(sample("contracts.csv"), "--usage", sample("usage.csv"), "--scorecard", scorecard);
    expect(run).toEqual({ code: 1, stdout: "", stderr: `cs-metrics: ${scorecard}:1:1: empty file\n` });
  });

  it("names the line and column of a NUL byte (a spreadsheet or archive) in CSV or JSON", async () => {
    const csv = write("nul.csv", Buffer.from(`${HEADER}\nC1,a\0b,2025-01-01,100,JPY\n`));
    const nul = "binary data, not text (a NUL byte; a spreadsheet or archive rather than CSV or JSON?)";
    expect(await report(csv)).toEqual({ code: 1, stdout: "", stderr: `cs-metrics: ${csv}:2:5: ${nul}\n` });
    // an .xlsx is a zip archive: "PK\x03\x04\x14\x00…", the NUL is the 6th byte
    const xlsx = write("contracts.xlsx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]));
    expect((await report(xlsx)).stderr).toBe(`cs-metrics: ${xlsx}:1:6: ${nul}\n`);
    const json = write("nul.json", Buffer.from('[\n{"id":\0}]'));
    expect((await report(json)).stderr).toBe(`cs-metrics: ${json}:2:7: ${nul}\n`);
  });

  it("names the line and column of bytes that are not UTF-8 (a Shift_JIS export)", async () => {
    // 日本 in Shift_JIS is 93 FA 96 7B: 0x93 cannot start a UTF-8 sequence; it is the 4th field of line 2
    const sjis = write("sjis.csv", Buffer.concat([Buffer.from(`${HEADER}\nC1,`), Buffer.from([0x93, 0xfa, 0x96, 0x7b]), Buffer.from(",2025-01-01,100,JPY\n")]));
    const notUtf8 = "not UTF-8 text (an invalid byte sequence; save the file as UTF-8)";
    expect(await report(sjis)).toEqual({ code: 1, stdout: "", stderr: `cs-metrics: ${sjis}:2:4: ${notUtf8}\n` });
    // a multi-byte character cut off at the end of the file (E6 97 of 日 = E6 97 A5)
    const cut = write("cut.json", Buffer.concat([Buffer.from('["'), Buffer.from([0xe6, 0x97])]));
    expect((await report(cut)).stderr).toBe(`cs-metrics: ${cut}:1:3: ${notUtf8}\n`);
    // a genuine U+FFFD in valid UTF-8 is text, not an error: the row is read (and validated)
    const replacement = write("replacement.csv", `${HEADER}\nC1,\uFFFD,2025-01-01,100,JPY\n`);
    expect((await report(replacement, "--format", "csv")).code).toBe(0);
  });

  it("locates a problem in a later chunk of a large CSV file by line and column", async () => {
    // 5,000 rows of 33 bytes pass the first 64 KiB chunk; the NUL is on line 5,002, column 4
    const rows = Array.from({ length: 5000 }, (_, index) => `C${String(index).padStart(5, "0")},cust,2024-01-01,10,JPY`);
    const file = write("late-nul.csv", Buffer.from(`${HEADER}\n${rows.join("\n")}\nC9,\0,2024-01-01,10,JPY\n`));
    expect((await report(file)).stderr).toBe(`cs-metrics: ${file}:5002:4: binary data, not text (a NUL byte; a spreadsheet or archive rather than CSV or JSON?)\n`);
  });
});

describe("file arguments that are not readable files (item 8)", () => {
  it("says a directory is a directory, for CSV, JSON and scorecard arguments", async () => {
    const folder = join(write("marker", ""), "..", "exports.csv");
    mkdirSync(folder);
    expect(await report(folder)).toEqual({ code: 1, stdout: "", stderr: `cs-metrics: ${folder}: is a directory, not a file\n` });
    const jsonFolder = join(folder, "..", "contracts.json");
    mkdirSync(jsonFolder);
    expect((await report(jsonFolder)).stderr).toBe(`cs-metrics: ${jsonFolder}: is a directory, not a file\n`);
    const scorecard = await report(sample("contracts.csv"), "--usage", sample("usage.csv"), "--scorecard", jsonFolder);
    expect(scorecard.stderr).toBe(`cs-metrics: ${jsonFolder}: is a directory, not a file\n`);
  });

  it("shortens a 100 KB file name in the message and says why it cannot be opened", async () => {
    const name = `${"n".repeat(100_000 - 4)}.csv`;
    const run = await report(name);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`cs-metrics: ${"n".repeat(120)}…${"n".repeat(36)}.csv (100,000 characters): file name too long\n`);
  });
});

describe("odd but valid files", () => {
  it("reads a CSV with a byte-order mark, CRLF line ends, doubled quotes and blank trailing lines", async () => {
    const file = write("excel.csv", `\uFEFF${HEADER}\r\n"C ""1""","acme, inc",2025-01-01,100,JPY\r\n\r\n  \r\n`);
    const run = await report(file, "--format", "csv");
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("newMrr,100\n");
  });

  it("reads a JSON file with a byte-order mark and CRLF line ends, locating lines after them", async () => {
    const file = write("bom.json", '\uFEFF[\r\n{"id":"C1","customerId":"a","start":"2025-01-01","amount":"x","currency":"JPY"}\r\n]');
    // line 2, the "amount" key after {"id":"C1","customerId":"a","start":"2025-01-01", (49 characters)
    expect((await report(file)).stderr).toBe(`cs-metrics: invalid input (1 problem):\n  ${file}:2:50: amount: must be a decimal number like "1200.50" (got "x")\n`);
  });

  it("says what a trailing comma is, and that a JSON object is not an array of records", async () => {
    const comma = write("comma.json", '[{"id":"C1","customerId":"a","start":"2025-01-01","amount":1,"currency":"JPY"},]');
    // "[" + the record (1 + 10 + 17 + 21 + 11 + 16 + 1 = 77 characters) + "," = 79: the "]" is column 80
    expect((await report(comma)).stderr).toBe(`cs-metrics: ${comma}:1:80: invalid JSON (ValueExpected): a comma before the closing bracket (JSON allows no trailing comma)\n`);
    const object = write("object.json", '\n  {"id":"C1"}');
    expect((await report(object)).stderr).toBe(`cs-metrics: ${object}:2:3: must hold a JSON array of records\n`);
  });

  it("names a key repeated in one JSON object, which JSON.parse would silently overwrite", async () => {
    const file = write("duplicate.json", '[\n {"id":"C1","customerId":"a","start":"2025-01-01","amount":1,\n  "amount":2,"currency":"JPY"}]');
    // line 2: ' {"id":"C1","customerId":"a","start":"2025-01-01",' is 50 characters, so the first "amount" is column 51
    expect((await report(file)).stderr).toBe(`cs-metrics: ${file}:3:3: duplicate key "amount" (also at line 2, column 51)\n`);
    // the same key in two records, or in a nested object and its parent, is fine
    const fine = write("same-keys.json", JSON.stringify([{ id: "C1", customerId: "a", start: "2025-01-01", amount: 1, currency: "JPY", plan: "p" }, { id: "C2", customerId: "a", start: "2025-01-01", amount: 1, currency: "JPY" }]));
    expect((await report(fine, "--format", "csv")).code).toBe(0);
    const scorecard = write("duplicate-scorecard.json", '{"measures":[{"metric":"a","weight":1,"weight":2}]}');
    expect((await report(sample("contracts.csv"), "--usage", sample("usage.csv"), "--scorecard", scorecard)).stderr).toBe(
      `cs-metrics: ${scorecard}:1:39: duplicate key "weight" (also at line 1, column 28)\n`,
    );
  });

  it("says a row has too few cells instead of csv-parse's record-length message", async () => {
    const file = write("short.csv", `${HEADER}\nC1,a,2025-01-01,100,JPY\nC2,b,2025-01-01,100\nC3\n`);
    expect((await report(file)).stderr).toBe(`cs-metrics: ${file}:3: 4 cells, but the header has 5 columns\n`);
    const one = write("one-cell.csv", `${HEADER}\nC3\n`);
    expect((await report(one)).stderr).toBe(`cs-metrics: ${one}:2: 1 cell, but the header has 5 columns\n`);
  });

  it("shortens a csv-parse message that quotes a very long field", async () => {
    const file = write("long-quote.csv", `${HEADER}\nC1,a"${"x".repeat(100_000)}",2025-01-01,1,JPY\n`);
    const run = await report(file);
    expect(run.code).toBe(1);
    expect(run.stderr.startsWith(`cs-metrics: ${file}:2: invalid CSV: `)).toBe(true);
    expect(run.stderr.length).toBeLessThan(600);
  });

  it("calls a whole-file scorecard problem a scorecard problem, not a record one", async () => {
    const scorecard = write("array-scorecard.json", "[1]");
    const run = await report(sample("contracts.csv"), "--usage", sample("usage.csv"), "--scorecard", scorecard);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[1]!.startsWith(`  ${scorecard}:1:1: scorecard: `)).toBe(true);
  });
});
