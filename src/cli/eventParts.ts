/**
 * Reading a large product-events CSV in parts, one per thread (`--threads`): the file is cut at line
 * ends into byte ranges, each range is read and folded into a usage state of its own — in a worker
 * thread, or in this one — and the states merge, as shards of events do (min first day, max latest
 * day, Σ counts), into exactly the state of one pass. Record positions and lines are renumbered
 * after the parts before, so warnings name the same lines as a one-pass read.
 *
 * A part can only start at a row boundary, which a line end is unless a quoted cell holds it: a file
 * with any `"`, an invalid row, or an event that fails validation is read again in one pass, which
 * then reports exactly what it reports without parts.
 * @module
 */
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { EpochDay } from "../dates/calendarDate.js";
import { type UsageFoldPart, UsageState } from "../usage/usageState.js";
import type { ResolvedWindows } from "../usage/usageWindows.js";
import type { ColumnMapping } from "./csvHeader.js";
import { csvLocate, readCsvRows } from "./csvRecords.js";
import { eventCells } from "./eventCells.js";
import type { ByteRange } from "./inputText.js";
import { EVENTS_CSV } from "./inputShapes.js";
import type { RecordsSource } from "./recordsInto.js";
import { type RowLineRuns, RowLines } from "./rowLines.js";

/** Files smaller than this are read in one pass (starting a thread costs more than it saves). */
export const PARTS_MIN_BYTES = 16 * 2 ** 20;

/** One part to read and fold: everything a worker thread needs, as plain data. */
export interface EventPartTask {
  readonly file: string;
  readonly range: ByteRange;
  readonly mapping: ColumnMapping | undefined;
  readonly dates: readonly EpochDay[];
  readonly windows: ResolvedWindows;
  readonly timeZone: string | undefined;
  /** The contract book's customers, when one was given. */
  readonly known: readonly string[] | undefined;
}

/** A part read and folded, or `null` when the file must be read in one pass instead. */
export type EventPartResult = {
  readonly fold: UsageFoldPart;
  readonly lines: RowLineRuns;
  readonly records: number;
  readonly skipped: number;
  readonly lineBreaks: number;
  readonly header: readonly string[];
} | null;

/** Reads and folds one part; `null` for a part with a `"`, an invalid row or event, or no header. */
export function foldEventPart(task: EventPartTask): EventPartResult {
  const state = new UsageState(task.dates, task.windows, task.timeZone);
  state.knownCustomers = task.known === undefined ? undefined : new Set(task.known);
  const read = readPart(task, state);
  return read === null ? null : { ...read, fold: state.part() };
}

/** A part read: where its records are. */
type PartRead = Omit<NonNullable<EventPartResult>, "fold">;

/** Reads one part into `state`; `null` as {@link foldEventPart}. */
function readPart(task: EventPartTask, state: UsageState): PartRead | null {
  try {
    const rows = readCsvRows(task.file, EVENTS_CSV, eventCells(state), undefined, task.mapping, task.range);
    if (rows.quoted || state.issues.length > 0) return null;
    return { lines: rows.lines.runs(), records: rows.records, skipped: rows.skipped, lineBreaks: rows.lineBreaks, header: rows.header };
  } catch {
    return null;
  }
}

/** Bytes looked at past a cut point for the next line end. */
const SEEK_BYTES = 2 ** 16;

/**
 * `parts` byte ranges of `file` (`size` bytes) that start at line starts, or `null` when no `\n` is
 * found near a cut point (then the file is read in one pass).
 */
export function lineAlignedRanges(file: string, size: number, parts: number): ByteRange[] | null {
  const starts = [0];
  const fd = openSync(file, "r");
  try {
    const bytes = new Uint8Array(SEEK_BYTES);
    for (let k = 1; k < parts; k++) {
      const from = Math.max(Math.floor((size * k) / parts), starts[k - 1]!);
      if (from >= size) {
        starts.push(size);
        continue;
      }
      const read = readSync(fd, bytes, 0, SEEK_BYTES, from);
      const lf = bytes.subarray(0, read).indexOf(10);
      if (lf < 0) return null;
      starts.push(from + lf + 1);
    }
  } finally {
    closeSync(fd);
  }
  return starts.map((start, k) => ({ start, end: starts[k + 1] ?? size }));
}

/** Runs a part: in a worker thread (the built `events-worker.js` beside this module) or, without one, here. */
export type PartRunner = (task: EventPartTask) => Promise<EventPartResult>;

/** The worker script, when this module runs from the built package (not from the TypeScript sources). */
function workerScript(): URL | null {
  try {
    const url = new URL("./events-worker.js", import.meta.url);
    return existsSync(fileURLToPath(url)) ? url : null;
  } catch {
    return null;
  }
}

/** Runs each part in a worker thread when the worker script is there, else in this thread. */
export const runPartInWorker: PartRunner = (task) => {
  const script = workerScript();
  if (script === null) return Promise.resolve(foldEventPart(task));
  return new Promise((resolve) => {
    const worker = new Worker(script, { workerData: task });
    worker.once("message", (result: EventPartResult) => resolve(result));
    worker.once("error", () => resolve(null));
    worker.once("exit", () => resolve(null));
  });
};

/**
 * The byte ranges to read `file` in, one per thread, or `null` when it is to be read in one pass: one
 * thread asked, not a `.csv` file, smaller than `minBytes` ({@link PARTS_MIN_BYTES}), or no line end
 * near a cut point. Reads only the file's size and a few bytes at each cut.
 */
export function eventPartRanges(file: string, threads: number, minBytes = PARTS_MIN_BYTES): ByteRange[] | null {
  if (threads < 2 || !file.toLowerCase().endsWith(".csv")) return null;
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return null;
  }
  return size < minBytes ? null : lineAlignedRanges(file, size, threads);
}

/** How to read the events in parts. */
export interface PartsOptions {
  readonly mapping: ColumnMapping | undefined;
  readonly timeZone: string | undefined;
  /** Runs the parts after the first (the first is read in this thread meanwhile). */
  readonly runPart?: PartRunner;
}

/**
 * Reads the events CSV `file` in `ranges` ({@link eventPartRanges}) into `state` (an empty state with
 * its dates, windows and known customers set): the first part in this thread straight into `state`,
 * the others meanwhile by `runPart`, merged in after it. `null` when a part needs the one-pass read
 * (see the module comment) — then `state` may hold some of the events and is to be replaced by a
 * fresh one.
 */
export async function readEventsInParts(file: string, ranges: readonly ByteRange[], state: UsageState, options: PartsOptions): Promise<RecordsSource | null> {
  const known = state.knownCustomers === undefined ? undefined : [...state.knownCustomers];
  const tasks = ranges.map((range): EventPartTask => ({ file, range, mapping: options.mapping, dates: state.dates, windows: state.windows, timeZone: options.timeZone, known }));
  const runPart = options.runPart ?? runPartInWorker;
  const others = tasks.slice(1).map((task) => runPart(task));
  const first = readPart(tasks[0]!, state);
  const rest = await Promise.all(others);
  if (first === null || !rest.every((result) => result !== null)) return null;
  const reads: PartRead[] = [first, ...rest];
  if (reads.every((read) => read.records === 0)) return null;
  const lines = new RowLines();
  let records = 0;
  let skipped = 0;
  let lineOffset = 0;
  reads.forEach((read, k) => {
    if (k > 0) state.absorb(rest[k - 1]!.fold, records);
    lines.append(read.lines, lineOffset);
    records += read.records;
    skipped += read.skipped;
    lineOffset += read.lineBreaks;
  });
  return { file, records, skipped, locate: csvLocate(lines, first.header) };
}
