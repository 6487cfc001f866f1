/**
 * tooDeepAt: the flat bracket scan that runs before the JSON parser.
 */
import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, tooDeepAt } from "../../src/cli/jsonNesting.js";

describe("tooDeepAt", () => {
  it("finds the bracket that opens one level too many", () => {
    // "[[[" with max 2: the third "[" (offset 2) opens level 3
    expect(tooDeepAt("[[[]]]", 2)).toBe(2);
    expect(tooDeepAt("[[]]", 2)).toBe(-1);
    expect(tooDeepAt('{"a":{"b":[1]}}', 2)).toBe(10);
    expect(tooDeepAt('{"a":{"b":[1]}}', 3)).toBe(-1);
  });

  it("counts siblings once: depth goes down again after a close", () => {
    expect(tooDeepAt("[[],[],[[]]]", 3)).toBe(-1);
    expect(tooDeepAt("[[],[],[[]]]", 2)).toBe(8);
  });

  it("ignores brackets inside strings, escaped quotes included", () => {
    expect(tooDeepAt('["[[[[", "{{{{"]', 1)).toBe(-1);
    expect(tooDeepAt('["\\"[[[", "\\\\"]', 1)).toBe(-1);
    // after the string closes, brackets count again
    expect(tooDeepAt('["\\\\", []]', 1)).toBe(7);
  });

  it("defaults to 100 levels", () => {
    expect(MAX_JSON_DEPTH).toBe(100);
    expect(tooDeepAt("[".repeat(100) + "]".repeat(100))).toBe(-1);
    expect(tooDeepAt("[".repeat(101) + "]".repeat(101))).toBe(100);
  });
});
