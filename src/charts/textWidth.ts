/**
 * How wide a chart's text is, estimated before any renderer measures it: the charts lay out labels
 * themselves (the quadrant's names, the heat map's cell text), so the estimate must not be narrower
 * than what a renderer draws.
 * @module
 */
import { isWideCharacter } from "../text/displayWidth.js";

/**
 * Width in pixels of `text` at `fontSize`, estimated generously: 0.8 em per character (what vega's
 * own estimate uses when it has no canvas, and wider than most sans-serif glyphs), 1 em per wide
 * character ({@link isWideCharacter}: CJK, full-width forms, emoji), which browsers draw a full em wide.
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const character of text) ems += isWideCharacter(character.codePointAt(0)!) ? 1 : 0.8;
  return ems * fontSize;
}
