/**
 * Finding a file's line again by its number (for a field's column in an error message), in any
 * order, across blocks, and when the file is gone.
 */
import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LineLookup } from "../../src/cli/lineLookup.js";
import { scratchFolder } from "./support.js";

const write = scratchFolder("cs-metrics-lookup-");

describe("LineLookup", () => {
  // Lines of 0 to 39 characters (multi-byte ones too), some longer than a block of 16 bytes.
  const lines = Array.from({ length: 300 }, (_, k) => `${k}:${"日x".repeat(k % 20)}`);
  const file = write("lines.txt", `\uFEFF${lines.join("\n")}\r\n`);

  it("gives every line, asked in order, backwards or at random, whatever the block size", () => {
    for (const blockBytes of [1, 7, 16, 4096]) {
      const lookup = new LineLookup(file, blockBytes);
      // The last line keeps its "\r"; the byte-order mark is not part of line 1.
      const expected = (n: number) => (n === lines.length ? `${lines[n - 1]}\r` : lines[n - 1]);
      for (let n = 1; n <= lines.length; n++) expect(lookup.text(n)).toBe(expected(n));
      for (let n = lines.length; n >= 1; n -= 7) expect(lookup.text(n)).toBe(expected(n));
      for (const n of [150, 3, 299, 1, 77, 78, 76, 300, 2]) expect(lookup.text(n)).toBe(expected(n));
    }
  });

  it("has no line past the end, an empty one after a final line end, and none once the file is gone", () => {
    const short = write("short.txt", "a\nb\n");
    const lookup = new LineLookup(short, 2);
    expect([lookup.text(2), lookup.text(3), lookup.text(4)]).toEqual(["b", "", undefined]);
    expect(new LineLookup(write("unended.txt", "a\nb"), 2).text(3)).toBeUndefined();
    rmSync(short);
    expect(new LineLookup(short).text(1)).toBeUndefined();
  });
});
