/**
 * How wide text is drawn: East Asian wide and full-width characters (and emoji) take two terminal
 * columns, or a full em in a chart, where other characters take one column or less. The one place
 * that knows which characters are wide: the CLI's table padding and the charts' label layout both
 * read it.
 * @module
 */

/**
 * Whether the character `codePoint` is drawn double width: Hangul Jamo, CJK (radicals through Yi),
 * Hangul syllables, CJK compatibility ideographs, CJK compatibility forms, full-width forms and
 * signs, emoji (U+1F300–U+1FAFF) and everything from the supplementary ideographic plane (U+20000)
 * up. A close reading of Unicode's East Asian Width `W`/`F` classes (UAX #11), erring on the wide
 * side for the few narrow symbols inside these blocks.
 */
export function isWideCharacter(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1faff) ||
    codePoint >= 0x20000
  );
}

/** Terminal columns `text` takes: 2 per wide character ({@link isWideCharacter}), 1 per other character. */
export function displayWidth(text: string): number {
  let columns = 0;
  for (const character of text) columns += isWideCharacter(character.codePointAt(0)!) ? 2 : 1;
  return columns;
}
