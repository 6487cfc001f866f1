/**
 * How wide a chart's text is, estimated before any renderer measures it: the charts lay out labels
 * themselves (the quadrant's names, the heat map's cell text), so the estimate must not be narrower
 * than what a renderer draws.
 * @module
 */

/**
 * Width in pixels of `text` at `fontSize`, estimated generously: 0.8 em per character (what vega's
 * own estimate uses when it has no canvas, and wider than most sans-serif glyphs), 1 em per wide
 * character (CJK, full-width forms), which browsers draw a full em wide.
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const character of text) ems += isWide(character.codePointAt(0)!) ? 1 : 0.8;
  return ems * fontSize;
}

/** East Asian wide and full-width ranges (Hangul Jamo, CJK, Hangul syllables, compatibility forms, full-width forms), and emoji. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    code >= 0x20000
  );
}
