/**
 * The Parquet section of `npm run bench`: for each size, the benchmark's contracts written once as a
 * Parquet file, then `cs-metrics report` on it (in-process, as the CLI runs) against DuckDB running
 * `toSql("revenueReport")` over the same file, each in its own process (bench/parquetMeasure.ts).
 * @module
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Decimal from "decimal.js";
import type { ParquetFigures, ParquetMeasurement } from "./parquetMeasure.js";

const here = fileURLToPath(new URL(".", import.meta.url));

function run(args: readonly string[]): string {
  return execFileSync(process.execPath, ["--max-old-space-size=8192", "--import", "tsx", `${here}parquetMeasure.ts`, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
    stdio: ["ignore", "pipe", "inherit"],
  });
}

function measure(task: "cli" | "duckdb", file: string): ParquetMeasurement {
  return JSON.parse(run(["--task", task, "--file", file]).trim().split("\n").at(-1)!) as ParquetMeasurement;
}

/** Money equal once the library's exact value is cut to DuckDB's 18 decimal places; counts equal. */
function agreement(exact: ParquetFigures, duck: ParquetFigures): string {
  const problems = (Object.keys(exact) as (keyof ParquetFigures)[]).filter((key) => {
    const ours = new Decimal(String(exact[key])).toDecimalPlaces(18, Decimal.ROUND_DOWN);
    return !ours.equals(new Decimal(String(duck[key])));
  });
  return problems.length === 0 ? "✓" : `✗ ${problems.map((key) => `${key} ${exact[key]} vs ${duck[key]}`).join("; ")}`;
}

const ratio = (a: number, b: number): string => `${(a / b).toFixed(1)}×`;

/** The section's markdown, and whether every size agreed. */
export function parquetSection(sizes: readonly number[], label: (size: number) => string): { markdown: string; agreed: boolean } {
  const folder = join(os.tmpdir(), "cs-metrics-bench-parquet");
  mkdirSync(folder, { recursive: true });
  const rows: string[] = [];
  let agreed = true;
  for (const size of sizes) {
    const file = join(folder, `contracts-${size}.parquet`);
    if (!existsSync(file)) run(["--task", "write", "--size", String(size), "--file", file]);
    const cli = measure("cli", file);
    const duck = measure("duckdb", file);
    const agrees = agreement(cli.figures, duck.figures);
    agreed &&= agrees === "✓";
    process.stderr.write(`  parquet ${label(size)}: cli ${cli.wallMs} ms / ${cli.peakRssMb} MiB, duckdb ${duck.wallMs} ms / ${duck.peakRssMb} MiB\n`);
    rows.push(
      `| ${label(size)} | ${cli.wallMs} (${cli.cpuMs}) | ${cli.peakRssMb} | ${duck.wallMs} (${duck.cpuMs}) | ${duck.peakRssMb} | ${ratio(cli.wallMs, duck.wallMs)} (${ratio(cli.cpuMs, duck.cpuMs)}) | ${ratio(cli.peakRssMb, duck.peakRssMb)} | ${agrees} |`,
    );
  }
  const markdown = `## Parquet: \`cs-metrics report --contracts x.parquet\` vs DuckDB + toSql on the same file

The benchmark's JPY contracts written by DuckDB as Parquet (DATE, DECIMAL(18, 2), Snappy). The CLI runs
in-process (read with hyparquet, validate, book, yearly report, JSON); DuckDB (2 threads) runs
\`toSql("revenueReport")\` over a view of \`read_parquet\`. One run each, in its own process. Times in ms
(CPU in parentheses), memory in MiB. Agreement: movements and counts equal (the library's exact values
cut to DuckDB's 18 decimal places).

| contracts | CLI wall (CPU) | CLI peak RSS | DuckDB + toSql wall (CPU) | DuckDB peak RSS | CLI ÷ DuckDB wall (CPU) | RSS ratio | agreement |
|---|---|---|---|---|---|---|---|
${rows.join("\n")}
`;
  return { markdown, agreed };
}
