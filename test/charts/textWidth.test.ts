/**
 * The text-width estimate the chart layouts use: never narrower than vega's own estimate (0.8 em a
 * character, vega-scenegraph's `estimateWidth`), a full em for wide East Asian characters and emoji.
 */
import { describe, expect, it } from "vitest";
import { textWidth } from "../../src/charts/textWidth.js";

describe("textWidth", () => {
  it("0.8 em per narrow character, 1 em per wide one", () => {
    // "10": 2 × 0.8 × 10 px = 16 px
    expect(textWidth("10", 10)).toBe(16);
    expect(textWidth("", 10)).toBe(0);
    // 展開率: 3 × 1 em at 12 px = 36 px
    expect(textWidth("展開率", 12)).toBe(36);
    // one of each wide range (a character at each edge), 1 em = 10 px each
    const wide = ["\u1100", "\u115f", "\u2e80", "\ua4cf", "\uac00", "\ud7a3", "\uf900", "\ufaff", "\ufe30", "\ufe4f", "\uff01", "\uff60", "\uffe0", "\uffe6", "😀", "🫠", "𠀋"];
    for (const character of wide) expect(textWidth(character, 10), character).toBe(10);
    // just outside each range: narrow
    const narrow = ["\u10ff", "\u1160", "\u2e7f", "\ua4d0", "\uabff", "\ud7a4", "\uf8ff", "\ufb00", "\ufe2f", "\ufe50", "\ufeff", "\uff61", "\uffdf", "\uffe7", "\u{1f2ff}", "\u{1fb00}"];
    for (const character of narrow) expect(textWidth(character, 10), character.codePointAt(0)!.toString(16)).toBe(8);
  });
});
