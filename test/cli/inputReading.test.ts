/**
 * The CLI's reading helpers directly: why a file cannot be read, where a NUL or invalid byte is when
 * it comes in a later chunk, where a CSV record is located, and how a library issue is located.
 */
import { describe, expect, it } from "vitest";
import { locateIssues, splitIssuePath } from "../../src/cli/cliErrors.js";
import { readCsvRecords } from "../../src/cli/csvRecords.js";
import { CONTRACTS_CSV } from "../../src/cli/inputShapes.js";
import { readInputTextChunks, Utf8Checker, unreadable } from "../../src/cli/inputText.js";
import { ValidationError } from "../../src/index.js";
import { scratchFolder } from "./support.js";

const write = scratchFolder("cs-metrics-reading-");

describe("unreadable", () => {
  it("names the reason for known codes, and otherwise the code or message", () => {
    expect(unreadable("a.csv", { code: "EACCES" }).message).toBe("a.csv: permission denied");
    expect(unreadable("a.csv", { code: "EIO" }).message).toBe("a.csv: cannot read (EIO)");
    expect(unreadable("a.csv", new Error("boom")).message).toBe("a.csv: cannot read (boom)");
    expect(unreadable("a.csv", "odd").message).toBe("a.csv: cannot read (odd)");
  });
});

describe("Utf8Checker", () => {
  it("counts lines and columns across chunks", () => {
    const checker = new Utf8Checker("f.csv");
    expect(checker.decode(new TextEncoder().encode("ab\ncd"))).toBe("ab\ncd");
    // line 2 continues: "cd" then "e" puts the NUL at column 4
    expect(() => checker.decode(new TextEncoder().encode("e\0"))).toThrow("f.csv:2:4: binary data");
  });

  it("puts an error on a later line of a chunk at its own column, and keeps a multi-byte character split across chunks", () => {
    const checker = new Utf8Checker("f.csv");
    const 日 = new TextEncoder().encode("日"); // E6 97 A5
    expect(checker.decode(Uint8Array.of(0x61, 日[0]!, 日[1]!))).toBe("a");
    expect(checker.decode(Uint8Array.of(日[2]!, 0x0a))).toBe("日\n");
    expect(() => checker.decode(Uint8Array.of(0x78, 0x0a, 0x79, 0x79, 0xff))).toThrow("f.csv:3:3: not UTF-8 text");
  });

  it("reports a NUL before an invalid byte, and an invalid byte before a NUL, whichever comes first", () => {
    expect(() => new Utf8Checker("f").decode(Uint8Array.of(0x00, 0xff))).toThrow("f:1:1: binary data");
    expect(() => new Utf8Checker("f").decode(Uint8Array.of(0x61, 0xff, 0x00))).toThrow("f:1:2: not UTF-8 text");
  });
});

describe("readInputTextChunks", () => {
  it("never cuts between the two bytes of a \\r\\n, even reading one byte at a time", () => {
    const pieces: string[] = [];
    readInputTextChunks(write("crlf.txt", "\r\nb\r\n"), (text) => pieces.push(text), 1);
    expect(pieces).toEqual(["\r\n", "b\r\n"]);
  });
});

describe("readCsvRecords", () => {
  it("locates a record by its line and a field by its column, the line 0 for an unknown record", async () => {
    const file = write("c.csv", "id,customerId,start,amount,currency\n\nC1,a,2025-01-01,100,JPY\n");
    const read = await readCsvRecords(file, CONTRACTS_CSV);
    expect(read.records).toEqual([{ id: "C1", customerId: "a", start: "2025-01-01", amount: "100", currency: "JPY" }]);
    expect(Object.getPrototypeOf(read.records[0])).toBeNull();
    expect(read.locate([0, "amount"])).toEqual({ line: 3, column: 4 });
    expect(read.locate([0])).toEqual({ line: 3, column: 1 });
    expect(read.locate([0, "plan"])).toEqual({ line: 3, column: 1 });
    expect(read.locate([5])).toEqual({ line: 0, column: 1 });
  });
});

describe("locateIssues", () => {
  it("keeps the path of an issue about no file it read", () => {
    expect(locateIssues(new ValidationError([{ path: "options.asOf", message: "must be a date" }]), {})).toEqual(["options.asOf: must be a date"]);
    expect(splitIssuePath("")).toEqual({ root: "", path: [] });
  });
});
