import { describe, expect, it } from "vitest";
import { CliInputError } from "../../src/cli/cliErrors.js";
import { scanCsv } from "../../src/cli/csvScan.js";
import { decodeInputText } from "../../src/cli/inputText.js";
import { csvValues, runCli, scratchFolder } from "./support.js";

const write = scratchFolder("cs-metrics-scan-");

/** Every row as [line, cells]. */
function rows(text: string): [number, string[]][] {
  const seen: [number, string[]][] = [];
  scanCsv("f.csv", text, (cells, count, line) => seen.push([line, cells.slice(0, count)]));
  return seen;
}

describe("scanCsv", () => {
  it("splits cells on commas and rows on \\n, \\r\\n and a lone \\r, keeping spaces and empty cells", () => {
    expect(rows("a,b\r\n c ,\n\nx\ry,")).toEqual([
      [1, ["a", "b"]],
      [2, [" c ", ""]],
      [3, [""]],
      [4, ["x"]],
      [5, ["y", ""]],
    ]);
    expect(rows("")).toEqual([]);
  });

  it("reads quoted cells with doubled quotes, commas and line breaks, and numbers a row by its last line", () => {
    expect(rows('"a ""q"", b","x\r\ny"\nlast,""')).toEqual([
      [2, ['a "q", b', "x\r\ny"]],
      [3, ["last", ""]],
    ]);
    expect(rows('"one\rtwo\nthree"')).toEqual([[3, ["one\rtwo\nthree"]]]);
  });

  it("names the line of a quote never closed, a quote inside an unquoted cell and text after a closing quote", () => {
    expect(() => rows('h\n"open\nmore')).toThrow(new CliInputError("f.csv:2: invalid CSV: cell 1 opens a quote that is never closed"));
    expect(() => rows('h\n\nab"c"')).toThrow(new CliInputError('f.csv:3: invalid CSV: cell 1: a quote inside an unquoted cell (quote the whole cell and write the quote as "")'));
    expect(() => rows('h\nx,"a\nb"c')).toThrow(new CliInputError('f.csv:3: invalid CSV: cell 2: text after its closing quote (a quote inside a quoted cell is written "")'));
  });
});

describe("decodeInputText", () => {
  it("drops a byte-order mark and locates a NUL or an invalid byte", () => {
    expect(decodeInputText("f", Uint8Array.of(0xef, 0xbb, 0xbf, 0x61))).toBe("a");
    expect(() => decodeInputText("f", Uint8Array.of(0x61, 0x0a, 0x62, 0x00))).toThrow("f:2:2: binary data");
    expect(() => decodeInputText("f", Uint8Array.of(0x61, 0xff))).toThrow("f:1:2: not UTF-8 text");
  });
});

describe("the contracts CSV read straight into the book", () => {
  const HEADER = "id,customerId,start,end,amount,interval,intervalCount,currency,plan,seats";
  // Rows the fast reader takes as they are, and rows it leaves to the schema (a spaced id, an
  // intervalCount with a space): the report must be the one of the same records as JSON.
  const rows = [
    "C1,a,2025-01-01,,1200,year,,JPY,pro,3",
    " C2 ,b,2025-03-01,2025-09-01,1000.00,month,,JPY,,",
    'C3,"c",2025-02-01,,300,quarter,1,JPY,,',
    "C4,d,2025-01-01,,100,month, 2,JPY,,",
  ];
  const records = [
    { id: "C1", customerId: "a", start: "2025-01-01", amount: "1200", interval: "year", currency: "JPY", plan: "pro", seats: 3 },
    { id: " C2 ", customerId: "b", start: "2025-03-01", end: "2025-09-01", amount: "1000.00", interval: "month", currency: "JPY" },
    { id: "C3", customerId: "c", start: "2025-02-01", amount: "300", interval: "quarter", intervalCount: 1, currency: "JPY" },
    { id: "C4", customerId: "d", start: "2025-01-01", amount: "100", interval: "month", intervalCount: 2, currency: "JPY" },
  ];

  it("gives the report of the same records read from JSON", async () => {
    const csv = await runCli(["report", "--contracts", write("mixed.csv", `${HEADER}\n${rows.join("\n")}\n`), "--period", "2025", "--format", "csv"]);
    const json = await runCli(["report", "--contracts", write("mixed.json", JSON.stringify(records)), "--period", "2025", "--format", "csv"]);
    expect(csv.stderr).toBe("");
    expect(csv.stdout).toBe(json.stdout);
    // New MRR: 1200/12 + 300/3 + 100/2 = 100 + 100 + 50 = 250; C2 (March–August) has no MRR at
    // either end of 2025, so it is in no movement (DOMAIN.md §2).
    expect(csvValues(csv.stdout).get("newMrr")).toBe("250");
  });

  it("locates a field of a row the fast reader passed to the schema, and of one it read", async () => {
    const file = write("bad.csv", `${HEADER}\n${rows[0]}\nC5,e,2025-01-01,,12x,month,,JPY,,\nC6,f,2025-13-01,,1,month,,JPY,,\n`);
    const run = await runCli(["report", "--contracts", file, "--period", "2025"]);
    expect(run.stderr).toBe(
      `cs-metrics: invalid input (2 problems):\n  ${file}:3:5: amount: must be a decimal number like "1200.50" (got "12x")\n  ${file}:4:3: start: must be a calendar date YYYY-MM-DD (got "2025-13-01")\n`,
    );
  });
});
