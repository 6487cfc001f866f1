/**
 * The one list of wide characters, read by the CLI (terminal columns) and the charts (text-width
 * estimate): each range at both edges, and the characters just outside it.
 */
import { describe, expect, it } from "vitest";
import { displayWidth, isWideCharacter } from "../../src/text/displayWidth.js";

// One character at each edge of each wide range (Hangul Jamo, CJK…Yi, Hangul syllables, CJK
// compatibility ideographs, CJK compatibility forms, full-width forms and signs, emoji, plane 2).
const WIDE = ["\u1100", "\u115f", "\u2e80", "\ua4cf", "\uac00", "\ud7a3", "\uf900", "\ufaff", "\ufe30", "\ufe4f", "\uff01", "\uff60", "\uffe0", "\uffe6", "😀", "🫠", "𠀋"];
// Just outside each range.
const NARROW = ["\u10ff", "\u1160", "\u2e7f", "\ua4d0", "\uabff", "\ud7a4", "\uf8ff", "\ufb00", "\ufe2f", "\ufe50", "\ufeff", "\uff61", "\uffdf", "\uffe7", "\u{1f2ff}", "\u{1fb00}"];

describe("isWideCharacter", () => {
  it("is true at both edges of every wide range and false just outside", () => {
    for (const character of WIDE) expect(isWideCharacter(character.codePointAt(0)!), character).toBe(true);
    for (const character of NARROW) expect(isWideCharacter(character.codePointAt(0)!), character.codePointAt(0)!.toString(16)).toBe(false);
  });
});

describe("displayWidth", () => {
  it("counts 2 columns per wide character and 1 per other character", () => {
    expect(displayWidth("")).toBe(0);
    // "NRR " 4 + 売上継続率 5 × 2 = 14
    expect(displayWidth("NRR 売上継続率")).toBe(14);
    // one code point each, however many UTF-16 units: 😀 and 𠀋 are surrogate pairs
    expect(displayWidth("😀𠀋a")).toBe(5);
    expect(displayWidth(WIDE.join(""))).toBe(2 * WIDE.length);
    expect(displayWidth(NARROW.join(""))).toBe(NARROW.length);
  });
});
