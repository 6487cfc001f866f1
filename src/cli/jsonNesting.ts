/**
 * The nesting limit of the CLI's JSON inputs, checked by a flat scan before any parser (whose
 * recursion a file of 3,000 `[` would otherwise overflow) sees the text.
 * @module
 */

/**
 * Deepest nesting of arrays and objects a JSON input may have. The CLI's inputs need at most 6
 * (scorecard → measures → measure → scale → steps → step); 100 is Ruby's `JSON.parse` default
 * `max_nesting`, and stays far below the depth at which parsing or validation could exhaust the stack.
 */
export const MAX_JSON_DEPTH = 100;

/**
 * The offset of the first `[` or `{` that opens level `maxDepth + 1`, or `-1` when the text nests no
 * deeper than `maxDepth`. Brackets inside strings do not count. The text need not be valid JSON.
 */
export function tooDeepAt(text: string, maxDepth: number = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c /* \ */) index++;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x5b /* [ */ || char === 0x7b /* { */) {
      if (++depth > maxDepth) return index;
    } else if (char === 0x5d /* ] */ || char === 0x7d /* } */) {
      depth--;
    }
  }
  return -1;
}
