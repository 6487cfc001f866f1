/**
 * The line of every record of a file, kept in room that grows with the irregularities rather than
 * with the records: records on consecutive lines share one entry, so a file of ten million one-line
 * rows costs one entry, and a blank line or a quoted cell holding a line break adds one.
 * @module
 */

/** {@link RowLines} as plain data. */
export interface RowLineRuns {
  readonly starts: readonly number[];
  readonly lines: readonly number[];
  readonly count: number;
}

/** Lines of records 0, 1, 2, … given in order. */
export class RowLines {
  /** Record indexes where a run of consecutive lines starts, ascending. */
  readonly #starts: number[] = [];
  /** The line of the record at each run start. */
  readonly #lines: number[] = [];
  #count = 0;
  #next = -1;

  /** Records so far. */
  get count(): number {
    return this.#count;
  }

  /** Records that the next record (number {@link RowLines.count}) is on `line`. */
  push(line: number): void {
    if (line !== this.#next) {
      this.#starts.push(this.#count);
      this.#lines.push(line);
    }
    this.#count++;
    this.#next = line + 1;
  }

  /** The runs, as plain data (to be sent to another thread). */
  runs(): RowLineRuns {
    return { starts: [...this.#starts], lines: [...this.#lines], count: this.#count };
  }

  /**
   * Appends the records of another part of the file: `runs` of its own (numbered from record 0 and
   * line 1) whose first line is line `lineOffset + 1` of the file.
   */
  append(runs: RowLineRuns, lineOffset: number): void {
    runs.starts.forEach((start, k) => {
      this.#starts.push(this.#count + start);
      this.#lines.push(runs.lines[k]! + lineOffset);
    });
    this.#count += runs.count;
    this.#next = -1;
  }

  /** The line of record `index`, or `undefined` outside `[0, count)`. */
  lineOf(index: number): number | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.#count) return undefined;
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.#starts[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    return this.#lines[low]! + (index - this.#starts[low]!);
  }
}
