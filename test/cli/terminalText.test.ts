/**
 * terminalText / terminalJson / echoed: what reaches a terminal from caller text.
 */
import { describe, expect, it } from "vitest";
import { MAX_ECHOED_CHARACTERS, echoed, quoted, terminalJson, terminalText } from "../../src/cli/terminalText.js";

describe("terminalText", () => {
  it("writes newlines, tabs and carriage returns as \\n, \\t, \\r", () => {
    expect(terminalText("x\n  NRR 999.9%")).toBe("x\\n  NRR 999.9%");
    expect(terminalText("a\tb\rc")).toBe("a\\tb\\rc");
  });

  it("writes other C0 controls, DEL and C1 controls as \\xNN", () => {
    expect(terminalText("\u001b[31mred\u001b[0m")).toBe("\\x1b[31mred\\x1b[0m");
    expect(terminalText("\u0000\u0007\u007f\u0080\u009b\u009f")).toBe("\\x00\\x07\\x7f\\x80\\x9b\\x9f");
  });

  it("writes direction overrides, isolates, marks and line separators as \\uNNNN", () => {
    const bidi = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c", "\u2028", "\u2029"];
    expect(terminalText(bidi.join(""))).toBe("\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c\\u2028\\u2029");
  });

  it("leaves printable text alone (backslashes, accents, CJK, emoji, U+00A0) and is idempotent", () => {
    const printable = "C:\\data\\a.csv é 売上 😀 \u00a0 \u202f";
    expect(terminalText(printable)).toBe(printable);
    const hostile = "x\n\u001b\u202e";
    expect(terminalText(terminalText(hostile))).toBe(terminalText(hostile));
  });
});

describe("terminalJson", () => {
  it("escapes DEL, C1 and direction characters that JSON.stringify leaves raw, and parses back to the same value", () => {
    const value = { id: "a\u202eb\u0085c\u007f\u2028", newline: "x\ny" };
    const json = terminalJson(JSON.stringify(value, null, 2));
    expect(json).toContain('"a\\u202eb\\u0085c\\u007f\\u2028"');
    expect(json).toContain('"x\\ny"');
    // pretty-printing newlines are layout and stay
    expect(json.split("\n")).toHaveLength(4);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe("echoed and quoted", () => {
  it("show text up to the limit whole, escaped", () => {
    const limit = "a".repeat(MAX_ECHOED_CHARACTERS);
    expect(echoed(limit)).toBe(limit);
    expect(quoted("x\ny")).toBe('"x\\ny"');
  });

  it("shorten longer text to its first 120 and last 40 characters and give the length", () => {
    const text = `${"a".repeat(120)}${"b".repeat(100_000 - 160)}${"c".repeat(40)}`;
    expect(echoed(text)).toBe(`${"a".repeat(120)}…${"c".repeat(40)} (100,000 characters)`);
    // one over the limit is shortened too
    expect(echoed("d".repeat(MAX_ECHOED_CHARACTERS + 1))).toBe(`${"d".repeat(120)}…${"d".repeat(40)} (201 characters)`);
  });

  it("count characters, not UTF-16 units, so a shortened emoji is never split", () => {
    const emoji = "😀".repeat(MAX_ECHOED_CHARACTERS + 1); // 201 characters, 402 UTF-16 units
    expect(echoed(emoji)).toBe(`${"😀".repeat(120)}…${"😀".repeat(40)} (201 characters)`);
    expect(echoed("😀".repeat(MAX_ECHOED_CHARACTERS))).toBe("😀".repeat(MAX_ECHOED_CHARACTERS));
  });
});
