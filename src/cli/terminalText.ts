/**
 * Caller text made safe to print on a terminal: control characters shown as escapes, so that a customer
 * id holding a newline or an ANSI escape cannot forge a table row or recolour the screen, and long
 * arguments shortened before they are echoed in an error.
 * @module
 */

/**
 * Characters never printed raw: C0 controls (newline, tab, ESC, …), DEL, C1 controls, and the
 * invisible direction marks and overrides that reorder what follows them (U+061C, U+200E–U+200F,
 * U+202A–U+202E, U+2066–U+2069), plus the line and paragraph separators U+2028–U+2029.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** {@link UNSAFE} but C0: `JSON.stringify` already escapes those in strings, and its newlines are layout. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escapeOne(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * `text` with every control, direction-override and line-separator character written as an escape:
 * `\n`, `\r`, `\t`, `\x1b` (C0, DEL, C1), `\u202e` (above U+00FF). Other text, backslashes included,
 * is unchanged, so escaping twice gives the same result as escaping once.
 */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/**
 * {@link terminalText} for `JSON.stringify` output: DEL, C1 and the direction and separator characters
 * (which `JSON.stringify` leaves raw) as `\uXXXX` escapes. They can only stand inside JSON strings, where
 * the escape means the same character, so the document parses to the same value.
 */
export function terminalJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Longest caller text (in characters) echoed whole in a message; longer text is shortened. */
export const MAX_ECHOED_CHARACTERS = 200;

/**
 * Caller text (an argument, a file name) as an error message shows it: escaped, and when longer than
 * {@link MAX_ECHOED_CHARACTERS} characters, its first 120 and last 40 characters around an ellipsis,
 * followed by the full length: `aaaa…zzzz (100,000 characters)`.
 */
export function echoed(text: string): string {
  const characters = Array.from(text);
  if (characters.length <= MAX_ECHOED_CHARACTERS) return terminalText(text);
  const shortened = `${characters.slice(0, 120).join("")}…${characters.slice(-40).join("")}`;
  return `${terminalText(shortened)} (${characters.length.toLocaleString("en-US")} characters)`;
}

/** {@link echoed} in double quotes, for an argument's value: `"2025-13"`. */
export function quoted(text: string): string {
  return `"${echoed(text)}"`;
}
