/**
 * A CSV scanner over decoded text (RFC 4180: comma-separated cells, `"`-quoted cells with `""` for a
 * quote, line ends `\n`, `\r\n` or a lone `\r`), handing each row's cells to a callback in one reused
 * array — no object per row — with the line the row ends on (where a quoted cell holds a line break,
 * the row's last line, as csv-parse numbered it). The text may come in pieces ({@link CsvScanner}): a
 * row cut by the end of a piece is held back and read with the next, so a file is scanned chunk by
 * chunk without ever being held whole.
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

/** A scan that reached the end of a piece inside a row: the row is read again with the next piece. */
const CUT = -1;

/**
 * Scans CSV text given in pieces, in order: {@link CsvScanner.push} each piece, then
 * {@link CsvScanner.end}. Rows are handed over as soon as they are complete.
 */
export class CsvScanner {
  readonly #file: string;
  readonly #onRow: CsvRowHandler;
  readonly #cells: string[] = [];
  /** The start of a row cut by the end of the last piece. */
  #held = "";
  /** The line the next row starts on. */
  #line = 1;

  /** @param file - the file name, for messages */
  constructor(file: string, onRow: CsvRowHandler) {
    this.#file = file;
    this.#onRow = onRow;
  }

  /** The line the next row starts on (after the last piece: 1 + the line breaks read). */
  get line(): number {
    return this.#line;
  }

  /** Scans the complete rows of `piece` (after any row held back from the last piece). */
  push(piece: string): void {
    this.#scan(this.#held === "" ? piece : this.#held + piece, false);
  }

  /**
   * Scans what is left: the end of the text is the end of the last row.
   * @throws CliInputError for a quote that is never closed.
   */
  end(): void {
    const rest = this.#held;
    this.#held = "";
    this.#scan(rest, true);
  }

  /**
   * Scans `text` row by row; unless `last`, a row that the end of `text` cuts (no line end yet, a
   * quote still open, a closing quote or a `\r` as the last character) is held back.
   */
  #scan(text: string, last: boolean): void {
    const { length } = text;
    const cells = this.#cells;
    const file = this.#file;
    let at = 0;
    let line = this.#line;
    while (at < length) {
      const rowStart = at;
      const startLine = line;
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
            if (close < 0 || (!last && close === length - 1)) {
              if (!last) {
                at = CUT;
                break;
              }
              throw invalid(file, cellLine, `cell ${count + 1} opens a quote that is never closed`);
            }
            line += lineBreaks(text, from, close);
            cell += text.slice(from, close);
            if (text.charCodeAt(close + 1) !== QUOTE) {
              at = close + 1;
              break;
            }
            cell += '"';
            from = close + 2;
          }
          if (at === CUT) break;
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
        const code = text.charCodeAt(at);
        if (!last && (at >= length || (code === CR && at === length - 1))) {
          at = CUT;
          break;
        }
        cells[count++] = cell;
        if (code === COMMA) {
          at++;
          continue;
        }
        if (code === CR) at += text.charCodeAt(at + 1) === LF ? 2 : 1;
        else if (code === LF) at++;
        rowLine = line++;
        break;
      }
      if (at === CUT) {
        this.#held = text.slice(rowStart);
        this.#line = startLine;
        return;
      }
      this.#onRow(cells, count, rowLine);
    }
    this.#held = "";
    this.#line = line;
  }
}

/**
 * Scans the whole of `text` row by row.
 * @throws CliInputError `file:line: invalid CSV: …` for a quote inside an unquoted cell, text after a
 * closing quote, or a quote that is never closed (the line is where the cell starts).
 */
export function scanCsv(file: string, text: string, onRow: CsvRowHandler): void {
  const scanner = new CsvScanner(file, onRow);
  scanner.push(text);
  scanner.end();
}
