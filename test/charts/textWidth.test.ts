/**
 * The text-width estimate the chart layouts use: never narrower than vega's own estimate (0.8 em a
 * character, vega-scenegraph's `estimateWidth`), a full em for wide characters (which ones:
 * test/text/displayWidth.test.ts).
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
    // 😀 (wide, a surrogate pair) + "a" (narrow) at 10 px: 10 + 8 = 18 px
    expect(textWidth("😀a", 10)).toBe(18);
  });
});
