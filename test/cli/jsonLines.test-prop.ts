/**
 * Reading a JSON Lines file in pieces of any size gives what reading it in one piece gives: the same
 * records with the same indexes, lines, skipped count, located columns and errors — and those are the
 * ones the generated file holds (worked out here from the lines written, not from the reader).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { readJsonLines } from "../../src/cli/jsonLines.js";
import { scratchFolder } from "./support.js";

const write = scratchFolder("cs-metrics-jsonl-pieces-");

/** JSON whitespace between tokens, a lone `\r` (not a line end in JSON Lines) included. */
const space = fc.constantFrom("", " ", "\t", "\r", "  \r ");
const key = fc.constantFrom("id", "amount", "日付", 'a"b', "start", "x.y");
const value = fc.oneof(fc.integer(), fc.constant(null), fc.string({ maxLength: 12, unit: "grapheme" }));

/** A line of the file: a record written with spaces between its tokens, a blank line, or text that is not one JSON value. */
const lineArb = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("record" as const), entries: fc.uniqueArray(fc.tuple(key, value, space, space, space), { selector: ([name]) => name, minLength: 1, maxLength: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("blank" as const), text: fc.constantFrom("", "  ", "\t", "\r") }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("invalid" as const), text: fc.constantFrom("{", '{"a":1,}', "[1] 2", "nul") }) },
);

type Line = typeof lineArb extends fc.Arbitrary<infer T> ? T : never;

function lineText(line: Line): string {
  if (line.kind !== "record") return line.text;
  return `{${line.entries.map(([name, v, before, around, after]) => `${before}${JSON.stringify(name)}${around}:${around}${JSON.stringify(v)}${after}`).join(",")}}`;
}

/** Everything a read gives (or its error's message), with every record's and key's position. */
function readAll(file: string, chunkBytes?: number) {
  const seen: [unknown, number][] = [];
  try {
    const read = readJsonLines(file, (record, index) => seen.push([record, index]), undefined, chunkBytes);
    const positions = seen.map(([record], index) => [read.locate([index]), ...Object.keys(record as object).map((name) => read.locate([index, name])), read.locate([index, "absent"])]);
    return { seen, records: read.records, skipped: read.skipped, positions, error: undefined };
  } catch (error) {
    return { seen, error: (error as Error).message };
  }
}

describe("JSON Lines in pieces", () => {
  test.prop([fc.array(fc.tuple(lineArb, fc.constantFrom("\n", "\r\n")), { maxLength: 12 }), fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 48 })], { numRuns: 150 })(
    "pieces of any size give the records, lines, columns and errors of one piece",
    (lines, bom, lastEnded, chunkBytes) => {
      const text = lines.map(([line, end], k) => lineText(line) + (k === lines.length - 1 && !lastEnded ? "" : end)).join("");
      const file = write("p.jsonl", (bom ? "\uFEFF" : "") + text);
      const whole = readAll(file);
      expect(readAll(file, chunkBytes)).toEqual(whole);

      // What the file holds, line by line (an empty last line without a line end is no line).
      if (!lastEnded && lines.length > 0 && lineText(lines.at(-1)![0]) === "") lines = lines.slice(0, -1);
      const firstInvalid = lines.findIndex(([line]) => line.kind === "invalid");
      const upTo = firstInvalid < 0 ? lines : lines.slice(0, firstInvalid);
      const records = upTo.flatMap(([line], k) => (line.kind === "record" ? [{ line: k + 1, entries: line.entries }] : []));
      expect(whole.seen).toEqual(records.map(({ entries }, index) => [Object.fromEntries(entries.map(([name, v]) => [name, v])), index]));
      if (firstInvalid >= 0) expect(whole.error).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:${firstInvalid + 1}:\\d+: invalid JSON `));
      else if (records.length === 0) expect(whole.error).toBe(`${file}:1:1: no records (a JSON Lines file holds one record a line)`);
      else {
        expect([whole.records, whole.skipped]).toEqual([records.length, upTo.length - records.length]);
        records.forEach(({ line, entries }, index) => {
          // The first key follows "{" and the spaces before it: column 1 + 1 + their length (a BOM is no column).
          const [, , before] = entries[0]!;
          expect(whole.positions![index]![0]).toEqual({ line, column: 1 });
          expect(whole.positions![index]![1]).toEqual({ line, column: 2 + before.length });
          expect(whole.positions![index]!.at(-1)).toEqual({ line, column: 1 });
        });
      }
    },
  );
});
