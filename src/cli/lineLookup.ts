/**
 * Finding a line of a file again by its number, for an error message, without holding the file: the
 * file is read again up to that line. What is kept is small and does not grow with the records: the
 * block last read, the line last found, and where a line starts every {@link LOOKUP_BLOCK_BYTES} or
 * so of the file (one entry per block, made as the file is read again), so that lines asked for in
 * order cost one pass over the file, and a line asked for out of order costs about one block.
 * @module
 */
import { closeSync, openSync, readSync } from "node:fs";

/** Bytes read at a time when looking a line up (and between two remembered line starts). */
export const LOOKUP_BLOCK_BYTES = 2 ** 16;

const LF = 10;

/** The start of a line: its number (from 1) and its byte offset. */
interface LineStart {
  readonly line: number;
  readonly offset: number;
}

/** Lines of one file, looked up by number. Line ends are `\n`; a `\r` before one stays in the line's text. */
export class LineLookup {
  /** Line starts about one block apart, ascending (line 1 at offset 0 first). */
  readonly #marks: LineStart[] = [{ line: 1, offset: 0 }];
  /** The line last found. */
  #last: LineStart = { line: 1, offset: 0 };
  #block = new Uint8Array(0);
  #blockOffset = 0;
  readonly #lineDecoder = new TextDecoder("utf-8", { ignoreBOM: true });
  /** Line 1 drops a byte-order mark, as the file's reader does. */
  readonly #firstLineDecoder = new TextDecoder("utf-8");

  /**
   * @param file - the file's name
   * @param blockBytes - bytes read at a time (for tests)
   */
  constructor(
    readonly file: string,
    readonly blockBytes = LOOKUP_BLOCK_BYTES,
  ) {}

  /**
   * The text of line `line` (from 1) without its `\n`, or `undefined` when the file has no such line
   * or cannot be read any more.
   */
  text(line: number): string | undefined {
    try {
      const start = this.#startOf(line);
      if (start === undefined) return undefined;
      this.#last = start;
      return (line === 1 ? this.#firstLineDecoder : this.#lineDecoder).decode(this.#bytesUpToLineEnd(start.offset));
    } catch {
      return undefined;
    }
  }

  /** Where line `line` starts: counted on from the closest known start before it. */
  #startOf(line: number): LineStart | undefined {
    let low = 0;
    let high = this.#marks.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.#marks[middle]!.line <= line) low = middle;
      else high = middle - 1;
    }
    let from = this.#marks[low]!;
    if (this.#last.line <= line && this.#last.offset > from.offset) from = this.#last;
    let { line: at, offset } = from;
    while (at < line) {
      const block = this.#blockAt(offset);
      if (block === undefined) return undefined;
      const lf = block.bytes.indexOf(LF, offset - block.offset);
      if (lf < 0) {
        offset = block.offset + block.bytes.length;
        continue;
      }
      at++;
      offset = block.offset + lf + 1;
      const lastMark = this.#marks.at(-1)!;
      if (at > lastMark.line && offset >= lastMark.offset + this.blockBytes) this.#marks.push({ line: at, offset });
    }
    return { line: at, offset };
  }

  /** The bytes from `offset` to the next `\n` (excluded) or the end of the file. */
  #bytesUpToLineEnd(offset: number): Uint8Array {
    const parts: Uint8Array[] = [];
    let length = 0;
    for (let block = this.#blockAt(offset); block !== undefined; block = this.#blockAt(offset)) {
      const from = offset - block.offset;
      const lf = block.bytes.indexOf(LF, from);
      const part = block.bytes.subarray(from, lf < 0 ? block.bytes.length : lf);
      parts.push(part);
      length += part.length;
      if (lf >= 0) break;
      offset = block.offset + block.bytes.length;
    }
    if (parts.length === 1) return parts[0]!;
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    return bytes;
  }

  /** The block holding byte `offset` (read when it is not the block last read), or `undefined` past the end. */
  #blockAt(offset: number): { bytes: Uint8Array; offset: number } | undefined {
    if (offset < this.#blockOffset || offset >= this.#blockOffset + this.#block.length) {
      const bytes = new Uint8Array(this.blockBytes);
      const fd = openSync(this.file, "r");
      try {
        this.#block = bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, offset));
      } finally {
        closeSync(fd);
      }
      this.#blockOffset = offset;
      if (this.#block.length === 0) return undefined;
    }
    return { bytes: this.#block, offset: this.#blockOffset };
  }
}
