/**
 * Reading a file in line-aligned pieces (readInputTextChunks) and scanning CSV piece by piece
 * (CsvScanner): whatever the piece size, the same text, rows, lines and errors as the whole file at once.
 */
import { writeFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvScanner, scanCsv } from "../../src/cli/csvScan.js";
import { readInputText, readInputTextChunks } from "../../src/cli/inputText.js";
import { scratchFolder } from "./support.js";

const write = scratchFolder("cs-metrics-chunks-");

/** Rows of a scan, or its error message. */
function scanWhole(text: string): unknown[] {
  const rows: unknown[] = [];
  try {
    scanCsv("f.csv", text, (cells, count, line) => rows.push([line, cells.slice(0, count)]));
  } catch (error) {
    rows.push((error as Error).message);
  }
  return rows;
}

function scanPieces(pieces: readonly string[]): unknown[] {
  const rows: unknown[] = [];
  const scanner = new CsvScanner("f.csv", (cells, count, line) => rows.push([line, cells.slice(0, count)]));
  try {
    for (const piece of pieces) scanner.push(piece);
    scanner.end();
  } catch (error) {
    rows.push((error as Error).message);
  }
  return rows;
}

const csvText = fc.array(fc.constantFrom("a", "b", ",", '"', "\n", "\r", "\r\n", "é"), { maxLength: 40 }).map((parts) => parts.join(""));

describe("CsvScanner", () => {
  it("gives the rows, lines and errors of the whole text, however the text is cut", () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...points].map((start, k) => text.slice(start, [...points, text.length][k]));
        expect(scanPieces(pieces)).toEqual(scanWhole(text));
      }),
      { numRuns: 500 },
    );
  });

  it("holds back a row whose last character is a closing quote or a \\r until the next piece", () => {
    expect(scanPieces(['a,"x"', '"y"\n'])).toEqual([[1, ["a", 'x"y']]]);
    expect(scanPieces(["a\r", "\nb"])).toEqual([[1, ["a"]], [2, ["b"]]]);
  });
});

describe("readInputTextChunks", () => {
  const read = (file: string, chunkBytes: number) => {
    const pieces: string[] = [];
    readInputTextChunks(file, (text) => pieces.push(text), chunkBytes);
    return pieces;
  };

  it("hands over pieces that join to the whole text and end at a line end, for any piece size (lines longer than a piece too)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("ab", "é", "日本", "\n", "\r\n", "\r", ",", "\uFEFF"), { maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (parts, chunkBytes) => {
        const file = write("t.csv", `\uFEFF${parts.join("")}`);
        const pieces = read(file, chunkBytes);
        expect(pieces.join("")).toBe(readInputText(file));
        for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/[\n\r]$/);
      }),
      { numRuns: 300 },
    );
  });

  it("locates invalid UTF-8 or a NUL in a later piece as the whole-file read does", () => {
    const invalid = write("bad.csv", Buffer.concat([Buffer.from("h\nabc\nd"), Buffer.of(0xff), Buffer.from("\n")]));
    expect(() => read(invalid, 4)).toThrow("bad.csv:3:2: not UTF-8 text");
    expect(() => readInputText(invalid)).toThrow("bad.csv:3:2: not UTF-8 text");
    const nul = write("nul.csv", "h\nabc\nx\0\n");
    expect(() => read(nul, 4)).toThrow("nul.csv:3:2: binary data");
  });

  it("says so when a file changes while it is read (a problem seen, then not found again)", () => {
    const file = write("changing.csv", "");
    writeFileSync(file, Buffer.concat([Buffer.from("h\n"), Buffer.of(0xff), Buffer.from("\n")]));
    let pieces = 0;
    expect(() =>
      readInputTextChunks(file, () => pieces++, 2),
    ).toThrow("changing.csv:2:1: not UTF-8 text");
    expect(pieces).toBe(1);
  });

  it("names a file that cannot be opened", () => {
    expect(() => read(`${write("x.csv", "")}.missing`, 8)).toThrow("no such file");
  });
});
