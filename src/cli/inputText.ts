/**
 * Opening the CLI's input files: a file that cannot be read says why (no such file, a directory, no
 * permission), and bytes that are not text — NUL characters (a spreadsheet, an archive) or invalid
 * UTF-8 — are a located error instead of garbled records.
 * @module
 */
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { CliInputError } from "./cliErrors.js";
import { echoed } from "./terminalText.js";

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: "no such file",
  EISDIR: "is a directory, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENAMETOOLONG: "file name too long",
};

/** The error for a file that cannot be opened or read (`error` is what node:fs threw). */
export function unreadable(file: string, error: unknown): CliInputError {
  const { code, message } = error as { code?: string; message?: string };
  return new CliInputError(`${echoed(file)}: ${REASONS[code ?? ""] ?? `cannot read (${code ?? message ?? String(error)})`}`);
}

/**
 * Decodes a file's bytes chunk by chunk as UTF-8, tracking lines, and throws a located
 * {@link CliInputError} at the first NUL character or invalid byte sequence. A byte-order mark is dropped.
 */
export class Utf8Checker {
  readonly #strict = new TextDecoder("utf-8", { fatal: true });
  readonly #lossy = new TextDecoder("utf-8");
  #line = 1;
  #column = 1;

  /** @param file - the file name, for messages */
  constructor(readonly file: string) {}

  /** The text of `chunk` (or, without a chunk, of the bytes held back at the end of the file). */
  decode(chunk?: Uint8Array): string {
    const options = { stream: chunk !== undefined };
    // The lossy decoder gives the text (U+FFFD where a byte sequence is invalid), the strict one says
    // whether there was one: a genuine U+FFFD in a valid file is not an error.
    const text = this.#lossy.decode(chunk, options);
    let valid = true;
    try {
      this.#strict.decode(chunk, options);
    } catch {
      valid = false;
    }
    const nul = text.indexOf("\0");
    if (!valid) {
      const bad = Math.max(0, text.indexOf("\uFFFD"));
      if (nul < 0 || bad < nul) throw this.#error(text, bad, "not UTF-8 text (an invalid byte sequence; save the file as UTF-8)");
    }
    if (nul >= 0) throw this.#error(text, nul, "binary data, not text (a NUL byte; a spreadsheet or archive rather than CSV or JSON?)");
    const lastNewline = text.lastIndexOf("\n");
    for (let index = text.indexOf("\n"); index >= 0; index = text.indexOf("\n", index + 1)) this.#line++;
    this.#column = lastNewline < 0 ? this.#column + text.length : text.length - lastNewline;
    return text;
  }

  #error(text: string, index: number, what: string): CliInputError {
    const before = text.slice(0, index);
    const lines = before.split("\n");
    const line = this.#line + lines.length - 1;
    const column = (lines.length === 1 ? this.#column : 1) + lines.at(-1)!.length;
    return new CliInputError(`${echoed(this.file)}:${line}:${column}: ${what}`);
  }
}

/**
 * A whole file as text, checked by {@link Utf8Checker}.
 * @throws CliInputError when the file cannot be read or is not UTF-8 text.
 */
export function readInputText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw unreadable(file, error);
  }
  return decodeInputText(file, bytes);
}

const strictDecoder = new TextDecoder("utf-8", { fatal: true });

/**
 * A file's bytes as text, in one strict decode when they are valid UTF-8 without NUL characters
 * (a byte-order mark dropped); otherwise {@link Utf8Checker} locates the first problem.
 * @throws CliInputError when the bytes are not UTF-8 text.
 */
export function decodeInputText(file: string, bytes: Uint8Array): string {
  let text: string | undefined;
  try {
    text = strictDecoder.decode(bytes);
  } catch {
    // Located below.
  }
  if (text !== undefined && !text.includes("\0")) return text;
  const checker = new Utf8Checker(file);
  return checker.decode(bytes) + checker.decode();
}

/** Bytes read at a time by {@link readInputTextChunks}. */
export const CHUNK_BYTES = 8 * 2 ** 20;

const LF = 10;
const CR = 13;

/**
 * Where to cut `bytes[0, filled)` so that the first part ends with a line end: after the last `\n`,
 * else after the last lone `\r` that is not the last byte (it may be the first half of `\r\n`), else
 * `-1` (no line end yet). A line end is never inside a UTF-8 sequence, so each part decodes alone.
 */
function lineAlignedEnd(bytes: Uint8Array, filled: number): number {
  const lf = bytes.lastIndexOf(LF, filled - 1);
  if (lf >= 0) return lf + 1;
  // (A negative start would count from the end of the buffer.)
  const cr = filled < 2 ? -1 : bytes.lastIndexOf(CR, filled - 2);
  return cr >= 0 ? cr + 1 : -1;
}

/** A part of a file to read: bytes `[start, end)`; `start` is 0 or just after a line end. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Reads a file (or the bytes `range` of it) as UTF-8 text in pieces of about {@link CHUNK_BYTES} that
 * end at a line end (the last piece excepted), handing each to `onText` in order — so a file of any
 * size is decoded without being held whole. A byte-order mark at the start of the file is dropped.
 * `chunkBytes` is for tests.
 * @throws CliInputError when the file cannot be read or is not UTF-8 text (located as
 * {@link readInputText} locates it).
 */
export function readInputTextChunks(file: string, onText: (text: string) => void, chunkBytes = CHUNK_BYTES, range?: ByteRange): void {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    let bytes = new Uint8Array(chunkBytes);
    let filled = 0;
    let first = range === undefined || range.start === 0;
    let position = range?.start ?? 0;
    const end = range?.end ?? Number.POSITIVE_INFINITY;
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, bytes, filled, Math.min(bytes.length - filled, end - position), position);
      } catch (error) {
        throw unreadable(file, error);
      }
      position += read;
      filled += read;
      const atEnd = read === 0;
      const cut = atEnd ? filled : lineAlignedEnd(bytes, filled);
      if (cut < 0) {
        // One line longer than the buffer: read on into a larger one.
        if (filled === bytes.length) {
          const larger = new Uint8Array(bytes.length * 2);
          larger.set(bytes);
          bytes = larger;
        }
        continue;
      }
      if (cut > 0) onText(decodePiece(file, bytes.subarray(0, cut), first));
      first = false;
      if (atEnd) return;
      bytes.copyWithin(0, cut, filled);
      filled -= cut;
    }
  } finally {
    closeSync(fd);
  }
}

const strictPieceDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** One piece's text; a problem is located by reading the file again from its start (errors only). */
function decodePiece(file: string, bytes: Uint8Array, first: boolean): string {
  let text: string | undefined;
  try {
    text = (first ? strictDecoder : strictPieceDecoder).decode(bytes);
  } catch {
    // Located below.
  }
  if (text !== undefined && !text.includes("\0")) return text;
  return locateTextProblem(file);
}

/** Reads `file` through {@link Utf8Checker}, which throws at the first problem. */
function locateTextProblem(file: string): never {
  const checker = new Utf8Checker(file);
  const fd = openSync(file, "r");
  try {
    const bytes = new Uint8Array(CHUNK_BYTES);
    for (let read = readSync(fd, bytes); read > 0; read = readSync(fd, bytes)) checker.decode(bytes.subarray(0, read));
    checker.decode();
  } finally {
    closeSync(fd);
  }
  throw new CliInputError(`${echoed(file)}: changed while it was read`);
}
