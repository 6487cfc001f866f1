/**
 * `npm run bench`: measures cs-metrics against a float baseline and DuckDB on seeded synthetic data,
 * each measurement in its own process, and writes the tables to bench/results.md (and stdout).
 *
 *   npm run bench                       # 10k, 100k, 1M contracts; 1M snapshots
 *   npm run bench -- --sizes 10k        # the CI smoke run
 *   npm run bench -- --sizes 1m --snapshots 1m,10m
 *   npm run bench -- --sizes 1m --events 1m,10m   # events → usage snapshots (default: the --sizes)
 * Each size also runs the Parquet comparison (bench/parquetCompare.ts).
 * @module
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Decimal from "decimal.js";
import { compareCliWithDuckdb } from "./cliVsDuckdb.js";
import { EVENT_BOOK_LINES, compareEventsWithDuckdb } from "./eventsVsDuckdb.js";
import type { KpiFigures } from "./floatKpis.js";
import type { Measurement } from "./measure.js";
import { parquetSection } from "./parquetCompare.js";

const here = fileURLToPath(new URL(".", import.meta.url));

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (match === null) throw new Error(`not a size: ${text}`);
  const factor = { "": 1, k: 1_000, m: 1_000_000 }[match[2]!.toLowerCase() as "" | "k" | "m"];
  return Math.round(Number(match[1]) * factor);
}

function label(size: number): string {
  return size >= 1_000_000 ? `${size / 1_000_000}M` : size >= 1_000 ? `${size / 1_000}k` : String(size);
}

const sizes = argument("sizes", "10k,100k,1m").split(",").map(parseSize);
const snapshotSizes = argument("snapshots", sizes.length === 1 && sizes[0]! <= 10_000 ? "10k" : "1m").split(",").map(parseSize);
const eventSizes = argument("events", argument("sizes", "10k,100k,1m")).split(",").map(parseSize);
const currencies = argument("currencies", "JPY,USD").split(",");

function measure(task: string, size: number, currency = "JPY"): Measurement {
  const output = execFileSync(
    process.execPath,
    ["--expose-gc", "--max-old-space-size=8192", "--import", "tsx", `${here}measure.ts`, "--task", task, "--size", String(size), "--currency", currency],
    { encoding: "utf8", maxBuffer: 1 << 24, stdio: ["ignore", "pipe", "inherit"] },
  );
  const line = output.trim().split("\n").at(-1)!;
  const result = JSON.parse(line) as Measurement;
  process.stderr.write(`  ${task} ${label(size)} ${currency}: ${JSON.stringify(result.wallMs)} ms, peak ${result.peakRssMb} MiB\n`);
  return result;
}

/** Exact agreement for money sums and counts; rates and lost revenue within `tolerance` (relative). */
function agreement(exact: KpiFigures, other: KpiFigures, exactMoney: boolean, tolerance: number): string {
  const problems: string[] = [];
  for (const key of Object.keys(exact) as (keyof KpiFigures)[]) {
    const a = new Decimal(String(exact[key]));
    const b = new Decimal(String(other[key]));
    const strict = exactMoney && key !== "nrr" && key !== "grr" && key !== "lostRevenue";
    const ok = strict || typeof exact[key] === "number" ? a.equals(b) : a.minus(b).abs().lte(a.abs().times(tolerance).plus(1e-9));
    if (!ok) problems.push(`${key} ${a.toString()} vs ${b.toString()}`);
  }
  return problems.length === 0 ? "✓" : `✗ ${problems.join("; ")}`;
}

const ms = (value: number | undefined): string => (value === undefined ? "–" : value >= 100 ? value.toFixed(0) : value.toFixed(1));
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;

const revenueRows: string[] = [];
const agreementRows: string[] = [];
for (const size of sizes) {
  for (const currency of currencies) {
    const exact = measure("exact", size, currency);
    const stream = measure("stream", size, currency);
    const float = measure("float", size, currency);
    const duck = measure("duckdb", size, currency);
    const build = exact.wallMs["build"]!;
    const kpis = exact.wallMs["kpis"]!;
    const endToEnd = build + kpis;
    const endToEndCpu = exact.cpuMs["build"]! + exact.cpuMs["kpis"]!;
    const floatTotal = float.wallMs["total"]!;
    const duckTotal = duck.wallMs["total"]!;
    revenueRows.push(
      `| ${label(size)} ${currency} | ${exact.extra?.["customers"]} | ${ms(build)} (${ms(exact.cpuMs["build"])}) | ${ms(kpis)} (${ms(exact.cpuMs["kpis"])}) | ` +
        `**${ms(endToEnd)}** (${ms(endToEndCpu)}) | ${exact.peakRssMb} (${exact.inputRssMb}) | ${ms(stream.wallMs["build"]! - stream.wallMs["produce"]! + stream.wallMs["kpis"]!)} / ${stream.peakRssMb} | ` +
        `${ms(floatTotal)} (${ms(float.cpuMs["total"])}) / ${float.peakRssMb} | ` +
        `${ms(duckTotal)} (${ms(duck.cpuMs["total"])}; load ${duck.extra?.["loadMs"]} + query ${duck.extra?.["queryMs"]}) / ${duck.peakRssMb} | ` +
        `${ratio(endToEnd, floatTotal)} (${ratio(endToEndCpu, float.cpuMs["total"]!)}) | ${ratio(kpis, floatTotal)} (${ratio(exact.cpuMs["kpis"]!, float.cpuMs["total"]!)}) | ` +
        `${ratio(endToEnd, duckTotal)} (${ratio(endToEndCpu, duck.cpuMs["total"]!)}) |`,
    );
    agreementRows.push(
      `| ${label(size)} ${currency} | ${agreement(exact.figures!, duck.figures!, true, 1e-12)} | ${agreement(exact.figures!, float.figures!, false, 1e-9)} | ` +
        `${exact.figures!.startingArr} | ${exact.figures!.nrr.slice(0, 12)} | ${exact.figures!.lostRevenue.slice(0, 16)} |`,
    );
  }
}

// Issue 13: what totals cost, against the tight float loop (bench/tightFloatKpis.ts) on the same rows.
const totalsRows: string[] = [];
for (const size of sizes) {
  for (const currency of currencies) {
    const run = measure("totals", size, currency);
    const wall = run.wallMs;
    const cpu = run.cpuMs;
    const exact = run.figures!;
    const tight = JSON.parse(String(run.extra?.["tight"])) as KpiFigures;
    const tightMovements = JSON.parse(String(run.extra?.["tightMovements"])) as KpiFigures;
    const agrees = agreement(exact, tight, false, 1e-9);
    const agreesMovements = agreement(exact, { ...tightMovements, lostRevenue: exact.lostRevenue }, false, 1e-9);
    totalsRows.push(
      `| ${label(size)} ${currency} | ${run.extra?.["customers"]} | ${ms(wall["movements"])} (${ms(cpu["movements"])}) | ${ms(wall["tightMovements"])} (${ms(cpu["tightMovements"])}) | ` +
        `**${ratio(wall["movements"]!, wall["tightMovements"]!)}** (${ratio(cpu["movements"]!, cpu["tightMovements"]!)}) | ${ms(wall["rows"])} (${ms(cpu["rows"])}) | ` +
        `${ms(wall["endToEnd"])} (${ms(cpu["endToEnd"])}) | ${ms(wall["tight"])} (${ms(cpu["tight"])}) | ` +
        `**${ratio(wall["endToEnd"]!, wall["tight"]!)}** (${ratio(cpu["endToEnd"]!, cpu["tight"]!)}) | ${agreesMovements} / ${agrees} |`,
    );
    if (agrees !== "✓" || agreesMovements !== "✓") agreementRows.push(`| ${label(size)} ${currency} (tight float) | – | ${agreesMovements} / ${agrees} | | | |`);
  }
}

// The user's comparison: the CLI on a CSV file against DuckDB reading the same file and running toSql.
const cliRows: string[] = [];
let cliDisagrees = false;
for (const size of sizes) {
  const { cli, duckdb, fileMb, problems } = compareCliWithDuckdb(size);
  process.stderr.write(`  cli vs duckdb ${label(size)}: ${ms(cli.wallMs)} vs ${ms(duckdb.wallMs)} ms, peak ${cli.peakRssMb} vs ${duckdb.peakRssMb} MiB\n`);
  if (problems.length > 0) cliDisagrees = true;
  cliRows.push(
    `| ${label(size)} (${fileMb} MB) | ${ms(cli.wallMs)} (${ms(cli.cpuMs)}) / ${cli.peakRssMb} | ${ms(duckdb.wallMs)} (${ms(duckdb.cpuMs)}) / ${duckdb.peakRssMb} | ` +
      `**${ratio(cli.wallMs, duckdb.wallMs)}** (${ratio(cli.cpuMs, duckdb.cpuMs)}) | **${ratio(cli.peakRssMb, duckdb.peakRssMb)}** | ${problems.length === 0 ? "✓" : `✗ ${problems.join("; ")}`} |`,
  );
}

// The same comparison for product events → usage snapshots as of one date.
const eventRows: string[] = [];
for (const size of eventSizes) {
  const { cli, oneThread, duckdb, fileMb, compared, rows, problems } = compareEventsWithDuckdb(size);
  process.stderr.write(`  events vs duckdb ${label(size)}: ${ms(cli.wallMs)} vs ${ms(duckdb.wallMs)} ms, peak ${cli.peakRssMb} vs ${duckdb.peakRssMb} MiB\n`);
  if (problems.length > 0) cliDisagrees = true;
  eventRows.push(
    `| ${label(size)} (${fileMb} MB) | ${ms(cli.wallMs)} (${ms(cli.cpuMs)}) / ${cli.peakRssMb} | ${ms(oneThread.wallMs)} (${ms(oneThread.cpuMs)}) / ${oneThread.peakRssMb} | ${ms(duckdb.wallMs)} (${ms(duckdb.cpuMs)}) / ${duckdb.peakRssMb} | ` +
      `**${ratio(cli.wallMs, duckdb.wallMs)}** (${ratio(cli.cpuMs, duckdb.cpuMs)}) | ${ratio(oneThread.wallMs, duckdb.wallMs)} (${ratio(oneThread.cpuMs, duckdb.cpuMs)}) | ${ratio(cli.peakRssMb, duckdb.peakRssMb)} | ${compared} of ${rows} | ${problems.length === 0 ? "✓" : `✗ ${problems.join("; ")}`} |`,
  );
}

const healthRows: string[] = [];
for (const size of snapshotSizes) {
  const array = measure("health", size);
  const stream = measure("health-stream", size);
  healthRows.push(
    `| ${label(size)} | ${array.extra?.["customers"]} | **${ms(array.wallMs["score"])}** (${ms(array.cpuMs["score"])}) | ${array.peakRssMb} (${array.inputRssMb}) | ` +
      `${ms(stream.wallMs["score"]! - stream.wallMs["produce"]!)} (${ms(stream.cpuMs["score"]! - stream.cpuMs["produce"]!)}) | ${stream.peakRssMb} |`,
  );
}

const parquet = parquetSection(sizes, label);

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const report = `# Benchmark results

Generated by \`npm run bench -- --sizes ${argument("sizes", "10k,100k,1m")}\` on ${new Date().toISOString().slice(0, 16)}Z:
Node ${process.version}, ${os.cpus().length} × ${cpu}, load average ${os.loadavg().map((load) => load.toFixed(1)).join(" / ")} when it finished
(other processes share this machine: wall times are medians, CPU times in parentheses).
Period: calendar year 2025. Times in ms, memory in MiB.

## Revenue KPIs (revenueReport: movements, every rate, lost revenue)

| book | customers | validate + index (CPU) | KPIs on built book (CPU) | end to end (CPU) | peak RSS (input alone) | streamed: end to end / peak RSS | float baseline (CPU) / peak RSS | DuckDB (CPU; load + query) / peak RSS | end to end ÷ float (CPU) | KPIs ÷ float (CPU) | end to end ÷ DuckDB (CPU) |
|---|---|---|---|---|---|---|---|---|---|---|---|
${revenueRows.join("\n")}

"streamed" builds the book with \`contractBookFromIterable\` from a generator, so no raw rows are held;
its time is the library's share (the generator's own time, measured alone, subtracted) and its peak RSS
is the library's footprint plus Node's. The other peak RSS figures include the input rows.

## Agreement

Money sums are annualised (12 × MRR). DuckDB must match exactly on every money sum and count
(DECIMAL); its NRR/GRR are DOUBLE (relative 1e-12) and its lost revenue divides by days in a month
in DOUBLE (1e-12). The float baseline must match within a relative 1e-9.

| book | vs DuckDB | vs float | starting ARR | NRR | lost revenue |
|---|---|---|---|---|---|
${agreementRows.join("\n")}

## What totals cost (issue 13)

Against the tight float loop (bench/tightFloatKpis.ts): one pass over the raw rows, a \`Map\` of small
per-customer states, doubles, ISO dates compared as strings (only churn dates parsed). Targets: the
movement totals of \`revenueMovements\` on a built book no slower than the loop computing the same
totals (≤ 1×); \`contractBook\` + \`revenueReport\` from the JS rows, validation included, ≤ 3× the
loop computing every KPI with lost revenue. "with rows read" is \`revenueMovements(book).customers\`
(the per-customer rows, built when read). Agreement: the loop's figures within a relative 1e-9 of the
exact ones (movement totals / full set).

| book | customers with a movement | revenueMovements totals on built book (CPU) | tight loop, movement totals (CPU) | movements ÷ loop (CPU) | with rows read (CPU) | contractBook + revenueReport (CPU) | tight loop, every KPI (CPU) | end to end ÷ loop (CPU) | agreement |
|---|---|---|---|---|---|---|---|---|---|
${totalsRows.join("\n")}

## The CLI against DuckDB + toSql on the same CSV file

\`cs-metrics report --contracts contracts.csv --period 2025 --format json\` (dist/cli.js) against DuckDB
(\`@duckdb/node-api\`, default threads) running \`CREATE TABLE … AS SELECT * FROM read_csv(…)\` then
\`toSql("revenueReport", …)\` (bench/duckdbCsvReport.mjs): each a whole process, started, run once and
timed from the outside; CPU is the process's user + system time (all threads), peak RSS its maximum
resident set. The JPY contracts of the tables above, written as CSV (bench/contractsCsv.ts). Figures
agree when every money sum (18 places), count and rate (28 places) of the CLI's exact JSON, truncated,
equals DuckDB's.

| contract lines (file) | CLI wall (CPU) / peak RSS | DuckDB + toSql wall (CPU) / peak RSS | CLI ÷ DuckDB wall (CPU) | CLI ÷ DuckDB peak RSS | figures agree |
|---|---|---|---|---|---|
${cliRows.join("\n")}

## Product events → usage snapshots: the CLI against DuckDB + toSql on the same CSV file

\`cs-metrics report --contracts contracts.csv --events events.csv --scorecard scorecard.json
--features-available 8 --period 2025 --format json\` (the snapshots as of 2025-12-31, scored; the CLI
also reads the ${EVENT_BOOK_LINES.toLocaleString("en-US")}-line contracts file and computes the yearly
report) against DuckDB reading the events with \`read_csv\` and running \`toSql("usageSnapshots", …)\`
(bench/duckdbEventSnapshots.mjs), measured as above. The CLI runs twice: as a user runs it (\`--threads\`
defaults to the machine's cores: a file of 16 MiB or more is read in parts on worker threads) and with
\`--threads 1\` (one pass); both reports must be identical. Seeded events (bench/eventsCsv.ts): ≈ 3,100
customers with up to 40 users each, dates over 2025 and ten days after (ignored, reported), one event
in 200 of a customer without a contract line. Agreement: every customer the CLI scores (the book's
customers in scope with a snapshot, of DuckDB's snapshot rows, unknown customers included) has
DuckDB's date, \`dau / mau\` as its stickiness and \`features_used / 8\` as its feature adoption.

| events (file) | CLI wall (CPU) / peak RSS | CLI --threads 1 wall (CPU) / peak RSS | DuckDB + toSql wall (CPU) / peak RSS | CLI ÷ DuckDB wall (CPU) | --threads 1 ÷ DuckDB wall (CPU) | CLI ÷ DuckDB peak RSS | snapshots compared | figures agree |
|---|---|---|---|---|---|---|---|---|
${eventRows.join("\n")}

## Health scoring (scoreCustomers, latest snapshot per customer, 4-measure scorecard)

| snapshots | customers | scoreCustomers on an array (CPU) | peak RSS (input alone) | scoreCustomersFromIterable, generator time subtracted (CPU) | streamed peak RSS |
|---|---|---|---|---|---|
${healthRows.join("\n")}

${parquet.markdown}`;

// Only the default run replaces the committed results; smaller runs (the CI smoke run) go to tmp.
const defaultRun = argument("sizes", "") === "" || argument("sizes", "") === "10k,100k,1m";
const out = argument("out", defaultRun ? `${here}results.md` : join(os.tmpdir(), "cs-metrics-bench-results.md"));
writeFileSync(out, report);
process.stdout.write(report);
process.stderr.write(`written to ${out}\n`);
if (agreementRows.some((row) => row.includes("✗")) || cliDisagrees || !parquet.agreed) {
  process.stderr.write("cs-metrics bench: the implementations disagree (see Agreement)\n");
  process.exitCode = 1;
}
