/**
 * Opening the CLI's input files: a file that cannot be read says why (no such file, a directory, no
 * permission), and bytes that are not text — NUL characters (a spreadsheet, an archive) or invalid
 * UTF-8 — are a located error instead of garbled records.
 * @module
 */
import { readFileSync } from "node:fs";
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
