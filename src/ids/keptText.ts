/**
 * Text kept as a key (a customer or user id in a map) when it was cut out of a larger text — a cell of
 * a file read in pieces: a copy of its own, so that the key does not keep the whole piece alive.
 * @module
 */

/** Cuts of fewer characters are copies already (V8 keeps longer ones as views into their source). */
const SHORT = 13;

/** `text`, held on its own: equal to `text`, but not a view into the text it was cut from. */
export function keptText(text: string): string {
  // Concatenating makes a new string; slicing it flattens that into fresh storage of its own.
  return text.length < SHORT ? text : ` ${text}`.slice(1);
}
