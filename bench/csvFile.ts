/**
 * Writing a generated CSV file: a header, then the lines, in 1 MiB blocks.
 * @module
 */
import { closeSync, openSync, writeSync } from "node:fs";

/** Writes `header` and each of `lines` (without their line break) to `file`. */
export function writeCsvLines(file: string, header: readonly string[], lines: Iterable<string>): void {
  const fd = openSync(file, "w");
  try {
    let block = `${header.join(",")}\n`;
    for (const line of lines) {
      block += `${line}\n`;
      if (block.length >= 1 << 20) {
        writeSync(fd, block);
        block = "";
      }
    }
    writeSync(fd, block);
  } finally {
    closeSync(fd);
  }
}
