/**
 * A CSV scanner over a file's decoded text (RFC 4180: comma-separated cells, `"`-quoted cells with
 * `""` for a quote, line ends `\n`, `\r\n` or a lone `\r`), handing each row's cells to a callback in
 * one reused array — no object per row — with the line the row ends on (where a quoted cell holds a
 * line break, the row's last line, as csv-parse numbered it).
 *
 * Written by hand because it measured faster than csv-parse and udsv on the same file (see
 * docs/performance.md): one `charCodeAt` loop per unquoted cell and one `slice` per cell.
 * @module
 */
import { CliInputError } from "./cliErrors.js";
import { echoed } from "./terminalText.js";

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Receives one row: `cells[0 … count − 1]` (the array is reused for the next row: copy what you keep)
 * and the 1-based line the row ends on.
 */
export type CsvRowHandler = (cells: string[], count: number, line: number) => void;

function invalid(file: string, line: number, what: string): CliInputError {
  return new CliInputError(`${echoed(file)}:${line}: invalid CSV: ${what}`);
}

/** Line breaks in `text[from, to)`: `\n`, `\r\n` (one) and a lone `\r`. */
function lineBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code === LF || (code === CR && text.charCodeAt(at + 1) !== LF)) breaks++;
  }
  return breaks;
}

/**
 * Scans `text` row by row.
 * @throws CliInputError `file:line: invalid CSV: …` for a quote inside an unquoted cell, text after a
 * closing quote, or a quote that is never closed (the line is where the cell starts).
 */
export function scanCsv(file: string, text: string, onRow: CsvRowHandler): void {
  const length = text.length;
  const cells: string[] = [];
  let at = 0;
  let line = 1;
  while (at < length) {
    let count = 0;
    let rowLine = line;
    for (;;) {
      let cell: string;
      if (text.charCodeAt(at) === QUOTE) {
        const cellLine = line;
        let from = at + 1;
        cell = "";
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) throw invalid(file, cellLine, `cell ${count + 1} opens a quote that is never closed`);
          line += lineBreaks(text, from, close);
          cell += text.slice(from, close);
          if (text.charCodeAt(close + 1) !== QUOTE) {
            at = close + 1;
            break;
          }
          cell += '"';
          from = close + 2;
        }
        const next = text.charCodeAt(at);
        if (at < length && next !== COMMA && next !== LF && next !== CR) {
          throw invalid(file, line, `cell ${count + 1}: text after its closing quote (a quote inside a quoted cell is written "")`);
        }
      } else {
        let end = at;
        for (; end < length; end++) {
          const code = text.charCodeAt(end);
          if (code === COMMA || code === LF || code === CR) break;
          if (code === QUOTE) throw invalid(file, line, `cell ${count + 1}: a quote inside an unquoted cell (quote the whole cell and write the quote as "")`);
        }
        cell = text.slice(at, end);
        at = end;
      }
      cells[count++] = cell;
      const code = text.charCodeAt(at);
      if (code === COMMA) {
        at++;
        continue;
      }
      if (code === CR) at += text.charCodeAt(at + 1) === LF ? 2 : 1;
      else if (code === LF) at++;
      rowLine = line++;
      break;
    }
    onRow(cells, count, rowLine);
  }
}
