import { readFileSync, statSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "../../src/cli/csvHeader.js";
import { eventPartRanges, foldEventPart, lineAlignedRanges, readEventsInParts, runPartInWorker } from "../../src/cli/eventParts.js";
import type { UsageState } from "../../src/usage/usageState.js";
import { readEventSnapshots } from "../../src/cli/eventSnapshots.js";
import { EVENTS_CSV } from "../../src/cli/inputShapes.js";
import { readRecordsInto } from "../../src/cli/recordsInto.js";
import { contractBook } from "../../src/revenue/contractBook.js";
import { PeriodSchema } from "../../src/schemas/period.js";
import { finishUsage, startUsage } from "../../src/usage/usageSnapshots.js";
import { eventCells } from "../../src/cli/eventCells.js";
import { runCli, scratchFolder } from "./support.js";

const write = scratchFolder("cs-metrics-parts-");
const HEADER = "customerId,userId,at,feature,count";
const book = contractBook([
  { id: "L1", customerId: "acme", start: "2025-01-01", amount: "100", currency: "USD" },
  { id: "L2", customerId: "beta", start: "2025-01-01", amount: "100", currency: "USD", seats: 4 },
]);
const period = PeriodSchema.parse({ start: "2025-01-01", end: "2026-01-01" });
const options = { contacts: undefined, timeZone: undefined, featuresAvailable: 3 };

/** Reads `file` in `threads` parts into `state`, every part run in this thread (`null`: one pass). */
async function inPartsHere(file: string, state: UsageState, threads: number, mapping?: ColumnMapping, timeZone?: string) {
  const ranges = eventPartRanges(file, threads, 0);
  return ranges === null ? null : readEventsInParts(file, ranges, state, { mapping, timeZone, runPart: async (task) => foldEventPart(task) });
}

/** The snapshots, data-quality report and record lines of one pass and of `threads` parts (every part run here). */
async function bothWays(file: string, threads: number) {
  let onePassSource;
  const onePass = await readEventSnapshots(file, { ...options, threads: 1 }, book, period, (source) => (onePassSource = source));
  const setup = startUsage({ on: "2025-12-31", licensedSeats: book, featuresAvailable: 3 });
  const parts = await inPartsHere(file, setup.state, threads);
  return { onePass, onePassSource: onePassSource!, parts, partsSnapshots: parts === null ? null : finishUsage(setup) };
}

/** Rows of events over a few customers, users, days and features; some blank lines, unknown customers, future days. */
const eventRow = fc.record({
  customer: fc.constantFrom("acme", "beta", "zeta"),
  user: fc.constantFrom("u1", "u2", "u3"),
  day: fc.constantFrom("2025-12-01", "2025-12-20", "2025-12-31", "2026-01-02", "2025-06-30"),
  feature: fc.constantFrom("", "a", "b"),
  count: fc.constantFrom("", "2"),
  blank: fc.boolean(),
});

describe("reading an events CSV in parts", () => {
  it("gives the snapshots, warnings, lines and counts of one pass, whatever the cut points", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(eventRow, { minLength: 1, maxLength: 60 }), fc.integer({ min: 2, max: 5 }), fc.boolean(), async (rows, threads, crlf) => {
        const end = crlf ? "\r\n" : "\n";
        const lines = rows.flatMap((row) => [...(row.blank ? [""] : []), [row.customer, row.user, row.day, row.feature, row.count].join(",")]);
        const file = write("events.csv", [HEADER, ...lines].join(end) + end);
        const { onePass, onePassSource, parts, partsSnapshots } = await bothWays(file, threads);
        expect(parts).not.toBeNull();
        expect(partsSnapshots).toEqual(onePass.snapshots);
        expect(partsSnapshots!.dataQuality).toEqual(onePass.snapshots.dataQuality);
        expect(parts!.records).toBe(onePassSource.records);
        expect(parts!.skipped).toBe(onePassSource.skipped);
        for (let index = 0; index < onePassSource.records; index++) expect(parts!.locate([index, "at"])).toEqual(onePassSource.locate([index, "at"]));
      }),
      { numRuns: 60 },
    );
  });

  it("reads renamed columns (--events-columns), a byte-order mark and date-times in a zone as one pass does", async () => {
    const rows = Array.from({ length: 40 }, (_, n) => `${n % 3 === 0 ? "acme" : "beta"},u${n % 7},2025-12-${String(1 + (n % 28)).padStart(2, "0")}T23:30:00-08:00,${n % 2 === 0 ? "a" : ""},`);
    const file = write("renamed.csv", `\uFEFFaccount,member,when,feature,count\n${rows.join("\n")}\n`);
    const mapping = { option: "--events-columns", fieldOf: new Map([["account", "customerId"], ["member", "userId"], ["when", "at"]]) };
    const zoned = { ...options, timeZone: "Asia/Tokyo", threads: 1 };
    const onePass = await readEventSnapshots(file, zoned, book, period, () => undefined, undefined, mapping);
    const setup = startUsage({ on: "2025-12-31", licensedSeats: book, featuresAvailable: 3, timeZone: "Asia/Tokyo" });
    const parts = await inPartsHere(file, setup.state, 3, mapping, "Asia/Tokyo");
    expect(parts?.records).toBe(40);
    expect(finishUsage(setup)).toEqual(onePass.snapshots);
    // Without a zone a date-time is a validation error (the parts would then be left to one pass: null).
    expect(onePass.snapshots.map((snapshot) => snapshot.customerId)).toEqual(["acme", "beta"]);
  });

  it("cuts only after a line end, into ranges that cover the file", () => {
    const file = write("cuts.csv", `${HEADER}\n${"acme,u1,2025-12-01,a,1\n".repeat(50)}`);
    const size = statSync(file).size;
    const ranges = lineAlignedRanges(file, size, 3)!;
    const bytes = readFileSync(file);
    expect(ranges[0]!.start).toBe(0);
    expect(ranges.at(-1)!.end).toBe(size);
    for (let k = 1; k < ranges.length; k++) {
      expect(ranges[k]!.start).toBe(ranges[k - 1]!.end);
      expect(bytes[ranges[k]!.start - 1]).toBe(10);
    }
    // A file without a line end near a cut point is read in one pass.
    const long = write("long.csv", `${HEADER}\nacme,u1,2025-12-01,${"x".repeat(200_000)},1\n`);
    expect(lineAlignedRanges(long, statSync(long).size, 2)).toBeNull();
  });

  it("leaves to the one-pass read a file with a quote, an invalid event, a bad row or one thread", async () => {
    const quoted = write("quoted.csv", `${HEADER}\nacme,u1,2025-12-01,"a",1\n${"beta,u2,2025-12-02,b,1\n".repeat(20)}`);
    const invalid = write("invalid.csv", `${HEADER}\n${"acme,u1,2025-12-01,a,1\n".repeat(20)}acme,u1,2025-13-01,a,1\n`);
    const badRow = write("bad.csv", `${HEADER}\n${"acme,u1,2025-12-01,a,1\n".repeat(20)}acme,u1\n`);
    const fresh = () => startUsage({ on: "2025-12-31" }).state;
    const inParts = (file: string) => readEventsInParts(file, eventPartRanges(file, 2, 0)!, fresh(), { mapping: undefined, timeZone: undefined });
    expect(await inParts(quoted)).toBeNull();
    expect(await inParts(invalid)).toBeNull();
    expect(await inParts(badRow)).toBeNull();
    expect(eventPartRanges(quoted, 1, 0)).toBeNull(); // one thread
    expect(eventPartRanges(quoted, 2)).toBeNull(); // under 16 MiB
    expect(eventPartRanges(quoted.replace(/\.csv$/, ".txt"), 2, 0)).toBeNull(); // not .csv
    expect(eventPartRanges(`${quoted}.missing.csv`, 2, 0)).toBeNull(); // no such file: the one-pass read says so
    // The one-pass read then says what is wrong, with the file's own lines.
    const cli = await runCli(["report", "--contracts", write("c.json", JSON.stringify([{ id: "L1", customerId: "acme", start: "2025-01-01", amount: "100", currency: "USD" }])), "--events", invalid, "--period", "2025", "--threads", "2"]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain("invalid.csv:22:3");
  });

  it("runs a part with the default runner (in this thread from the TypeScript sources) as foldEventPart does", async () => {
    const file = write("runner.csv", `${HEADER}\n${"acme,u1,2025-12-01,a,1\n".repeat(5)}`);
    const task = { file, range: { start: 0, end: statSync(file).size }, mapping: undefined, dates: [20453], windows: { wau: 7, mau: 30, features: 30 }, timeZone: undefined, known: ["acme"] };
    expect(await runPartInWorker(task)).toEqual(foldEventPart(task));
    expect(foldEventPart({ ...task, file: `${file}.missing` })).toBeNull();
  });
});

describe("--threads", () => {
  it("takes a whole number from 1 to 64, with --events", async () => {
    const contracts = write("c2.json", JSON.stringify([{ id: "L1", customerId: "acme", start: "2025-01-01", amount: "100", currency: "USD" }]));
    for (const bad of ["0", "65", "two", "1.5"]) {
      const run = await runCli(["report", "--contracts", contracts, "--events", write("e.csv", `${HEADER}\nacme,u1,2025-12-01,,\n`), "--period", "2025", "--threads", bad]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("--threads must be a whole number from 1 to 64");
    }
    const without = await runCli(["report", "--contracts", contracts, "--period", "2025", "--threads", "2"]);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain("--threads needs --events");
  });
});

describe("the events CSV read as cells", () => {
  it("reads blank, spaced and non-digit cells as the record would", async () => {
    // Row 2: a no-break space is blank to String#trim, so the user is absent: a validation error, as with records.
    const file = write("cells.csv", `${HEADER}\nacme,u1,2025-12-01, ,1.0\nacme,\u00a0,2025-12-01,a,1\n`);
    const viaRecords: unknown[] = [];
    await readRecordsInto(file, EVENTS_CSV, (record) => viaRecords.push(record));
    const a = startUsage({ on: "2025-12-31" });
    for (const record of viaRecords) a.state.add(record);
    const b = startUsage({ on: "2025-12-31" });
    await readRecordsInto(file, EVENTS_CSV, () => undefined, undefined, undefined, eventCells(b.state));
    expect(b.state.issues).toEqual(a.state.issues);
    expect(b.state.issues.map((issue) => issue.path)).toEqual(["events[1].userId"]);
  });
});
